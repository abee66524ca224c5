import Foundation
import Testing

@testable import PaperGraph

/// Every export format read back by a parser that is not ours (networkx, csv, bibtexparser,
/// PyYAML; see read_exports.py), on hostile names, week 49 and the whole corpus.
@Suite struct ExportTests {
    static let script = TestPaths.packageRoot.appendingPathComponent("Tests/PaperGraphTests/Export/read_exports.py").path

    /// Writes every format of `store` into a new folder; returns its path.
    static func exportAll(_ store: GraphStore, scope: ExportScope = .everything) throws -> URL {
        let folder = try TestPaths.temporaryFolder()
        func file(_ name: String, _ body: ((String) throws -> Void) throws -> Void) throws {
            let out = try ExportFile(folder.appendingPathComponent(name))
            try body { try out.write($0) }
            try out.finish()
        }
        try file("graph.json") { try GraphExport.stream(store, to: $0) }
        try file("graph.graphml") { try GraphMLWriter.write(store, scope: scope, to: $0) }
        try file("graph.gexf") { try GEXFWriter.write(store, scope: scope, to: $0) }
        try file("papers.bib") { try BibTeXWriter.write(store, scope: scope, to: $0) }
        try CSVExport.write(store, scope: scope, to: folder.appendingPathComponent("csv"))
        try ObsidianVault.write(store, scope: scope, to: folder.appendingPathComponent("vault"))
        return folder
    }

    static func readBack(_ folder: URL) throws {
        let args = ["graph.json", "graph.graphml", "graph.gexf", "csv", "papers.bib", "vault"].map { folder.appendingPathComponent($0).path }
        let (status, output) = try TestPaths.python([script] + args)
        #expect(status == 0, "\(output) (make test installs networkx, PyYAML and bibtexparser)")
        #expect(output.contains("read_exports: ok"))
    }

    static func text(_ body: ((String) throws -> Void) throws -> Void) throws -> String {
        var out = ""
        try body { out += $0 }
        return out
    }

    @Test func hostileNamesSurviveEveryFormat() throws {
        let store = try GraphStore()
        #expect(!Ingestor(store: store).ingest(file: TestPaths.fixture("hostile.md")).failed)
        let title = try #require(try store.export().papers.first { $0.arxiv == "2502.00777" }?.title)
        for piece in ["\"", "\\", "<Tag>", "&", "{Braces}", "%", "#1", "|pipe|", "]]close", "🚀", "\u{200F}", "\u{202E}"] {
            #expect(title.contains(piece), "the fixture's title lost \(piece)")
        }
        try Self.readBack(try Self.exportAll(store))
        // The same names in Mermaid: quoted, entity-coded, one node line each.
        let mermaid = MermaidWriter.flowchart(try MapBuilder(store: store).lineage())
        #expect(mermaid.hasPrefix("flowchart TB\n"))
        #expect(mermaid.contains("Q#quot;uo\\te"))
        #expect(!mermaid.split(separator: "\n").contains { $0.contains("<Tag>") })
        // The same graph gives the same bytes.
        #expect(try Self.text { try GraphMLWriter.write(store, to: $0) } == Self.text { try GraphMLWriter.write(store, to: $0) })
    }

    @Test func exportsDoNotDependOnIngestOrder() throws {
        let files = ["bullets.md", "nested-section.md", "english.md", "relations.md"].map(TestPaths.fixture)
        let a = try GraphStore(), b = try GraphStore()
        _ = Ingestor(store: a).ingest(files: files)
        _ = Ingestor(store: b).ingest(files: files.reversed())
        for write in [GraphMLWriter.write, GEXFWriter.write, BibTeXWriter.write] as [(GraphStore, ExportScope, (String) throws -> Void) throws -> Void] {
            #expect(try Self.text { try write(a, .everything, $0) } == Self.text { try write(b, .everything, $0) })
        }
    }

    @Test func reExportingAVaultTouchesOnlyItsOwnNotes() throws {
        let store = try GraphStore()
        _ = Ingestor(store: store).ingest(files: ["nested-section.md", "english.md"].map(TestPaths.fixture))
        let vault = try TestPaths.temporaryFolder()
        let mine = vault.appendingPathComponent("papers")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        // A note of the researcher's own, with the name papergraph would give a paper's note.
        let own = mine.appendingPathComponent("alphadet.md")
        try Data("my notes\n".utf8).write(to: own)
        let first = try ObsidianVault.write(store, to: vault)
        #expect(first.written > 5 && first.removed == 0)
        #expect(FileManager.default.fileExists(atPath: mine.appendingPathComponent("AlphaDet (2).md").path))
        try store.remove(key: "2026-W03")
        let second = try ObsidianVault.write(store, to: vault)
        #expect(second.removed > 0)
        #expect(try String(contentsOf: own, encoding: .utf8) == "my notes\n")
        try Self.readBack(try Self.exportAll(store))
    }

    @Test(.enabled(if: TestPaths.hasWeek49)) func week49ReadsBack() throws {
        let store = try GraphStore()
        #expect(!Ingestor(store: store).ingest(file: TestPaths.week49).failed)
        try Self.readBack(try Self.exportAll(store))
    }

    @Test(.enabled(if: TestPaths.hasWeek49)) func wholeCorpusReadsBackAndSLAMIsOneEntryPerPaper() throws {
        let store = try TestCorpus.store.get()
        try Self.readBack(try Self.exportAll(store))
        let slam = try ExportScope(store: store, filter: PaperFilter(topic: "SLAM"))
        let bib = try TestPaths.temporaryFolder().appendingPathComponent("slam.bib")
        try Self.text { try BibTeXWriter.write(store, scope: slam, to: $0) }.write(to: bib, atomically: true, encoding: .utf8)
        let (status, output) = try TestPaths.python([
            "-c",
            """
            import sys, bibtexparser
            text = open(sys.argv[1], encoding="utf-8").read()
            if hasattr(bibtexparser, "parse_string"):
                lib = bibtexparser.parse_string(text); assert not lib.failed_blocks, lib.failed_blocks; print(len(lib.entries))
            else:
                print(len(bibtexparser.loads(text).entries))
            """, bib.path,
        ])
        #expect(status == 0, "\(output)")
        #expect(Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) == slam.papers?.count)
        #expect((slam.papers?.count ?? 0) > 10)
    }
}
