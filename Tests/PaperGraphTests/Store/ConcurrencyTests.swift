import Foundation
import Testing

@testable import PaperGraph

/// Two processes' worth of writers on one database file, and readers during a write.
@Suite struct ConcurrencyTests {
    /// Our own digests, split in two groups that share entities (VGGT, DUSt3R, ScanNet …).
    static func groups(in folder: URL) throws -> ([String], [String]) {
        let a = [TestPaths.example, TestPaths.fixture("relations.md"), TestPaths.fixture("names.md")]
        var b = [TestPaths.fixture("english.md"), TestPaths.fixture("bullets.md"), TestPaths.fixture("nested-section.md")]
        for week in 1...4 {
            b.append(try TestPaths.oneEntryDigest(in: folder, week: week, id: "2601.0000\(week)", "本文提出 Net\(week)，基于 VGGT 构建，与 DUSt3R 对比，在 ScanNet 上评估。"))
        }
        return (a, b)
    }

    @Test func twoIngestsAtOnceEqualOneAfterTheOther() throws {
        let folder = try TestPaths.temporaryFolder()
        let (a, b) = try Self.groups(in: folder)
        let shared = folder.appendingPathComponent("shared.sqlite").path
        // Two stores on one file: two connections pools, as two `papergraph ingest` would open.
        let first = try GraphStore(path: shared, create: true), second = try GraphStore(path: shared, create: true)
        let results = Slots<[IngestResult]>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            results.set(i, Ingestor(store: i == 0 ? first : second).ingest(files: i == 0 ? a : b))
        }
        for result in results.values().joined() { #expect(!result.failed, "\(result.path): \(result.status)") }

        let sequential = try GraphStore(path: folder.appendingPathComponent("sequential.sqlite").path, create: true)
        _ = Ingestor(store: sequential).ingest(files: a + b)
        #expect(try first.export().json() == sequential.export().json())
        #expect(try first.stats().digests == a.count + b.count)
    }

    /// Runs `read` again and again while `writer` ingests `files` on another thread (at least
    /// `minimum` times); returns how many times it ran.
    static func reading(
        while writer: GraphStore, ingests files: [String], force: Bool = false, minimum: Int = 0, _ read: () throws -> Void
    ) rethrows -> Int {
        let done = DispatchSemaphore(value: 0)
        // A thread of its own: the ingest waits for its extraction on the global queue, which
        // on 2 cores has no thread to spare when two such tests hold one each.
        Thread {
            _ = Ingestor(store: writer).ingest(files: files, force: force)
            done.signal()
        }.start()
        var rounds = 0
        while done.wait(timeout: .now()) == .timedOut || rounds < minimum {
            try read()
            rounds += 1
        }
        return rounds
    }

    /// A database file with a writer and a reader on it, and our two groups of digests.
    static func sharedFile() throws -> (writer: GraphStore, reader: GraphStore, a: [String], b: [String]) {
        let folder = try TestPaths.temporaryFolder()
        let (a, b) = try groups(in: folder)
        let path = folder.appendingPathComponent("g.sqlite").path
        return (try GraphStore(path: path, create: true), try GraphStore(path: path, create: false), a, b)
    }

    @Test func readsDuringAnIngestSeeWholeDigests() throws {
        let (writer, reader, a, b) = try Self.sharedFile()
        var last = 0
        let reads = try Self.reading(while: writer, ingests: a + b) {
            // Papers first: every digest they were read from is complete, so it is listed after.
            let papers = try reader.papers()
            let digests = try reader.digests()
            #expect(digests.count >= last)
            #expect(Set(papers.flatMap(\.digests)).isSubset(of: Set(digests.map(\.key))))
            last = digests.count
        }
        #expect(reads > 0)
        #expect(try reader.digests().count == a.count + b.count)
    }

    @Test func mapsAndExportsDuringAnIngestAreWhole() throws {
        let (writer, reader, a, b) = try Self.sharedFile()
        _ = Ingestor(store: writer).ingest(files: [a[0]])
        let rounds = try Self.reading(while: writer, ingests: a + b, force: true, minimum: 1) {
            // An export is one snapshot: every edge joins a paper or entity of the same export.
            let graph = try reader.export()
            let nodes = Set(graph.papers.map(\.id) + graph.entities.map(\.id))
            #expect(graph.edges.allSatisfy { nodes.contains($0.source) && nodes.contains($0.target) })
            // A map draws every node its edges reach.
            let builder = MapBuilder(store: reader)
            for map in [try builder.lineage(), try builder.topics(TopicMapOptions(minPapers: 1))] {
                let declared = Set(map.graph.nodes.map(\.key) + map.graph.clusters.flatMap(\.nodes).map(\.key))
                #expect(map.graph.edges.allSatisfy { declared.contains($0.from) && declared.contains($0.to) })
            }
        }
        #expect(rounds > 0)
        #expect(try reader.export().json() == writer.export().json())
    }
}
