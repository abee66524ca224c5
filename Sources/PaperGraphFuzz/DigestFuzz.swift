import Foundation
import PaperGraph

/// The digest target: arbitrary bytes through the reader, the extractor, curation and the
/// store's write, checking what comes out points back into the input.
public enum DigestFuzz {
    nonisolated(unsafe) static var store: GraphStore? = nil
    static let extractor = RuleExtractor()

    /// Checks one input; throws what it found wrong.
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }  // the reader refuses it with a line number
        let path = "2025-w07.zh-CN.md"
        let digest = DigestReader().read(text: text, path: path)
        let lines = text.reduce(into: 1) { n, c in if c.isNewline { n += 1 } }
        for entry in digest.entries {
            try verify((1...lines).contains(entry.line), "digest", "entry line \(entry.line) outside 1…\(lines)")
        }
        for diagnostic in digest.diagnostics {
            try verify(diagnostic.line == nil || (1...lines).contains(diagnostic.line!), "digest", "diagnostic line outside the input")
        }
        if digest.notADigest != nil { return }
        let extraction = extractor.extract(digest)
        let ids = Set(extraction.entities.map(\.id))
        for edge in extraction.edges {
            try verify((1...lines).contains(edge.line), "extraction", "edge line \(edge.line) outside 1…\(lines)")
            try verify(ids.contains(edge.target), "extraction", "edge to \(edge.target), which is not an extracted entity")
            try verify(!edge.evidence.isEmpty, "extraction", "edge \(edge.relation) to \(edge.target) without evidence")
        }
        if store == nil { store = try GraphStore() }
        guard let store else { return }
        _ = try store.write(digest, extraction: extraction, contentHash: "fuzz", extractorVersion: 1)
        let stored = try store.export()
        try verify(stored.papers.count <= digest.entries.count, "store", "\(stored.papers.count) papers from \(digest.entries.count) entries")
        _ = try store.remove(key: digest.key, language: digest.language)
        try verify(try store.export().papers.isEmpty, "store", "remove left papers behind")
    }
}
