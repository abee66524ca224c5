import Foundation

/// A hand annotation of one digest, in the format of the annotation guide (shared/gold/ANNOTATION.md).
public struct GoldFile: Codable, Sendable {
    public struct Entity: Codable, Sendable {
        public var name: String
        public var kind: String
        public var aliases: [String]?
    }

    public struct Paper: Codable, Sendable {
        public var arxiv: String?
        public var version: Int?
        public var url: String?
        public var topic: String?
        public var name: String?
        public var title: String
        public var proposes: [String]?
        public var builds_on: [String]?
        public var uses: [String]?
        public var compares_with: [String]?
        public var evaluates_on: [String]?
        public var mentions: [String]?
        public var metrics: [String]?
        public var evidence: [String: String]?

        /// The names this paper lists under a relation (`reports` reads `metrics`).
        public func names(_ relation: Relation) -> [String] {
            switch relation {
            case .proposes: return proposes ?? []
            case .builds_on: return builds_on ?? []
            case .uses: return uses ?? []
            case .compares_with: return compares_with ?? []
            case .evaluates_on: return evaluates_on ?? []
            case .mentions: return mentions ?? []
            case .reports: return metrics ?? []
            case .derived_from: return []
            }
        }
    }

    public struct Lineage: Codable, Sendable {
        public var child: String
        public var parent: String
        public var evidence: String?
    }

    public var digest: String?
    public var file: String?
    public var partial: Bool?
    public var entities: [Entity]
    public var papers: [Paper]
    public var lineage: [Lineage]?

    public static func load(_ path: String) throws -> GoldFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw DigestError.missingFile(path) }
        do {
            return try JSONDecoder().decode(GoldFile.self, from: data)
        } catch {
            throw DigestError.unreadable(path: path, reason: "not a gold file in the annotation format: \(error)")
        }
    }
}
