import Foundation
import PaperGraphFuzz
import Testing

@testable import PaperGraph

/// The fuzz targets' checks (`make fuzz`) on every input they ever failed on, kept in
/// Fixtures/fuzz/ (`digest-*` and `formats-*`), on our own digests, and the readers behind
/// them shown to reject what is broken.
@Suite(.serialized) struct FuzzTests {
    static func inputs(_ prefix: String) throws -> [URL] {
        let folder = URL(fileURLWithPath: TestPaths.fixture("fuzz"))
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix(prefix) }.sorted { $0.path < $1.path }
    }

    static func run(_ check: (UnsafeBufferPointer<UInt8>) throws -> Void, _ data: Data) throws {
        try [UInt8](data).withUnsafeBufferPointer { try check($0) }
    }

    @Test func everyDigestFindingAndOwnDigestPasses() throws {
        let own = try FileManager.default.contentsOfDirectory(atPath: TestPaths.fixture("")).filter { $0.hasSuffix(".md") }.map(TestPaths.fixture)
        #expect(own.count >= 8)
        for url in try Self.inputs("digest-") + (own + [TestPaths.example]).map(URL.init(fileURLWithPath:)) {
            #expect(throws: Never.self, "\(url.lastPathComponent)") { try Self.run(DigestFuzz.check, try Data(contentsOf: url)) }
        }
    }

    @Test func everyFormatsFindingAndTheHostileNamesPass() throws {
        let findings = try Self.inputs("formats-")
        #expect(findings.count >= 2)
        for url in findings {
            #expect(throws: Never.self, "\(url.lastPathComponent)") { try Self.run(FormatFuzz.check, try Data(contentsOf: url)) }
        }
        let hostile = [
            "<script>alert(1)</script>", "Q\"uo\\te", "]]|{}%", "=SUM(A1)", "\u{202E}RTL\u{200F}", "a\nb\rc", String(repeating: "x", count: 300), "\t",
            "https://e.org/a b{c}\"><img>", "\\N{", "}{",
        ]
        try Self.run(FormatFuzz.check, Data(hostile.joined(separator: "\0").utf8))
        // The fixture's names as an ingested digest, through every output.
        let store = try GraphStore()
        #expect(!Ingestor(store: store).ingest(file: TestPaths.fixture("hostile.md")).failed)
        try FormatFuzz.outputs(of: store)
    }

    @Test func theReadersRejectBrokenText() throws {
        #expect(try WellFormed.csv("a,b\r\n1,2\r\n", columns: 2, format: "t") == 2)
        #expect(throws: FuzzFinding.self) { try WellFormed.csv("a,b\r\n1,2,3\r\n", columns: 2, format: "t") }
        #expect(throws: FuzzFinding.self) { try WellFormed.csv("a,b\r\n=1,2\r\n", columns: 2, format: "t") }
        #expect(throws: FuzzFinding.self) { try WellFormed.csv("a,b\r\n\"1,2\r\n", columns: 2, format: "t") }
        #expect(try WellFormed.bibtex("%c\n\n@misc{k,\n  title = {{A} \\textbraceleft{}}\n}\n") == 1)
        #expect(throws: FuzzFinding.self) { try WellFormed.bibtex("@misc{k,\n  title = {\\{}\n}\n") }
        #expect(try WellFormed.xml("<a><b/><b/></a>", format: "t")["b"] == 2)
        #expect(throws: FuzzFinding.self) { try WellFormed.xml("<a><b></a>", format: "t") }
        #expect(throws: FuzzFinding.self) { try WellFormed.mermaid("flowchart TB\n  n0[\"a\"b\"]\n") }
        #expect(throws: FuzzFinding.self) { try WellFormed.frontMatter("---\ntitle: [\n---\n", path: "n.md") }
        // After a layout libgvc declares a node label default for later graphs; an empty label still reads back.
        _ = try GraphvizRenderer.shared.render("digraph { a -> b }", format: .svg)
        var empty = DotGraph()
        empty.nodes = [DotGraph.Node(key: "a", attributes: ["label": "", "shape": "box"])]
        try WellFormed.dot(empty)
        var graph = DotGraph()
        graph.nodes = [DotGraph.Node(key: "a", attributes: ["label": "x\" shape=box y=\"", "URL": "\\\"]; n9 [label=\"z"])]
        try WellFormed.dot(graph)
    }
}
