import Foundation
import GRDB

/// What happened to one file of an ingest run.
public struct IngestResult: Sendable {
    public enum Status: Sendable {
        case ingested(WriteSummary)
        case unchanged
        /// Not a digest at all (see ``Digest/notADigest``): reported, nothing stored.
        case skipped(String)
        case failed(String)
    }

    public var path: String
    public var digestKey: String?
    public var status: Status
    public var diagnostics: [Diagnostic]

    public var failed: Bool {
        if case .failed = status { return true }
        return false
    }
}

/// Reads, extracts and stores digests: the ingest pipeline, one transaction per file.
///
/// Reading and extraction of several files run in parallel on the available cores; writes
/// stay in one writer, one transaction per digest, in the order the files were given.
public struct Ingestor: Sendable {
    public let store: GraphStore
    public let extractor: any Extractor
    public let reader: DigestReader
    /// The curator's decisions, applied to every digest after extraction.
    public let curation: Curation

    public init(store: GraphStore, extractor: any Extractor = RuleExtractor(), reader: DigestReader = DigestReader(), curation: Curation = .none) {
        self.store = store
        self.extractor = extractor
        self.reader = reader
        self.curation = curation
    }

    /// What each stored digest records as the version that read it: the extractor's, and the curation's.
    public var version: Int { curation.version(extractor: extractor.version) }

    /// A file read and extracted, ready to write (or already known to be unchanged or broken).
    enum Prepared: Sendable {
        case write(Digest, Extraction, hash: String)
        case done(IngestResult)
    }

    func prepare(_ path: String, force: Bool) -> Prepared {
        do {
            let (text, hash) = try DigestFiles.read(path)
            var digest = reader.read(text: text, path: path)
            // Stored absolute, so that curation can read the file again from any folder
            // (messages keep the path as given).
            digest.path = URL(fileURLWithPath: path).standardizedFileURL.path
            if let reason = digest.notADigest {
                let message = DigestError.notADigest(path: path, reason: reason).errorDescription!
                return .done(IngestResult(path: path, digestKey: nil, status: .skipped(message), diagnostics: []))
            }
            if !force, let stored = try store.storedVersion(key: digest.key, language: digest.language),
                stored.contentHash == hash, stored.extractorVersion == version
            {
                return .done(IngestResult(path: path, digestKey: digest.key, status: .unchanged, diagnostics: []))
            }
            let (curated, extraction) = curation.apply(digest, extractor.extract(digest))
            return .write(curated, extraction, hash: hash)
        } catch {
            return .done(failure(path, error))
        }
    }

    func commit(_ prepared: Prepared, path: String) -> IngestResult {
        switch prepared {
        case .done(let result):
            return result
        case .write(let digest, let extraction, let hash):
            do {
                let summary = try store.write(digest, extraction: extraction, contentHash: hash, extractorVersion: version)
                return IngestResult(path: path, digestKey: digest.key, status: .ingested(summary), diagnostics: digest.diagnostics)
            } catch {
                return failure(path, error)
            }
        }
    }

    func failure(_ path: String, _ error: any Error) -> IngestResult {
        let message =
            (error as? DatabaseError).map { "\(path): not stored in \(store.path) (the database is as it was): " + GraphStore.reason($0) }
            ?? (error as? LocalizedError)?.errorDescription ?? "\(path): \(error)"
        return IngestResult(path: path, digestKey: nil, status: .failed(message), diagnostics: [])
    }

    /// Ingests one file. Never throws: a failure is reported and leaves the database as it was.
    ///
    /// - Parameter force: re-ingest even when the file and the extractor are unchanged.
    public func ingest(file path: String, force: Bool = false) -> IngestResult {
        commit(prepare(path, force: force), path: path)
    }

    /// Ingests many files: workers read and extract the next few files while this thread
    /// writes the current ones in order, so memory stays bounded. `progress` sees each result.
    public func ingest(
        files: [String], force: Bool = false,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (Int, IngestResult) -> Void = { _, _ in }
    ) -> [IngestResult] {
        let size = max(1, workers) * 2
        let batches = stride(from: 0, to: files.count, by: size).map { Array(files[$0..<min(files.count, $0 + size)]) }
        func launch(_ batch: [String]) -> (DispatchGroup, Slots<Prepared>) {
            let group = DispatchGroup(), slots = Slots<Prepared>(count: batch.count)
            for (i, path) in batch.enumerated() {
                DispatchQueue.global().async(group: group) { slots.set(i, prepare(path, force: force)) }
            }
            return (group, slots)
        }
        var results: [IngestResult] = []
        results.reserveCapacity(files.count)
        var pending = batches.first.map(launch)
        for (index, batch) in batches.enumerated() {
            guard let (group, slots) = pending else { break }
            group.wait()
            // Extract the next batch while this one is written.
            pending = index + 1 < batches.count ? launch(batches[index + 1]) : nil
            for (i, path) in batch.enumerated() {
                let result = commit(slots.get(i), path: path)
                progress(results.count, result)
                results.append(result)
            }
        }
        return results
    }
}
