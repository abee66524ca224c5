import Foundation

/// A folder with `nodes.csv` and `edges.csv`, in the columns Gephi's and Cytoscape's
/// importers expect (Id, Label; Source, Target, Type). RFC 4180 quoting; a cell a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) starts with `'`.
public enum CSVExport {
    public static let nodeColumns = ["Id", "Label", "kind", "name", "title", "url", "arxiv", "month", "topic", "aliases", "papers"]
    public static let edgeColumns = ["Source", "Target", "Type", "relation", "digest", "language", "line", "evidence"]

    /// `value`, with a `'` first when a spreadsheet would run it as a formula.
    public static func defused(_ value: String) -> String {
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { return "'" + value }
        return value
    }

    static func field(_ value: String) -> String {
        let s = defused(value)
        return s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func row(_ values: [String]) -> String { values.map(field).joined(separator: ",") + "\r\n" }

    /// Writes both files into `folder` (created when missing).
    public static func write(_ store: GraphStore, scope: ExportScope = .everything, to folder: URL) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw ExportError.notAFolder(folder.path, what: "csv writes nodes.csv and edges.csv into a folder")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ExportError.writeFailed(folder.path, reason: WriteFailure.reason(error))
        }
        let nodes = try ExportFile(folder.appendingPathComponent("nodes.csv"))
        let edges = try ExportFile(folder.appendingPathComponent("edges.csv"))
        try write(store, scope: scope, nodes: nodes.write, edges: edges.write)
        try nodes.finish()
        try edges.finish()
    }

    /// Writes the two tables' text, header first, to `nodes` and `edges`.
    public static func write(
        _ store: GraphStore, scope: ExportScope = .everything, nodes: (String) throws -> Void, edges: (String) throws -> Void
    ) throws {
        try nodes(row(nodeColumns))
        try edges(row(edgeColumns))
        try scope.read(
            store,
            paper: { p in
                try nodes(
                    row([
                        p.id, p.name ?? p.title, "paper", p.name ?? "", p.title, p.url ?? "", p.arxiv ?? "", p.month ?? "",
                        p.topic ?? "", "", "",
                    ]))
            },
            entity: { e in
                try nodes(
                    row([
                        e.entity.id, e.entity.name, e.entity.kind, e.entity.name, "", "", "", "", "",
                        e.entity.aliases.joined(separator: "; "), String(e.papers),
                    ]))
            },
            edge: { e in
                try edges(row([e.source, e.target, "Directed", e.relation, e.digest, e.language, String(e.line), e.evidence]))
            })
    }
}
