import Foundation
import GRDB

/// A paper ranked by what it shares with another, with the reasons in words.
public struct RelatedPaper: Sendable, Equatable {
    public var id: String
    public var arxiv: String?
    public var name: String?
    public var title: String
    public var score: Double
    public var reasons: [String]
}

/// Ranks papers by shared entities, weighting each by how rare it is (inverse document
/// frequency) and by the relations involved: a shared `builds_on` says more than a shared
/// `mentions`, and building on the other paper's own method says most.
public enum RelatedWork {
    /// How much a paper's link to an entity says about what the paper is.
    static let relationWeight: [String: Double] = [
        "proposes": 3.0, "builds_on": 3.0, "compares_with": 2.0, "evaluates_on": 1.5,
        "uses": 1.5, "mentions": 0.5, "reports": 0.3,
    ]

    /// Third person: "this paper builds on it".
    static let verb: [String: String] = [
        "builds_on": "builds on", "compares_with": "compares with", "evaluates_on": "evaluates on",
        "uses": "uses", "mentions": "mentions", "reports": "reports", "proposes": "proposes",
    ]

    static let phrase: [String: String] = [
        "builds_on": "build on", "compares_with": "compare with", "evaluates_on": "evaluate on",
        "uses": "use", "mentions": "mention", "reports": "report", "proposes": "propose",
    ]

    public static func rank(_ paperID: String, limit: Int, db: Database) throws -> [RelatedPaper] {
        let links = try Row.fetchAll(db, sql: """
            SELECT DISTINCT e.source AS paper, e.target AS entity, e.relation, n.name
            FROM graph_edge e JOIN entity n ON n.id = e.target
            WHERE e.source IN (SELECT id FROM paper) AND e.relation <> 'derived_from'
            """)
        var byPaper: [String: [String: String]] = [:]   // paper → entity → strongest relation
        var papersOf: [String: Set<String>] = [:]
        var names: [String: String] = [:]
        for row in links {
            let paper: String = row["paper"], entity: String = row["entity"], relation: String = row["relation"]
            names[entity] = row["name"]
            papersOf[entity, default: []].insert(paper)
            let current = byPaper[paper]?[entity]
            if current == nil || relationWeight[relation, default: 0] > relationWeight[current!, default: 0] {
                byPaper[paper, default: [:]][entity] = relation
            }
        }
        let total = Double(max(byPaper.count, 1))
        guard let mine = byPaper[paperID] else { return [] }
        var scores: [String: (Double, [(Double, String)])] = [:]
        for (entity, myRelation) in mine {
            let others = papersOf[entity, default: []].subtracting([paperID])
            guard !others.isEmpty else { continue }
            let idf = log(total / Double(papersOf[entity]!.count)) + 0.1
            for other in others {
                let theirRelation = byPaper[other]![entity]!
                var weight = (relationWeight[myRelation, default: 0.5] * relationWeight[theirRelation, default: 0.5]).squareRoot()
                let reason: String
                if myRelation == "proposes" || theirRelation == "proposes" {
                    // One paper's method is what the other works with: the strongest tie.
                    weight *= 1.5
                    let (owner, user, relation) = myRelation == "proposes" ? ("this paper's", "it", theirRelation) : ("its", "this paper", myRelation)
                    reason = "\(user) \(verb[relation] ?? relation) \(owner) \(names[entity]!)"
                } else if myRelation == theirRelation {
                    reason = "both \(phrase[myRelation] ?? myRelation) \(names[entity]!)"
                } else {
                    reason = "\(names[entity]!): this paper \(verb[myRelation] ?? myRelation) it, that one \(verb[theirRelation] ?? theirRelation) it"
                }
                scores[other, default: (0, [])].0 += weight * idf
                scores[other, default: (0, [])].1.append((weight * idf, reason))
            }
        }
        let ranked = scores.sorted { a, b in a.value.0 != b.value.0 ? a.value.0 > b.value.0 : a.key < b.key }.prefix(limit)
        return try ranked.map { id, value in
            let paper = try PaperRecord.fetchOne(db, key: id)
            let reasons = value.1.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.prefix(4).map(\.1)
            return RelatedPaper(id: id, arxiv: paper?.arxiv, name: paper?.name, title: paper?.title ?? id,
                                score: (value.0 * 100).rounded() / 100, reasons: Array(reasons))
        }
    }
}

extension GraphStore {
    /// Papers related to `paper` (arXiv id or short name), best first, with reasons.
    public func related(_ paper: String, limit: Int = 10) throws -> ResultTable {
        try writer.read { db in
            guard let found = try Self.resolvePapers(paper, db: db).first else { throw StoreError.notFound(paper) }
            let related = try RelatedWork.rank(found.id, limit: limit, db: db)
            return ResultTable(columns: ["id", "name", "title", "score", "reasons"], rows: related.map {
                [.text($0.arxiv ?? $0.id), Self.cell($0.name), .text($0.title), .double($0.score), .list($0.reasons)]
            })
        }
    }

    /// Entities, most papers first.
    public func entities(kind: EntityKind? = nil, minPapers: Int = 1) throws -> ResultTable {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT n.id, n.name, n.kind, COUNT(DISTINCT e.source) AS papers,
                       (SELECT group_concat(alias, '; ') FROM (SELECT DISTINCT alias FROM graph_alias a
                          WHERE a.entity_id = n.id AND a.alias <> n.name ORDER BY alias)) AS aliases
                FROM graph_entity n LEFT JOIN graph_edge e ON e.target = n.id AND e.relation <> 'derived_from'
                WHERE (:kind IS NULL OR n.kind = :kind)
                GROUP BY n.id HAVING papers >= :min
                ORDER BY papers DESC, n.name
                """, arguments: ["kind": kind?.rawValue, "min": minPapers])
            return ResultTable(columns: ["name", "kind", "papers", "aliases"], rows: rows.map {
                [.text($0["name"]), .text($0["kind"]), .int($0["papers"]),
                 .list(($0["aliases"] as String? ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })]
            })
        }
    }

    /// The methods most often compared against or built on.
    public func baselines(limit: Int = 30) throws -> ResultTable {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT n.name,
                       COUNT(DISTINCT CASE WHEN e.relation = 'compares_with' THEN e.source END) AS compared,
                       COUNT(DISTINCT CASE WHEN e.relation = 'builds_on' THEN e.source END) AS built_on,
                       COUNT(DISTINCT e.source) AS papers
                FROM graph_entity n JOIN graph_edge e ON e.target = n.id AND e.relation IN ('compares_with', 'builds_on')
                WHERE n.kind = 'method'
                GROUP BY n.id ORDER BY papers DESC, compared DESC, n.name LIMIT ?
                """, arguments: [limit])
            return ResultTable(columns: ["method", "compared_with", "built_on", "papers"], rows: rows.map {
                [.text($0["name"]), .int($0["compared"]), .int($0["built_on"]), .int($0["papers"])]
            })
        }
    }
}
