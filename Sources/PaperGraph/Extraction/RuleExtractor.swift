/// Rule-based extractor (filled in by the extraction work).
public struct RuleExtractor: Extractor {
    public init() {}
    public var version: Int { 1 }
    public func extract(_ digest: Digest) -> Extraction { Extraction() }
}
