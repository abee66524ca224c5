import Foundation
import GRDB

/// The SQLite paper graph: owns the database connection and its migrations.
///
/// Foreign keys are on and file databases use WAL (through `DatabasePool`).
/// Tests use an in-memory `DatabaseQueue`.
///
/// The store is sealed: only `Store/` sees SQL or GRDB. Everything else reads typed values
/// (``Paper``, ``Entity``, ``EdgeView``, ``LineageLink`` …) through its methods.
public final class GraphStore: Sendable {
    let writer: any DatabaseWriter
    public let path: String

    /// Opens (and migrates) the database at `path`.
    ///
    /// - Parameters:
    ///   - path: the database file.
    ///   - create: when false, a missing file is an error instead of a new database.
    /// - Throws: ``StoreError`` naming the file and what to do.
    ///   - mapped: read through a memory map (faster queries on a large archive; the mapped
    ///     pages count as the process's memory, so ingest and export leave it off).
    public init(path: String, create: Bool = true, mapped: Bool = false) throws {
        self.path = path
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            if let permissions = try? manager.attributesOfItem(atPath: path)[.posixPermissions] as? Int,
                permissions & 0o222 == 0
            {
                if create { throw StoreError.readOnly(path: path) }
            }
            if let handle = FileHandle(forReadingAtPath: path) {
                let header = handle.readData(ofLength: 16)
                try? handle.close()
                if !header.isEmpty && !header.starts(with: Data("SQLite format 3".utf8)) {
                    throw StoreError.notADatabase(path: path)
                }
            }
        } else if !create {
            throw StoreError.cannotOpen(path: path, reason: "no such file; run `papergraph ingest DIGEST.md` first, or pass --db")
        }
        var configuration = Self.configuration(mapped: mapped)
        configuration.busyMode = .timeout(5)
        do {
            writer = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator().migrate(writer)
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path)
        }
    }

    /// An in-memory store, for tests and one-off runs.
    public init() throws {
        path = ":memory:"
        writer = try DatabaseQueue(configuration: Self.configuration())
        try Self.migrator().migrate(writer)
    }

    /// Foreign keys on, and the two Swift functions the schema's SQL calls.
    static func configuration(mapped: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // Queries map the file instead of copying pages through read(2): on a large
            // archive that was a seventh of a query's time.
            if mapped { try db.execute(sql: "PRAGMA mmap_size = 1073741824") }
            // A page cache large enough for the indexes a write walks on a large archive
            // (SQLite's default is 2 MB); memory grows only as pages are read.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // PAPERGRAPH_SLOW_SQL=MS prints every statement slower than MS milliseconds to stderr.
            if let limit = ProcessInfo.processInfo.environment["PAPERGRAPH_SLOW_SQL"].flatMap(Double.init) {
                db.trace(options: .profile) { event in
                    guard case let .profile(statement, duration) = event, duration * 1000 >= limit else { return }
                    FileHandle.standardError.write(Data(String(format: "slow sql %.1f ms: %@\n", duration * 1000, statement.sql).utf8))
                }
            }
            db.add(
                function: DatabaseFunction("pg_segment", argumentCount: 1, pure: true) { values in
                    String.fromDatabaseValue(values[0]).map(TextSegmenter.segment)
                })
            db.add(
                function: DatabaseFunction("pg_entity_id", argumentCount: 1, pure: true) { values in
                    String.fromDatabaseValue(values[0]).map(EntityName.id(for:))
                })
        }
        return configuration
    }

    /// The migrations, one per `schema/NNN_name.sql` file, applied in file-name order.
    /// A migration that derives tables from others finishes in Swift (``Resolution``).
    static func migrator(upTo last: String? = nil) throws -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for file in try schemaFiles() {
            let name = file.deletingPathExtension().lastPathComponent
            let sql = try String(contentsOf: file, encoding: .utf8)
            migrator.registerMigration(name) { db in
                try db.execute(sql: sql)
                if name == "004_resolved_graph" { try Resolution.rebuild(db) }
            }
            if name == last { break }
        }
        return migrator
    }

    static func schemaFiles() throws -> [URL] {
        guard let folder = Bundle.module.url(forResource: "Schema", withExtension: nil),
            let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        else { throw StoreError.missingSchema }
        return files.filter { $0.pathExtension == "sql" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The schema version the database is at (`PRAGMA user_version`).
    public func schemaVersion() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    static func storeError(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_READONLY: return .readOnly(path: path)
        default: return .cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
    }
}
