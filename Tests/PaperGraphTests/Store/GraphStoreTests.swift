import Foundation
import GRDB
import Synchronization
import Testing

@testable import PaperGraph

@Suite struct GraphStoreTests {
    func ingest(_ store: GraphStore, _ paths: [String], force: Bool = false) -> [IngestResult] {
        let ingestor = Ingestor(store: store)
        return paths.map { ingestor.ingest(file: $0, force: force) }
    }

    @Test func ingestingTwiceIsANoOpWithIdenticalExports() throws {
        let store = try GraphStore()
        let file = TestPaths.fixture("nested-section.md")
        let first = ingest(store, [file])
        guard case .ingested(let summary) = first[0].status else { Issue.record("not ingested"); return }
        #expect(summary.papers == 7)
        #expect(summary.topics == 2)
        let before = try store.export().json()
        let second = ingest(store, [file])
        guard case .unchanged = second[0].status else { Issue.record("expected unchanged, got \(second[0].status)"); return }
        let forced = ingest(store, [file], force: true)
        guard case .ingested = forced[0].status else { Issue.record("--force did not re-ingest"); return }
        #expect(try store.export().json() == before)
    }

    @Test func aFailedWriteLeavesTheDatabaseAsItWas() throws {
        let store = try GraphStore()
        _ = ingest(store, [TestPaths.fixture("bullets.md")])
        let before = try store.export().json()
        // A second store write that violates a constraint halfway through must roll back whole.
        let digest = try TestPaths.read(TestPaths.fixture("nested-section.md"))
        let bad = Extraction(
            entities: [ExtractedEntity(name: "X", kind: .method)],
            edges: [ExtractedEdge(source: "a", target: "b", relation: .mentions, line: 1, evidence: "e")])
        var broken = digest
        broken.entries.append(broken.entries[0])  // duplicate appearance: UNIQUE(digest_id, paper_id) fails
        #expect(throws: (any Error).self) {
            try store.write(broken, extraction: bad, contentHash: "h", extractorVersion: 1)
        }
        #expect(try store.export().json() == before)
        #expect(try store.stats().digests == 1)
    }

    @Test func aBadFileInABatchFailsAloneAndTheOthersIngest() throws {
        let folder = try TestPaths.temporaryFolder()
        let bad = folder.appendingPathComponent("2025-w02.zh-CN.md")
        try Data([0x23, 0x20, 0xFF, 0x0A]).write(to: bad)
        let store = try GraphStore()
        let results = ingest(store, [TestPaths.fixture("bullets.md"), bad.path, TestPaths.fixture("english.md")])
        #expect(results.map(\.failed) == [false, true, false])
        if case .failed(let message) = results[1].status {
            #expect(message.contains("2025-w02.zh-CN.md:1: not UTF-8"))
        }
        #expect(try store.stats().digests == 2)
    }

    @Test func exportDoesNotDependOnIngestOrder() throws {
        let files = ["bullets.md", "nested-section.md", "english.md"].map(TestPaths.fixture)
        let a = try GraphStore(), b = try GraphStore()
        _ = ingest(a, files)
        _ = ingest(b, files.reversed())
        #expect(try a.export().json() == b.export().json())
    }

    @Test func removingADigestDeletesWhatOnlyItSupported() throws {
        let store = try GraphStore()
        _ = ingest(store, [TestPaths.fixture("bullets.md"), TestPaths.fixture("english.md")])
        let before = try store.stats()
        try store.remove(key: "2024-W30")
        let after = try store.stats()
        #expect(after.digests == before.digests - 1)
        #expect(after.papers == 1)
        #expect(throws: StoreError.unknownDigest("2024-W30")) { try store.remove(key: "2024-W30") }
    }

    @Test func aPaperInSeveralDigestsIsOnePaperWithItsHighestVersion() throws {
        let folder = try TestPaths.temporaryFolder()
        for (week, version, topic) in [(5, 1, "甲"), (6, 3, "乙"), (7, 2, "丙")] {
            let text =
                "# 2025 年第 \(week) 周\n\n## 学术研究\n\n### \(topic)\n\n#### Same：同一篇\n\n"
                + "[2501.00007v\(version) Same Paper v\(version)](https://arxiv.org/abs/2501.00007v\(version))\n\n摘要。\n"
            try Data(text.utf8).write(to: folder.appendingPathComponent("2025-w0\(week).zh-CN.md"))
        }
        let store = try GraphStore()
        let (files, _) = DigestFiles.expand([folder.path])
        _ = ingest(store, files)
        let export = try store.export()
        #expect(export.papers.count == 1)
        let paper = export.papers[0]
        #expect(paper.version == 3)
        #expect(paper.title == "Same Paper v3")
        #expect(paper.topic == "丙")
        #expect(paper.topics == ["甲", "乙", "丙"])
        #expect(paper.digests == ["2025-W05", "2025-W06", "2025-W07"])
        #expect(paper.versions == [1, 2, 3])
        #expect(paper.month == "2025-01")
    }

    @Test func searchFindsChineseEnglishAndOneCharacterQueries() throws {
        let store = try GraphStore()
        _ = ingest(store, [TestPaths.fixture("nested-section.md"), TestPaths.fixture("english.md")])
        func ids(_ q: String) throws -> [String] {
            try store.search(q).hits.map(\.paper.label)
        }
        #expect(try ids("摘要").contains("2502.00002"))
        #expect(try ids("要").contains("2502.00002"))
        #expect(try ids("ScanNet") == ["2601.00042"])
        #expect(try ids("feed-forward reconstruction") == ["2601.00042"])
        // FTS5 operators in user text are searched as words, never parsed as syntax.
        #expect(try ids("\"AND *") == ids("and"))
        #expect(try ids("\"AND *") == ["2601.00042"])
    }

    @Test func anOlderDatabaseIsMigratedNotRebuilt() throws {
        let folder = try TestPaths.temporaryFolder()
        let path = folder.appendingPathComponent("old.sqlite").path
        do {
            let pool = try DatabasePool(path: path)
            try GraphStore.migrator(upTo: "001_initial").migrate(pool)
            try pool.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO digest (key, language, path, content_hash, extractor_version, ingested_at) VALUES ('2025-W01', 'zh-CN', 'x.md', 'h', 0, 'now')"
                )
            }
            #expect(try pool.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 1)
        }
        let store = try GraphStore(path: path)
        #expect(try store.schemaVersion() == 7)
        #expect(try store.stats().digests == 1)
    }

    @Test func aQueryDoesNotWaitForAWriterHoldingTheLock() throws {
        let folder = try TestPaths.temporaryFolder()
        let path = folder.appendingPathComponent("busy.sqlite").path
        _ = try GraphStore(path: path, create: true)
        // Another process's ingest, mid-transaction: it holds the write lock.
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: path, configuration: configuration)
        try other.inDatabase { db in
            // Its earlier digests are in the write-ahead log; the current one holds the lock.
            try db.execute(sql: "CREATE TABLE scratch (x); INSERT INTO scratch VALUES (1)")
            try db.execute(sql: "BEGIN IMMEDIATE")
        }
        let opened = DispatchSemaphore(value: 0)
        let result = Mutex<Int?>(nil)
        Thread.detachNewThread {
            let digests = try? GraphStore(path: path).stats().digests
            result.withLock { $0 = digests }
            opened.signal()
        }
        // A read needs no write lock: it is answered while the writer still holds it.
        let answered = opened.wait(timeout: .now() + 10) == .success
        try other.inDatabase { try $0.execute(sql: "ROLLBACK") }
        if !answered { opened.wait() }
        #expect(answered)
        #expect(result.withLock { $0 } == 0)
    }

    @Test func refusesFilesThatAreNotSQLiteOrAreReadOnly() throws {
        let folder = try TestPaths.temporaryFolder()
        let text = folder.appendingPathComponent("notes.sqlite").path
        try Data("these are my notes, not a database\n".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: StoreError.notADatabase(path: text)) { try GraphStore(path: text) }
        let readOnly = folder.appendingPathComponent("ro.sqlite").path
        _ = try GraphStore(path: readOnly)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly)
        #expect(throws: StoreError.readOnly(path: readOnly)) { try GraphStore(path: readOnly) }
        #expect(throws: (any Error).self) { try GraphStore(path: folder.appendingPathComponent("none.sqlite").path, create: false) }
    }

    @Test(.enabled(if: TestPaths.hasWeek49)) func week49ExportMatchesTheGoldPapers() throws {
        let store = try GraphStore()
        let results = ingest(store, [TestPaths.week49])
        #expect(!results[0].failed)
        let export = try store.export()
        let gold = try GoldFile.load(TestPaths.gold.appendingPathComponent("2025-w49.json").path)
        #expect(export.papers.count == gold.papers.count)
        for expected in gold.papers {
            let paper = export.papers.first { $0.arxiv != nil ? $0.arxiv == expected.arxiv : $0.title == expected.title }
            #expect(paper != nil, "missing \(expected.title)")
            #expect(paper?.version == expected.version)
            #expect(paper?.url == expected.url)
            #expect(paper?.title == expected.title)
            #expect(paper?.topic == expected.topic)
        }
    }

    @Test func aFullNameInOneDigestAndItsAbbreviationInAnotherAreOneEntity() throws {
        let folder = try TestPaths.temporaryFolder()
        func digest(_ week: Int, _ id: String, _ sentence: String) throws -> String {
            try TestPaths.oneEntryDigest(in: folder, week: week, id: id, sentence)
        }
        let files = [
            try digest(1, "2501.00001", "我们在 LongCodeArena (LCA) 基准上评估。"),
            try digest(2, "2501.00002", "实验在 LongCodeArena 基准上进行。"),
            // Two entities spell out the same name: ambiguous, so neither absorbs it.
            try digest(3, "2501.00003", "我们与 XYZNet (XN) 进行了对比。"),
            try digest(4, "2501.00004", "我们与 XYZNet (XYN) 进行了对比。"),
            try digest(5, "2501.00005", "本文基于 XYZNet 构建。"),
        ]
        let a = try GraphStore(), b = try GraphStore()
        // The merge rules are the subject here, not the learned decisions: the rules decide.
        let rules = RuleExtractor(model: nil)
        for f in files { _ = Ingestor(store: a, extractor: rules).ingest(file: f) }
        for f in files.reversed() { _ = Ingestor(store: b, extractor: rules).ingest(file: f) }
        #expect(try a.export().json() == b.export().json())

        let export = try a.export()
        let lca = try #require(export.entities.first { $0.id == "entity:lca" })
        #expect(lca.aliases.contains("LongCodeArena"))
        #expect(!export.entities.contains { $0.id == "entity:longcodearena" })
        #expect(export.edges.contains { $0.source == "arxiv:2501.00002" && $0.relation == "evaluates_on" && $0.target == "entity:lca" })
        let onLCA = try a.papers(PaperFilter(entity: "LongCodeArena", relation: .evaluates_on)).map(\.paper.label)
        #expect(onLCA.count == 2 && onLCA.contains("2501.00001") && onLCA.contains("2501.00002"))

        #expect(export.entities.contains { $0.id == "entity:xyznet" })
        #expect(export.edges.contains { $0.source == "arxiv:2501.00005" && $0.target == "entity:xyznet" })

        // Removing the digest that spelled the name out separates them again.
        try a.remove(key: "2025-W01")
        #expect(try a.export().entities.contains { $0.id == "entity:longcodearena" })
    }
}
