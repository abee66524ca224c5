import Foundation

/// Failures of the SQLite store, each saying which database and what to do.
public enum StoreError: LocalizedError, Equatable {
    case notADatabase(path: String)
    case readOnly(path: String)
    case cannotOpen(path: String, reason: String)
    case missingSchema
    case unknownDigest(String)
    case notFound(String, suggestions: [String] = [])

    public var errorDescription: String? {
        switch self {
        case .notADatabase(let path):
            return "\(path): not a papergraph database (the file is not SQLite); pass another path with --db or move the file away"
        case .readOnly(let path):
            return "\(path): the database is read-only; check the file's permissions or pass a writable path with --db"
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open the database: \(reason)"
        case .missingSchema:
            return "the schema files are missing from the papergraph build; rebuild with `swift build`"
        case .unknownDigest(let key):
            return "no digest '\(key)' in the database; `papergraph digests` lists what is stored"
        case .notFound(let name, let suggestions):
            if suggestions.isEmpty { return "nothing named '\(name)' in the database; try `papergraph search \(name)`" }
            let names = suggestions.map { "'\($0)'" }
            let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names.last!
            return "nothing named '\(name)' in the database; did you mean \(list)?"
        }
    }
}
