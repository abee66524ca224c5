import Foundation
import GRDB

/// Filters for `papers`.
public struct PaperFilter: Sendable {
    public var topic: String?
    public var digest: String?
    /// `YYYY-MM`: papers whose arXiv month is this or later.
    public var since: String?
    /// Papers linked to this entity (by name or alias)…
    public var entity: String?
    /// …by this relation only.
    public var relation: Relation?

    public init(topic: String? = nil, digest: String? = nil, since: String? = nil, entity: String? = nil, relation: Relation? = nil) {
        self.topic = topic
        self.digest = digest
        self.since = since
        self.entity = entity
        self.relation = relation
    }
}

/// Counts of what the graph holds.
public struct GraphStats: Sendable, Codable, Equatable {
    public var digests: Int
    public var papers: Int
    public var papersWithArxiv: Int
    public var topics: Int
    public var entities: Int
    public var methods: Int
    public var datasets: Int
    public var metrics: Int
    public var edges: Int
    public var lineageEdges: Int
}

extension GraphStore {
    // MARK: - Listings

    public func digests() throws -> ResultTable {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.key, d.language, d.path, d.ingested_at,
                       (SELECT COUNT(*) FROM appearance a WHERE a.digest_id = d.id) AS papers,
                       (SELECT COUNT(*) FROM edge e WHERE e.digest_id = d.id) AS edges
                FROM digest d ORDER BY d.key, d.language
                """)
            return ResultTable(columns: ["digest", "language", "papers", "edges", "path", "ingested"], rows: rows.map {
                [.text($0["key"]), .text($0["language"]), .int($0["papers"]), .int($0["edges"]), .text($0["path"]), .text($0["ingested_at"])]
            })
        }
    }

    public func papers(_ filter: PaperFilter = PaperFilter()) throws -> ResultTable {
        try writer.read { db in
            var entityIDs: [String]? = nil
            if let name = filter.entity {
                entityIDs = try Self.resolveEntities(name, db: db).map(\.id)
                if entityIDs!.isEmpty { throw StoreError.notFound(name) }
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.id, p.arxiv, p.name, p.title, p.topic, p.month,
                       (SELECT group_concat(key, ' ') FROM (SELECT DISTINCT d.key FROM appearance a2
                          JOIN digest d ON d.id = a2.digest_id WHERE a2.paper_id = p.id ORDER BY d.key)) AS digests
                FROM paper p
                WHERE (:topic IS NULL OR EXISTS (SELECT 1 FROM appearance a WHERE a.paper_id = p.id AND a.topic LIKE :topicPattern))
                  AND (:digest IS NULL OR EXISTS (SELECT 1 FROM appearance a JOIN digest d ON d.id = a.digest_id
                                                   WHERE a.paper_id = p.id AND d.key = :digest COLLATE NOCASE))
                  AND (:since IS NULL OR p.month >= :since)
                  AND (:entities IS NULL OR EXISTS (SELECT 1 FROM graph_edge e, json_each(:entities) j
                         WHERE e.source = p.id AND e.target = j.value AND (:relation IS NULL OR e.relation = :relation)))
                ORDER BY p.month DESC, p.id
                """, arguments: [
                    "topic": filter.topic, "topicPattern": filter.topic.map { "%\($0)%" },
                    "digest": filter.digest, "since": filter.since,
                    "entities": entityIDs.map { Self.jsonArray($0) }, "relation": filter.relation?.rawValue,
                ])
            return ResultTable(columns: ["id", "name", "title", "topic", "month", "digests"], rows: rows.map {
                [.text($0["arxiv"] ?? $0["id"]), Self.cell($0["name"]), .text($0["title"]), Self.cell($0["topic"]),
                 Self.cell($0["month"]), .list(($0["digests"] as String? ?? "").split(separator: " ").map(String.init))]
            })
        }
    }

    public func topics() throws -> ResultTable {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.topic, COUNT(DISTINCT a.paper_id) AS papers, COUNT(DISTINCT d.key) AS digests,
                       MIN(d.key) AS first, MAX(d.key) AS last
                FROM appearance a JOIN digest d ON d.id = a.digest_id
                WHERE a.topic IS NOT NULL GROUP BY a.topic ORDER BY papers DESC, a.topic
                """)
            return ResultTable(columns: ["topic", "papers", "digests", "first", "last"], rows: rows.map {
                [.text($0["topic"]), .int($0["papers"]), .int($0["digests"]), .text($0["first"]), .text($0["last"])]
            })
        }
    }

    public func stats() throws -> GraphStats {
        try writer.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            return GraphStats(
                digests: try count("SELECT COUNT(*) FROM digest"),
                papers: try count("SELECT COUNT(*) FROM paper"),
                papersWithArxiv: try count("SELECT COUNT(*) FROM paper WHERE arxiv IS NOT NULL"),
                topics: try count("SELECT COUNT(DISTINCT topic) FROM appearance WHERE topic IS NOT NULL"),
                entities: try count("SELECT COUNT(*) FROM graph_entity"),
                methods: try count("SELECT COUNT(*) FROM graph_entity WHERE kind = 'method'"),
                datasets: try count("SELECT COUNT(*) FROM graph_entity WHERE kind = 'dataset'"),
                metrics: try count("SELECT COUNT(*) FROM graph_entity WHERE kind = 'metric'"),
                edges: try count("SELECT COUNT(*) FROM graph_edge"),
                lineageEdges: try count("SELECT COUNT(*) FROM graph_edge WHERE relation = 'derived_from'"))
        }
    }

    // MARK: - Search

    /// Full-text search over titles, headings and summaries, best match first, one row a paper.
    ///
    /// Works for Chinese and for one- or two-character queries (see ``TextSegmenter``).
    public func search(_ text: String, limit: Int = 20) throws -> ResultTable {
        guard let query = TextSegmenter.phraseQuery(text) else {
            return ResultTable(columns: ["id", "name", "title", "topic", "digest"])
        }
        return try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.id, p.arxiv, p.name, p.title, a.topic, d.key, MIN(s.rank) AS score
                FROM search_index s
                JOIN appearance a ON a.id = s.rowid
                JOIN digest d ON d.id = a.digest_id
                JOIN paper p ON p.id = a.paper_id
                WHERE search_index MATCH ?
                GROUP BY p.id ORDER BY score, p.id LIMIT ?
                """, arguments: [query, limit])
            return ResultTable(columns: ["id", "name", "title", "topic", "digest"], rows: rows.map {
                [.text($0["arxiv"] ?? $0["id"]), Self.cell($0["name"]), .text($0["title"]), Self.cell($0["topic"]), .text($0["key"])]
            })
        }
    }

    // MARK: - Helpers shared by queries

    static func cell(_ value: String?) -> ResultTable.Cell { value.map { .text($0) } ?? .null }

    static func jsonArray(_ values: [String]) -> String {
        "[" + values.map(JSONText.quote).joined(separator: ",") + "]"
    }

    /// Entities whose name or any alias matches `name` under the annotation guide's rule.
    static func resolveEntities(_ name: String, db: Database) throws -> [EntityRecord] {
        let key = EntityName.normalise(name)
        let ids = try String.fetchAll(db, sql: """
            SELECT COALESCE(r.canonical_id, e.id) FROM entity e LEFT JOIN entity_redirect r ON r.entity_id = e.id WHERE e.id = ?
            UNION SELECT DISTINCT entity_id FROM graph_alias WHERE alias = ? COLLATE NOCASE
            """, arguments: ["entity:" + key, name])
        var found = try EntityRecord.fetchAll(db, keys: ids)
        if found.isEmpty {
            // Aliases differ only in spacing or dashes: compare normalised forms.
            let candidates = try Row.fetchAll(db, sql: "SELECT DISTINCT entity_id, alias FROM graph_alias")
            let matching = Set(candidates.filter { EntityName.normalise($0["alias"]) == key }.map { $0["entity_id"] as String })
            found = try EntityRecord.fetchAll(db, keys: Array(matching))
        }
        return found.sorted { $0.id < $1.id }
    }

    /// A paper by arXiv id (with or without version), id, or short name (case-insensitive).
    static func resolvePapers(_ text: String, db: Database) throws -> [PaperRecord] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let (arxiv, _) = ArxivID.leading(in: trimmed), let paper = try PaperRecord.fetchOne(db, key: "arxiv:\(arxiv.id)") {
            return [paper]
        }
        if let paper = try PaperRecord.fetchOne(db, key: trimmed) { return [paper] }
        return try PaperRecord.fetchAll(db, sql: """
            SELECT * FROM paper WHERE name = ? COLLATE NOCASE
               OR id IN (SELECT paper_id FROM appearance WHERE name = ? COLLATE NOCASE)
            ORDER BY id
            """, arguments: [trimmed, trimmed])
    }
}
