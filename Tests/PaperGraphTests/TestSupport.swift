import Foundation

@testable import PaperGraph

/// Paths the tests read: our own fixtures, and the real digests in ../shared (never copied here).
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let corpus = shared.appendingPathComponent("corpus")
    static let gold = shared.appendingPathComponent("gold")
    static let week49 = corpus.appendingPathComponent("2025-w49.zh-CN.md").path
    /// The demo digest we wrote (examples/).
    static let example = packageRoot.appendingPathComponent("examples/2026-w10.zh-CN.md").path
    /// Whether the tests that read ../shared run: always in CI (CI=true), where a missing
    /// ../shared then fails them instead of skipping them.
    static var hasWeek49: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true" || FileManager.default.fileExists(atPath: week49)
    }

    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name).path
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("papergraph-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes a one-paper digest of week `week` (paper `Paper<week>`, arXiv `id`) saying `sentence`.
    static func oneEntryDigest(in folder: URL, week: Int, id: String, _ sentence: String) throws -> String {
        let path = folder.appendingPathComponent("2025-w0\(week).zh-CN.md").path
        let text =
            "# 2025 年第 \(week) 周\n\n## 学术研究\n\n### 代码\n\n#### Paper\(week)：测试\n\n"
            + "[\(id) Paper\(week) Title](https://arxiv.org/abs/\(id))\n\n\(sentence)\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs python3 with `arguments`; its output (stdout and stderr) and exit status.
    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    static func read(_ path: String) throws -> Digest {
        let (text, _) = try DigestFiles.read(path)
        return DigestReader().read(text: text, path: path)
    }
}

/// The whole corpus ingested once for every test that needs it (in memory).
enum TestCorpus {
    static let store: Result<GraphStore, any Error> = Result {
        let store = try GraphStore()
        let (files, _) = DigestFiles.expand([TestPaths.corpus.path])
        let failed = Ingestor(store: store).ingest(files: files).filter(\.failed)
        if files.count < 60 || !failed.isEmpty { throw CocoaError(.fileReadCorruptFile) }
        return store
    }
}
