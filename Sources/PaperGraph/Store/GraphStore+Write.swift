import Foundation
import GRDB

/// Counts of what one digest put into the graph.
public struct WriteSummary: Sendable, Equatable {
    public var papers = 0
    public var topics = 0
    public var entities = 0
    public var edges = 0
}

extension GraphStore {
    // MARK: - Reading what is stored

    /// The stored digest with this key and language, if any.
    public func digest(key: String, language: String) throws -> DigestRecord? {
        try writer.read { db in
            try DigestRecord
                .filter(DigestRecord.Columns.key == key && DigestRecord.Columns.language == language)
                .fetchOne(db)
        }
    }

    // MARK: - Writing a digest

    /// Replaces everything stored for `digest` (same key and language) in one transaction.
    ///
    /// A failure rolls the whole digest back: the database is left as it was.
    ///
    /// - Parameters:
    ///   - digest: the parsed digest; entries must be unique by paper identity.
    ///   - extraction: entities and edges found in it.
    ///   - contentHash: the file's hash, to skip unchanged files next time.
    ///   - extractorVersion: the extractor's version, to redo extraction when it changes.
    public func write(_ digest: Digest, extraction: Extraction, contentHash: String, extractorVersion: Int) throws -> WriteSummary {
        try writer.write { db in
            var touchedPapers = Set<String>()
            var touchedEntities = Set<String>()
            if let old = try DigestRecord
                .filter(DigestRecord.Columns.key == digest.key && DigestRecord.Columns.language == digest.language)
                .fetchOne(db), let oldID = old.id {
                try Self.deleteDigest(oldID, db: db, papers: &touchedPapers, entities: &touchedEntities)
            }
            var record = DigestRecord(
                id: nil, key: digest.key, language: digest.language, path: digest.path, title: digest.title,
                contentHash: contentHash, extractorVersion: extractorVersion,
                ingestedAt: ISO8601DateFormatter().string(from: Date()))
            try record.insert(db)
            let digestID = record.id!

            var summary = WriteSummary()
            var topics = Set<String>()
            for entry in digest.entries {
                let paperID = entry.identity.key
                try db.execute(
                    sql: "INSERT OR IGNORE INTO paper (id, arxiv, title) VALUES (?, ?, ?)",
                    arguments: [paperID, entry.link?.arxiv?.id, entry.title])
                var appearance = AppearanceRecord(
                    id: nil, digestId: digestID, paperId: paperID, topic: entry.topic, heading: entry.heading,
                    name: extraction.paperNames[paperID] ?? entry.name, title: entry.title, url: entry.link?.url,
                    version: entry.link?.arxiv?.version, line: entry.line, summary: entry.summaryText)
                try appearance.insert(db)
                try db.execute(
                    sql: "INSERT INTO search_index (rowid, title, heading, summary) VALUES (?, ?, ?, ?)",
                    arguments: [appearance.id, TextSegmenter.segment(entry.title),
                                TextSegmenter.segment(entry.heading), TextSegmenter.segment(appearance.summary)])
                touchedPapers.insert(paperID)
                if let topic = entry.topic { topics.insert(topic) }
                summary.papers += 1
            }
            summary.topics = topics.count

            for entity in extraction.entities {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO entity (id, name, kind) VALUES (?, ?, ?)",
                    arguments: [entity.id, entity.name, entity.kind.rawValue])
                try EntityAliasRecord(entityId: entity.id, digestId: digestID, alias: entity.name,
                                      kind: entity.kind.rawValue, canonical: true).insert(db, onConflict: .ignore)
                for alias in entity.aliases.sorted() where alias != entity.name {
                    try EntityAliasRecord(entityId: entity.id, digestId: digestID, alias: alias,
                                          kind: entity.kind.rawValue, canonical: false).insert(db, onConflict: .ignore)
                }
                touchedEntities.insert(entity.id)
            }
            summary.entities = extraction.entities.count
            for edge in extraction.edges {
                try EdgeRecord(digestId: digestID, source: edge.source, target: edge.target,
                               relation: edge.relation.rawValue, line: edge.line, evidence: edge.evidence).insert(db)
            }
            summary.edges = extraction.edges.count
            try Self.refresh(papers: touchedPapers, entities: touchedEntities, db: db)
            return summary
        }
    }

    /// Deletes a digest and everything only it supported.
    ///
    /// - Parameters:
    ///   - key: the week, e.g. `2025-W49`.
    ///   - language: one edition only; nil removes every language of that week.
    /// - Returns: how many digests were removed.
    @discardableResult
    public func remove(key: String, language: String? = nil) throws -> Int {
        try writer.write { db in
            var request = DigestRecord.filter(DigestRecord.Columns.key == key)
            if let language { request = request.filter(DigestRecord.Columns.language == language) }
            let digests = try request.fetchAll(db)
            guard !digests.isEmpty else { throw StoreError.unknownDigest(key) }
            var papers = Set<String>(), entities = Set<String>()
            for digest in digests {
                try Self.deleteDigest(digest.id!, db: db, papers: &papers, entities: &entities)
            }
            try Self.refresh(papers: papers, entities: entities, db: db)
            return digests.count
        }
    }

    private static func deleteDigest(_ id: Int64, db: Database, papers: inout Set<String>, entities: inout Set<String>) throws {
        papers.formUnion(try String.fetchAll(db, sql: "SELECT paper_id FROM appearance WHERE digest_id = ?", arguments: [id]))
        entities.formUnion(try String.fetchAll(db, sql: "SELECT DISTINCT entity_id FROM entity_alias WHERE digest_id = ?", arguments: [id]))
        try db.execute(sql: "DELETE FROM search_index WHERE rowid IN (SELECT id FROM appearance WHERE digest_id = ?)", arguments: [id])
        try db.execute(sql: "DELETE FROM digest WHERE id = ?", arguments: [id])
    }

    // MARK: - Derived fields

    /// Recomputes shared papers and entities from what the stored digests say, and drops
    /// those no digest supports any more. Choices never depend on ingest order.
    static func refresh(papers: Set<String>, entities: Set<String>, db: Database) throws {
        for paperID in papers.sorted() {
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.*, d.key AS digest_key, d.language AS digest_language
                FROM appearance a JOIN digest d ON d.id = a.digest_id
                WHERE a.paper_id = ?
                ORDER BY d.key DESC, d.language ASC, a.line ASC
                """, arguments: [paperID])
            guard let latest = rows.first else {
                try db.execute(sql: "DELETE FROM paper WHERE id = ?", arguments: [paperID])
                continue
            }
            // The highest version gives version, URL and title; the latest digest gives topic and heading.
            let best = rows.max { a, b in
                let va = a["version"] as Int? ?? -1, vb = b["version"] as Int? ?? -1
                return va < vb
            } ?? latest
            let arxiv: String? = paperID.hasPrefix("arxiv:") ? String(paperID.dropFirst(6)) : nil
            let name: String? = rows.lazy.compactMap { $0["name"] as String? }.first
            try PaperRecord(
                id: paperID, arxiv: arxiv, version: best["version"], url: best["url"], title: best["title"],
                heading: latest["heading"], name: name, topic: latest["topic"],
                month: arxiv.map { ArxivID(id: $0).month }
            ).update(db)
        }
        for entityID in entities.sorted() {
            let rows = try Row.fetchAll(db, sql: """
                SELECT alias, kind, COUNT(*) AS n FROM entity_alias
                WHERE entity_id = ? AND canonical = 1 GROUP BY alias, kind
                """, arguments: [entityID])
            guard !rows.isEmpty else {
                try db.execute(sql: "DELETE FROM entity WHERE id = ?", arguments: [entityID])
                continue
            }
            var nameVotes: [String: Int] = [:], kindVotes: [String: Int] = [:]
            for row in rows {
                nameVotes[row["alias"], default: 0] += row["n"] as Int
                kindVotes[row["kind"], default: 0] += row["n"] as Int
            }
            let name = Self.winner(nameVotes), kind = Self.winner(kindVotes)
            try db.execute(sql: "UPDATE entity SET name = ?, kind = ? WHERE id = ?", arguments: [name, kind, entityID])
        }
        try db.execute(sql: """
            DELETE FROM edge WHERE relation = 'derived_from'
              AND (source NOT IN (SELECT id FROM entity) OR target NOT IN (SELECT id FROM entity))
            """)
        try recomputeRedirects(db: db)
    }

    /// Points each entity whose name some digest spells out for exactly one other entity of
    /// the same kind at that entity (`LiveCodeBench` → `LCB`). Ambiguous names, chains and
    /// kind mismatches stay separate. Recomputed from everything stored: order-free.
    static func recomputeRedirects(db: Database) throws {
        try db.execute(sql: "DELETE FROM entity_redirect")
        var kinds: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, kind FROM entity") { kinds[row["id"]] = row["kind"] }
        var claims: [String: Set<String>] = [:]   // entity id a spelling points to → entities claiming it
        for row in try Row.fetchAll(db, sql: "SELECT DISTINCT entity_id, alias FROM entity_alias WHERE canonical = 0") {
            let owner: String = row["entity_id"]
            let spelled = EntityName.id(for: row["alias"])
            if spelled != owner { claims[spelled, default: []].insert(owner) }
        }
        var redirects: [String: String] = [:]
        for (id, owners) in claims where owners.count == 1 && kinds[id] != nil {
            let target = owners.first!
            if kinds[target] == kinds[id] { redirects[id] = target }
        }
        // No chains: an entity that others point at is never redirected itself.
        let targets = Set(redirects.values)
        for (id, target) in redirects.sorted(by: { $0.key < $1.key }) where !targets.contains(id) {
            try db.execute(sql: "INSERT INTO entity_redirect (entity_id, canonical_id) VALUES (?, ?)", arguments: [id, target])
        }
    }

    /// The most frequent value; ties go to the smallest, so the result is order-free.
    static func winner(_ votes: [String: Int]) -> String {
        votes.min { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }!.key
    }
}
