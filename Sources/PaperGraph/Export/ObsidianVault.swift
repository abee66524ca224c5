import Foundation

/// An Obsidian vault: a note per paper (`papers/`), per entity (`entities/`) and per topic
/// (`topics/`), with YAML front matter, wiki links, and Dataview inline fields for typed
/// edges (`builds_on:: [[entities/VGGT|VGGT]]`), each followed by its evidence and
/// `digest:line`.
///
/// File names are safe on Linux, macOS and Windows and unique even when names differ only
/// by case or by characters a file system forbids; every link points at a note written in
/// the same export. `.papergraph-vault.json` lists the notes papergraph wrote: re-exporting
/// rewrites and removes only those, and never touches other files in the folder.
public enum ObsidianVault {
    static let manifestName = ".papergraph-vault.json"
    static let reserved = Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    /// A file name (no extension) from any text.
    static func safeName(_ text: String) -> String {
        var out = ""
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "/", "\\", ":", "*", "?", "\"", "<", ">", "|", "#", "^", "[", "]", "%": out += "-"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.generalCategory == .format {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out = out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = out.last, last == "." || last == " " { out.removeLast() }
        while let first = out.first, first == "." || first == " " { out.removeFirst() }
        if out.isEmpty { out = "untitled" }
        if out.count > 80 { out = String(out.prefix(80)).trimmingCharacters(in: .whitespaces) }
        if reserved.contains(out.lowercased().split(separator: ".").first.map(String.init) ?? "") { out += "_" }
        return out
    }

    /// Text that opens or closes no wiki link, on one line.
    static func inert(_ text: String) -> String {
        text.replacingOccurrences(of: "]]", with: "] ]").replacingOccurrences(of: "[[", with: "[ [")
            .split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Text for inside a link's display part or a heading: no `]]`, `|` or line breaks.
    static func display(_ text: String) -> String {
        inert(text).replacingOccurrences(of: "|", with: "¦")
    }

    /// A YAML double-quoted scalar (JSON's escapes, which YAML reads, plus the characters
    /// YAML does not allow raw).
    static func yaml(_ text: String) -> String {
        JSONText.quote(text).mappingScalars { scalar in
            let v = scalar.value
            return v == 0x7F || (0x80...0x9F).contains(v) || v == 0xFEFF ? String(format: "\\u%04X", v) : nil
        }
    }

    static func yamlList(_ items: [String]) -> String { "[" + items.map(yaml).joined(separator: ", ") + "]" }

    struct Note { var path: String; var text: String }

    /// Writes the vault into `folder`; returns how many notes it wrote and removed.
    @discardableResult
    public static func write(_ store: GraphStore, scope: ExportScope = .everything, to folder: URL) throws -> (written: Int, removed: Int) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw ExportError.notAFolder(folder.path, what: "obsidian writes a vault folder")
        }
        var papers: [GraphExport.Paper] = [], entities: [ExportEntity] = [], edges: [GraphExport.Edge] = []
        try scope.read(store, paper: { papers.append($0) }, entity: { entities.append($0) }, edge: { edges.append($0) })
        let manifestURL = folder.appendingPathComponent(manifestName)
        let previous = Set((try? JSONDecoder().decode([String].self, from: Data(contentsOf: manifestURL))) ?? [])

        // Names: unique ignoring case (as macOS and Windows see them), never a file someone
        // else put there, whatever its case.
        var others = Set<String>()
        let ours = Set(previous.map { $0.lowercased() })
        for sub in ["papers", "entities", "topics"] {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(sub).path)) ?? [] {
                let key = "\(sub)/\(file)".lowercased()
                if !ours.contains(key) { others.insert(key) }
            }
        }
        var taken = Set<String>()
        func claim(_ folderName: String, _ wanted: String) -> String {
            var name = wanted, n = 1
            while true {
                let path = "\(folderName)/\(name)"
                if !taken.contains(path.lowercased()), !others.contains(path.lowercased() + ".md") {
                    taken.insert(path.lowercased())
                    return path
                }
                n += 1
                name = "\(wanted) (\(n))"
            }
        }
        var path: [String: String] = [:], label: [String: String] = [:]
        for p in papers { path[p.id] = claim("papers", safeName(p.name ?? p.title)); label[p.id] = p.name ?? p.title }
        for e in entities { path[e.entity.id] = claim("entities", safeName(e.entity.name)); label[e.entity.id] = e.entity.name }
        var topicPath: [String: String] = [:]
        for topic in Set(papers.flatMap(\.topics)).sorted() { topicPath[topic] = claim("topics", safeName(topic)) }
        func link(_ id: String) -> String { "[[\(path[id]!)|\(display(label[id]!))]]" }

        var bySource: [String: [GraphExport.Edge]] = [:], byTarget: [String: [GraphExport.Edge]] = [:]
        for e in edges where path[e.source] != nil && path[e.target] != nil {
            bySource[e.source, default: []].append(e)
            byTarget[e.target, default: []].append(e)
        }
        func evidence(_ e: GraphExport.Edge) -> String {
            // A digest's own wiki links in a quoted sentence must not become links of the vault.
            "  > " + inert(e.evidence) + " — \(e.digest):\(e.line)"
        }
        var notes: [Note] = []
        for p in papers {
            var lines = ["---", "papergraph: paper", "id: \(yaml(p.id))"]
            if let arxiv = p.arxiv { lines.append("arxiv: \(yaml(arxiv))") }
            if let url = p.url { lines.append("url: \(yaml(url))") }
            if let month = p.month { lines.append("month: \(yaml(month))") }
            lines += ["title: \(yaml(p.title))", "topics: \(yamlList(p.topics))", "digests: \(yamlList(p.digests))"]
            lines.append("aliases: \(yamlList(p.name.map { [$0] } ?? []))")
            lines += ["---", "", "# \(display(p.title))", ""]
            if let url = p.url { lines.append("- Link: <\(url)>") }
            if !p.topics.isEmpty { lines.append("- Topics: " + p.topics.map { "[[\(topicPath[$0]!)|\(display($0))]]" }.joined(separator: ", ")) }
            lines.append("- Read in: " + p.digests.joined(separator: ", "))
            let own = bySource[p.id] ?? []
            if !own.isEmpty { lines += ["", "## Relations", ""] }
            for relation in Relation.allCases {
                for e in own where e.relation == relation.rawValue {
                    lines.append("- \(relation.rawValue):: \(link(e.target))")
                    lines.append(evidence(e))
                }
            }
            notes.append(Note(path: path[p.id]!, text: lines.joined(separator: "\n") + "\n"))
        }
        for e in entities {
            let id = e.entity.id
            var lines = [
                "---", "papergraph: entity", "id: \(yaml(id))", "kind: \(yaml(e.entity.kind))",
                "aliases: \(yamlList(e.entity.aliases))", "papers: \(e.papers)", "---", "", "# \(display(e.entity.name))", "",
            ]
            let incoming = byTarget[id] ?? []
            let parents = (bySource[id] ?? []).filter { $0.relation == Relation.derived_from.rawValue }
            let children = incoming.filter { $0.relation == Relation.derived_from.rawValue }
            if !parents.isEmpty || !children.isEmpty {
                lines += ["## Lineage", ""]
                for p in parents { lines.append("- derived_from:: \(link(p.target))"); lines.append(evidence(p)) }
                for c in children { lines.append("- descendant:: \(link(c.source))"); lines.append(evidence(c)) }
                lines.append("")
            }
            for relation in Relation.allCases where relation != .derived_from {
                let group = incoming.filter { $0.relation == relation.rawValue }
                guard !group.isEmpty else { continue }
                lines += ["## \(ShowReport.incomingLabel[relation] ?? relation.rawValue) (\(group.count))", ""]
                for g in group { lines.append("- \(link(g.source))"); lines.append(evidence(g)) }
                lines.append("")
            }
            notes.append(Note(path: path[id]!, text: lines.joined(separator: "\n") + "\n"))
        }
        for (topic, notePath) in topicPath.sorted(by: { $0.key < $1.key }) {
            var lines = ["---", "papergraph: topic", "topic: \(yaml(topic))", "---", "", "# \(display(topic))", ""]
            for p in papers where p.topics.contains(topic) { lines.append("- \(link(p.id))" + (p.month.map { " (\($0))" } ?? "")) }
            notes.append(Note(path: notePath, text: lines.joined(separator: "\n") + "\n"))
        }

        let manager = FileManager.default
        /// Runs one write of `url`, its failure said with what to do.
        func writing(_ url: URL, _ body: () throws -> Void) throws {
            do { try body() } catch { throw ExportError.writeFailed(url.path, reason: WriteFailure.reason(error)) }
        }
        for sub in ["papers", "entities", "topics"] {
            let url = folder.appendingPathComponent(sub)
            try writing(url) { try manager.createDirectory(at: url, withIntermediateDirectories: true) }
        }
        var written: [String] = []
        for note in notes {
            let url = folder.appendingPathComponent(note.path + ".md")
            let data = Data(note.text.utf8)
            if (try? Data(contentsOf: url)) != data { try writing(url) { try data.write(to: url, options: .atomic) } }
            written.append(note.path + ".md")
        }
        let now = Set(written)
        var removed = 0
        for old in previous.sorted() where !now.contains(old) {
            let url = folder.appendingPathComponent(old)
            if manager.fileExists(atPath: url.path) { try manager.removeItem(at: url); removed += 1 }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try writing(manifestURL) { try encoder.encode(written.sorted()).write(to: manifestURL, options: .atomic) }
        return (written.count, removed)
    }
}
