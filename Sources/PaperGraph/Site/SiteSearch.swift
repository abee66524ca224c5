import Foundation

/// The search index the pages load: a script (not a JSON file, which browsers refuse to
/// fetch from `file://`) that sets `window.PAPERGRAPH_INDEX` to every paper's title, short
/// name, topic and latest summary, and every entity's name, kind, aliases and paper count.
enum SiteSearch {
    struct Index: Encodable {
        struct Paper: Encodable {
            /// Page, title, short name, topic, summary.
            var u: String, t: String, n: String?, c: String?, s: String
        }
        struct Entity: Encodable {
            /// Page, name, kind, aliases, papers.
            var u: String, n: String, k: String, a: [String], p: Int
        }
        var papers: [Paper]
        var entities: [Entity]
    }

    static func index(_ graph: SiteGraph) -> Index {
        Index(
            papers: graph.papers.keys.sorted().map { id in
                let paper = graph.papers[id]!
                return Index.Paper(
                    u: SitePath.paper(id), t: paper.title, n: paper.name, c: paper.topic, s: graph.entriesOfPaper[id]?.last?.summary ?? "")
            },
            entities: graph.entities.keys.sorted().map { id in
                let entity = graph.entities[id]!
                return Index.Entity(
                    u: SitePath.entity(id), n: entity.name, k: entity.kind.rawValue, a: graph.aliases[id] ?? [], p: graph.paperCounts[id] ?? 0)
            })
    }

    static func script(_ graph: SiteGraph) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // JSON is a JavaScript expression; U+2028/2029 are escaped by JSONEncoder on Linux and
        // valid in string literals since ES2019 either way.
        let json = (try? encoder.encode(index(graph))).map { String(decoding: $0, as: UTF8.self) } ?? "{\"papers\":[],\"entities\":[]}"
        return "window.PAPERGRAPH_INDEX = " + json + ";\n"
    }
}
