import ArgumentParser
import Foundation
import PaperGraph

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a paper (arXiv id or short name) or an entity (name or alias) with its relations and evidence.")

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Output format: table (text for people) or json.")
    var format: ResultTable.Format = .table

    @Argument(help: "An arXiv id (2512.02392), a paper's short name (FDTA) or an entity (VGGT, nuScenes).")
    var name: String

    func run() throws {
        let report = try reportingErrors { try store.open().show(name) }
        if report.isEmpty {
            printError("error: nothing named '\(name)' in the database; try `papergraph search \(name)`")
            throw ExitCode.failure
        }
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            emit(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")
        } else {
            emit(report.text)
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
        let json = try reportingErrors { try store.open().export().json() }
        if let output {
            try reportingErrors { try json.write(toFile: output, atomically: true, encoding: .utf8) }
        } else {
            emit(json)
        }
    }
}
