import Foundation

/// One decision of the curator about the graph. Names are entity names as the graph shows
/// them (any spelling of the entity matches); papers are stored paper ids (`arxiv:2512.01234`).
public enum CurationDecision: Sendable, Equatable {
    /// `from` and `into` are one entity; `into` is its name.
    case merge(String, into: String)
    /// In these papers, `name` means `as` (an acronym with several senses).
    case split(String, papers: [String], as: String)
    /// The entity's canonical name becomes `to`.
    case rename(String, to: String)
    case kind(String, EntityKind)
    /// Not an entity: gone with its edges.
    case drop(String)
    case dropEdge(paper: String, relation: Relation, entity: String)
    /// `child` does not descend from `parent` (a family name inside another name, a wrong
    /// version): their `derived_from` edges go; the papers' own edges stay.
    case dropLineage(child: String, parent: String)
    /// `kind` is the entity's kind when the graph does not have it yet.
    case addEdge(paper: String, relation: Relation, entity: String, kind: EntityKind)
    /// Papers filed under topic `from` are filed under `into`.
    case topic(String, into: String)
    /// The paper's short name.
    case name(paper: String, String)

    /// The YAML key naming the decision.
    public var action: String {
        switch self {
        case .merge: "merge"
        case .split: "split"
        case .rename: "rename"
        case .kind: "kind"
        case .drop: "drop"
        case .dropEdge: "drop-edge"
        case .dropLineage: "drop-lineage"
        case .addEdge: "add-edge"
        case .topic: "topic"
        case .name: "name"
        }
    }

    /// Entity names, paper ids and topics the decision reads: the digests holding any of
    /// them are the ones it changes.
    public var subjects: (entities: [String], papers: [String], topics: [String]) {
        switch self {
        case .merge(let a, let b): ([a, b], [], [])
        case .split(let a, let papers, let b): ([a, b], papers, [])
        case .rename(let a, let b): ([a, b], [], [])
        case .kind(let a, _), .drop(let a): ([a], [], [])
        case .dropEdge(let paper, _, let entity), .addEdge(let paper, _, let entity, _): ([entity], [paper], [])
        case .dropLineage(let child, let parent): ([child, parent], [], [])
        case .topic(let a, let b): ([], [], [a, b])
        case .name(let paper, _): ([], [paper], [])
        }
    }
}

/// A decision as the file holds it: with the curator's reason and where it is written.
public struct CurationEntry: Sendable, Equatable {
    public var decision: CurationDecision
    public var reason: String?
    /// 1-based line of the entry in the file (0 for one not written yet).
    public var line: Int

    public init(_ decision: CurationDecision, reason: String? = nil, line: Int = 0) {
        self.decision = decision
        self.reason = reason
        self.line = line
    }
}

/// The curator's decisions, applied on top of extraction at every ingest, in file order.
///
/// Pure: ``apply(_:_:)`` turns one digest and its extraction into the curated ones, so
/// re-ingesting everything with the same file gives the same graph in any order.
public struct Curation: Sendable, Equatable {
    public var entries: [CurationEntry]

    public init(entries: [CurationEntry] = []) { self.entries = entries }

    public static let none = Curation()

    /// Changes whenever a decision changes: stored with each digest, so a changed file
    /// makes `ingest` read the digests again.
    public var fingerprint: Int {
        guard !entries.isEmpty else { return 0 }
        return RelationModel.fnv(entries.map { CurationFile.block($0) }.joined()) + 1
    }

    /// The extractor version stored with a digest read under this curation.
    public func version(extractor: Int) -> Int { entries.isEmpty ? extractor : extractor * 10_000_000 + fingerprint }

    // MARK: - Applying

    public func apply(_ digest: Digest, _ extraction: Extraction) -> (Digest, Extraction) {
        var digest = digest, extraction = extraction
        for entry in entries { Self.apply(entry.decision, reason: entry.reason, &digest, &extraction) }
        return (digest, extraction)
    }

    /// Whether an extracted entity is the one `name` names: its id, or one of its spellings.
    static func matches(_ entity: ExtractedEntity, _ name: String) -> Bool {
        let id = EntityName.id(for: name)
        return entity.id == id || entity.aliases.contains { EntityName.id(for: $0) == id }
    }

