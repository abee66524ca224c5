import Foundation

/// What happened to one file of an ingest run.
public struct IngestResult: Sendable {
    public enum Status: Sendable {
        case ingested(WriteSummary)
        case unchanged
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
public struct Ingestor: Sendable {
    public let store: GraphStore
    public let extractor: any Extractor
    public let reader: DigestReader

    public init(store: GraphStore, extractor: any Extractor = RuleExtractor(), reader: DigestReader = DigestReader()) {
        self.store = store
        self.extractor = extractor
        self.reader = reader
    }

    /// Ingests one file. Never throws: a failure is reported and leaves the database as it was.
    ///
    /// - Parameter force: re-ingest even when the file and the extractor are unchanged.
    public func ingest(file path: String, force: Bool = false) -> IngestResult {
        do {
            let (text, hash) = try DigestFiles.read(path)
            let digest = reader.read(text: text, path: path)
            if !force, let stored = try store.digest(key: digest.key, language: digest.language),
               stored.contentHash == hash, stored.extractorVersion == extractor.version {
                return IngestResult(path: path, digestKey: digest.key, status: .unchanged, diagnostics: [])
            }
            let extraction = extractor.extract(digest)
            let summary = try store.write(digest, extraction: extraction, contentHash: hash,
                                          extractorVersion: extractor.version)
            return IngestResult(path: path, digestKey: digest.key, status: .ingested(summary),
                                diagnostics: digest.diagnostics)
        } catch {
            let message = (error as? LocalizedError)?.errorDescription ?? "\(path): \(error)"
            return IngestResult(path: path, digestKey: nil, status: .failed(message), diagnostics: [])
        }
    }
}
