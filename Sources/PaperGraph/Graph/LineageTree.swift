import Foundation
import GRDB

/// One step of a lineage walk: a method, how it connects to the one above it, and why.
public struct LineageStep: Sendable, Equatable, Codable {
    /// Distance from the starting method: negative for ancestors, positive for descendants.
    public var depth: Int
    public var entity: String
    public var name: String
    public var kind: String
    /// The neighbour one step closer to the start.
    public var via: String?
    public var relation: String?
    public var digest: String?
    public var line: Int?
    public var evidence: String?
    /// Papers that proposed this method.
    public var introducedBy: [String]
}

/// Ancestors and descendants of a method through `derived_from` (entity → entity) and
/// `builds_on` (a paper's proposed method → what the paper builds on).
public enum LineageWalk {
    public enum Direction: String, Sendable, CaseIterable { case up, down, both }

    struct Link { var child: String; var parent: String; var relation: String; var digest: String; var line: Int; var evidence: String }

    static func links(db: Database) throws -> [Link] {
        var links = try Row.fetchAll(db, sql: """
            SELECT e.source, e.target, d.key, e.line, e.evidence FROM graph_edge e JOIN digest d ON d.id = e.digest_id
            WHERE e.relation = 'derived_from' ORDER BY d.key, e.line
            """).map { Link(child: $0["source"], parent: $0["target"], relation: "derived_from", digest: $0["key"], line: $0["line"], evidence: $0["evidence"]) }
        // A paper's builds_on, lifted to the method it proposes.
        links += try Row.fetchAll(db, sql: """
            SELECT p.target AS child, b.target AS parent, d.key, b.line, b.evidence
            FROM graph_edge p JOIN graph_edge b ON b.source = p.source AND b.relation = 'builds_on'
            JOIN digest d ON d.id = b.digest_id
            JOIN entity ce ON ce.id = p.target JOIN entity pe ON pe.id = b.target
            WHERE p.relation = 'proposes' AND ce.kind = pe.kind AND p.target <> b.target
            ORDER BY d.key, b.line
            """).map { Link(child: $0["child"], parent: $0["parent"], relation: "builds_on", digest: $0["key"], line: $0["line"], evidence: $0["evidence"]) }
        return links
    }

    /// Walks from `start` (an entity id) breadth-first, at most `depth` steps each way.
    public static func walk(from start: String, direction: Direction, depth: Int, db: Database) throws -> [LineageStep] {
        let all = try links(db: db)
        var parents: [String: [Link]] = [:], children: [String: [Link]] = [:]
        for link in all {
            if !(parents[link.child]?.contains { $0.parent == link.parent } ?? false) { parents[link.child, default: []].append(link) }
            if !(children[link.parent]?.contains { $0.child == link.child } ?? false) { children[link.parent, default: []].append(link) }
        }
        let entities = Dictionary(uniqueKeysWithValues: try EntityRecord.fetchAll(db).map { ($0.id, $0) })
        var introduced: [String: [String]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT e.target, COALESCE(p.arxiv, p.id) AS paper FROM graph_edge e JOIN paper p ON p.id = e.source
            WHERE e.relation = 'proposes' ORDER BY paper
            """) { introduced[row["target"], default: []].append(row["paper"]) }

        func step(_ id: String, _ d: Int, _ link: Link?, via: String?) -> LineageStep {
            let entity = entities[id]
            return LineageStep(depth: d, entity: id, name: entity?.name ?? id, kind: entity?.kind ?? "method", via: via,
                               relation: link?.relation, digest: link?.digest, line: link?.line, evidence: link?.evidence,
                               introducedBy: Array(Set(introduced[id] ?? [])).sorted())
        }
        var out = [step(start, 0, nil, via: nil)]
        for (dir, sign) in [(Direction.up, -1), (Direction.down, 1)] where direction == .both || direction == dir {
            var seen: Set<String> = [start]
            // Depth-first so each subtree prints under its parent.
            func visit(_ id: String, _ level: Int) {
                guard level < depth else { return }
                let next = (sign < 0 ? parents[id] : children[id]) ?? []
                for link in next.sorted(by: { ($0.relation, sign < 0 ? $0.parent : $0.child) < ($1.relation, sign < 0 ? $1.parent : $1.child) }) {
                    let other = sign < 0 ? link.parent : link.child
                    guard seen.insert(other).inserted else { continue }
                    out.append(step(other, sign * (level + 1), link, via: entities[id]?.name ?? id))
                    visit(other, level + 1)
                }
            }
            visit(start, 0)
        }
        return out
    }
}

extension GraphStore {
    /// The lineage of a method by name or alias.
    public func lineage(_ name: String, direction: LineageWalk.Direction = .both, depth: Int = 3) throws -> [LineageStep] {
        try writer.read { db in
            guard let entity = try Self.resolveEntities(name, db: db).first else { throw StoreError.notFound(name) }
            return try LineageWalk.walk(from: entity.id, direction: direction, depth: depth, db: db)
        }
    }
}

extension Array where Element == LineageStep {
    /// A tree for people: ancestors above the method, descendants below, each with its evidence.
    public var treeText: String {
        var lines: [String] = []
        for step in self {
            let indent = String(repeating: "  ", count: abs(step.depth))
            let arrow = step.depth < 0 ? "↑ " : step.depth > 0 ? "↓ " : ""
            var line = "\(indent)\(arrow)\(step.name) (\(step.kind))"
            if let relation = step.relation, let via = step.via {
                line += step.depth < 0 ? "  — \(via) \(relation) it" : "  — \(relation) \(via)"
            }
            if !step.introducedBy.isEmpty { line += "  [introduced by \(step.introducedBy.joined(separator: ", "))]" }
            lines.append(line)
            if let evidence = step.evidence, let digest = step.digest, let l = step.line {
                lines.append("\(indent)    \(digest):\(l) “\(ResultTable.clip(evidence, 110))”")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public var table: ResultTable {
        ResultTable(columns: ["depth", "name", "kind", "via", "relation", "digest", "line", "evidence", "introduced_by"], rows: map {
            [.int($0.depth), .text($0.name), .text($0.kind), $0.via.map { .text($0) } ?? .null, $0.relation.map { .text($0) } ?? .null,
             $0.digest.map { .text($0) } ?? .null, $0.line.map { .int($0) } ?? .null, $0.evidence.map { .text($0) } ?? .null,
             .list($0.introducedBy)]
        })
    }
}