    /// Moves every entity `name` names to `target` (merged with one already there).
    static func retarget(_ name: String, to target: String, _ extraction: inout Extraction) {
        let matched = extraction.entities.filter { matches($0, name) }
        guard !matched.isEmpty else { return }
        let newID = EntityName.id(for: target)
        let oldIDs = Set(matched.map(\.id)).subtracting([newID])
        var merged = extraction.entities.first { $0.id == newID } ?? ExtractedEntity(name: target, kind: matched[0].kind)
        merged.name = target
        for entity in matched {
            merged.aliases.formUnion(entity.aliases)
            if entity.name != target { merged.aliases.insert(entity.name) }
        }
        merged.aliases.remove(target)
        extraction.entities.removeAll { $0.id == newID || oldIDs.contains($0.id) }
        extraction.entities.append(merged)
        for i in extraction.edges.indices {
            if oldIDs.contains(extraction.edges[i].target) { extraction.edges[i].target = newID }
            if oldIDs.contains(extraction.edges[i].source) { extraction.edges[i].source = newID }
        }
        extraction.edges.removeAll { $0.source == $0.target }
        dedupe(&extraction)
    }

    static func dedupe(_ extraction: inout Extraction) {
        var seen = Set<String>()
        extraction.edges = extraction.edges.filter { seen.insert("\($0.source)\u{1}\($0.relation)\u{1}\($0.target)\u{1}\($0.line)").inserted }
    }

    static func apply(_ decision: CurationDecision, reason: String?, _ digest: inout Digest, _ extraction: inout Extraction) {
        switch decision {
        case .merge(let name, let target), .rename(let name, let target):
            retarget(name, to: target, &extraction)
        case .kind(let name, let kind):
            for i in extraction.entities.indices where matches(extraction.entities[i], name) { extraction.entities[i].kind = kind }
        case .drop(let name):
            let ids = Set(extraction.entities.filter { matches($0, name) }.map(\.id))
            extraction.entities.removeAll { ids.contains($0.id) }
            extraction.edges.removeAll { ids.contains($0.target) || ids.contains($0.source) }
        case .dropEdge(let paper, let relation, let name):
            let ids = Set(extraction.entities.filter { matches($0, name) }.map(\.id)).union([EntityName.id(for: name)])
            extraction.edges.removeAll { $0.source == paper && $0.relation == relation && ids.contains($0.target) }
        case .dropLineage(let child, let parent):
            func ids(_ name: String) -> Set<String> { Set(extraction.entities.filter { matches($0, name) }.map(\.id)).union([EntityName.id(for: name)]) }
            let (children, parents) = (ids(child), ids(parent))
            extraction.edges.removeAll { $0.relation == .derived_from && children.contains($0.source) && parents.contains($0.target) }
        case .addEdge(let paper, let relation, let name, let kind):
            guard let entry = digest.entries.first(where: { $0.identity.key == paper }) else { return }
            let id = extraction.entities.first { matches($0, name) }?.id ?? EntityName.id(for: name)
            if !extraction.entities.contains(where: { $0.id == id }) { extraction.entities.append(ExtractedEntity(name: name, kind: kind)) }
            extraction.edges.removeAll { $0.source == paper && $0.target == id && $0.relation == .mentions }
            extraction.edges.append(
                ExtractedEdge(source: paper, target: id, relation: relation, line: entry.line, evidence: "curator: " + (reason ?? "added by hand")))
            dedupe(&extraction)
        case .split(let name, let papers, let sense):
            let newID = EntityName.id(for: sense)
            // The sense is no spelling of the acronym in any digest (else the store would merge them again).
            for i in extraction.entities.indices where extraction.entities[i].id != newID && matches(extraction.entities[i], name) {
                extraction.entities[i].aliases = extraction.entities[i].aliases.filter { EntityName.id(for: $0) != newID }
            }
            let ids = Set(extraction.entities.filter { $0.id != newID && matches($0, name) }.map(\.id))
            let chosen = Set(papers)
            var moved = false
            for i in extraction.edges.indices where chosen.contains(extraction.edges[i].source) && ids.contains(extraction.edges[i].target) {
                extraction.edges[i].target = newID
                moved = true
            }
            guard moved else { return }
            if !extraction.entities.contains(where: { $0.id == newID }) {
                let kind = extraction.entities.first { ids.contains($0.id) }?.kind ?? .method
                extraction.entities.append(ExtractedEntity(name: sense, kind: kind))
            }
            // The other sense keeps what is left; an entity left without edges goes.
            let used = Set(extraction.edges.flatMap { [$0.source, $0.target] })
            extraction.entities.removeAll { ids.contains($0.id) && !used.contains($0.id) }
            dedupe(&extraction)
        case .topic(let from, let into):
            for i in digest.entries.indices where digest.entries[i].topic == from { digest.entries[i].topic = into }
        case .name(let paper, let name):
            if digest.entries.contains(where: { $0.identity.key == paper }) { extraction.paperNames[paper] = name }
        }
    }
}
