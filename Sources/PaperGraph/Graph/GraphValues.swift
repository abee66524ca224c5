import Foundation

// The values the store reads out. Queries, maps, exports and the command line work with
// these; none of them sees a table, a row or SQL.

/// A paper as the graph holds it: fields recomputed from every digest that features it.
public struct Paper: Sendable, Equatable, Hashable, Codable {
    public var id: String
    public var arxiv: String?
    /// The highest version any digest linked.
    public var version: Int?
    public var url: String?
    public var title: String
    public var heading: String?
    /// Short name, e.g. FDTA.
    public var name: String?
    /// The topic of its latest appearance.
    public var topic: String?
    /// `YYYY-MM` from the arXiv id.
    public var month: String?

    /// What people type and see: the arXiv id, else the stored id.
    public var label: String { arxiv ?? id }

    public init(
        id: String, arxiv: String? = nil, version: Int? = nil, url: String? = nil, title: String, heading: String? = nil,
        name: String? = nil, topic: String? = nil, month: String? = nil
    ) {
        self.id = id
        self.arxiv = arxiv
        self.version = version
        self.url = url
        self.title = title
        self.heading = heading
        self.name = name
        self.topic = topic
        self.month = month
    }
}

/// A method, dataset or metric, after entity merges.
public struct Entity: Sendable, Equatable, Hashable, Codable {
    public var id: String
    public var name: String
    public var kind: EntityKind

    public init(id: String, name: String, kind: EntityKind) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}

/// A stored digest and what it holds.
public struct DigestInfo: Sendable, Equatable {
    public var key: String
    public var language: String
    public var path: String
    public var ingestedAt: String
    public var papers: Int
    public var edges: Int
}

/// A paper in a listing, with the digests that featured it.
public struct PaperListing: Sendable, Equatable {
    public var paper: Paper
    public var digests: [String]
}

public struct TopicSummary: Sendable, Equatable {
    public var topic: String
    public var papers: Int
    public var digests: Int
    public var first: String
    public var last: String
}

/// An entity with the number of distinct papers linked to it.
public struct EntitySummary: Sendable, Equatable {
    public var entity: Entity
    public var papers: Int
    public var aliases: [String]
}

/// A method other papers compare with or build on.
public struct BaselineSummary: Sendable, Equatable {
    public var entity: Entity
    public var compared: Int
    public var builtOn: Int
    public var papers: Int
}

/// Which entities `entities` and `baselines` count, and over which papers.
public struct EntityFilter: Sendable, Equatable {
    public var kind: EntityKind?
    public var minPapers: Int
    /// Count only papers filed under a topic containing this text.
    public var topic: String?
    /// Count only papers from this arXiv month on (`YYYY-MM`).
    public var since: String?
    public var limit: Int?

    public init(kind: EntityKind? = nil, minPapers: Int = 1, topic: String? = nil, since: String? = nil, limit: Int? = nil) {
        self.kind = kind
        self.minPapers = minPapers
        self.topic = topic
        self.since = since
        self.limit = limit
    }

    var countsEverything: Bool { topic == nil && since == nil }
}

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

/// One paper found by `search`, with the words around the best hit.
public struct SearchHit: Sendable, Equatable {
    public var paper: Paper
    public var digest: String
    public var topic: String?
    /// bm25: lower is better.
    public var score: Double
    public var snippet: String
}

public struct SearchResults: Sendable, Equatable {
    public var hits: [SearchHit]
    /// Entries (paper appearances) matching the query, before `limit`.
    public var matchingEntries: Int
    /// True when more papers matched than `limit` let through.
    public var truncated: Bool
}

/// One edge as shown to a reader: what it links, why (the sentence), and where it was said.
public struct EdgeView: Codable, Sendable, Equatable {
    public var source: String
    public var sourceName: String
    public var relation: Relation
    public var target: String
    public var targetName: String
    public var digest: String
    public var line: Int
    public var evidence: String
}

/// A paper's link to an entity (any relation but derived_from).
public struct PaperEntityLink: Sendable, Equatable, Hashable {
    public var paper: String
    public var entity: String
    public var relation: Relation

    public init(paper: String, entity: String, relation: Relation) {
        self.paper = paper
        self.entity = entity
        self.relation = relation
    }
}

/// A parent–child step of method lineage: a derived_from edge, or a paper's builds_on lifted
/// to the method the paper proposes.
public struct LineageLink: Sendable, Equatable, Hashable {
    public var child: String
    public var parent: String
    public var relation: Relation
    public var digest: String
    public var line: Int
    public var evidence: String

    public init(child: String, parent: String, relation: Relation, digest: String, line: Int, evidence: String) {
        self.child = child
        self.parent = parent
        self.relation = relation
        self.digest = digest
        self.line = line
        self.evidence = evidence
    }

    /// derived_from before builds_on, then the earliest digest and line: the link a walk keeps
    /// when several join the same two methods.
    static func precedes(_ a: LineageLink, _ b: LineageLink) -> Bool {
        let ra = a.relation == .derived_from ? 0 : 1, rb = b.relation == .derived_from ? 0 : 1
        return (ra, a.digest, a.line, a.child, a.parent, a.evidence) < (rb, b.digest, b.line, b.child, b.parent, b.evidence)
    }
}

/// An entity with a paper that proposes it (for "introduced by").
public struct Proposal: Sendable, Equatable {
    public var entity: String
    public var paper: Paper
}

/// A paper's appearance in one digest, as a topic map draws it.
public struct AppearanceView: Sendable, Equatable {
    public var paper: Paper
    public var topic: String?
    public var digest: String
}

/// A paper's link to an entity with the entity itself (maps and neighbourhoods).
public struct EntityLink: Sendable, Equatable {
    public var paper: String
    public var entity: Entity
    public var relation: Relation

    public init(paper: String, entity: Entity, relation: Relation) {
        self.paper = paper
        self.entity = entity
        self.relation = relation
    }
}

/// A paper's entry in one digest: where it sits, under which topic, and what the digest said.
public struct EntryView: Sendable, Equatable {
    public var paper: String
    public var digest: String
    public var language: String
    public var line: Int
    public var topic: String?
    public var summary: String
}
