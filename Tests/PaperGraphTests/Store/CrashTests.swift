import Foundation
import Testing

@testable import PaperGraph

/// Ingest of the whole corpus killed with SIGKILL at random moments, again and again: after
/// every kill the file is sound, every digest in it is whole, and finishing the ingest gives
/// the graph a clean ingest gives. `make test` kills a few times; `make crash-test` 50 times
/// (PAPERGRAPH_CRASH_KILLS).
@Suite struct CrashTests {
    static var kills: Int { Int(ProcessInfo.processInfo.environment["PAPERGRAPH_CRASH_KILLS"] ?? "") ?? 3 }

    /// Starts `papergraph ingest` and kills it after `seconds`; whether it was still running.
    static func ingestKilled(after seconds: Double, db: String, force: Bool) throws -> Bool {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["ingest", "-q", "--db", db] + (force ? ["--force"] : []) + [TestPaths.corpus.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        let running = process.isRunning
        if running { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return running
    }

    @Test(.enabled(if: TestPaths.hasWeek49 && CommandLineTests.hasBinary)) func killedIngestsLeaveWholeDigestsAndConverge() throws {
        let reference = try TestCorpus.store.get()
        let whole = Dictionary(try reference.digests().map { ("\($0.key)/\($0.language)", $0) }, uniquingKeysWith: { a, _ in a })
        let folder = try TestPaths.temporaryFolder()
        let db = folder.appendingPathComponent("killed.sqlite").path
        var generator = SystemRandomNumberGenerator()
        var killed = 0, present: [Int] = []
        for round in 0..<Self.kills {
            // Every other run re-ingests everything, so kills land in replacing digests too; so
            // does every run once all digests are in (a plain one would have nothing to do).
            let moment = Double.random(in: 0.2...4.0, using: &generator)
            let force = round % 2 == 1 || present.last == whole.count
            if try Self.ingestKilled(after: moment, db: db, force: force) { killed += 1 }
            // Killed before it created the file: nothing to check.
            guard FileManager.default.fileExists(atPath: db) else { continue }
            let store = try GraphStore(path: db, create: false)
            #expect(try store.integrityProblems() == [], "after kill \(round + 1) at \(moment) s")
            let digests = try store.digests()
            for digest in digests {
                let clean = whole["\(digest.key)/\(digest.language)"]
                #expect(clean?.papers == digest.papers && clean?.edges == digest.edges, "\(digest.key) is not whole after kill \(round + 1)")
            }
            present.append(digests.count)
        }
        #expect(killed > 0, "no run was still going when its kill came")
        #expect(try Self.ingestKilled(after: 600, db: db, force: false) == false)
        let finished = try GraphStore(path: db, create: false)
        #expect(try finished.integrityProblems() == [])
        #expect(try finished.export().json() == reference.export().json())
        print("crash test: \(killed) of \(Self.kills) runs killed mid-ingest; digests present after each: \(present)")
    }
}
