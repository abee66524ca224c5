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
        commandName: "export",
        abstract:
            "Write the graph for other tools: json, graphml (Gephi, Cytoscape, yEd), gexf (Gephi, with time), csv (a folder of nodes.csv and edges.csv), bibtex (Zotero, LaTeX), mermaid (GitHub), obsidian (a vault folder).",
        discussion: """
            Filters select papers as `papers` does (--topic, --digest, --since, --entity, --relation); the export \
            then holds those papers, the entities they link to and the lineage among those entities. \
            The same graph gives the same bytes. Files are written beside their destination and moved \
            into place when complete.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case json, graphml, gexf, csv, bibtex, mermaid, obsidian }

    @OptionGroup var store: StoreOptions

    @Argument(help: "The format: json, graphml, gexf, csv, bibtex, mermaid or obsidian.")
    var kind: Kind = .json

    @Option(name: .shortAndLong, help: "Write to this file (a folder for csv and obsidian) instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Only papers filed under a topic (substring).") var topic: String?
    @Option(name: .long, help: "Only papers featured in one digest, e.g. 2025-W49.") var digest: String?
    @Option(name: .long, help: "Only papers from this arXiv month on, YYYY-MM.") var since: String?
    @Option(name: .long, help: "Only papers linked to an entity (for mermaid: that method's lineage).") var entity: String?
    @Option(name: .long, help: "With --entity: only this relation.") var relation: Relation?

    func validate() throws {
        if (kind == .csv || kind == .obsidian) && output == nil {
            throw ValidationError("\(kind.rawValue) writes a folder: pass -o DIR")
        }
        if let since, since.wholeMatch(of: /\d{4}-(0[1-9]|1[0-2])/) == nil {
            throw ValidationError("--since takes a month as YYYY-MM, e.g. 2025-11 (got '\(since)')")
        }
        if relation != nil && entity == nil { throw ValidationError("--relation needs --entity NAME") }
        if kind == .json && (topic ?? digest ?? since ?? entity) != nil {
            throw ValidationError("json always exports the whole graph; use graphml, gexf, csv, bibtex or obsidian for a part of it")
        }
    }

    func run() throws {
        let store = try store.open(mapped: false)
        let filter = PaperFilter(topic: topic, digest: digest, since: since, entity: entity, relation: relation)
        try reportingErrors {
            switch kind {
            case .csv:
                try CSVExport.write(store, scope: try scope(store, filter), to: URL(fileURLWithPath: output!))
                printError("wrote \(output!)/nodes.csv and \(output!)/edges.csv")
            case .obsidian:
                let counts = try ObsidianVault.write(store, scope: try scope(store, filter), to: URL(fileURLWithPath: output!))
                printError("wrote \(counts.written) notes to \(output!)\(counts.removed > 0 ? ", removed \(counts.removed) it no longer holds" : "")")
            case .mermaid:
                let map = try MapBuilder(store: store).lineage(of: entity)
                for note in map.notes { printError("note: \(note)") }
                try emitOrWrite { try $0(MermaidWriter.flowchart(map)) }
            case .json:
                try emitOrWrite { sink in try GraphExport.stream(store, to: sink) }
            case .graphml:
                let scope = try scope(store, filter)
                try emitOrWrite { sink in try GraphMLWriter.write(store, scope: scope, to: sink) }
            case .gexf:
                let scope = try scope(store, filter)
                try emitOrWrite { sink in try GEXFWriter.write(store, scope: scope, to: sink) }
            case .bibtex:
                let scope = try scope(store, filter)
                try emitOrWrite { sink in try BibTeXWriter.write(store, scope: scope, to: sink) }
            }
        }
    }

    /// The filtered part of the graph; an error when the filters select no paper at all.
    func scope(_ store: GraphStore, _ filter: PaperFilter) throws -> ExportScope {
        let scope = try ExportScope(store: store, filter: filter)
        if let papers = scope.papers, papers.isEmpty {
            throw ValidationError("no papers match these filters; `papergraph topics` and `papergraph digests` list what is stored")
        }
        return scope
    }

    /// Streams to standard output, or to `output` through a file moved into place when complete.
    func emitOrWrite(_ body: (_ sink: (String) throws -> Void) throws -> Void) throws {
        guard let output else {
            try body { emit($0) }
            return
        }
        let file = try ExportFile(URL(fileURLWithPath: output))
        try body { try file.write($0) }
        try file.finish()
    }
}
