import Foundation

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

    public var errorDescription: String? {
        switch self {
        case .cannotWrite(let path):
            return "\(path): cannot write the export there; check the folder exists and is writable, or pass another --output"
        case .writeFailed(let path, let reason):
            return "\(path): not written: \(reason) (a file that was there before is unchanged)"
        case .notAFolder(let path, let what):
            return "\(path): is a file, not a folder; \(what): give one with -o DIR"
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
