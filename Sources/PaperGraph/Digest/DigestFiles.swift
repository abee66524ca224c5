import Foundation

/// Failures reading digest files, each naming the file and what to do.
public enum DigestError: LocalizedError, Equatable {
    case missingFile(String)
    case noDigests(directory: String)
    case notUTF8(path: String, line: Int, byteOffset: Int)
    case unreadable(path: String, reason: String)
    case tooLarge(path: String, bytes: Int)
    case notADigest(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .missingFile(let path):
            return "\(path): no such file or directory; check the path"
        case .noDigests(let directory):
            return "\(directory): no digests here (no *.md files in it or below it); pass a digest file or a folder holding them"
        case .notUTF8(let path, let line, let offset):
            return "\(path):\(line): not UTF-8 text (invalid byte at offset \(offset)); re-save the file as UTF-8 and ingest it again"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .tooLarge(let path, let bytes):
            return
                "\(path): \(bytes / 1_000_000) MB is larger than any weekly digest (papergraph reads up to \(DigestFiles.maxBytes / 1_000_000) MB); split it into one file per week"
        case .notADigest(let path, let reason):
            return
                "\(path): not a digest (\(reason)); nothing stored. A digest has a week in its title or file name ('# 2025 年第 49 周…', 2025-w49.zh-CN.md) and a '学术研究' or 'Academic Research' section"
        }
    }
}

/// Finds digest files and reads them as checked UTF-8 text.
public enum DigestFiles {
    /// Expands files and folders (recursively, `*.md`) into digest paths, in sorted order.
    ///
    /// Symlinks are followed, but a real folder is visited once, so link loops end.
    ///
    /// - Returns: the files found, and an error for each argument that gave none.
    public static func expand(_ paths: [String]) -> (files: [String], errors: [DigestError]) {
        var files: [String] = [], errors: [DigestError] = []
        var seenFiles = Set<String>(), seenFolders = Set<String>()
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(.missingFile(path))
                continue
            }
            if !isDirectory.boolValue {
                let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                if seenFiles.insert(real).inserted { files.append(path) }
                continue
            }
            var found: [String] = []
            walk(path, manager: manager, seenFolders: &seenFolders, seenFiles: &seenFiles, into: &found)
            if found.isEmpty { errors.append(.noDigests(directory: path)) }
            files += found.sorted()
        }
        return (files, errors)
    }

    private static func walk(
        _ folder: String, manager: FileManager, seenFolders: inout Set<String>,
        seenFiles: inout Set<String>, into found: inout [String]
    ) {
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard seenFolders.insert(real).inserted,
            let names = try? manager.contentsOfDirectory(atPath: folder)
        else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(path, manager: manager, seenFolders: &seenFolders, seenFiles: &seenFiles, into: &found)
            } else if name.lowercased().hasSuffix(".md"),
                seenFiles.insert(URL(fileURLWithPath: path).resolvingSymlinksInPath().path).inserted
            {
                found.append(path)
            }
        }
    }

    /// Reads a file as UTF-8, pointing at the first bad byte's line when it is not.
    /// The largest file read as a digest: the corpus's largest week is under 1 MB.
    public static let maxBytes = 32_000_000

    /// Whether `path` (symlinks followed) is a regular file, not a folder, device or pipe.
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    public static func read(_ path: String) throws -> (text: String, hash: String) {
        if FileManager.default.fileExists(atPath: path) && !isRegularFile(path) {
            throw DigestError.unreadable(path: path, reason: "not a regular file (a device, a pipe or a folder); pass a digest file")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxBytes {
            throw DigestError.tooLarge(path: path, bytes: size)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DigestError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        let bytes = [UInt8](data)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidByte(bytes)
            let line = bytes[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw DigestError.notUTF8(path: path, line: line, byteOffset: offset)
        }
        return (text, fnv1a(bytes))
    }

    static func firstInvalidByte(_ bytes: [UInt8]) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// FNV-1a, 64 bits: enough to tell a changed file from an unchanged one.
    static func fnv1a(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        return String(hash, radix: 16) + "-\(bytes.count)"
    }
}
