import GRDB

// Rows as stored. Internal to the store: the rest of the library reads the values in
// Graph/GraphValues.swift.

extension Relation: DatabaseValueConvertible, StatementColumnConvertible {
    /// Read straight from the statement, as GRDB reads strings: thousands of rows decode kinds
    /// and relations, and the generic path through a DatabaseValue was a fifth of a listing.
    public init?(sqliteStatement: SQLiteStatement, index: CInt) {
        self.init(rawValue: String(sqliteStatement: sqliteStatement, index: index))
    }
}

extension EntityKind: DatabaseValueConvertible, StatementColumnConvertible {
    public init?(sqliteStatement: SQLiteStatement, index: CInt) {
        self.init(rawValue: String(sqliteStatement: sqliteStatement, index: index))
    }
}

/// A stored digest: one week in one language.
struct DigestRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "digest"
    var id: Int64?
    var key: String
    var language: String
    var path: String
    var title: String?
    var contentHash: String
    var extractorVersion: Int
    var ingestedAt: String
    var edges: Int

    enum CodingKeys: String, CodingKey {
        case id, key, language, path, title, edges
        case contentHash = "content_hash"
        case extractorVersion = "extractor_version"
        case ingestedAt = "ingested_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A paper, shared by every digest that features it; its fields are recomputed from appearances.
struct PaperRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "paper"
    var id: String
    var arxiv: String?
    var version: Int?
    var url: String?
    var title: String
    var heading: String?
    var name: String?
    var topic: String?
    var month: String?

    var value: Paper {
        Paper(
            id: id, arxiv: arxiv, version: version, url: url, title: title, heading: heading, name: name,
            topic: topic, month: month)
    }
}

struct EntityRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "entity"
    var id: String
    var name: String
    var kind: EntityKind

    var value: Entity { Entity(id: id, name: name, kind: kind) }
}
