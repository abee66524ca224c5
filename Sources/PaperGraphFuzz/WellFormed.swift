import Foundation
import FoundationXML
import PaperGraph
import Yams

/// Readers for what papergraph writes, each checking one format the way the tool that
/// reads it would: libcgraph for DOT, an XML parser for GraphML, GEXF and SVG, RFC 4180
/// for CSV, BibTeX's own brace rule, YAML for notes' front matter.
public enum WellFormed {
    /// What libcgraph must read back from `DotWriter.write(graph)`: every attribute as written,
    /// no node, cluster, edge or attribute name more or less.
    public static func dot(_ graph: DotGraph) throws {
        let text = DotWriter.write(graph)
        let parsed: GraphvizRenderer.ParsedDot
        do { parsed = try GraphvizRenderer.shared.parse(text) } catch { throw FuzzFinding("dot", "libcgraph did not parse it:\n\(text)") }
        var keys: [String] = []
        var seen = Set<String>()
        for key in graph.clusters.flatMap(\.nodes).map(\.key) + graph.nodes.map(\.key) + graph.edges.flatMap({ [$0.from, $0.to] })
        where seen.insert(key).inserted {
            keys.append(key)
        }
        try verify(parsed.nodes.count == keys.count, "dot", "\(parsed.nodes.count) nodes read back, \(keys.count) written")
        try verify(parsed.edges == graph.edges.count, "dot", "\(parsed.edges) edges read back, \(graph.edges.count) written")
        try verify(parsed.clusters.count == graph.clusters.count, "dot", "\(parsed.clusters.count) clusters read back, \(graph.clusters.count) written")
        var written = Set(graph.graphAttributes.keys).union(graph.nodeDefaults.keys).union(graph.edgeDefaults.keys)
        for node in graph.clusters.flatMap(\.nodes) + graph.nodes { written.formUnion(node.attributes.keys) }
        for edge in graph.edges { written.formUnion(edge.attributes.keys) }
        for cluster in graph.clusters { written.formUnion(cluster.attributes.keys) }
        try verify(parsed.declared == written, "dot", "attributes \(parsed.declared.symmetricDifference(written).sorted()) appeared or vanished")
        // Node attributes in creation order (libcgraph's order), as libcgraph keeps them.
        for (name, value) in graph.nodeDefaults {
            try verify(
                parsed.nodeDefaults[name] == readBack(value, of: name), "dot", "node default \(name) read back as \(parsed.nodeDefaults[name] ?? "nothing")")
        }
        // A key declared twice is one node: the later statement's attributes win, as in DOT.
        var byKey: [String: [String: String]] = [:]
        for node in graph.clusters.flatMap(\.nodes) + graph.nodes { byKey[node.key, default: [:]].merge(node.attributes) { $1 } }
        for (i, key) in keys.enumerated() {
            let want = Dictionary(uniqueKeysWithValues: (byKey[key] ?? [:]).map { ($0.key, readBack($0.value, of: $0.key)) })
                .filter { name, value in value != parsed.nodeDefaults[name] }
            try verify(parsed.nodes[i] == want, "dot", "node \(i) read back as \(parsed.nodes[i]), written \(want)")
        }
        for (i, cluster) in graph.clusters.enumerated() {
            let want = Dictionary(uniqueKeysWithValues: cluster.attributes.map { ($0.key, readBack($0.value, of: $0.key)) })
                .filter { name, value in value != parsed.graphDefaults[name] }
            let read = parsed.clusters["cluster_\(i)"]
            try verify(read == want, "dot", "cluster \(i) read back as \(read ?? [:]), written \(want)")
        }
        let graphWant = Dictionary(uniqueKeysWithValues: graph.graphAttributes.map { ($0.key, readBack($0.value, of: $0.key)) })
        try verify(parsed.graph == graphWant.filter { !$0.value.isEmpty }, "dot", "graph attributes read back as \(parsed.graph)")
    }

    /// What libcgraph keeps of an attribute value as DotWriter writes it: inside a quoted
    /// string only `\"` is undone; an HTML-like label keeps its markup.
    static func readBack(_ value: String, of name: String) -> String {
        // By code points throughout: a combining mark after the quote is not part of it.
        let written = DotWriter.value(value, of: name)
        guard written.unicodeScalars.first == "\"" else { return String(written.unicodeScalars.dropFirst().dropLast()) }
        var out = "", scalars = Array(written.unicodeScalars.dropFirst().dropLast())[...]
        while let first = scalars.popFirst() {
            if first == "\\", scalars.first == "\"" { out.unicodeScalars.append(scalars.removeFirst()) } else { out.unicodeScalars.append(first) }
        }
        return out
    }

