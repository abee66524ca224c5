import Foundation

/// Edits the curation file with checked decisions and applies each change to the stored
/// graph at once, by reading again only the digests the decision touches.
public struct Curator: Sendable {
    public let store: GraphStore
    /// The curation file.
    public let path: String
    public let extractor: any Extractor

    public init(store: GraphStore, path: String, extractor: any Extractor = RuleExtractor()) {
        self.store = store
        self.path = path
        self.extractor = extractor
    }

    /// What a change did.
    public struct Outcome: Sendable {
        /// One line for the curator: the decision and what it affects.
        public var message: String
        /// Digests read again, and those whose file is gone (they keep the old rows until ingested again).
        public var reread: [String] = []
        public var missing: [String] = []
    }

    // MARK: - Resolving what the curator typed

    func entity(_ name: String) throws -> Entity {
        if let entity = try store.resolveEntities(name).first { return entity }
        throw CurationError.refused(StoreError.notFound(name, suggestions: try store.suggestions(for: name)).errorDescription!)
    }

    func paper(_ text: String) throws -> Paper {
        if let paper = try store.resolvePapers(text).first { return paper }
        throw CurationError.refused(StoreError.notFound(text, suggestions: try store.suggestions(for: text)).errorDescription!)
    }

    func topic(_ name: String) throws -> String {
        let topics = try store.topics().map(\.topic)
        if topics.contains(name) { return name }
        let near = NameSuggester.nearest(name, among: topics)
        throw CurationError.refused(
            "no topic '\(name)' in the graph\(near.isEmpty ? "; `papergraph topics` lists them" : "; did you mean \(near.map { "'\($0)'" }.joined(separator: " or "))?")"
        )
    }

    /// The decision with names resolved to what the graph calls them (papers to stored ids),
    /// checked against the graph; unknown names are refused with the nearest ones.
    public func resolve(_ decision: CurationDecision) throws -> CurationDecision {
        switch decision {
        case .merge(let a, let b):
            let (from, into) = (try entity(a), try entity(b))
            guard from.id != into.id else { throw CurationError.refused("'\(a)' and '\(b)' are already one entity (\(into.name))") }
            return .merge(from.name, into: into.name)
        case .split(let a, let papers, let sense):
            let from = try entity(a)
            let ids = try papers.map { try paper($0).id }
            let linked = Set(try store.links(toEntities: [from.id]).map(\.paper))
            for (typed, id) in zip(papers, ids) where !linked.contains(id) {
                throw CurationError.refused("paper \(typed) has no edge to \(from.name); `papergraph show \(from.name)` lists its papers")
            }
            return .split(from.name, papers: ids, as: sense)
        case .rename(let a, let b): return .rename(try entity(a).name, to: b)
        case .kind(let a, let kind): return .kind(try entity(a).name, kind)
        case .drop(let a): return .drop(try entity(a).name)
        case .dropEdge(let p, let relation, let e):
            let (found, target) = (try paper(p), try entity(e))
            guard try store.links(ofPaper: found.id).contains(where: { $0.entity.id == target.id && $0.relation == relation }) else {
                throw CurationError.refused(
                    "paper \(found.label) has no \(relation.rawValue) edge to \(target.name); `papergraph show \(found.label)` lists its edges")
            }
            return .dropEdge(paper: found.id, relation: relation, entity: target.name)
        case .dropLineage(let c, let p):
            let (child, parent) = (try entity(c), try entity(p))
            guard try store.lineageLinks(around: [child.id], direction: .up).contains(where: { $0.relation == .derived_from && $0.parent == parent.id }) else {
                throw CurationError.refused(
                    "\(child.name) does not descend from \(parent.name) in the graph; `papergraph lineage \(child.name) --up` lists its parents")
            }
            return .dropLineage(child: child.name, parent: parent.name)
        case .addEdge(let p, let relation, let e, let kind):
            let found = try paper(p)
            let target = try store.resolveEntities(e).first
            return .addEdge(paper: found.id, relation: relation, entity: target?.name ?? e, kind: target?.kind ?? kind)
        case .topic(let a, let b): return .topic(try topic(a), into: b)
        case .name(let p, let name): return .name(paper: try paper(p).id, name)
        }
    }

    /// Refuses a decision that contradicts one already in the file (or repeats it).
    public static func check(_ decision: CurationDecision, against curation: Curation) throws {
        func same(_ a: String, _ b: String) -> Bool { EntityName.id(for: a) == EntityName.id(for: b) }
        for entry in curation.entries {
            let at = "line \(entry.line)"
            if entry.decision == decision { throw CurationError.refused("already decided (\(at) of the curation file)") }
            switch (entry.decision, decision) {
            case (.merge(let a, let b), .merge(let c, let d)) where same(a, d) && same(b, c):
                throw CurationError.refused("\(at) merges \(a) into \(b); merging \(c) into \(d) would undo it (`papergraph curate undo` or edit the file)")
            case (.merge(let a, let b), .merge(let c, let d)) where same(a, c) && !same(b, d):
                throw CurationError.refused("\(at) already merges \(a) into \(b), not \(d)")
            case (.kind(let a, let k1), .kind(let b, let k2)) where same(a, b) && k1 != k2:
                throw CurationError.refused("\(at) makes \(a) a \(k1.rawValue); it cannot also be a \(k2.rawValue)")
            case (.drop(let a), let other), (let other, .drop(let a)):
                if case .drop = other { continue }
                if other.subjects.entities.contains(where: { same($0, a) }) {
                    throw CurationError.refused("\(at) and this decision disagree: \(a) is dropped as not an entity, and the other decision keeps it")
                }
            case (.dropEdge(let p1, let r1, let e1), .addEdge(let p2, let r2, let e2, _)),
                (.addEdge(let p2, let r2, let e2, _), .dropEdge(let p1, let r1, let e1)):
                if p1 == p2 && r1 == r2 && same(e1, e2) {
                    throw CurationError.refused("\(at) and this decision disagree on the \(r1.rawValue) edge from \(p1) to \(e1)")
                }
            case (.topic(let a, let b), .topic(let c, let d)) where a == d && b == c:
                throw CurationError.refused("\(at) files topic \(a) under \(b); the reverse would undo it")
            case (.name(let p1, let n1), .name(let p2, let n2)) where p1 == p2 && n1 != n2:
                throw CurationError.refused("\(at) already names \(p1) '\(n1)'")
            default: continue
            }
        }
    }

