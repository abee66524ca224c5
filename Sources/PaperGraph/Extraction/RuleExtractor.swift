import Foundation

/// A rule-based extractor: gazetteer and name-shape candidates, kinds and relations from
/// context cues evaluated per sentence, and lineage from cues and from names.
///
/// Every edge carries the line and the sentence that supports it.
public struct RuleExtractor: Extractor {
    public let scanner: MentionScanner

    public init(gazetteer: Gazetteer = .standard) {
        scanner = MentionScanner(gazetteer: gazetteer)
    }

    public var version: Int { 6 }

    public func extract(_ digest: Digest) -> Extraction {
        var registry = EntityRegistry()
        var edges: [ExtractedEdge] = []
        var paperNames: [String: String] = [:]
        var proposedMain: [(entity: String, builds: [(String, Int, String)])] = []
        var descentSentences: [(Sentence, [Mention])] = []

        for entry in digest.entries {
            var reading = EntryReading(entry: entry, scanner: scanner)
            let paperID = entry.identity.key
            if let name = reading.paperName { paperNames[paperID] = name }
            let result = reading.relations(registry: &registry)
            for (relation, target, line, evidence) in result.edges {
                edges.append(ExtractedEdge(source: paperID, target: target, relation: relation, line: line, evidence: evidence))
            }
            if let main = result.mainEntity { proposedMain.append((main, result.buildsOn)) }
            for (sentence, mentions) in zip(reading.sentences, reading.mentionLists).dropFirst(2)
            where Lineage.statesDescent.occurs(in: sentence.text) {
                descentSentences.append((sentence, mentions))
            }
        }

        edges += Lineage(registry: registry, proposed: proposedMain, descentSentences: descentSentences).edges()
        // One edge per (source, relation, target): the first sentence is the evidence.
        var seen = Set<String>()
        edges = edges.filter { seen.insert("\($0.source)|\($0.relation)|\($0.target)").inserted }
        return Extraction(entities: registry.entities(), edges: edges, paperNames: paperNames)
    }
}

/// Entities of one digest, merged by normalised name, with kind votes and spellings.
struct EntityRegistry {
    struct Item {
        var name: String
        var known: EntityKind?
        var votes: [EntityKind: Int] = [:]
        var aliases: Set<String> = []
        var sentences: [(line: Int, text: String)] = []
    }

    private(set) var items: [String: Item] = [:]

    /// Registers a mention and returns its entity id.
    @discardableResult
    mutating func add(name: String, surface: String, known: EntityKind?, vote: EntityKind?, weight: Int = 1, line: Int, sentence: String) -> String {
        let id = EntityName.id(for: name)
        var item = items[id] ?? Item(name: name, known: known)
        if item.known == nil, let known { item.known = known; item.name = name }
        if let vote { item.votes[vote, default: 0] += weight }
        if surface != item.name { item.aliases.insert(surface) }
        if item.sentences.count < 12 { item.sentences.append((line, sentence)) }
        items[id] = item
        return id
    }

    mutating func addAlias(_ alias: String, to id: String) {
        guard var item = items[id], alias != item.name else { return }
        item.aliases.insert(alias)
        items[id] = item
    }

    func kind(of id: String) -> EntityKind {
        guard let item = items[id] else { return .method }
        if let known = item.known { return known }
        // Most votes wins; ties go to method, the most common kind.
        return EntityKind.allCases.max { a, b in
            let va = item.votes[a] ?? 0, vb = item.votes[b] ?? 0
            return va != vb ? va < vb : (a == .method ? false : b == .method ? true : a > b)
        } ?? .method
    }

    func entities() -> [ExtractedEntity] {
        items.keys.sorted().map { id in
            let item = items[id]!
            var entity = ExtractedEntity(name: item.name, kind: kind(of: id), aliases: item.aliases)
            entity.id = id
            return entity
        }
    }
}
