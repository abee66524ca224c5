import GRDB

/// A stored digest: one week in one language.
public struct DigestRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "digest"
    public var id: Int64?
    public var key: String
    public var language: String
    public var path: String
    public var title: String?
    public var contentHash: String
    public var extractorVersion: Int
    public var ingestedAt: String

    enum CodingKeys: String, CodingKey {
        case id, key, language, path, title
        case contentHash = "content_hash"
        case extractorVersion = "extractor_version"
        case ingestedAt = "ingested_at"
    }

    public enum Columns {
        static let key = Column(CodingKeys.key)
        static let language = Column(CodingKeys.language)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A paper, shared by every digest that features it; its fields are recomputed from appearances.
public struct PaperRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "paper"
    public var id: String
    public var arxiv: String?
    public var version: Int?
    public var url: String?
    public var title: String
    public var heading: String?
    public var name: String?
    public var topic: String?
    public var month: String?

    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let arxiv = Column(CodingKeys.arxiv)
        static let name = Column(CodingKeys.name)
        static let topic = Column(CodingKeys.topic)
        static let month = Column(CodingKeys.month)
    }
}

/// One paper as one digest features it.
public struct AppearanceRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "appearance"
    public var id: Int64?
    public var digestId: Int64
    public var paperId: String
    public var topic: String?
    public var heading: String
    public var name: String?
    public var title: String
    public var url: String?
    public var version: Int?
    public var line: Int
    public var summary: String

    enum CodingKeys: String, CodingKey {
        case id, topic, heading, name, title, url, version, line, summary
        case digestId = "digest_id"
        case paperId = "paper_id"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct EntityRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "entity"
    public var id: String
    public var name: String
    public var kind: String
}

public struct EntityAliasRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "entity_alias"
    public var entityId: String
    public var digestId: Int64
    public var alias: String
    public var kind: String
    public var canonical: Bool

    enum CodingKeys: String, CodingKey {
        case alias, kind, canonical
        case entityId = "entity_id"
        case digestId = "digest_id"
    }
}

public struct EdgeRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "edge"
    public var digestId: Int64
    public var source: String
    public var target: String
    public var relation: String
    public var line: Int
    public var evidence: String

    enum CodingKeys: String, CodingKey {
        case source, target, relation, line, evidence
        case digestId = "digest_id"
    }
}
