import Foundation
import GRDB

/// Counts of what one digest put into the graph.
public struct WriteSummary: Sendable, Equatable {
    public var papers = 0
    public var topics = 0
    public var entities = 0
    public var edges = 0
}

/// What a write touched: the only rows whose derived fields it recomputes.
struct GraphChange {
    var papers = Set<String>()
    var entities = Set<String>()
    /// Entity ids spelled by non-canonical aliases written or deleted.
    var spellings = Set<String>()
    var topics = Set<String>()
    /// (paper, entity) pairs whose edges the write changes, with the relations that joined
    /// them before it: the counts move by the difference (see ``Resolution/applyDeltas``).
    var pairs: [Resolution.Pair: Set<Relation>] = [:]
    /// Digest keys of edges written and removed, by entity (for entities' first weeks).
    var addedWeeks: [String: String] = [:]
    var removedWeeks: [String: Set<String>] = [:]
    /// Whether the write removed a stored digest's rows. A write that only adds knows what
    /// it adds: the relations each pair gains (`addedRelations`) and the spellings each
    /// shown entity gains (`addedAliases`), so it need not read them back.
    var removes = false
    var addedRelations: [Resolution.Pair: Set<Relation>] = [:]
    var addedAliases: [String: [String]] = [:]
    /// The digest written (id and week), its papers by topic, and those new to the archive.
    var written: (id: Int64, key: String)?
    var addedTopicPapers: [String: [String]] = [:]
    var newPapers = Set<String>()
    /// The name and kind the write gave each entity it wrote.
    var writtenNames: [String: (name: String, kind: EntityKind)] = [:]
}

extension GraphStore {
    /// The stored content hash and extractor version of a digest, if it is stored.
    public func storedVersion(key: String, language: String) throws -> (contentHash: String, extractorVersion: Int)? {
        try writer.read { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT content_hash, extractor_version FROM digest WHERE key = ? AND language = ?"),
                arguments: [key, language]
            ).map { ($0["content_hash"], $0["extractor_version"]) }
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
            var change = GraphChange()
            if let oldID = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM digest WHERE key = ? AND language = ?"),
                arguments: [digest.key, digest.language])
            {
                try Self.deleteDigest(oldID, db: db, change: &change)
            }
            var record = DigestRecord(
                id: nil, key: digest.key, language: digest.language, path: digest.path, title: digest.title,
                contentHash: contentHash, extractorVersion: extractorVersion,
                ingestedAt: ISO8601DateFormatter().string(from: Date()), edges: 0)
            try record.insert(db)
            let digestID = record.id!

