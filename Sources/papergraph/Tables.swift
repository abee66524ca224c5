import Foundation
import PaperGraph

// The command line's view of the library's values: each query's rows as a table, and the
// text people read for `show` and `lineage`.

extension ResultTable.Cell {
    static func optional(_ value: String?) -> Self { value.map { .text($0) } ?? .null }
}

enum Tables {
    static func digests(_ digests: [DigestInfo]) -> ResultTable {
        ResultTable(
            columns: ["digest", "language", "papers", "edges", "path", "ingested"],
            rows: digests.map {
                [.text($0.key), .text($0.language), .int($0.papers), .int($0.edges), .text($0.path), .text($0.ingestedAt)]
            })
    }

    static func papers(_ papers: [PaperListing]) -> ResultTable {
        ResultTable(
            columns: ["id", "name", "title", "topic", "month", "digests"],
            rows: papers.map {
                [
                    .text($0.paper.label), .optional($0.paper.name), .text($0.paper.title), .optional($0.paper.topic),
                    .optional($0.paper.month), .list($0.digests),
                ]
            })
    }

    static func topics(_ topics: [TopicSummary]) -> ResultTable {
        ResultTable(
            columns: ["topic", "papers", "digests", "first", "last"],
            rows: topics.map {
                [.text($0.topic), .int($0.papers), .int($0.digests), .text($0.first), .text($0.last)]
            })
    }

    static func search(_ results: SearchResults) -> ResultTable {
        ResultTable(
            columns: ["id", "name", "title", "topic", "digest", "snippet"],
            rows: results.hits.map {
                [.text($0.paper.label), .optional($0.paper.name), .text($0.paper.title), .optional($0.topic), .text($0.digest), .text($0.snippet)]
            })
    }

    static func entities(_ entities: [EntitySummary]) -> ResultTable {
        ResultTable(
            columns: ["name", "kind", "papers", "aliases"],
            rows: entities.map {
                [.text($0.entity.name), .text($0.entity.kind.rawValue), .int($0.papers), .list($0.aliases)]
            })
    }

    static func baselines(_ baselines: [BaselineSummary]) -> ResultTable {
        ResultTable(
            columns: ["method", "compared_with", "built_on", "papers"],
            rows: baselines.map {
                [.text($0.entity.name), .int($0.compared), .int($0.builtOn), .int($0.papers)]
            })
    }

    static func related(_ related: [RelatedPaper]) -> ResultTable {
        ResultTable(
            columns: ["id", "name", "title", "score", "reasons"],
            rows: related.map {
                [.text($0.paper.label), .optional($0.paper.name), .text($0.paper.title), .double($0.score), .list($0.reasons)]
            })
    }

    static func lineage(_ steps: [LineageStep]) -> ResultTable {
        ResultTable(
            columns: ["depth", "name", "kind", "via", "relation", "digest", "line", "evidence", "introduced_by"],
            rows: steps.map {
                [
                    .int($0.depth), .text($0.name), .text($0.kind.rawValue), .optional($0.via), .optional($0.relation?.rawValue),
                    .optional($0.digest), $0.line.map { .int($0) } ?? .null, .optional($0.evidence), .list($0.introducedBy),
                ]
            })
    }

    /// `show` as rows: one per field and one per edge, with whole evidence sentences.
    static func show(_ report: ShowReport) -> ResultTable {
        var rows: [[ResultTable.Cell]] = []
        func edge(_ subject: String, _ e: EdgeView, other: String) {
            rows.append([.text(subject), .text(e.relation.rawValue), .text(other), .text(e.digest), .int(e.line), .text(e.evidence)])
        }
        for paper in report.papers {
            let id = paper.arxiv ?? paper.id
            for (field, value) in [
                ("title", paper.title), ("name", paper.name), ("link", paper.url), ("topics", paper.topics.joined(separator: "; ")),
                ("digests", paper.digests.joined(separator: "; ")),
            ] as [(String, String?)] {
                if let value { rows.append([.text(id), .text(field), .text(value), .null, .null, .null]) }
            }
            for e in paper.relations { edge(id, e, other: e.targetName) }
        }
        for entity in report.entities {
            rows.append([.text(entity.name), .text("kind"), .text(entity.kind.rawValue), .null, .null, .null])
            if !entity.aliases.isEmpty {
                rows.append([.text(entity.name), .text("aliases"), .text(entity.aliases.joined(separator: "; ")), .null, .null, .null])
            }
            for e in entity.lineage { edge(e.sourceName, e, other: e.targetName) }
            for e in entity.papers { edge(e.sourceName, e, other: entity.name) }
        }
        return ResultTable(columns: ["subject", "relation", "object", "digest", "line", "evidence"], rows: rows)
    }
}

/// `show` for people: fields, then relations grouped by kind, each with its whole evidence
/// sentence wrapped to the terminal.
struct ShowText {
    var width: Int
    /// Edges listed per relation at most (the JSON and CSV formats list all).
    var perRelation = 25

