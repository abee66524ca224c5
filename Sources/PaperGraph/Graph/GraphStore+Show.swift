import Foundation
import GRDB

/// One edge as shown to a reader: what it links, why (the sentence), and where it was said.
public struct EdgeView: Codable, Sendable, Equatable {
    public var source: String
    public var sourceName: String
    public var relation: String
    public var target: String
    public var targetName: String
    public var digest: String
    public var line: Int
    public var evidence: String
}

public struct PaperDetail: Codable, Sendable {
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

public struct EntityDetail: Codable, Sendable {
    public var id: String
    public var name: String
    public var kind: String
    public var aliases: [String]
    /// Papers linked to the entity, with the supporting sentence.
    public var papers: [EdgeView]
    /// derived_from edges with this entity as child (parents) or parent (children).
    public var lineage: [EdgeView]
}

/// What `show` found for a name: a paper, an entity, or both (a paper's short name is often
/// also the method it proposes).
public struct ShowReport: Codable, Sendable {
    public var papers: [PaperDetail]
    public var entities: [EntityDetail]

    public var isEmpty: Bool { papers.isEmpty && entities.isEmpty }

    static let incomingLabel: [Relation: String] = [
        .proposes: "proposed by", .builds_on: "papers building on it", .uses: "papers using it",
        .compares_with: "papers comparing with it", .evaluates_on: "papers evaluating on it",
        .mentions: "papers mentioning it", .reports: "papers reporting it",
    ]

