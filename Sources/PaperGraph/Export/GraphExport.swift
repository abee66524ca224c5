import Foundation
import GRDB

/// The whole graph as JSON: papers, entities with aliases, and edges with provenance.
///
/// Sorted throughout and free of database row ids, so the same digests give the same
/// bytes whatever order they were ingested in.
public struct GraphExport: Codable, Sendable {
    public struct Paper: Codable, Sendable {
        public var id: String
        public var arxiv: String?
        public var version: Int?
        public var versions: [Int]
        public var url: String?
        public var title: String
        public var heading: String?
        public var name: String?
        public var topic: String?
        public var topics: [String]
        public var digests: [String]
        public var month: String?

        /// Writes absent values as `null`: consumers see every field of the contract.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(arxiv, forKey: .arxiv)
            try c.encode(version, forKey: .version)
            try c.encode(versions, forKey: .versions)
            try c.encode(url, forKey: .url)
            try c.encode(title, forKey: .title)
            try c.encode(heading, forKey: .heading)
            try c.encode(name, forKey: .name)
            try c.encode(topic, forKey: .topic)
            try c.encode(topics, forKey: .topics)
            try c.encode(digests, forKey: .digests)
            try c.encode(month, forKey: .month)
        }
    }

    public struct Entity: Codable, Sendable {
        public var id: String
        public var name: String
        public var kind: String
        public var aliases: [String]
    }

    public struct Edge: Codable, Sendable {
        public var source: String
        public var target: String
        public var relation: String
        public var digest: String
        public var language: String
        public var line: Int
        public var evidence: String
    }

    public var papers: [Paper]
    public var entities: [Entity]
    public var edges: [Edge]

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

extension GraphStore {
    public func export() throws -> GraphExport {
        try writer.read { db in
            let appearances = try Row.fetchAll(db, sql: """
                SELECT a.paper_id, a.topic, a.version, d.key FROM appearance a JOIN digest d ON d.id = a.digest_id
                ORDER BY a.paper_id, d.key, d.language, a.line
                """)
            var byPaper: [String: [Row]] = [:]
            for row in appearances { byPaper[row["paper_id"], default: []].append(row) }
            let papers = try PaperRecord.order(PaperRecord.Columns.id).fetchAll(db).map { paper in
                let rows = byPaper[paper.id] ?? []
                var topics: [String] = []
                for row in rows { if let t = row["topic"] as String?, !topics.contains(t) { topics.append(t) } }
                return GraphExport.Paper(
                    id: paper.id, arxiv: paper.arxiv, version: paper.version,
                    versions: Array(Set(rows.compactMap { $0["version"] as Int? })).sorted(),
                    url: paper.url, title: paper.title, heading: paper.heading, name: paper.name, topic: paper.topic,
                    topics: topics, digests: Array(Set(rows.map { $0["key"] as String })).sorted(), month: paper.month)
            }
            let aliasRows = try Row.fetchAll(db, sql: "SELECT DISTINCT entity_id, alias FROM graph_alias ORDER BY entity_id, alias")
            var aliases: [String: [String]] = [:]
            for row in aliasRows { aliases[row["entity_id"], default: []].append(row["alias"]) }
            let entities = try EntityRecord.fetchAll(db, sql: "SELECT * FROM graph_entity ORDER BY id").map {
                let name = $0.name; return GraphExport.Entity(id: $0.id, name: name, kind: $0.kind, aliases: (aliases[$0.id] ?? []).filter { $0 != name })
            }
            let edges = try Row.fetchAll(db, sql: """
                SELECT DISTINCT e.source, e.target, e.relation, d.key, d.language, e.line, e.evidence
                FROM graph_edge e JOIN digest d ON d.id = e.digest_id
                ORDER BY e.source, e.relation, e.target, d.key, d.language, e.line, e.evidence
                """).map {
                GraphExport.Edge(source: $0["source"], target: $0["target"], relation: $0["relation"], digest: $0["key"],
                     language: $0["language"], line: $0["line"], evidence: $0["evidence"])
            }
            return GraphExport(papers: papers, entities: entities, edges: edges)
        }
    }
}