    static func terminalWidth() -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 40 { return columns }
        return 100
    }

    /// Lines of at most `width` display columns, the first after `lead`, the rest indented.
    func wrap(_ text: String, lead: String, indent: String) -> [String] {
        var lines: [String] = [], current = lead, used = ResultTable.displayWidth(lead)
        let indentWidth = ResultTable.displayWidth(indent)
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            let w = ResultTable.displayWidth(word)
            if used + w > width, current.unicodeScalars.contains(where: { !Self.isBlank($0) }), used > indentWidth {
                lines.append(current)
                current = indent
                used = indentWidth
            }
            current += word
            used += w
            word = ""
        }
        for ch in flat {
            word.append(ch)
            // Break after spaces, and between CJK characters (they carry no spaces).
            if ch == " " || ch.unicodeScalars.first.map(TextSegmenter.isCJK) == true { flush() }
        }
        flush()
        lines.append(current)
        return lines.map(Self.trimmingTrailingSpace)
    }

    /// What Foundation's `.whitespaces` holds: tab and the space separators.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
    }

    /// A line without the white space at its end (what the pattern `\s+$` matched: tab, line
    /// feed, form feed, carriage return and the separators), without a regular expression per line.
    static func trimmingTrailingSpace(_ line: String) -> String {
        var scalars = line.unicodeScalars[...]
        while let last = scalars.last, isTrailingSpace(last) { scalars.removeLast() }
        return String(scalars)
    }

    static func isTrailingSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\t", "\n", "\u{0C}", "\r": return true
        default: return [.spaceSeparator, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory)
        }
    }

    func edgeLines(_ name: String, _ edge: EdgeView) -> [String] {
        ["    \(name)"] + wrap("“\(edge.evidence)”", lead: "      \(edge.digest):\(edge.line) ", indent: "      ")
    }

    func render(_ report: ShowReport) -> String {
        var out: [String] = []
        func group(_ title: String, _ edges: [EdgeView], name: (EdgeView) -> String, more: String) {
            guard !edges.isEmpty else { return }
            out.append("  \(title) (\(edges.count)):")
            for edge in edges.prefix(perRelation) { out += edgeLines(name(edge), edge) }
            if edges.count > perRelation { out.append("    … \(edges.count - perRelation) more; \(more)") }
        }
        for paper in report.papers {
            out.append("Paper \(paper.arxiv.map { "arXiv:\($0)\(paper.version.map { "v\($0)" } ?? "")" } ?? paper.id)")
            if let name = paper.name { out.append("  name:     \(name)") }
            out += wrap(paper.title, lead: "  title:    ", indent: "            ")
            if let url = paper.url { out.append("  link:     \(url)") }
            out.append("  topics:   \(paper.topics.joined(separator: ", "))")
            out.append("  digests:  \(paper.digests.joined(separator: ", "))")
            if paper.versions.count > 1 { out.append("  versions: \(paper.versions.map { "v\($0)" }.joined(separator: ", "))") }
            if let heading = paper.heading { out += wrap(heading, lead: "  heading:  ", indent: "            ") }
            let summary = paper.summary.split(separator: "\n").first.map(String.init) ?? ""
            if !summary.isEmpty { out += wrap(summary, lead: "  summary:  ", indent: "            ") }
            for relation in Relation.allCases {
                group(
                    relation.rawValue, paper.relations.filter { $0.relation == relation }, name: \.targetName,
                    more: "`show --format json` lists all")
            }
            out.append("")
        }
        for entity in report.entities {
            out.append("Entity \(entity.name) (\(entity.kind.rawValue))")
            if !entity.aliases.isEmpty { out += wrap(entity.aliases.joined(separator: ", "), lead: "  aliases:  ", indent: "            ") }
            group("derived from", entity.lineage.filter { $0.source == entity.id }, name: \.targetName, more: "`papergraph lineage \(entity.name) --up`")
            group("descendants", entity.lineage.filter { $0.target == entity.id }, name: \.sourceName, more: "`papergraph lineage \(entity.name) --down`")
            for relation in Relation.allCases {
                group(
                    ShowReport.incomingLabel[relation] ?? relation.rawValue, entity.papers.filter { $0.relation == relation },
                    name: \.sourceName, more: "`papergraph papers --entity \(entity.name) --relation \(relation.rawValue)` lists all")
            }
            out.append("")
        }
        return out.map(ResultTable.oneLine).joined(separator: "\n")
    }
}

extension Array where Element == LineageStep {
    /// A tree for people: ancestors above the method, descendants below, each with its evidence.
    var treeText: String {
        var lines: [String] = []
        for step in self {
            let indent = String(repeating: "  ", count: abs(step.depth))
            let arrow = step.depth < 0 ? "↑ " : step.depth > 0 ? "↓ " : ""
            var line = "\(indent)\(arrow)\(step.name) (\(step.kind.rawValue))"
            if let relation = step.relation, let via = step.via {
                line += step.depth < 0 ? "  — \(via) \(relation.rawValue) it" : "  — \(relation.rawValue) \(via)"
            }
            if !step.introducedBy.isEmpty { line += "  [introduced by \(step.introducedBy.joined(separator: ", "))]" }
            lines.append(line)
            if let evidence = step.evidence, let digest = step.digest, let l = step.line {
                lines.append("\(indent)    \(digest):\(l) “\(ResultTable.clip(evidence, 110))”")
            }
        }
        return lines.map(ResultTable.oneLine).joined(separator: "\n") + "\n"
    }
}
