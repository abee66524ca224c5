import Foundation

/// One step of a lineage walk: a method, how it connects to the one above it, and why.
public struct LineageStep: Sendable, Equatable, Codable {
    /// Distance from the starting method: negative for ancestors, positive for descendants.
    public var depth: Int
    public var entity: String
    public var name: String
    public var kind: EntityKind
    /// The neighbour one step closer to the start.
    public var via: String?
    public var relation: Relation?
    public var digest: String?
    public var line: Int?
    public var evidence: String?
    /// Papers that proposed this method.
    public var introducedBy: [String]
}

/// Ancestors and descendants of a method through `derived_from` (entity → entity) and
/// `builds_on` (a paper's proposed method → what the paper builds on).
///
/// Pure: the walk asks `links` for the links around a set of methods, level by level, so the
/// store answers a few indexed queries and tests answer from an array.
public enum LineageWalk {
    public enum Direction: String, Sendable, CaseIterable { case up, down, both }

    /// Links around `ids` in one direction: parent in `ids` for `.down`, child for `.up`.
    public typealias Links = (_ ids: Set<String>, _ direction: Direction) throws -> [LineageLink]

    /// One step before names are attached: the method, its depth, and the link that reached it.
    public struct Reach: Sendable, Equatable {
        public var depth: Int
        public var entity: String
        public var via: String?
        public var link: LineageLink?
    }

    /// Walks from `start` at most `depth` steps each way. Each subtree is listed under its
    /// parent (depth-first); of several links between two methods the walk keeps the one
    /// ``LineageLink/precedes(_:_:)`` puts first.
    public static func walk(from start: String, direction: Direction, depth: Int, links: Links) throws -> [Reach] {
        var out = [Reach(depth: 0, entity: start, via: nil, link: nil)]
        for (dir, sign) in [(Direction.up, -1), (Direction.down, 1)] where direction == .both || direction == dir {
            // Fetch level by level: every method within depth - 1 steps has its links loaded.
            var next: [String: [LineageLink]] = [:]
            var frontier: Set<String> = [start], loaded = Set<String>()
            for _ in 0..<depth where !frontier.isEmpty {
                let found = try links(frontier, dir)
                loaded.formUnion(frontier)
                var reached = Set<String>()
                for link in found {
                    let (from, to) = sign < 0 ? (link.child, link.parent) : (link.parent, link.child)
                    guard frontier.contains(from) else { continue }
                    next[from, default: []].append(link)
                    reached.insert(to)
                }
                frontier = reached.subtracting(loaded)
            }
            for (key, list) in next {
                // One link per neighbour: the first by precedence.
                var best: [String: LineageLink] = [:]
                for link in list {
                    let other = sign < 0 ? link.parent : link.child
                    if let current = best[other], !LineageLink.precedes(link, current) { continue }
                    best[other] = link
                }
                next[key] = best.values.sorted { a, b in
                    let (oa, ob) = sign < 0 ? (a.parent, b.parent) : (a.child, b.child)
                    return (a.relation.rawValue, oa) < (b.relation.rawValue, ob)
                }
            }
            var seen: Set<String> = [start]
            func visit(_ id: String, _ level: Int) {
                guard level < depth else { return }
                for link in next[id] ?? [] {
                    let other = sign < 0 ? link.parent : link.child
                    guard seen.insert(other).inserted else { continue }
                    out.append(Reach(depth: sign * (level + 1), entity: other, via: id, link: link))
                    visit(other, level + 1)
                }
            }
            visit(start, 0)
        }
        return out
    }

    /// Names the steps of a walk: `entities` by id, `introducedBy` paper labels by entity id.
    public static func steps(_ reach: [Reach], entities: [String: Entity], introducedBy: [String: [String]]) -> [LineageStep] {
        reach.map { r in
            let entity = entities[r.entity]
            return LineageStep(
                depth: r.depth, entity: r.entity, name: entity?.name ?? r.entity, kind: entity?.kind ?? .method,
                via: r.via.map { entities[$0]?.name ?? $0 }, relation: r.link?.relation, digest: r.link?.digest,
                line: r.link?.line, evidence: r.link?.evidence, introducedBy: Array(Set(introducedBy[r.entity] ?? [])).sorted())
        }
    }
}

extension GraphStore {
    /// The lineage of a method by name or alias.
    public func lineage(_ name: String, direction: LineageWalk.Direction = .both, depth: Int = 3) throws -> [LineageStep] {
        guard let entity = try resolveEntities(name).first else {
            throw StoreError.notFound(name, suggestions: try suggestions(for: name))
        }
        let reach = try LineageWalk.walk(from: entity.id, direction: direction, depth: depth) { ids, direction in
            try lineageLinks(around: ids, direction: direction)
        }
        let ids = Array(Set(reach.map(\.entity))).sorted()
        var introduced: [String: [String]] = [:]
        for proposal in try proposals(of: ids) { introduced[proposal.entity, default: []].append(proposal.paper.label) }
        return LineageWalk.steps(reach, entities: try entities(ids: ids), introducedBy: introduced)
    }
}
