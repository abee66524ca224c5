/// What an extractor found in one digest: entities with their spellings, and edges with provenance.
public struct Extraction: Sendable {
    public var entities: [ExtractedEntity] = []
    public var edges: [ExtractedEdge] = []
    /// Short names the extractor settled on for papers, by paper id, when better than the heading's.
    public var paperNames: [String: String] = [:]

    public init(entities: [ExtractedEntity] = [], edges: [ExtractedEdge] = [], paperNames: [String: String] = [:]) {
        self.entities = entities
        self.edges = edges
        self.paperNames = paperNames
    }
}

public enum EntityKind: String, Sendable, Codable, CaseIterable, Comparable {
    case method, dataset, metric

    public static func < (a: EntityKind, b: EntityKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Relations of a paper to an entity, plus lineage between entities.
public enum Relation: String, Sendable, Codable, CaseIterable {
    case proposes, builds_on, uses, compares_with, evaluates_on, mentions, reports, derived_from
}

public struct ExtractedEntity: Sendable, Equatable {
    /// The entity's id: `entity:` and its normalised name, the same in every digest.
    public var id: String
    public var name: String
    public var kind: EntityKind
    /// Other spellings the digest used (full names, code spans, Chinese names).
    public var aliases: Set<String>

    public init(name: String, kind: EntityKind, aliases: Set<String> = []) {
        self.id = EntityName.id(for: name)
        self.name = name
        self.kind = kind
        self.aliases = aliases
    }
}

public struct ExtractedEdge: Sendable, Equatable {
    public var source: String
    public var target: String
    public var relation: Relation
    public var line: Int
    public var evidence: String

    public init(source: String, target: String, relation: Relation, line: Int, evidence: String) {
        self.source = source
        self.target = target
        self.relation = relation
        self.line = line
        self.evidence = evidence
    }
}

/// Turns a digest into entities and edges. Swappable so tests and future extractors plug in.
public protocol Extractor: Sendable {
    /// Bumped whenever output changes: stored digests from an older version are extracted again.
    var version: Int { get }
    func extract(_ digest: Digest) -> Extraction
}

/// Reads no entities: papers and topics only.
public struct NoExtractor: Extractor {
    public init() {}
    public var version: Int { 0 }
    public func extract(_ digest: Digest) -> Extraction { Extraction() }
}
