import Foundation
import Testing

@testable import PaperGraph

/// A full disk, made real with a small tmpfs (root only, as on CI): ingest and exports stop
/// with a message naming the file and what to do, below exit code 128, and nothing is lost.
@Suite(.serialized) struct DiskFullTests {
    static var canMount: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount") }

    static func system(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A tmpfs of `kilobytes` mounted on a new folder for the length of `body`.
    static func withSmallDisk(kilobytes: Int, _ body: (URL) throws -> Void) throws {
        let disk = try TestPaths.temporaryFolder()
        try #require(try system(["/bin/mount", "-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", disk.path]) == 0, "mount a tmpfs (run the tests as root)")
        defer { _ = try? system(["/bin/umount", disk.path]) }
        try body(disk)
    }

    /// Twenty digests of our own of 25 papers each, about 25 KB apiece (3 MB of database).
    static func digests(in folder: URL) throws -> [String] {
        try (1...20).map { week in
            var text = "# 2025 年第 \(week) 周\n\n## 学术研究\n\n### 三维重建\n\n"
            for i in 1...25 {
                let id = String(format: "2601.%02d%03d", week, i)
                text += "#### Net\(week)x\(i)：测试\n\n[\(id) Net\(week)x\(i): A Title About Reconstruction](https://arxiv.org/abs/\(id))\n\n"
                text +=
                    "本文提出 Net\(week)x\(i)，基于 VGGT 构建，与 DUSt3R 和 MASt3R 对比，在 ScanNet 与 7-Scenes 上评估。" + String(repeating: "方法在多个数据集上取得领先的重建精度与效率。", count: 12)
                    + "\n\n"
            }
            let path = folder.appendingPathComponent(String(format: "2025-w%02d.zh-CN.md", week)).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    @Test(.enabled(if: canMount && CommandLineTests.hasBinary)) func ingestIntoAFullDiskKeepsWholeDigestsAndResumes() throws {
        let source = try TestPaths.temporaryFolder()
        let files = try Self.digests(in: source)
        let cli = CommandLineTests()
        try Self.withSmallDisk(kilobytes: 12 * 1024) { disk in
            let db = disk.appendingPathComponent("g.sqlite").path
            // Room for a few digests only: a filler takes the rest.
            let filler = disk.appendingPathComponent("filler")
            try Data(count: 11 * 1024 * 1024).write(to: filler)
            let full = try cli.run(["ingest", "--db", db] + files)
            #expect(full.status == 1)
            #expect(full.status < 128)
            #expect(full.stderr.contains("the disk is full; free some space and run again"), "\(full.stderr)")
            #expect(full.stderr.contains("not stored in \(db) (the database is as it was)"))

            let store = try GraphStore(path: db, create: false)
            #expect(try store.integrityProblems() == [])
            let stored = try store.digests()
            #expect(stored.count < files.count)
            #expect(stored.allSatisfy { $0.papers == 25 }, "a digest is stored in part")

            // Space freed: the same command finishes the job.
            try FileManager.default.removeItem(at: filler)
            let resumed = try cli.run(["ingest", "--db", db] + files)
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let reference = try GraphStore()
            _ = Ingestor(store: reference).ingest(files: files)
            #expect(try GraphStore(path: db, create: false).export().json() == reference.export().json())
        }
    }

    @Test(.enabled(if: canMount && CommandLineTests.hasBinary)) func exportsIntoAFullDiskSayWhyAndLeaveNoPartialFile() throws {
        let folder = try TestPaths.temporaryFolder()
        let db = folder.appendingPathComponent("g.sqlite").path
        let files = try Self.digests(in: folder)
        let cli = CommandLineTests()
        #expect(try cli.run(["ingest", "-q", "--db", db] + files.prefix(6)).status == 0)
        try Self.withSmallDisk(kilobytes: 64) { disk in
            for (format, name) in [("json", "graph.json"), ("graphml", "graph.graphml"), ("csv", "csv"), ("obsidian", "vault")] {
                let out = disk.appendingPathComponent(name).path
                let run = try cli.run(["export", format, "--db", db, "-o", out])
                #expect(run.status == 1, "\(format): \(run.stderr)")
                #expect(run.stderr.contains(out) && run.stderr.contains("disk is full"), "\(format): \(run.stderr)")
                #expect(!FileManager.default.fileExists(atPath: out + ".partial"), "\(format) left a partial file")
            }
            let site = try cli.run(["site", "--db", db, disk.appendingPathComponent("site").path])
            #expect(site.status == 1 && site.stderr.contains("disk is full"), "site: \(site.stderr)")
            #expect(try GraphStore(path: db, create: false).digests().count == 6)
        }
    }
}
