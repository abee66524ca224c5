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
}
