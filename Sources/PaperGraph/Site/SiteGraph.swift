import Foundation

/// Everything the site shows, read from the store in a few statements inside consistent reads
/// and indexed in memory: every page is then a pure function of this value.
struct SiteGraph: Sendable {
    var stats: GraphStats
    var digests: [DigestInfo]
    var topics: [TopicSummary]
    var papers: [String: Paper]
    /// Topics and digests of each paper (reading order and sorted), as the exports give them.
    var paperTopics: [String: [String]]
    var paperDigests: [String: [String]]
    var entities: [String: Entity]
    /// Other spellings of each entity, without its name.
    var aliases: [String: [String]]
    /// Distinct papers linked to each entity.
    var paperCounts: [String: Int]
    var entries: [EntryView]
    var lineage: [LineageLink]
    /// Edges from a paper or entity, and to an entity, each sorted (relation, other end, digest, line).
    var edgesFrom: [String: [GraphExport.Edge]] = [:]
    var edgesTo: [String: [GraphExport.Edge]] = [:]
    var entriesOfPaper: [String: [EntryView]] = [:]
    /// Entries filed under each topic, in reading order.
    var entriesOfTopic: [String: [EntryView]] = [:]
    /// Entries of each digest (``digestKey(_:_:)``), by line.
    var entriesOfDigest: [String: [EntryView]] = [:]
    /// Papers linked to each entity, one link per (paper, relation).
    var linksTo: [String: [PaperEntityLink]] = [:]
    var linksFrom: [String: [PaperEntityLink]] = [:]
    /// Papers proposing each entity, by paper id.
    var proposals: [String: [Proposal]] = [:]
    var relatedIndex = RelatedWork.Index(links: [], paperCounts: [:], totalPapers: 0, names: [:])
    var lineageByParent: [String: [LineageLink]] = [:]
    var lineageByChild: [String: [LineageLink]] = [:]
    /// The language of a digest key (lineage links name the week only), the first of several.
    var languageOf: [String: String] = [:]

    static func read(from store: GraphStore) throws -> SiteGraph {
        var papers: [String: Paper] = [:], topics: [String: [String]] = [:], digests: [String: [String]] = [:]
        var entities: [String: Entity] = [:], aliases: [String: [String]] = [:], counts: [String: Int] = [:]
        var edges: [GraphExport.Edge] = []
        try store.exportGraph(
            edges: { edges.append($0) },
            entities: { item in
                let e = item.entity
                entities[e.id] = Entity(id: e.id, name: e.name, kind: EntityKind(rawValue: e.kind) ?? .method)
                aliases[e.id] = e.aliases
                counts[e.id] = item.papers
            },
            papers: { p in
                papers[p.id] = Paper(
                    id: p.id, arxiv: p.arxiv, version: p.version, url: p.url, title: p.title, heading: p.heading, name: p.name,
                    topic: p.topic, month: p.month)
                topics[p.id] = p.topics
                digests[p.id] = p.digests
            }, sectionEnded: { _ in })
        var graph = SiteGraph(
            stats: try store.stats(), digests: try store.digests(), topics: try store.topics(), papers: papers,
            paperTopics: topics, paperDigests: digests, entities: entities, aliases: aliases, paperCounts: counts,
            entries: try store.entries(), lineage: try store.allLineageLinks().sorted(by: LineageLink.precedes))
        graph.index(edges)
        return graph
    }

    private mutating func index(_ edges: [GraphExport.Edge]) {
        for edge in edges {
            edgesFrom[edge.source, default: []].append(edge)
            edgesTo[edge.target, default: []].append(edge)
        }
        var seen = Set<String>()
        for edge in edges where papers[edge.source] != nil {
            guard let relation = Relation(rawValue: edge.relation), relation != .derived_from,
                seen.insert("\(edge.source)\u{1}\(edge.relation)\u{1}\(edge.target)").inserted
            else { continue }
            let link = PaperEntityLink(paper: edge.source, entity: edge.target, relation: relation)
            linksTo[edge.target, default: []].append(link)
            linksFrom[edge.source, default: []].append(link)
            if relation == .proposes, let paper = papers[edge.source] {
                proposals[edge.target, default: []].append(Proposal(entity: edge.target, paper: paper))
            }
        }
        for key in proposals.keys { proposals[key]!.sort { $0.paper.id < $1.paper.id } }
        for entry in entries {
            entriesOfPaper[entry.paper, default: []].append(entry)
            entriesOfDigest[Self.digestKey(entry.digest, entry.language), default: []].append(entry)
            if let topic = entry.topic { entriesOfTopic[topic, default: []].append(entry) }
        }
        relatedIndex = RelatedWork.Index(
            links: linksFrom.keys.sorted().flatMap { linksFrom[$0]! }, paperCounts: paperCounts, totalPapers: papers.count,
            names: entities.mapValues(\.name))
        for digest in digests.sorted(by: { ($0.key, $0.language) > ($1.key, $1.language) }) { languageOf[digest.key] = digest.language }
        for link in lineage {
            lineageByParent[link.parent, default: []].append(link)
            lineageByChild[link.child, default: []].append(link)
        }
    }

    /// The links a lineage walk asks for, answered from memory.
    func lineageLinks(around ids: Set<String>, direction: LineageWalk.Direction) -> [LineageLink] {
        var out: [LineageLink] = []
        for id in ids.sorted() {
            if direction != .up { out += lineageByParent[id] ?? [] }
            if direction != .down { out += lineageByChild[id] ?? [] }
        }
        return out
    }

    /// Papers related to `paper`, as `papergraph related` ranks them.
    func related(to paper: String, limit: Int) -> [RelatedPaper] {
        relatedIndex.rank(paper, limit: limit).compactMap { r in papers[r.id].map { RelatedPaper(paper: $0, score: r.score, reasons: r.reasons) } }
    }

    /// The entry of a digest holding source line `line`: the last one starting at or before it.
    func entry(digest: String, language: String, line: Int) -> EntryView? {
        (entriesOfDigest[Self.digestKey(digest, language)] ?? []).last { $0.line <= line }
    }

    static func digestKey(_ key: String, _ language: String) -> String { key + "\u{1}" + language }
}
