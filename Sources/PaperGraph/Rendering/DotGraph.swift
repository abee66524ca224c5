/// A graph to be drawn, independent of Graphviz: nodes, edges, clusters and attributes.
///
/// ``DotWriter`` turns it into DOT text; ``GraphvizRenderer`` lays that out. Node ids
/// here are our own keys (paper and entity ids); the writer replaces them with
/// generated ids so no name ever has to be a DOT identifier.
public struct DotGraph: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        public var key: String
        public var attributes: [String: String]
        public init(key: String, attributes: [String: String]) {
            self.key = key
            self.attributes = attributes
        }
    }

    public struct Edge: Sendable, Equatable {
        public var from: String
        public var to: String
        public var attributes: [String: String]
        public init(from: String, to: String, attributes: [String: String] = [:]) {
            self.from = from
            self.to = to
            self.attributes = attributes
        }
    }

    public struct Cluster: Sendable, Equatable {
        public var key: String
        public var attributes: [String: String]
        public var nodes: [Node]
        public init(key: String, attributes: [String: String], nodes: [Node]) {
            self.key = key
            self.attributes = attributes
            self.nodes = nodes
        }
    }

    public var graphAttributes: [String: String] = [:]
    public var nodeDefaults: [String: String] = [:]
    public var edgeDefaults: [String: String] = [:]
    public var clusters: [Cluster] = []
    public var nodes: [Node] = []
    public var edges: [Edge] = []

    public init() {}

    /// Marks an HTML-like label. NUL cannot come from any text we read (cmark turns it into
    /// U+FFFD, YAML and the command line refuse it), so no name can forge the marker.
    static let htmlMarker = "\u{0}html:"

    /// An HTML-like label (Graphviz tables). `markup` must already be escaped: build it
    /// with ``escapeHTML(_:)`` for every piece of text.
    public static func html(_ markup: String) -> String { htmlMarker + markup }

    public static func escapeHTML(_ text: String) -> String { XMLText.escape(text) }

    public var nodeCount: Int { nodes.count + clusters.reduce(0) { $0 + $1.nodes.count } }
}
