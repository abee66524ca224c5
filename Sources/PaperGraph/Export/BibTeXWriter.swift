import Foundation

/// BibTeX for Zotero and LaTeX: one `@misc` entry per paper with its arXiv id, link, title,
/// year and month, and a note with its topic and the methods it builds on. The digests name
/// no authors, so entries have none. Keys are the paper's short name (or first title word)
/// and year, unique across the file; LaTeX's special characters are escaped and the title
/// is braced so styles keep its capitals. Non-ASCII text stays UTF-8, which biber reads and
/// BibTeX passes through.
public enum BibTeXWriter {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func escape(_ s: String) -> String {
        s.mappingScalars { scalar in
            switch scalar {
            case "\\": return "\\textbackslash{}"
            // Not `\{`: BibTeX counts every brace, escaped or not, so a lone one would
            // unbalance the entry (found by fuzzing).
            case "{": return "\\textbraceleft{}"
            case "}": return "\\textbraceright{}"
            case "%": return "\\%"
            case "&": return "\\&"
            case "$": return "\\$"
            case "#": return "\\#"
            case "_": return "\\_"
            case "^": return "\\^{}"
            case "~": return "\\~{}"
            case "\n", "\r", "\t": return " "
            default: return scalar.value < 0x20 ? "" : nil
            }
        }
    }

    /// A link with braces, backslashes and spaces percent-encoded: BibTeX reads `url` verbatim
    /// but still counts braces.
    static func safeURL(_ url: String) -> String {
        url.mappingScalars { scalar in
            switch scalar {
            case "{": return "%7B"
            case "}": return "%7D"
            case "\\": return "%5C"
            case " ": return "%20"
            case "%": return nil
            default: return scalar.value < 0x20 ? "" : nil
            }
        }
    }

    /// Letters and digits of a name, ASCII only (`StreamVGGT-Lite` → `StreamVGGTLite`).
    static func keyStem(_ paper: GraphExport.Paper) -> String {
        let source = paper.name ?? paper.title.split(separator: " ").first.map(String.init) ?? "paper"
        let folded = source.applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) ?? source
        let stem = String(folded.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }.map(Character.init))
        return stem.isEmpty ? "paper" : String(stem.prefix(40))
    }

    public static func write(_ store: GraphStore, scope: ExportScope = .everything, to write: (String) throws -> Void) throws {
        // Papers come first in the scoped read; what they build on is read with them.
        var papers: [GraphExport.Paper] = []
        var buildsOn: [String: [String]] = [:]
        var names: [String: String] = [:]
        try scope.read(
            store, paper: { papers.append($0) }, entity: { names[$0.entity.id] = $0.entity.name },
            edge: { e in
                if e.relation == Relation.builds_on.rawValue, !(buildsOn[e.source]?.contains(e.target) ?? false) {
                    buildsOn[e.source, default: []].append(e.target)
                }
            })
        var used: [String: Int] = [:]
        var keys: [String: String] = [:]
        for paper in papers {
            let year = paper.month.map { String($0.prefix(4)) } ?? ""
            let stem = keyStem(paper) + year
            let n = used[stem.lowercased(), default: 0]
            used[stem.lowercased()] = n + 1
            keys[paper.id] = n == 0 ? stem : stem + String(UnicodeScalar(UInt8(96 + min(n, 26)))) + (n > 26 ? String(n) : "")
        }
        try write("% papergraph BibTeX export: one entry per paper. The digests name no authors, so none are given.\n")
        for paper in papers {
            var fields: [(String, String)] = [("title", "{" + escape(paper.title) + "}")]
            if let arxiv = paper.arxiv {
                fields += [("eprint", arxiv), ("archivePrefix", "arXiv")]
                fields.append(("url", safeURL(paper.url ?? "https://arxiv.org/abs/\(arxiv)")))
            } else if let url = paper.url.map(safeURL) {
                fields += [("howpublished", "\\url{\(url)}"), ("url", url)]
            }
            if let month = paper.month, month.count == 7, let m = Int(month.suffix(2)), (1...12).contains(m) {
                fields += [("year", String(month.prefix(4))), ("month", months[m - 1])]
            }
            var note: [String] = []
            if let topic = paper.topic { note.append("Topic: " + escape(topic)) }
            let built = (buildsOn[paper.id] ?? []).compactMap { names[$0] }
            if !built.isEmpty { note.append("Builds on: " + built.map(escape).joined(separator: ", ")) }
            if !paper.digests.isEmpty { note.append("Read in: " + paper.digests.joined(separator: ", ")) }
            if !note.isEmpty { fields.append(("note", note.joined(separator: ". "))) }
            let keywords = (paper.topics + built).map(escape)
            if !keywords.isEmpty { fields.append(("keywords", keywords.joined(separator: ", "))) }
            var entry = "\n@misc{\(keys[paper.id]!),\n"
            for (i, (name, value)) in fields.enumerated() {
                let protected = name == "month" ? value : "{" + value + "}"
                entry += "  \(name) = \(protected)\(i == fields.count - 1 ? "" : ",")\n"
            }
            try write(entry + "}\n")
        }
    }
}
