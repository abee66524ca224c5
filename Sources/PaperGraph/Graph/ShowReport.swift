import Foundation

public struct PaperDetail: Codable, Sendable, Equatable {
    public var id: String
    public var arxiv: String?
    public var version: Int?
    public var versions: [Int]
    public var url: String?
    public var title: String
    public var name: String?
    public var heading: String?
    public var topics: [String]
    public var digests: [String]
    public var summary: String
    public var relations: [EdgeView]
}

public struct EntityDetail: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var kind: EntityKind
    public var aliases: [String]
    /// Papers linked to the entity, with the supporting sentence.
    public var papers: [EdgeView]
    /// derived_from edges with this entity as child (parents) or parent (children).
    public var lineage: [EdgeView]
}

/// What `show` found for a name: a paper, an entity, or both (a paper's short name is often
/// also the method it proposes).
public struct ShowReport: Codable, Sendable, Equatable {
    public var papers: [PaperDetail]
    public var entities: [EntityDetail]

    public var isEmpty: Bool { papers.isEmpty && entities.isEmpty }

    /// How a reader names the papers arriving at an entity by each relation.
    public static let incomingLabel: [Relation: String] = [
        .proposes: "proposed by", .builds_on: "papers building on it", .uses: "papers using it",
        .compares_with: "papers comparing with it", .evaluates_on: "papers evaluating on it",
        .mentions: "papers mentioning it", .reports: "papers reporting it",
    ]
}
