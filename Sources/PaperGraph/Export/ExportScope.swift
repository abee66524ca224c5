import Foundation

/// Which part of the graph an export writes: everything, or the papers a `papers` filter
/// selects with the entities they link to and the lineage among those entities.
public struct ExportScope: Sendable {
    /// nil: every paper / entity.
    public var papers: Set<String>?
    public var entities: Set<String>?

    public static let everything = ExportScope(papers: nil, entities: nil)

    init(papers: Set<String>?, entities: Set<String>?) {
        self.papers = papers
        self.entities = entities
    }

    /// The scope of `filter` (everything when it filters nothing).
    public init(store: GraphStore, filter: PaperFilter) throws {
        guard filter.topic != nil || filter.digest != nil || filter.since != nil || filter.entity != nil else {
            self = .everything
            return
        }
        let chosen = try store.papers(filter).map(\.paper.id)
        let linked = try store.links(ofPapers: chosen, relations: Relation.allCases.filter { $0 != .derived_from })
        papers = Set(chosen)
        entities = Set(linked.map(\.entity.id))
    }

    public func includes(paper id: String) -> Bool { papers?.contains(id) ?? true }
    public func includes(entity id: String) -> Bool { entities?.contains(id) ?? true }

    /// A paper's edge when the paper is in; a lineage edge when both methods are.
    public func includes(_ edge: GraphExport.Edge) -> Bool {
        if edge.relation == Relation.derived_from.rawValue { return includes(entity: edge.source) && includes(entity: edge.target) }
        return includes(paper: edge.source) && includes(entity: edge.target)
    }

    /// The scoped graph, nodes before edges: papers, entities, then edges.
    func read(
        _ store: GraphStore, paper: (GraphExport.Paper) throws -> Void, entity: (ExportEntity) throws -> Void,
        edge: (GraphExport.Edge) throws -> Void, sectionEnded: (ExportSection) throws -> Void = { _ in }
    ) throws {
        try store.exportGraph(
            order: [.papers, .entities, .edges],
            edges: { if includes($0) { try edge($0) } },
            entities: { if includes(entity: $0.entity.id) { try entity($0) } },
            papers: { if includes(paper: $0.id) { try paper($0) } },
            sectionEnded: sectionEnded)
    }
}

/// Text escaping shared by the XML formats.
enum XMLText {
    /// Escaped for an attribute value or element text; characters XML 1.0 forbids are dropped.
    static func escape(_ s: String) -> String {
        s.mappingScalars { scalar in
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&apos;"
            case "\n": return "&#10;"
            case "\r": return "&#13;"
            case "\t": return "&#9;"
            default:
                let v = scalar.value
                return v < 0x20 || v == 0xFFFE || v == 0xFFFF ? "" : nil
            }
        }
    }
}
