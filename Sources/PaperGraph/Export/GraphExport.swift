import Foundation

/// The whole graph as JSON: papers, entities with aliases, and edges with provenance.
///
/// Sorted throughout and free of database row ids, so the same digests give the same
/// bytes whatever order they were ingested in.
public struct GraphExport: Codable, Sendable {
    public struct Paper: Codable, Sendable {
        public var id: String
        public var arxiv: String?
        public var version: Int?
        public var versions: [Int]
        public var url: String?
        public var title: String
        public var heading: String?
        public var name: String?
        public var topic: String?
        public var topics: [String]
        public var digests: [String]
        public var month: String?

        /// Writes absent values as `null`: consumers see every field of the contract.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(arxiv, forKey: .arxiv)
            try c.encode(version, forKey: .version)
            try c.encode(versions, forKey: .versions)
            try c.encode(url, forKey: .url)
            try c.encode(title, forKey: .title)
            try c.encode(heading, forKey: .heading)
            try c.encode(name, forKey: .name)
            try c.encode(topic, forKey: .topic)
            try c.encode(topics, forKey: .topics)
            try c.encode(digests, forKey: .digests)
            try c.encode(month, forKey: .month)
        }
    }

    public struct Entity: Codable, Sendable {
        public var id: String
        public var name: String
        public var kind: String
        public var aliases: [String]
    }

    public struct Edge: Codable, Sendable {
        public var source: String
        public var target: String
        public var relation: String
        public var digest: String
        public var language: String
        public var line: Int
        public var evidence: String
    }

    public var papers: [Paper]
    public var entities: [Entity]
    public var edges: [Edge]

    public init(papers: [Paper], entities: [Entity], edges: [Edge]) {
        self.papers = papers
        self.entities = entities
        self.edges = edges
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The document in one string, encoded whole (small graphs and tests; the streaming
    /// writer gives the same bytes).
    public func json() throws -> String {
        String(decoding: try Self.encoder().encode(self), as: UTF8.self) + "\n"
    }

    /// Streams the store's graph as JSON to `write`, one record at a time: memory does not
    /// grow with the graph. Same bytes as ``json()`` of the collected document.
    public static func stream(_ store: GraphStore, to write: (String) throws -> Void) throws {
        let encoder = encoder()
        var count = 0
        func item(_ value: some Encodable) throws {
            // Nested two levels deep: the encoder's own indentation, shifted by four spaces.
            let text = String(decoding: try encoder.encode(value), as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
            try write((count == 0 ? "" : ",\n") + text)
            count += 1
        }
        // Keys in the order the encoder sorts them: edges, entities, papers.
        try write("{\n  \"edges\" : [\n")
        try store.exportGraph(
            edges: { try item($0) },
            entities: { try item($0.entity) },
            papers: { try item($0) },
            sectionEnded: { section in
                count = 0
                switch section {
                case .edges: try write("\n  ],\n  \"entities\" : [\n")
                case .entities: try write("\n  ],\n  \"papers\" : [\n")
                case .papers: try write("\n  ]\n}\n")
                }
            })
    }
}

extension GraphStore {
    /// The whole graph as one value (small graphs and tests).
    public func export() throws -> GraphExport {
        var out = GraphExport(papers: [], entities: [], edges: [])
        try exportGraph(
            edges: { out.edges.append($0) }, entities: { out.entities.append($0.entity) },
            papers: { out.papers.append($0) }, sectionEnded: { _ in })
        return out
    }
}

/// The three parts of an export, in the order a format wants them.
public enum ExportSection: Sendable, Equatable { case edges, entities, papers }

/// An entity as the export formats describe it: the JSON record, how many papers link to
/// it, and the first week an edge to it was read (for time in GEXF).
public struct ExportEntity: Sendable {
    public var entity: GraphExport.Entity
    public var papers: Int
    public var firstDigest: String?
}
