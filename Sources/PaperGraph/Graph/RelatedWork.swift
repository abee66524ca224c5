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
        Index(links: mine + neighbours, paperCounts: paperCounts, totalPapers: totalPapers, names: names).rank(paper, limit: limit)
    }

    /// Every paper's strongest link to each entity, indexed once: ranking one paper then costs
    /// a pass over the papers that share its entities, so the site ranks every paper of a
    /// large archive in a second. `rank(...)` above is this index over one paper's links.
    public struct Index: Sendable {
        let paperIDs: [String]
        let paperIndex: [String: Int]
        /// Each paper's strongest relation to each of its entities, entities sorted.
        let own: [[(entity: String, relation: Relation)]]
        /// The papers linked to each entity, with their strongest relation.
        let papersOf: [String: [(paper: Int, relation: Relation)]]
        let paperCounts: [String: Int]
        let totalPapers: Int
        let names: [String: String]

        public init(links: [PaperEntityLink], paperCounts: [String: Int], totalPapers: Int, names: [String: String]) {
            let strongest = RelatedWork.strongest(links)
            let ids = strongest.keys.sorted()
            paperIDs = ids
            paperIndex = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            var own: [[(entity: String, relation: Relation)]] = []
            var papersOf: [String: [(paper: Int, relation: Relation)]] = [:]
            for (i, id) in ids.enumerated() {
                let mine = strongest[id]!.sorted { $0.key < $1.key }.map { (entity: $0.key, relation: $0.value) }
                own.append(mine)
                for (entity, relation) in mine { papersOf[entity, default: []].append((i, relation)) }
            }
            self.own = own
            self.papersOf = papersOf
            self.paperCounts = paperCounts
            self.totalPapers = totalPapers
            self.names = names
        }

        /// One shared entity's contribution to a pair's score.
        private func weight(_ mine: Relation, _ theirs: Relation, idf: Double) -> Double {
            var weight = (relationWeight[mine, default: 0.5] * relationWeight[theirs, default: 0.5]).squareRoot()
            // One paper's method is what the other works with: the strongest tie.
            if mine == .proposes || theirs == .proposes { weight *= 1.5 }
            return weight * idf
        }

        private func idf(_ entity: String, sharers: Int) -> Double {
            log(Double(max(totalPapers, 1)) / Double(max(paperCounts[entity] ?? sharers, 1))) + 0.1
        }

        private func reason(_ entity: String, _ mine: Relation, _ theirs: Relation) -> String {
            let name = names[entity] ?? entity
            if mine == .proposes || theirs == .proposes {
                let (owner, user, relation) = mine == .proposes ? ("this paper's", "it", theirs) : ("its", "this paper", mine)
                return "\(user) \(verb[relation] ?? relation.rawValue) \(owner) \(name)"
            }
            if mine == theirs { return "both \(phrase[mine] ?? mine.rawValue) \(name)" }
            return "\(name): this paper \(verb[mine] ?? mine.rawValue) it, that one \(verb[theirs] ?? theirs.rawValue) it"
        }

        /// Papers related to `paper`, best first, with the four strongest reasons each.
        public func rank(_ paper: String, limit: Int) -> [(id: String, score: Double, reasons: [String])] {
            guard let me = paperIndex[paper], limit > 0 else { return [] }
            // Scores first, in a fixed entity order (floating-point sums then tie the same way
            // on every run); reasons only for the papers shown.
            var scores = [Double](repeating: 0, count: paperIDs.count)
            var seen = [Bool](repeating: false, count: paperIDs.count)
            var touched: [Int] = []
            for (entity, mine) in own[me] {
                guard let sharers = papersOf[entity], sharers.count > 1 else { continue }
                let idf = idf(entity, sharers: sharers.count)
                for (other, theirs) in sharers where other != me {
                    if !seen[other] {
                        seen[other] = true
                        touched.append(other)
                    }
                    scores[other] += weight(mine, theirs, idf: idf)
                }
            }
            var best: [Int] = []
            func before(_ a: Int, _ b: Int) -> Bool { scores[a] != scores[b] ? scores[a] > scores[b] : paperIDs[a] < paperIDs[b] }
            for candidate in touched {
                if best.count == limit, !before(candidate, best[limit - 1]) { continue }
                let at = best.firstIndex { before(candidate, $0) } ?? best.count
                best.insert(candidate, at: at)
                if best.count > limit { best.removeLast() }
            }
            let mine = Dictionary(uniqueKeysWithValues: own[me].map { ($0.entity, $0.relation) })
            return best.map { other in
                var reasons: [(Double, String)] = []
                for (entity, theirs) in own[other] {
                    guard let my = mine[entity], let sharers = papersOf[entity] else { continue }
                    reasons.append((weight(my, theirs, idf: idf(entity, sharers: sharers.count)), reason(entity, my, theirs)))
                }
                let top = reasons.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.prefix(4).map(\.1)
                return (paperIDs[other], (scores[other] * 100).rounded() / 100, Array(top))
            }
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