    /// What the decision reaches in the graph now, in words.
    func reach(_ decision: CurationDecision) throws -> String {
        let subjects = decision.subjects
        var parts: [String] = []
        var entities: [Entity] = []
        for entity in try subjects.entities.flatMap({ try store.resolveEntities($0) }) where !entities.contains(entity) { entities.append(entity) }
        if !entities.isEmpty {
            let links = try store.links(toEntities: entities.map(\.id))
            parts.append("\(Set(links.map(\.paper)).count) papers and \(links.count) edges of \(entities.map(\.name).joined(separator: ", "))")
        }
        for paper in subjects.papers {
            parts.append("\(try store.links(ofPaper: paper).count) edges of paper \(paper)")
        }
        for topic in subjects.topics {
            let count = try store.papers(PaperFilter(topic: topic)).filter { $0.paper.topic == topic }.count
            if count > 0 { parts.append("\(count) papers under \(topic)") }
        }
        return parts.isEmpty ? "nothing stored yet" : parts.joined(separator: "; ")
    }

    // MARK: - Changing the file

    /// Checks `entry`, appends it to the file and applies it to the stored graph.
    public func add(_ entry: CurationEntry) throws -> Outcome {
        let old = try CurationFile.read(path)
        var entry = entry
        entry.decision = try resolve(entry.decision)
        try Self.check(entry.decision, against: old)
        let reach = try reach(entry.decision)
        try CurationFile.append(entry, to: path)
        var outcome = try reapply(entry.decision, from: old, to: try CurationFile.read(path))
        outcome.message = "\(Self.describe(entry.decision)) (affects \(reach)); " + outcome.message
        return outcome
    }

    /// Removes the last decision from the file and from the stored graph.
    public func undo() throws -> Outcome {
        let old = try CurationFile.read(path)
        guard let last = try CurationFile.removeLast(from: path, curation: old) else {
            throw CurationError.refused("no decision to undo in \(path)")
        }
        var outcome = try reapply(last.decision, from: old, to: try CurationFile.read(path))
        outcome.message = "undid: \(Self.describe(last.decision)); " + outcome.message
        return outcome
    }

    /// Reads again the digests `decision` touches under the new curation, and marks the
    /// others as read under it (their rows are the same either way).
    func reapply(_ decision: CurationDecision, from old: Curation, to new: Curation) throws -> Outcome {
        let subjects = decision.subjects
        var ids = Set(subjects.entities.map(EntityName.id(for:)))
        for name in subjects.entities { for entity in try store.resolveEntities(name) { ids.insert(entity.id) } }
        let affected = try store.digests(mentioning: ids.sorted(), papers: subjects.papers, topics: subjects.topics)
        let ingestor = Ingestor(store: store, extractor: extractor, curation: new)
        var outcome = Outcome(message: "")
        for digest in affected {
            guard FileManager.default.fileExists(atPath: digest.path) else {
                outcome.missing.append(digest.path)
                continue
            }
            let result = ingestor.ingest(file: digest.path, force: true)
            if case .failed(let message) = result.status { throw CurationError.refused(message) }
            outcome.reread.append(digest.key)
        }
        try store.markVersion(old.version(extractor: extractor.version), as: ingestor.version)
        outcome.message = "read \(affected.count) digest\(affected.count == 1 ? "" : "s") again"
        if !outcome.missing.isEmpty {
            outcome.message +=
                "; \(outcome.missing.count) digest files are gone (\(outcome.missing.joined(separator: ", "))): ingest them again to apply it there"
        }
        return outcome
    }

    public static func describe(_ decision: CurationDecision) -> String {
        switch decision {
        case .merge(let a, let b): "merged \(a) into \(b)"
        case .split(let a, let papers, let b): "\(a) in \(papers.count) paper\(papers.count == 1 ? "" : "s") is now \(b)"
        case .rename(let a, let b): "renamed \(a) to \(b)"
        case .kind(let a, let kind): "\(a) is a \(kind.rawValue)"
        case .drop(let a): "dropped \(a) (not an entity)"
        case .dropEdge(let p, let r, let e): "dropped \(p) \(r.rawValue) \(e)"
        case .dropLineage(let c, let p): "\(c) no longer descends from \(p)"
        case .addEdge(let p, let r, let e, _): "added \(p) \(r.rawValue) \(e)"
        case .topic(let a, let b): "topic \(a) is now \(b)"
        case .name(let p, let n): "\(p) is named \(n)"
        }
    }
}