    /// Parses XML; returns how many elements of each name it holds.
    @discardableResult
    public static func xml(_ text: String, format: String) throws -> [String: Int] {
        final class Counter: NSObject, XMLParserDelegate {
            var counts: [String: Int] = [:]
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
            ) {
                counts[name, default: 0] += 1
            }
        }
        let parser = XMLParser(data: Data(text.utf8))
        let counter = Counter()
        parser.delegate = counter
        let ok = parser.parse()
        if !ok || parser.parserError != nil {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = parser.lineNumber >= 1 && parser.lineNumber <= lines.count ? String(lines[parser.lineNumber - 1].prefix(300)) : ""
            throw FuzzFinding(format, "not well-formed XML (\((parser.parserError as NSError?)?.code ?? 0)) at line \(parser.lineNumber): \(line)")
        }
        return counter.counts
    }

    /// RFC 4180 records of `text`; every record must have `columns` fields, and no field
    /// may start as a spreadsheet formula.
    public static func csv(_ text: String, columns: Int, format: String) throws -> Int {
        var records = 0, fields = 0, field = "", quoted = false, inQuotes = false
        var scalars = text.unicodeScalars[...]
        func endField() throws {
            if let first = field.unicodeScalars.first { try verify(!"=+-@\t\r".unicodeScalars.contains(first), format, "field starts a formula: \(field)") }
            fields += 1
            field = ""
            quoted = false
        }
        while let c = scalars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append(scalars.removeFirst()) } else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty && !quoted {
                inQuotes = true
                quoted = true
            } else if c == "," {
                try endField()
            } else if c == "\r" && scalars.first == "\n" {
                scalars.removeFirst()
                try endField()
                try verify(fields == columns, format, "record \(records + 1) has \(fields) fields, the header \(columns)")
                records += 1
                fields = 0
            } else {
                try verify(c != "\"" && c != "\n" && c != "\r", format, "a bare quote or line break in record \(records + 1)")
                field.unicodeScalars.append(c)
            }
        }
        try verify(!inQuotes && fields == 0 && field.isEmpty, format, "the last record is not terminated")
        return records
    }

    /// BibTeX entries: counted by their `@`, each with braces balanced the way BibTeX counts
    /// them (a backslash does not hide a brace). Returns the number of entries.
    public static func bibtex(_ text: String) throws -> Int {
        var entries = 0, depth = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if depth == 0 {
                if line.hasPrefix("@") {
                    entries += 1
                } else {
                    try verify(line.isEmpty || line.hasPrefix("%"), "bibtex", "text outside an entry: \(line)")
                    continue
                }
            }
            for c in line.unicodeScalars {
                if c == "{" { depth += 1 }
                if c == "}" { depth -= 1 }
                try verify(depth >= 0, "bibtex", "a closing brace without its opening one: \(line)")
            }
        }
        try verify(depth == 0, "bibtex", "an entry's braces do not close")
        return entries
    }

    /// The YAML front matter of a note (between its first two `---` lines) is a mapping.
    public static func frontMatter(_ note: String, path: String) throws {
        let lines = note.split(separator: "\n", omittingEmptySubsequences: false)
        try verify(lines.first == "---", "markdown", "\(path) does not open with front matter")
        guard let end = lines.dropFirst().firstIndex(of: "---") else { throw FuzzFinding("markdown", "\(path): front matter not closed") }
        let yaml = lines[1..<end].joined(separator: "\n")
        let value: Any?
        do { value = try Yams.load(yaml: yaml) } catch { throw FuzzFinding("markdown", "\(path): front matter is not YAML (\(error))") }
        try verify(value == nil || value is [String: Any], "markdown", "\(path): front matter is not a mapping")
    }

    /// A Mermaid flowchart: every line one statement, labels quoted with no bare quote.
    public static func mermaid(_ text: String) throws {
        let statement = #/  (n\d+(\["[^"]*"\]|\(\["[^"]*"\]\)|\[\("[^"]*"\)\]|\[\/"[^"]*"\/\])|class n\d+ \w+|n\d+ [-=.>]+ n\d+|classDef .*|%% .*)/#
            .matchingSemantics(.unicodeScalar)
        for line in text.split(separator: "\n").dropFirst() {
            try verify(
                !line.unicodeScalars.contains { $0 == "\r" || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }, "mermaid",
                "a line break inside a statement")
            try verify(line.wholeMatch(of: statement) != nil, "mermaid", "not one statement: \(line)")
        }
    }

    /// An HTML start tag: its name and attributes (names lowercased, values as written).
    public struct StartTag: Equatable {
        public var name: String
        public var attributes: [(name: String, value: String)]
        public static func == (a: StartTag, b: StartTag) -> Bool {
            a.name == b.name && a.attributes.map(\.name) == b.attributes.map(\.name) && a.attributes.map(\.value) == b.attributes.map(\.value)
        }
    }

    /// The start tags of an HTML page, read byte by byte as a browser's tokenizer does (no
    /// comments or raw text in our pages besides the scripts' `src`); a tag left open is a finding.
    public static func startTags(_ page: String, format: String) throws -> [StartTag] {
        let bytes = Array(page.utf8)
        var tags: [StartTag] = []
        var i = 0
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func unclosed() -> FuzzFinding { FuzzFinding(format, "a tag that does not close: \(text(i..<min(bytes.count, i + 80)))") }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count, isLetter(bytes[i + 1]) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < bytes.count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "/") { j += 1 }
            var tag = StartTag(name: text(i + 1..<j).lowercased(), attributes: [])
            while true {
                while j < bytes.count, isSpace(bytes[j]) || bytes[j] == UInt8(ascii: "/") { j += 1 }
                guard j < bytes.count else { throw unclosed() }
                if bytes[j] == UInt8(ascii: ">") { break }
                let nameStart = j
                while j < bytes.count, !isSpace(bytes[j]), ![UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "/")].contains(bytes[j]) { j += 1 }
                let name = text(nameStart..<j).lowercased()
                while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                var value = ""
                if j < bytes.count, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                    guard j < bytes.count else { throw unclosed() }
                    if bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                        let quote = bytes[j]
                        guard let close = bytes[(j + 1)...].firstIndex(of: quote) else { throw unclosed() }
                        value = text(j + 1..<close)
                        j = close + 1
                    } else {
                        let valueStart = j
                        while j < bytes.count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">") { j += 1 }
                        value = text(valueStart..<j)
                    }
                }
                tag.attributes.append((name, value))
            }
            tags.append(tag)
            i = j + 1
        }
        return tags
    }
}