    /// A reader's view: fields, then relations grouped by kind, each with its evidence.
    public var text: String {
        var out: [String] = []
        for paper in papers {
            out.append("Paper \(paper.arxiv.map { "arXiv:\($0)\(paper.version.map { "v\($0)" } ?? "")" } ?? paper.id)")
            if let name = paper.name { out.append("  name:     \(name)") }
            out.append("  title:    \(paper.title)")
            if let url = paper.url { out.append("  link:     \(url)") }
            out.append("  topics:   \(paper.topics.joined(separator: ", "))")
            out.append("  digests:  \(paper.digests.joined(separator: ", "))")
            if paper.versions.count > 1 { out.append("  versions: \(paper.versions.map { "v\($0)" }.joined(separator: ", "))") }
            if let heading = paper.heading { out.append("  heading:  \(heading)") }
            let summary = paper.summary.split(separator: "\n").first.map(String.init) ?? ""
            if !summary.isEmpty { out.append("  summary:  \(ResultTable.clip(summary, 160))") }
            for relation in Relation.allCases {
                let edges = paper.relations.filter { $0.relation == relation.rawValue }
                guard !edges.isEmpty else { continue }
                out.append("  \(relation.rawValue):")
                for edge in edges {
                    out.append("    \(edge.targetName)  — \(edge.digest):\(edge.line) “\(ResultTable.clip(edge.evidence, 120))”")
                }
            }
            out.append("")
        }
        for entity in entities {
            out.append("Entity \(entity.name) (\(entity.kind))")
            if !entity.aliases.isEmpty { out.append("  aliases:  \(entity.aliases.joined(separator: ", "))") }
            let parents = entity.lineage.filter { $0.source == entity.id }
            let children = entity.lineage.filter { $0.target == entity.id }
            if !parents.isEmpty {
                out.append("  derived from:")
                for edge in parents { out.append("    \(edge.targetName)  — \(edge.digest):\(edge.line) “\(ResultTable.clip(edge.evidence, 120))”") }
            }
            if !children.isEmpty {
                out.append("  descendants:")
                for edge in children { out.append("    \(edge.sourceName)  — \(edge.digest):\(edge.line) “\(ResultTable.clip(edge.evidence, 120))”") }
            }
            for relation in Relation.allCases {
                let edges = entity.papers.filter { $0.relation == relation.rawValue }
                guard !edges.isEmpty else { continue }
                out.append("  \(Self.incomingLabel[relation] ?? relation.rawValue) (\(edges.count)):")
                for edge in edges {
                    out.append("    \(edge.sourceName)  — \(edge.digest):\(edge.line) “\(ResultTable.clip(edge.evidence, 120))”")
                }
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}

extension GraphStore {
    /// Finds papers and entities by arXiv id, paper short name, entity name or alias.
    public func show(_ name: String) throws -> ShowReport {
        try writer.read { db in
            let papers = try Self.resolvePapers(name, db: db).map { try Self.detail(of: $0, db: db) }
            let entities = try Self.resolveEntities(name, db: db).map { try Self.detail(of: $0, db: db) }
            return ShowReport(papers: papers, entities: entities)
        }
    }

    static func detail(of paper: PaperRecord, db: Database) throws -> PaperDetail {
        let appearances = try Row.fetchAll(db, sql: """
            SELECT a.topic, a.version, a.summary, d.key FROM appearance a JOIN digest d ON d.id = a.digest_id
            WHERE a.paper_id = ? ORDER BY d.key, d.language
            """, arguments: [paper.id])
        var topics: [String] = []
        for row in appearances { if let t = row["topic"] as String?, !topics.contains(t) { topics.append(t) } }
        return PaperDetail(
            id: paper.id, arxiv: paper.arxiv, version: paper.version,
            versions: Array(Set(appearances.compactMap { $0["version"] as Int? })).sorted(),
            url: paper.url, title: paper.title, name: paper.name, heading: paper.heading, topics: topics,
            digests: Array(Set(appearances.map { $0["key"] as String })).sorted(),
            summary: appearances.last?["summary"] ?? "",
            relations: try edgeViews(from: paper.id, db: db))
    }

    static func detail(of entity: EntityRecord, db: Database) throws -> EntityDetail {
        let aliases = try String.fetchAll(db, sql: "SELECT DISTINCT alias FROM graph_alias WHERE entity_id = ? ORDER BY alias",
                                          arguments: [entity.id]).filter { $0 != entity.name }
        let incoming = try edgeViews(to: entity.id, db: db)
        let outgoing = try edgeViews(from: entity.id, db: db)
        return EntityDetail(
            id: entity.id, name: entity.name, kind: entity.kind, aliases: aliases,
            papers: incoming.filter { $0.relation != Relation.derived_from.rawValue },
            lineage: outgoing.filter { $0.relation == Relation.derived_from.rawValue }
                + incoming.filter { $0.relation == Relation.derived_from.rawValue })
    }

    /// Edges leaving `id`, with display names for both ends.
    static func edgeViews(from id: String, db: Database) throws -> [EdgeView] {
        try edgeViews(sql: edgeViewSQL + " WHERE e.source = ?" + edgeViewOrder, id, db: db)
    }

    /// Edges arriving at `id`, with display names for both ends.
    static func edgeViews(to id: String, db: Database) throws -> [EdgeView] {
        try edgeViews(sql: edgeViewSQL + " WHERE e.target = ?" + edgeViewOrder, id, db: db)
    }

    private static func edgeViews(sql: String, _ value: String, db: Database) throws -> [EdgeView] {
        try Row.fetchAll(db, sql: sql, arguments: [value]).map {
            EdgeView(source: $0["source"], sourceName: $0["source_name"], relation: $0["relation"],
                     target: $0["target"], targetName: $0["target_name"], digest: $0["key"], line: $0["line"],
                     evidence: $0["evidence"])
        }
    }

    private static let edgeViewSQL = """
        SELECT e.source, e.target, e.relation, e.line, e.evidence, d.key,
               COALESCE(ps.name, ps.title, es.name, e.source) AS source_name,
               COALESCE(pt.name, pt.title, et.name, e.target) AS target_name
        FROM graph_edge e JOIN digest d ON d.id = e.digest_id
        LEFT JOIN paper ps ON ps.id = e.source LEFT JOIN entity es ON es.id = e.source
        LEFT JOIN paper pt ON pt.id = e.target LEFT JOIN entity et ON et.id = e.target
        """
    private static let edgeViewOrder = " ORDER BY d.key, e.line, e.relation, e.target, e.source"
}
