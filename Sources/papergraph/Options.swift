import ArgumentParser
import Foundation
import PaperGraph

/// Where the database lives: `--db`, else `PAPERGRAPH_DB`, else `./papergraph.sqlite`.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default: $PAPERGRAPH_DB or ./papergraph.sqlite).")
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["PAPERGRAPH_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "papergraph.sqlite"
    }

    /// Opens the store; queries never create an empty database by accident, and read it
    /// through a memory map (ingest and export do not: see ``GraphStore/init(path:create:mapped:)``).
    func open(create: Bool = false, mapped: Bool = true) throws -> GraphStore {
        try reportingErrors { try GraphStore(path: path, create: create, mapped: mapped && !create) }
    }
}

/// The curation file: `--curation`, else `PAPERGRAPH_CURATION`, else beside the database
/// (`papergraph.sqlite` → `papergraph.curation.yaml`).
struct CurationOptions: ParsableArguments {
    @Option(name: .long, help: "The curation file (default: $PAPERGRAPH_CURATION, or DB.curation.yaml beside the database).")
    var curation: String?

    func path(beside database: String) -> String {
        curation ?? ProcessInfo.processInfo.environment["PAPERGRAPH_CURATION"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (database as NSString).deletingPathExtension + ".curation.yaml"
    }
}

extension ResultTable.Format: ExpressibleByArgument {}

struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: ResultTable.Format = .table
}

/// Runs `body`, printing a library error as `papergraph: error: …` and exiting 1.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch {
        // Foundation's file errors name their path: say it with what to do, not the raw NSError.
        let ns = error as NSError
        let message =
            (ns.userInfo[NSFilePathErrorKey] as? String).map { "\($0): \(WriteFailure.reason(error))" }
            ?? (error as? LocalizedError)?.errorDescription ?? "\(error)"
        printError("error: \(message)")
        throw ExitCode.failure
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("papergraph: \(message)\n".utf8))
}

/// Writes text to stdout as is (tables and JSON already end with a newline).
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