            var summary = WriteSummary()
            let insertPaper = try db.cachedStatement(sql: "INSERT OR IGNORE INTO paper (id, arxiv, title) VALUES (?, ?, ?)")
            let insertAppearance = try db.cachedStatement(
                sql: """
                    INSERT INTO appearance (digest_id, paper_id, topic, heading, name, title, url, version, line, summary)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let insertSearch = try db.cachedStatement(sql: "INSERT INTO search_index (rowid, title, heading, summary) VALUES (?, ?, ?, ?)")
            // Papers no digest featured before: no edge joins them to anything yet.
            var newPapers = Set<String>()
            for entry in digest.entries {
                let paperID = entry.identity.key
                try insertPaper.execute(arguments: [paperID, entry.link?.arxiv?.id, entry.title])
                if db.changesCount > 0 { newPapers.insert(paperID) }
                let summaryText = entry.summaryText
                try insertAppearance.execute(arguments: [
                    digestID, paperID, entry.topic, entry.heading, extraction.paperNames[paperID], entry.title,
                    entry.link?.url, entry.link?.arxiv?.version, entry.line, summaryText,
                ])
                try insertSearch.execute(arguments: [
                    db.lastInsertedRowID, TextSegmenter.segment(entry.title), TextSegmenter.segment(entry.heading),
                    TextSegmenter.segment(summaryText),
                ])
                change.papers.insert(paperID)
                if let topic = entry.topic {
                    change.topics.insert(topic)
                    change.addedTopicPapers[topic, default: []].append(paperID)
                }
                summary.papers += 1
            }
            summary.topics = Set(digest.entries.compactMap(\.topic)).count
            change.written = (digestID, digest.key)
            change.newPapers = newPapers

            let insertEntity = try db.cachedStatement(sql: "INSERT OR IGNORE INTO entity (id, name, kind) VALUES (?, ?, ?)")
            let insertAlias = try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO entity_alias (entity_id, digest_id, alias, kind, canonical, rentity, spelled)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            var canonical = Resolution.Lookup(db: db)
            for entity in extraction.entities {
                try insertEntity.execute(arguments: [entity.id, entity.name, entity.kind])
                let shown = try canonical(entity.id)
                try insertAlias.execute(arguments: [entity.id, digestID, entity.name, entity.kind, true, shown, entity.id])
                change.addedAliases[shown, default: []].append(entity.name)
                for alias in entity.aliases.sorted() where alias != entity.name {
                    let spelled = EntityName.id(for: alias)
                    try insertAlias.execute(arguments: [entity.id, digestID, alias, entity.kind, false, shown, spelled])
                    change.spellings.insert(spelled)
                    change.addedAliases[shown, default: []].append(alias)
                }
                change.entities.insert(entity.id)
                change.writtenNames[entity.id] = (entity.name, entity.kind)
            }
            summary.entities = extraction.entities.count

            // What joined each (paper, entity) pair before this write, unless removing the
            // old rows of this digest already noted it.
            for edge in extraction.edges where edge.relation != .derived_from {
                let pair = Resolution.Pair(paper: edge.source, entity: try canonical(edge.target))
                if change.pairs[pair] == nil {
                    change.pairs[pair] = newPapers.contains(edge.source) ? [] : try Resolution.relations(pair, db: db)
                }
            }
            let insertEdge = try db.cachedStatement(
                sql: """
                    INSERT INTO edge (digest_id, source, target, relation, line, evidence, rsource, rtarget) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let entityExists = try db.cachedStatement(sql: "SELECT 1 FROM entity WHERE id = ?")
            var stored = 0
            for edge in extraction.edges {
                // Lineage joins two entities: both must exist (see refresh for removals), and
                // differ (the stats count loops made by merges only; see ReadSQL.lineageLoops).
                if edge.relation == .derived_from {
                    guard edge.source != edge.target, try Bool.fetchOne(entityExists, arguments: [edge.source]) != nil,
                        try Bool.fetchOne(entityExists, arguments: [edge.target]) != nil
                    else { continue }
                }
                try insertEdge.execute(arguments: [
                    digestID, edge.source, edge.target, edge.relation, edge.line, edge.evidence,
                    try canonical(edge.source), try canonical(edge.target),
                ])
                let shown = try canonical(edge.target)
                if change.addedWeeks[shown].map({ digest.key < $0 }) ?? true { change.addedWeeks[shown] = digest.key }
                if edge.relation != .derived_from {
                    change.addedRelations[Resolution.Pair(paper: edge.source, entity: shown), default: []].insert(edge.relation)
                }
                stored += 1
            }
            try db.execute(sql: "UPDATE digest SET edges = ? WHERE id = ?", arguments: [stored, digestID])
            summary.edges = extraction.edges.count
            try Self.refresh(change, db: db)
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
            let ids = try Int64.fetchAll(
                db, sql: "SELECT id FROM digest WHERE key = ? AND (? IS NULL OR language = ?)",
                arguments: [key, language, language])
            guard !ids.isEmpty else { throw StoreError.unknownDigest(key) }
            var change = GraphChange()
            for id in ids { try Self.deleteDigest(id, db: db, change: &change) }
            try Self.refresh(change, db: db)
            return ids.count
        }
    }

    /// Deletes one digest's rows (they cascade from it), noting what they touched.
    private static func deleteDigest(_ id: Int64, db: Database, change: inout GraphChange) throws {
        change.removes = true
        let args: StatementArguments = [id]
        for row in try Row.fetchAll(
            db.cachedStatement(sql: "SELECT id, paper_id, topic, title, heading, summary FROM appearance WHERE digest_id = ?"),
            arguments: args)
        {
            change.papers.insert(row["paper_id"])
            if let topic: String = row["topic"] { change.topics.insert(topic) }
            // A contentless index forgets a row only when told its exact indexed text.
            try db.cachedStatement(
                sql: """
                    INSERT INTO search_index (search_index, rowid, title, heading, summary) VALUES ('delete', ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                row["id"], TextSegmenter.segment(row["title"]), TextSegmenter.segment(row["heading"]),
                TextSegmenter.segment(row["summary"]),
            ])
        }
        for row in try Row.fetchAll(
            db.cachedStatement(sql: WriteSQL.aliasesOfDigest), arguments: args)
        {
            change.entities.insert(row["entity_id"])
            if !(row["canonical"] as Bool) { change.spellings.insert(row["spelled"]) }
        }
        let key = try String.fetchOne(db.cachedStatement(sql: "SELECT key FROM digest WHERE id = ?"), arguments: args) ?? ""
        for row in try Row.fetchAll(
            db.cachedStatement(sql: "SELECT DISTINCT rtarget, rsource, relation FROM edge WHERE digest_id = ?"),
            arguments: args)
        {
            let shown: String = row["rtarget"]
            change.removedWeeks[shown, default: []].insert(key)
            if (row["relation"] as Relation) != .derived_from {
                let pair = Resolution.Pair(paper: row["rsource"], entity: shown)
                if change.pairs[pair] == nil { change.pairs[pair] = try Resolution.relations(pair, db: db) }
            }
        }
        try db.cachedStatement(sql: "DELETE FROM digest WHERE id = ?").execute(arguments: args)
    }

    // MARK: - Derived fields

    /// Recomputes the papers, entities, merges and counts a write touched, and drops papers
    /// and entities no digest supports any more. Nothing here reads the whole database, and
    /// no choice depends on ingest order.
    static func refresh(_ change: GraphChange, db: Database) throws {
        try refreshPapers(change.papers, db: db)
        var gone = Set<String>()
        let votes = try db.cachedStatement(
            sql: """
                SELECT alias, kind, COUNT(*) AS n FROM entity_alias WHERE entity_id = ? AND canonical = 1 GROUP BY alias, kind
                """)
        // Only a name or kind that changes is written (and names the entity afresh).
        let update = try db.cachedStatement(
            sql: "UPDATE entity SET name = :name, kind = :kind WHERE id = :id AND (name IS NOT :name OR kind IS NOT :kind)")
        var renamed = Set<String>()
        let current = try db.cachedStatement(sql: "SELECT name, kind FROM entity WHERE id = ?")
        for entityID in change.entities.sorted() {
            // One more vote for the name and kind that already win cannot change the winner:
            // a write that removes nothing need not count the entity's votes again.
            if !change.removes, let written = change.writtenNames[entityID], let row = try Row.fetchOne(current, arguments: [entityID]),
                (row["name"] as String).utf8.elementsEqual(written.name.utf8), (row["kind"] as EntityKind) == written.kind
            {
                continue
            }
            let rows = try Row.fetchAll(votes, arguments: [entityID])
            guard !rows.isEmpty else { gone.insert(entityID); continue }
            let won = Self.winners(rows.map { ($0["alias"], $0["kind"], $0["n"]) })
            try update.execute(arguments: ["name": won.name, "kind": won.kind, "id": entityID])
            if db.changesCount > 0 { renamed.insert(entityID) }
        }
        // An owner whose kind changed re-checks the claims its aliases make.
        let moved = try Resolution.update(db, change: change, gone: gone, rekinded: change.removes ? change.entities : renamed)
        // Merges that moved change whole counts: recount those entities; the rest move by deltas.
        var statsToRecompute = moved
        if !gone.isEmpty {
            // Lineage that named a removed entity goes with it.
            for id in gone.sorted() {
                for row in try Row.fetchAll(
                    db.cachedStatement(sql: WriteSQL.lineageOfEntity), arguments: ["id": id])
                {
                    statsToRecompute.insert(row["rtarget"])
                    try db.cachedStatement(sql: "DELETE FROM edge WHERE id = ?").execute(arguments: [row["id"]])
                    try db.cachedStatement(sql: "UPDATE digest SET edges = edges - 1 WHERE id = ?").execute(arguments: [row["digest_id"]])
                }
                try db.cachedStatement(sql: "DELETE FROM entity WHERE id = ?").execute(arguments: [id])
            }
        }
        var lookup = Resolution.Lookup(db: db)
        for id in statsToRecompute { statsToRecompute.insert(try lookup(id)) }
        try Resolution.refreshStats(statsToRecompute, db: db)
        try Resolution.applyDeltas(change, recounted: statsToRecompute, gone: gone, renamed: renamed, db: db)
        if change.removes {
            try Resolution.refreshTopics(change.topics, db: db)
        } else {
            try Resolution.addTopicCounts(change, db: db)
        }
    }

    /// A paper's fields from its appearances: the highest version gives version, URL and
    /// title; the latest digest gives topic and heading; the first name found names it.
    static func refreshPapers(_ papers: Set<String>, db: Database) throws {
        let appearances = try db.cachedStatement(
            sql: """
                SELECT a.heading, a.name, a.title, a.url, a.version, a.topic
                FROM appearance a JOIN digest d ON d.id = a.digest_id
                WHERE a.paper_id = ?
                ORDER BY d.key DESC, d.language ASC, a.line ASC
                """)
        for paperID in papers.sorted() {
            let rows = try Row.fetchAll(appearances, arguments: [paperID])
            guard let latest = rows.first else {
                try db.cachedStatement(sql: "DELETE FROM paper WHERE id = ?").execute(arguments: [paperID])
                continue
            }
            let best = rows.max { a, b in (a["version"] as Int? ?? -1) < (b["version"] as Int? ?? -1) } ?? latest
            let arxiv: String? = paperID.hasPrefix("arxiv:") ? String(paperID.dropFirst(6)) : nil
            let name: String? = rows.lazy.compactMap { $0["name"] as String? }.first
            try PaperRecord(
                id: paperID, arxiv: arxiv, version: best["version"], url: best["url"], title: best["title"],
                heading: latest["heading"], name: name, topic: latest["topic"],
                month: arxiv.map { ArxivID(id: $0).month }
            ).update(db)
        }
    }

    /// The name and kind an entity's digests vote for most, from (alias, kind, count) rows.
    static func winners(_ votes: [(alias: String, kind: String, n: Int)]) -> (name: String, kind: String) {
        var names: [String: Int] = [:], kinds: [String: Int] = [:]
        for vote in votes {
            names[vote.alias, default: 0] += vote.n
            kinds[vote.kind, default: 0] += vote.n
        }
        return (winner(names), winner(kinds))
    }

    /// The most frequent value; ties go to the smallest, so the result is order-free.
    static func winner(_ votes: [String: Int]) -> String {
        votes.min { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }!.key
    }
}
