import ArgumentParser
import Foundation
import PaperGraph

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a paper (arXiv id or short name) or an entity (name or alias) with its relations and evidence.")

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Output format: table (text for people), json, or csv (one row per field and edge).")
    var format: ResultTable.Format = .table

    @Argument(help: "An arXiv id (2512.02392, 2512.02392v2, arXiv:2512.02392), a paper's short name (FDTA) or an entity (VGGT, nuScenes).")
    var name: String

    func run() throws {
        let store = try store.open()
        let report = try reportingErrors { try store.show(name) }
        if report.isEmpty {
            let error = StoreError.notFound(name, suggestions: (try? store.suggestions(for: name)) ?? [])
            printError("error: \(error.errorDescription ?? "")")
            throw ExitCode.failure
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            emit(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")
        case .csv:
            emit(Tables.show(report).render(.csv))
        case .table:
            emit(ShowText(width: ShowText.terminalWidth()).render(report))
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the whole graph (papers, entities, edges with evidence).")

    enum Kind: String, ExpressibleByArgument { case json }

    @OptionGroup var store: StoreOptions

    @Argument(help: "The export format: json.")
    var kind: Kind = .json

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let store = try store.open(mapped: false)
        guard let output else {
            try reportingErrors { try GraphExport.stream(store) { emit($0) } }
            return
        }
        // Written beside the target and moved over it at the end: a failure leaves no half file.
        let partial = output + ".partial"
        try reportingErrors {
            guard FileManager.default.createFile(atPath: partial, contents: nil), let handle = FileHandle(forWritingAtPath: partial) else {
                throw ExportFileError(path: output)
            }
            do {
                try GraphExport.stream(store) { handle.write(Data($0.utf8)) }
                try handle.close()
                _ = try? FileManager.default.removeItem(atPath: output)
                try FileManager.default.moveItem(atPath: partial, toPath: output)
            } catch {
                try? FileManager.default.removeItem(atPath: partial)
                throw error
            }
        }
    }
}

struct ExportFileError: LocalizedError {
    var path: String
    var errorDescription: String? { "\(path): cannot write the export there; check the folder exists and is writable, or pass another --output" }
}
