import Foundation
import Testing

@testable import PaperGraph

/// Runs the built `papergraph` binary as a user would and checks its output and exit code.
@Suite struct CommandLineTests {
    static let binary = TestPaths.packageRoot.appendingPathComponent(".build/debug/papergraph")
    static var hasBinary: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    func run(_ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        if let folder { process.currentDirectoryURL = folder }
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test(.enabled(if: CommandLineTests.hasBinary)) func ingestQueryAndDrawTheSampleDigest() throws {
        let folder = try TestPaths.temporaryFolder()
        let db = folder.appendingPathComponent("cli.sqlite").path
        let example = TestPaths.packageRoot.appendingPathComponent("examples/2026-w10.zh-CN.md").path

        let ingest = try run(["ingest", "--db", db, example])
        #expect(ingest.status == 0)
        #expect(ingest.stdout.contains("2026-W10: 3 papers, 2 topics"))

        let again = try run(["ingest", "--db", db, example])
        #expect(again.stdout.contains("unchanged, skipped"))

        let stats = try run(["stats", "--format", "json"], environment: ["PAPERGRAPH_DB": db])
        let counts = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Int]
        #expect(counts?["papers"] == 3)
        #expect(counts?["digests"] == 1)
        #expect((counts?["edges"] ?? 0) > 10)

        let csv = try run(["papers", "--db", db, "--entity", "VGGT", "--relation", "builds_on", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\r\n").first == "id,name,title,topic,month,digests")
        #expect(csv.stdout.contains("2603.01234,StreamVGGT-Lite"))

        let show = try run(["show", "--db", db, "StreamVGGT-Lite"])
        #expect(show.stdout.contains("builds_on (1):\n    VGGT\n      2026-W10:"))

        let svg = folder.appendingPathComponent("lineage.svg").path
        let map = try run(["map", "lineage", "--db", db, "-o", svg])
        #expect(map.status == 0)
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("<svg"))

        let site = folder.appendingPathComponent("site").path
        let written = try run(["site", "--db", db, site])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout == site + "/index.html\n")
        #expect(written.stderr.contains("files written, 0 unchanged"))
        let notes = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: notes.appendingPathComponent("todo.md"))
        let refused = try run(["site", "--db", db, notes.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(notes.path) already holds files that papergraph did not write"))

        let curation = folder.appendingPathComponent("mine.yaml").path
        let kind = try run(["curate", "kind", "--db", db, "--curation", curation, "COLMAP", "dataset", "--reason", "a tool, not data"])
        #expect(kind.status == 0, "\(kind.stderr)")
        #expect(kind.stdout.contains("COLMAP is a dataset (affects 1 papers"))
        #expect(try String(contentsOfFile: curation, encoding: .utf8).contains("- kind: \"COLMAP\"\n  is: dataset\n  reason: \"a tool, not data\"\n"))
        let typo = try run(["curate", "drop", "--db", db, "--curation", curation, "COLMAPP"])
        #expect(typo.status == 1 && typo.stderr.contains("did you mean 'COLMAP'"))
        let list = try run(["curate", "list", "--db", db], environment: ["PAPERGRAPH_CURATION": curation])
        #expect(list.stdout.contains("1 decision\n  line 4: COLMAP is a dataset — a tool, not data"))
        let undo = try run(["curate", "undo", "--db", db, "--curation", curation])
        #expect(undo.status == 0 && undo.stdout.hasPrefix("undid: COLMAP is a dataset"))
        let review = try run(["review", "--db", db])
        #expect(review.status == 0 && review.stdout.contains("Likely duplicates ("))

        let remove = try run(["remove", "--db", db, "2026-W10"])
        #expect(remove.status == 0)
        #expect(try run(["stats", "--db", db, "--format", "json"]).stdout.contains("\"papers\": 0"))
    }

    @Test(.enabled(if: CommandLineTests.hasBinary)) func lookupsForgiveWhatPeopleType() throws {
        let folder = try TestPaths.temporaryFolder()
        let db = folder.appendingPathComponent("cli.sqlite").path
        let example = TestPaths.packageRoot.appendingPathComponent("examples/2026-w10.zh-CN.md").path
        #expect(try run(["ingest", "-q", "--db", db, example]).status == 0)

        // search: every word, anywhere; a quoted phrase in order; a snippet; a note when cut.
        let words = try run(["search", "--db", db, "--format", "csv", "ScanNet COLMAP"])
        #expect(words.stdout.contains("2603.01234"))
        // The words as separate arguments, as a shell passes them unquoted.
        #expect(try run(["search", "--db", db, "--format", "csv", "ScanNet", "COLMAP"]).stdout == words.stdout)
        #expect(words.stdout.split(separator: "\r\n").first == "id,name,title,topic,digest,snippet")
        #expect(try run(["search", "--db", db, "\"COLMAP ScanNet\""]).stdout.split(separator: "\n").count == 2)
        let cut = try run(["search", "--db", db, "--limit", "1", "的"])
        #expect(cut.stdout.split(separator: "\n").count == 3)
        #expect(cut.stderr.contains("showing the best paper;") && cut.stderr.contains("raise --limit"))
        let none = try run(["search", "--db", db, "ScanNet nosuchword"])
        #expect(none.stderr.contains("no entry contains all of"))

        // show: the forms it prints, whole evidence wrapped to the terminal, real CSV.
        for form in ["arXiv:2603.01234", "2603.01234v2", "arxiv:2603.01234v1"] {
            #expect(try run(["show", "--db", db, form]).stdout.hasPrefix("Paper arXiv:2603.01234v2"), "\(form)")
        }
        let narrow = try run(["show", "--db", db, "VGGT"], environment: ["COLUMNS": "50"])
        #expect(narrow.stdout.split(separator: "\n").allSatisfy { ResultTable.displayWidth(String($0)) <= 50 })
        #expect(narrow.stdout.contains("的流式前馈重建模型。”"))
        let csv = try run(["show", "--db", db, "--format", "csv", "VGGT"])
        #expect(csv.stdout.hasPrefix("subject,relation,object,digest,line,evidence\r\n"))
        #expect(csv.stdout.contains("StreamVGGT-Lite,builds_on,VGGT,2026-W10,"))

        // Nothing by that name: the nearest names, in every command that looks names up.
        for command in [["show", "VGTT"], ["lineage", "VGTT"], ["related", "VGTT"], ["papers", "--entity", "VGTT"], ["map", "lineage", "VGTT"]] {
            let miss = try run(command + ["--db", db])
            #expect(miss.status != 0)
            #expect(miss.stderr.contains("did you mean 'VGGT'?"), "\(command)")
        }

        // related takes an entity: the papers around it.
        let around = try run(["related", "--db", db, "--format", "json", "VGGT"])
        #expect(around.stdout.contains("\"reasons\": [\"builds on VGGT\"]"))

        // entities and baselines counted over a topic or from a month on.
        let scoped = try run(["entities", "--db", db, "--topic", "自动驾驶", "--format", "csv"])
        #expect(scoped.stdout.contains("nuScenes") && !scoped.stdout.contains("ScanNet"))
        #expect(try run(["baselines", "--db", db, "--since", "2026-03", "--format", "csv"]).stdout.contains("VGGT"))
        #expect(!(try run(["baselines", "--db", db, "--since", "2026-04", "--format", "csv"]).stdout.contains("VGGT")))
        #expect(try run(["entities", "--db", db, "--since", "2026-13"]).stderr.contains("--since takes a month"))

        // An export whose filters select nothing says so instead of writing an empty graph.
        let nothing = try run(["export", "graphml", "--db", db, "--topic", "no such topic"])
        #expect(nothing.status != 0 && nothing.stderr.contains("no papers match these filters"))
        #expect(try run(["export", "bibtex", "--db", db, "--topic", "自动驾驶"]).stdout.contains("@misc{OccLite2026,"))
    }

    @Test(.enabled(if: CommandLineTests.hasBinary)) func badInputGetsAClearMessageAndNonZeroExit() throws {
        let folder = try TestPaths.temporaryFolder()
        let db = folder.appendingPathComponent("cli.sqlite").path
        let missing = try run(["ingest", "--db", db, folder.appendingPathComponent("nope.md").path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nope.md: no such file or directory"))

        let empty = try run(["ingest", "--db", db, folder.path])
        #expect(empty.status != 0)
        #expect(empty.stderr.contains("no digests here"))

        let noDB = try run(["papers", "--db", folder.appendingPathComponent("absent.sqlite").path])
        #expect(noDB.status != 0)
        #expect(noDB.stderr.contains("run `papergraph ingest"))

        let since = try run(["papers", "--db", db, "--since", "2025-13"])
        #expect(since.status != 0)
        #expect(since.stderr.contains("--since takes a month as YYYY-MM"))

        let format = try run(["map", "topics", "--db", db, "-o", folder.appendingPathComponent("map.txt").path])
        #expect(format.status != 0)
        #expect(format.stderr.contains("end it in .svg, .png, .pdf, .dot or .mmd"))
    }

    /// Every way a new user can point papergraph at the wrong thing ends with exit 1 or 2 and
    /// a message naming the path, never a Swift runtime trap (exit ≥ 128).
    /// A digest ingested by a relative path is read again by `curate` run from elsewhere.
    @Test(.enabled(if: CommandLineTests.hasBinary)) func curationFindsDigestsIngestedByRelativePaths() throws {
        let folder = try TestPaths.temporaryFolder()
        try FileManager.default.copyItem(atPath: TestPaths.example, toPath: folder.appendingPathComponent("2026-w10.zh-CN.md").path)
        let db = folder.appendingPathComponent("g.sqlite").path
        #expect(try run(["ingest", "-q", "--db", db, "2026-w10.zh-CN.md"], in: folder).status == 0)
        let elsewhere = try TestPaths.temporaryFolder()
        let kind = try run(["curate", "kind", "--db", db, "VGGT", "dataset"], in: elsewhere)
        #expect(kind.status == 0, "\(kind.stderr)")
        #expect(kind.stdout.contains("read 1 digest again"), "\(kind.stdout)")
        #expect(try GraphStore(path: db, create: false).resolveEntities("VGGT").first?.kind == .dataset)
    }

    @Test(.enabled(if: CommandLineTests.hasBinary)) func wrongPathsGiveMessagesNotTraps() throws {
        let folder = try TestPaths.temporaryFolder()
        let db = folder.appendingPathComponent("cli.sqlite").path
        let notes = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try Data("# Meeting notes\n\nNothing about papers.\n".utf8).write(to: notes.appendingPathComponent("todo.md"))
        let binary = folder.appendingPathComponent("blob.md")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0x00, 0xFE]).write(to: binary)
        let huge = folder.appendingPathComponent("huge.md")
        FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 100_000_000)
        try handle.close()
        // A database to damage: a copy cut short, one with its pages overwritten, a read-only one.
        let good = folder.appendingPathComponent("good.sqlite").path
        #expect(try run(["ingest", "-q", "--db", good, TestPaths.example]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        let cut = folder.appendingPathComponent("cut.sqlite"), scrambled = folder.appendingPathComponent("scrambled.sqlite")
        try bytes.prefix(bytes.count / 3).write(to: cut)
        try (bytes.prefix(100) + Data((0..<bytes.count).map { UInt8(truncatingIfNeeded: $0 &* 31) })).write(to: scrambled)
        let readOnly = folder.appendingPathComponent("ro.sqlite").path
        try bytes.write(to: URL(fileURLWithPath: readOnly))
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly)
        let cases: [(args: [String], says: String)] = [
            (["stats", "--db", cut.path], "cut.sqlite: cannot open the database: database disk image is malformed"),
            (["entities", "--db", scrambled.path], "scrambled.sqlite: cannot open the database"),
            (["ingest", "--db", readOnly, TestPaths.example], "ro.sqlite: the database is read-only"),
            (["ingest", "--db", "/nonexistent-folder/g.sqlite", TestPaths.example], "check that its folder exists"),
            (["ingest", "--db", db, "--curation", notes.path, TestPaths.example], "not a file; pass the curation YAML file"),
            (["export", "csv", "--db", good, "-o", good], "is a file, not a folder; csv writes nodes.csv and edges.csv into a folder"),
            (["export", "json", "--db", good, "-o", "/nonexistent-folder/g.json"], "/nonexistent-folder/g.json"),
            (["map", "lineage", "--db", good, "-o", "/nonexistent-folder/m.svg"], "/nonexistent-folder/m.svg: its folder does not exist"),
            (["stats", "--db", folder.path], "\(folder.path): cannot open the database: it is a folder"),
            (["ingest", "--db", folder.path, TestPaths.example], "it is a folder; pass a database file"),
            (["stats", "--db", "/dev/null"], "/dev/null: cannot open the database: it is not a regular file"),
            (["ingest", "--db", db, notes.path], "todo.md: not a digest"),
            (["ingest", "--db", db, binary.path], "blob.md:1: not UTF-8 text"),
            (["ingest", "--db", db, huge.path], "huge.md: 100 MB is larger than any weekly digest"),
            (["ingest", "--db", db, "/dev/zero"], "/dev/zero: cannot read: not a regular file"),
            (["site", "--db", db, TestPaths.example], "is a file, not a folder"),
        ]
        for (args, says) in cases {
            let result = try run(args)
            #expect((1...2).contains(result.status), "\(args): exit \(result.status)\n\(result.stderr)")
            #expect(result.stderr.contains(says), "\(args): \(result.stderr)")
        }
        // The non-digest was reported, not stored; beside a digest it is only a warning.
        let mixed = try run(["ingest", "--db", db, notes.path, TestPaths.example])
        #expect(mixed.status == 0, "\(mixed.stderr)")
        #expect(mixed.stdout.contains("1 skipped (not digests)"))
        let digests = try run(["digests", "--db", db, "--format", "csv"])
        #expect(!digests.stdout.contains("todo"))
    }
}
