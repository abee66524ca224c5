import CGraphviz
import Foundation

/// Lays out and renders DOT with libgvc, in process.
///
/// The only file that imports `CGraphviz`. libgvc is not thread-safe, so every call
/// goes through one lock; every Graphviz object is freed with `defer` before returning.
public final class GraphvizRenderer: @unchecked Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case svg, png, pdf, dot

        /// The format an output path asks for, from its extension.
        public init?(path: String) {
            self.init(rawValue: (path as NSString).pathExtension.lowercased())
        }
    }

    public static let shared = GraphvizRenderer()
    private let lock = NSLock()

    public init() {}

    /// Lays out `dot` with the `dot` engine and renders it.
    ///
    /// - Returns: the rendered bytes; for `.dot`, the DOT text unchanged.
    /// - Throws: ``RenderError`` when Graphviz rejects the graph.
    public func render(_ dot: String, format: Format) throws -> Data {
        if format == .dot { return Data(dot.utf8) }
        lock.lock()
        defer { lock.unlock() }
        guard let context = gvContext() else { throw RenderError.layoutFailed("no Graphviz context") }
        defer { gvFreeContext(context) }
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw RenderError.layoutFailed("the DOT text did not parse")
        }
        defer { agclose(graph) }
        guard gvLayout(context, graph, "dot") == 0 else { throw RenderError.layoutFailed("gvLayout failed") }
        defer { gvFreeLayout(context, graph) }
        var buffer: UnsafeMutablePointer<CChar>? = nil
        var length: UInt32 = 0
        guard gvRenderData(context, graph, format.rawValue, &buffer, &length) == 0, let buffer else {
            throw RenderError.renderFailed(format: format.rawValue, reason: "gvRenderData failed")
        }
        defer { gvFreeRenderData(buffer) }
        return Data(bytes: buffer, count: Int(length))
    }

    /// What libcgraph reads back from DOT text: the graph's, clusters' and nodes' attributes
    /// and the edge count. It checks that no name changed the structure our writer meant.
    public struct ParsedDot: Sendable, Equatable {
        /// Per node (in libcgraph's order), its attributes that differ from the declared default.
        public var nodes: [[String: String]] = []
        /// Per subgraph, by name, its attributes that differ from the declared default.
        public var clusters: [String: [String: String]] = [:]
        /// The root graph's attributes that are not empty.
        public var graph: [String: String] = [:]
        public var edges: Int = 0
        /// Every node, edge and graph attribute name declared anywhere in the text.
        public var declared: Set<String> = []
        /// The default of each node and graph attribute (libgvc's layouts set some, such as
        /// a node's `label`, for every graph parsed after them).
        public var nodeDefaults: [String: String] = [:]
        public var graphDefaults: [String: String] = [:]
    }

    /// Parses `dot` with libcgraph (no layout).
    ///
    /// - Throws: ``RenderError`` when the text does not parse.
    public func parse(_ dot: String) throws -> ParsedDot {
        lock.lock()
        defer { lock.unlock() }
        guard let graph = dot.withCString({ agmemread($0) }) else { throw RenderError.layoutFailed("the DOT text did not parse") }
        defer { agclose(graph) }
        func symbols(_ kind: Int32) -> [(name: String, symbol: UnsafeMutablePointer<Agsym_t>)] {
            var out: [(String, UnsafeMutablePointer<Agsym_t>)] = []
            var symbol = agnxtattr(graph, kind, nil)
            while let s = symbol {
                out.append((String(cString: s.pointee.name), s))
                symbol = agnxtattr(graph, kind, s)
            }
            return out
        }
        func values(
            _ object: UnsafeMutableRawPointer, _ symbols: [(name: String, symbol: UnsafeMutablePointer<Agsym_t>)], root: Bool = false
        ) -> [String: String] {
            var out: [String: String] = [:]
            for (name, symbol) in symbols {
                let value = String(cString: agxget(object, symbol))
                if root ? !value.isEmpty : value != String(cString: symbol.pointee.defval) { out[name] = value }
            }
            return out
        }
        let nodeSymbols = symbols(Int32(AGNODE)), graphSymbols = symbols(Int32(AGRAPH))
        var parsed = ParsedDot()
        parsed.declared = Set((nodeSymbols + graphSymbols + symbols(Int32(AGEDGE))).map(\.name))
        for (name, symbol) in nodeSymbols { parsed.nodeDefaults[name] = String(cString: symbol.pointee.defval) }
        for (name, symbol) in graphSymbols { parsed.graphDefaults[name] = String(cString: symbol.pointee.defval) }
        parsed.graph = values(UnsafeMutableRawPointer(graph), graphSymbols, root: true)
        var node = agfstnode(graph)
        while let n = node {
            parsed.nodes.append(values(UnsafeMutableRawPointer(n), nodeSymbols))
            node = agnxtnode(graph, n)
        }
        var subgraph = agfstsubg(graph)
        while let s = subgraph {
            parsed.clusters[String(cString: agnameof(UnsafeMutableRawPointer(s)))] = values(UnsafeMutableRawPointer(s), graphSymbols)
            subgraph = agnxtsubg(s)
        }
        parsed.edges = Int(agnedges(graph))
        return parsed
    }
}
