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
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue {
                throw StoreError.cannotOpen(
                    path: path, reason: "it is a folder; pass a database file, e.g. --db \((path as NSString).appendingPathComponent("papergraph.sqlite"))")
            }
            if !DigestFiles.isRegularFile(path) {
                throw StoreError.cannotOpen(path: path, reason: "it is not a regular file (a device or a pipe); pass a database file with --db")
            }
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
        configuration.busyMode = .callback(Self.waitForOtherWriter(path: path))
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
    /// SQLite's own check of every page, index and foreign key: empty when the file is sound,
    /// else SQLite's list of what is wrong.
    public func integrityProblems() throws -> [String] {
        try writer.read { db in
            let pages = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
            return pages + keys
        }
    }

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
            // A digest's write dirties a few thousand index pages of a large archive, many of
            // them the same pages the next digest dirties: checkpointing every 20,000 pages
            // (80 MB of log) instead of every 1,000 copies each into the file once per many
            // digests (10× ingest 106–113 s → 96–98 s; one digest unchanged, the log is
            // checkpointed when the last connection closes).
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 20000")
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

    /// How long a write waits for another process writing the same database.
    static let lockWait: Double = 600

    /// SQLite's busy handler: while another process (another ingest) holds the write lock,
    /// wait and retry, say so once after two seconds, and give up after ``lockWait``.
    static func waitForOtherWriter(path: String) -> Database.BusyCallback {
        { tries in
            let pause = 0.05
            if tries == Int(2 / pause) {
                FileHandle.standardError.write(
                    Data("papergraph: waiting for another process writing to \(path) (up to \(Int(lockWait / 60)) minutes; Ctrl-C stops)\n".utf8))
            }
            guard Double(tries) * pause < lockWait else { return false }
            Thread.sleep(forTimeInterval: pause)
            return true
        }
    }

    static func storeError(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_READONLY: return .readOnly(path: path)
        default: return .cannotOpen(path: path, reason: reason(error))
        }
    }

    /// What a failed statement means for the user, and what to do.
    static func reason(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "another process kept the database locked for \(Int(lockWait / 60)) minutes; let it finish (`ps aux | grep papergraph`) and run again"
        case .SQLITE_FULL: return "the disk is full; free some space and run again"
        case .SQLITE_READONLY: return "the database is read-only; check the file's permissions or pass a writable path with --db"
        case .SQLITE_CANTOPEN: return "SQLite cannot open the database; check that its folder exists and is writable, or pass another path with --db"
        case .SQLITE_IOERR: return "a read or write of the database failed (\(error.message ?? "I/O error")); check the disk"
        default: return error.message ?? "\(error)"
        }
    }
}
