import Foundation
import GRDB

/// What `papergraph curate` asks the store: which digests a decision touches, and marking
/// the others as read under the new curation.
extension GraphStore {
    /// Digests holding any spelling of these entities (ids, with merges applied or not), any
    /// of these papers, or any of these topics.
    public func digests(mentioning entities: [String], papers: [String], topics: [String]) throws -> [DigestInfo] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.key, d.language, d.path, d.ingested_at FROM digest d WHERE d.id IN (
                        \(WriteSQL.digestsSpelling)
                        UNION SELECT digest_id FROM appearance WHERE paper_id IN (SELECT value FROM json_each(:papers))
                        UNION SELECT digest_id FROM appearance WHERE topic IN (SELECT value FROM json_each(:topics)))
                    ORDER BY d.key, d.language
                    """,
                arguments: ["entities": Self.json(entities), "papers": Self.json(papers), "topics": Self.json(topics)]
            ).map { DigestInfo(key: $0["key"], language: $0["language"], path: $0["path"], ingestedAt: $0["ingested_at"], papers: 0, edges: 0) }
        }
    }

    /// Records that digests read with version `old` read the same under `new` (a decision
    /// that does not touch them). Returns how many.
    @discardableResult
    public func markVersion(_ old: Int, as new: Int) throws -> Int {
        try writer.write { db in
            try db.execute(sql: "UPDATE digest SET extractor_version = ? WHERE extractor_version = ?", arguments: [new, old])
            return db.changesCount
        }
    }
}
