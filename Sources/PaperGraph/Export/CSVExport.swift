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
        do { try handle.write(contentsOf: buffer) } catch { throw ExportError.writeFailed(url.path, reason: WriteFailure.reason(error)) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and moves the file over its destination in one step.
    public func finish() throws {
        try flush()
        do { try handle.synchronize() } catch { throw ExportError.writeFailed(url.path, reason: WriteFailure.reason(error)) }
        try? handle.close()
        guard Foundation.rename(partial.path, url.path) == 0 else {
            throw ExportError.writeFailed(url.path, reason: WriteFailure.reason(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)))
        }
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(at: partial)
    }
}

public enum ExportError: LocalizedError, Equatable {
    case cannotWrite(String)
    case writeFailed(String, reason: String)
    case notAFolder(String, what: String)
    case notAVault(String)

    public var errorDescription: String? {
        switch self {
        case .cannotWrite(let path):
            return "\(path): cannot write the export there; check the folder exists and is writable, or pass another --output"
        case .writeFailed(let path, let reason):
            return "\(path): not written: \(reason) (a file that was there before is unchanged)"
        case .notAFolder(let path, let what):
            return "\(path): is a file, not a folder; \(what): give one with -o DIR"
        case .notAVault(let path):
            return "\(path): is a file, not a folder; give the vault folder with -o DIR"
        }
    }
}

/// Why a file could not be written (or read), said with what to do about it.
public enum WriteFailure {
    public static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError
        let posix = ns.domain == NSPOSIXErrorDomain ? Int32(ns.code) : underlying?.domain == NSPOSIXErrorDomain ? Int32(underlying!.code) : nil
        if posix == ENOSPC || posix == EDQUOT || ns.code == CocoaError.fileWriteOutOfSpace.rawValue {
            return "the disk is full; free some space and run again"
        }
        if posix == EACCES || posix == EPERM || ns.code == CocoaError.fileWriteNoPermission.rawValue {
            return "permission denied; check the folder's permissions or write somewhere else"
        }
        if posix == EROFS || ns.code == CocoaError.fileWriteVolumeReadOnly.rawValue {
            return "the disk is read-only; write somewhere else"
        }
        if posix == ENOENT || posix == ENOTDIR || ns.code == CocoaError.fileNoSuchFile.rawValue || ns.code == CocoaError.fileReadNoSuchFile.rawValue {
            return "its folder does not exist; create it first or give another path"
        }
        if posix == EISDIR { return "it is a folder; give a file path" }
        if posix == EEXIST || ns.code == CocoaError.fileWriteFileExists.rawValue { return "a file is in the way; give another path" }
        return ns.localizedDescription + "; check the folder's permissions and free space"
    }
}
