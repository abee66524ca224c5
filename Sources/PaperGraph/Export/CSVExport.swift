import Foundation

/// A folder with `nodes.csv` and `edges.csv`, in the columns Gephi's and Cytoscape's
/// importers expect (Id, Label; Source, Target, Type). RFC 4180 quoting; a cell a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) starts with `'`.
public enum CSVExport {
    static let nodeColumns = ["Id", "Label", "kind", "name", "title", "url", "arxiv", "month", "topic", "aliases", "papers"]
    static let edgeColumns = ["Source", "Target", "Type", "relation", "digest", "language", "line", "evidence"]

    static func field(_ value: String) -> String {
        var s = value
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { s = "'" + s }
        return s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func row(_ values: [String]) -> String { values.map(field).joined(separator: ",") + "\r\n" }

    /// Writes both files into `folder` (created when missing).
    public static func write(_ store: GraphStore, scope: ExportScope = .everything, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let nodes = try ExportFile(folder.appendingPathComponent("nodes.csv"))
        let edges = try ExportFile(folder.appendingPathComponent("edges.csv"))
        try nodes.write(row(nodeColumns))
        try edges.write(row(edgeColumns))
        try scope.read(
            store,
            paper: { p in
                try nodes.write(
                    row([
                        p.id, p.name ?? p.title, "paper", p.name ?? "", p.title, p.url ?? "", p.arxiv ?? "", p.month ?? "",
                        p.topic ?? "", "", "",
                    ]))
            },
            entity: { e in
                try nodes.write(
                    row([
                        e.entity.id, e.entity.name, e.entity.kind, e.entity.name, "", "", "", "", "",
                        e.entity.aliases.joined(separator: "; "), String(e.papers),
                    ]))
            },
            edge: { e in
                try edges.write(row([e.source, e.target, "Directed", e.relation, e.digest, e.language, String(e.line), e.evidence]))
            })
        try nodes.finish()
        try edges.finish()
    }
}

/// A file written beside its destination and moved over it when complete: a failed
/// export never leaves half a file where the last good one was.
public final class ExportFile {
    let url: URL
    let partial: URL
    let handle: FileHandle
    private var buffer = Data()

    public init(_ url: URL) throws {
        self.url = url
        partial = url.appendingPathExtension("partial")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil), let handle = FileHandle(forWritingAtPath: partial.path) else {
            throw ExportError.cannotWrite(url.path)
        }
        self.handle = handle
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 16 { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    public func finish() throws {
        try flush()
        try handle.close()
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.moveItem(at: partial, to: url)
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(at: partial)
    }
}

public enum ExportError: LocalizedError, Equatable {
    case cannotWrite(String)
    case notAVault(String)

    public var errorDescription: String? {
        switch self {
        case .cannotWrite(let path):
            return "\(path): cannot write the export there; check the folder exists and is writable, or pass another --output"
        case .notAVault(let path):
            return "\(path): is a file, not a folder; give the vault folder with -o DIR"
        }
    }
}
