import Foundation
import Testing

@testable import PaperGraph

@Suite struct DotWriterTests {
    static let hostile = ["a\"b", "back\\slash\\", "two\nlines", "} ; -> digraph", "<b>&amp;</b>", "中文“引号”", "tab\there", ""]

    func graph() -> DotGraph {
        var graph = DotGraph()
        graph.graphAttributes = ["label": "title \"quoted\"", "rankdir": "TB"]
        for (i, name) in Self.hostile.enumerated() {
            graph.nodes.append(DotGraph.Node(key: name, attributes: ["label": name, "tooltip": name, "z": "1", "a": "\(i)"]))
        }
        graph.edges.append(DotGraph.Edge(from: Self.hostile[0], to: Self.hostile[1], attributes: ["label": "x\\"]))
        return graph
    }

    @Test func escapesQuotesBackslashesAndNewlines() {
        #expect(DotWriter.quote("a\"b") == #""a\"b""#)
        #expect(DotWriter.quote("back\\slash\\") == #""back\\slash\\""#)
        #expect(DotWriter.quote("two\nlines") == #""two\nlines""#)
        #expect(DotWriter.quote("tab\there") == #""tabhere""#)
        #expect(DotWriter.quote("R&D &amp;") == #""R&amp;D &amp;amp;""#)
    }

    @Test func usesGeneratedIDsAndSortedAttributes() {
        let dot = DotWriter.write(graph())
        #expect(dot.contains(#"  n0 [a="0", label="a\"b", tooltip="a\"b", z="1"];"#))
        #expect(dot.contains(#"  n0 -> n1 [label="x\\"];"#))
        #expect(!dot.contains("} ; -> digraph ["))
        #expect(DotWriter.write(graph()) == dot)
    }

    @Test func graphvizAcceptsHostileNamesAndKeepsThemAsText() throws {
        let svg = String(decoding: try GraphvizRenderer.shared.render(DotWriter.write(graph()), format: .svg), as: UTF8.self)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("a&quot;b"))
        #expect(svg.contains("&lt;b&gt;&amp;amp;&lt;/b&gt;"))
        #expect(svg.contains("} ; &#45;&gt; digraph") || svg.contains("} ; -&gt; digraph"))
        #expect(svg.contains("中文“引号”"))
    }
}

@Suite struct GraphvizRendererTests {
    let dot = DotWriter.write(
        {
            var g = DotGraph()
            g.nodes = [
                DotGraph.Node(key: "a", attributes: ["label": "场景重建", "URL": "https://arxiv.org/abs/2512.03939", "tooltip": "MUT3R title"]),
                DotGraph.Node(key: "b", attributes: ["label": "B"]),
            ]
            g.edges = [DotGraph.Edge(from: "a", to: "b")]
            return g
        }())

    @Test func rendersSVGWithLinksPNGAndPDF() throws {
        let svg = String(decoding: try GraphvizRenderer.shared.render(dot, format: .svg), as: UTF8.self)
        #expect(svg.contains("xlink:href=\"https://arxiv.org/abs/2512.03939\""))
        #expect(svg.contains("xlink:title=\"MUT3R title\""))
        let png = try GraphvizRenderer.shared.render(dot, format: .png)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let pdf = try GraphvizRenderer.shared.render(dot, format: .pdf)
        #expect(pdf.starts(with: Data("%PDF".utf8)))
        #expect(try GraphvizRenderer.shared.render(dot, format: .dot) == Data(dot.utf8))
    }

    @Test func rejectsBrokenDOT() {
        #expect(throws: RenderError.self) { try GraphvizRenderer.shared.render("digraph { a -> ", format: .svg) }
    }

    @Test func picksTheFormatFromTheExtension() {
        #expect(GraphvizRenderer.Format(path: "maps/out.PNG") == .png)
        #expect(GraphvizRenderer.Format(path: "x.svg") == .svg)
        #expect(GraphvizRenderer.Format(path: "x.txt") == nil)
    }

    @Test func wrapsLongTitlesAndCJK() {
        #expect(
            MapStyle.wrap("Fin3R Fine-tuning Feed-forward 3D Reconstruction Models", width: 20, lines: 2)
                == "Fin3R Fine-tuning\nFeed-forward 3D…")
        #expect(MapStyle.wrap("通过单目知识蒸馏对前馈三维重建模型进行高效微调", width: 10, lines: 2) == "通过单目知\n识蒸馏对前…")
        #expect(MapStyle.wrap("Short", width: 20, lines: 2) == "Short")
    }
}
