import Foundation

/// A paper ranked by what it shares with another, with the reasons in words.
public struct RelatedPaper: Sendable, Equatable {
    public var paper: Paper
    public var score: Double
    public var reasons: [String]
}

/// Ranks papers by shared entities, weighting each by how rare it is (inverse document
/// frequency) and by the relations involved: a shared `builds_on` says more than a shared
/// `mentions`, and building on the other paper's own method says most.
///
/// Pure: ``rank(_:mine:neighbours:paperCounts:totalPapers:names:limit:)`` works on links
/// the store read around one paper, so it is tested without a database.
public enum RelatedWork {
    /// How much a paper's link to an entity says about what the paper is.
    static let relationWeight: [Relation: Double] = [
        .proposes: 3.0, .builds_on: 3.0, .compares_with: 2.0, .evaluates_on: 1.5,
        .uses: 1.5, .mentions: 0.5, .reports: 0.3,
    ]

    /// Third person: "this paper builds on it".
    static let verb: [Relation: String] = [
        .builds_on: "builds on", .compares_with: "compares with", .evaluates_on: "evaluates on",
        .uses: "uses", .mentions: "mentions", .reports: "reports", .proposes: "proposes",
    ]

    static let phrase: [Relation: String] = [
        .builds_on: "build on", .compares_with: "compare with", .evaluates_on: "evaluate on",
        .uses: "use", .mentions: "mention", .reports: "report", .proposes: "propose",
    ]

    /// The strongest relation per (paper, entity).
    static func strongest(_ links: [PaperEntityLink]) -> [String: [String: Relation]] {
        var out: [String: [String: Relation]] = [:]
        for link in links where link.relation != .derived_from {
            let current = out[link.paper]?[link.entity]
            if current == nil || relationWeight[link.relation, default: 0] > relationWeight[current!, default: 0] {
                out[link.paper, default: [:]][link.entity] = link.relation
            }
        }
        return out
    }

    /// Papers related to `paper`, best first: (paper id, score, reasons).
    ///
    /// - Parameters:
    ///   - mine: the paper's own links.
    ///   - neighbours: every link to the entities in `mine` (any paper).
    ///   - paperCounts: papers linked to each entity; `totalPapers` papers in all (for idf).
    ///   - names: display names of the entities.
    public static func rank(
        _ paper: String, mine: [PaperEntityLink], neighbours: [PaperEntityLink], paperCounts: [String: Int],
        totalPapers: Int, names: [String: String], limit: Int
    ) -> [(id: String, score: Double, reasons: [String])] {
        let own = strongest(mine)[paper] ?? [:]
        let byPaper = strongest(neighbours)
        let total = Double(max(totalPapers, 1))
        var papersOf: [String: [String]] = [:]
        for (other, relations) in byPaper where other != paper {
            for entity in relations.keys where own[entity] != nil { papersOf[entity, default: []].append(other) }
        }
        var scores: [String: (Double, [(Double, String)])] = [:]
        // In a fixed order: floating-point sums then tie the same way on every run.
        for (entity, myRelation) in own.sorted(by: { $0.key < $1.key }) {
            guard let others = papersOf[entity] else { continue }
            let name = names[entity] ?? entity
            let idf = log(total / Double(max(paperCounts[entity] ?? others.count + 1, 1))) + 0.1
            for other in others {
                let theirRelation = byPaper[other]![entity]!
                var weight = (relationWeight[myRelation, default: 0.5] * relationWeight[theirRelation, default: 0.5]).squareRoot()
                let reason: String
                if myRelation == .proposes || theirRelation == .proposes {
                    // One paper's method is what the other works with: the strongest tie.
                    weight *= 1.5
                    let (owner, user, relation) = myRelation == .proposes ? ("this paper's", "it", theirRelation) : ("its", "this paper", myRelation)
                    reason = "\(user) \(verb[relation] ?? relation.rawValue) \(owner) \(name)"
                } else if myRelation == theirRelation {
                    reason = "both \(phrase[myRelation] ?? myRelation.rawValue) \(name)"
                } else {
                    reason = "\(name): this paper \(verb[myRelation] ?? myRelation.rawValue) it, that one \(verb[theirRelation] ?? theirRelation.rawValue) it"
                }
                scores[other, default: (0, [])].0 += weight * idf
                scores[other, default: (0, [])].1.append((weight * idf, reason))
            }
        }
        return scores.sorted { a, b in a.value.0 != b.value.0 ? a.value.0 > b.value.0 : a.key < b.key }.prefix(limit).map { id, value in
            let reasons = value.1.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.prefix(4).map(\.1)
            return (id, (value.0 * 100).rounded() / 100, Array(reasons))
        }
    }

    /// Relations of papers to an entity, the closest ties first.
    static let aroundOrder: [Relation] = [.proposes, .builds_on, .compares_with, .evaluates_on, .uses, .mentions, .reports]

    /// Papers around an entity, best first: those that propose or build on it before those
    /// that only use or mention it; newer papers first within a relation.
    public static func around(_ entity: Entity, links: [PaperEntityLink], papers: [String: Paper], limit: Int) -> [RelatedPaper] {
        let byPaper = strongest(links.filter { $0.entity == entity.id })
        let ranked = byPaper.compactMap { id, relations -> (Paper, Relation)? in
            guard let paper = papers[id], let relation = relations[entity.id] else { return nil }
            return (paper, relation)
        }.sorted { a, b in
            let ra = aroundOrder.firstIndex(of: a.1) ?? aroundOrder.count, rb = aroundOrder.firstIndex(of: b.1) ?? aroundOrder.count
            if ra != rb { return ra < rb }
            if a.0.month != b.0.month { return (a.0.month ?? "") > (b.0.month ?? "") }
            return a.0.id < b.0.id
        }
        return ranked.prefix(limit).map { paper, relation in
            RelatedPaper(
                paper: paper, score: relationWeight[relation, default: 0],
                reasons: ["\(verb[relation] ?? relation.rawValue) \(entity.name)"])
        }
    }
}

extension GraphStore {
    /// Papers related to a paper (arXiv id or short name), best first, with reasons; or,
    /// given an entity's name, the papers around that entity.
    public func related(_ name: String, limit: Int = 10) throws -> [RelatedPaper] {
        if let paper = try resolvePapers(name).first { return try related(paper: paper, limit: limit) }
        if let entity = try resolveEntities(name).first {
            let links = try self.links(toEntities: [entity.id])
            let papers = try self.papers(ids: Array(Set(links.map(\.paper))))
            return RelatedWork.around(entity, links: links, papers: papers, limit: limit)
        }
        throw StoreError.notFound(name, suggestions: try suggestions(for: name))
    }

    func related(paper: Paper, limit: Int) throws -> [RelatedPaper] {
        let own = try links(ofPaper: paper.id)
        let entityIDs = Array(Set(own.map(\.entity.id))).sorted()
        let neighbours = try links(toEntities: entityIDs)
        let (counts, total) = try paperCounts(of: entityIDs)
        var names: [String: String] = [:]
        for link in own { names[link.entity.id] = link.entity.name }
        let ranked = RelatedWork.rank(
            paper.id, mine: own.map { PaperEntityLink(paper: $0.paper, entity: $0.entity.id, relation: $0.relation) },
            neighbours: neighbours, paperCounts: counts, totalPapers: total, names: names, limit: limit)
        let papers = try self.papers(ids: ranked.map(\.id))
        return ranked.compactMap { r in papers[r.id].map { RelatedPaper(paper: $0, score: r.score, reasons: r.reasons) } }
    }
}
