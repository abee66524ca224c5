import Foundation

/// Precision, recall and F1 of one comparison, micro-averaged over (paper, name) pairs.
public struct Score: Codable, Sendable, Equatable {
    public var truePositives: Int
    public var falsePositives: Int
    public var falseNegatives: Int

    public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    enum CodingKeys: String, CodingKey { case truePositives = "tp", falsePositives = "fp", falseNegatives = "fn", precision, recall, f1 }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(truePositives, forKey: .truePositives)
        try c.encode(falsePositives, forKey: .falsePositives)
        try c.encode(falseNegatives, forKey: .falseNegatives)
        try c.encode((precision * 1000).rounded() / 1000, forKey: .precision)
        try c.encode((recall * 1000).rounded() / 1000, forKey: .recall)
        try c.encode((f1 * 1000).rounded() / 1000, forKey: .f1)
    }

    public init(truePositives: Int, falsePositives: Int, falseNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        truePositives = try c.decode(Int.self, forKey: .truePositives)
        falsePositives = try c.decode(Int.self, forKey: .falsePositives)
        falseNegatives = try c.decode(Int.self, forKey: .falseNegatives)
    }
}

/// One miss or extra, for `--details`.
public struct EvaluationDifference: Codable, Sendable, Equatable {
    public var measure: String
    public var kind: String  // "miss" or "extra"
    public var paper: String
    public var name: String
    public var evidence: String?
}

/// What `papergraph eval` reports against one gold file.
public struct EvaluationReport: Codable, Sendable {
    public var gold: String
    public var digest: String
    public var papers: Score
    /// proposes, builds_on, uses, compares_with, evaluates_on, mentions, reports (metrics).
    public var relations: [String: Score]
    /// The union of a paper's six entity relations (metrics apart).
    public var entities: Score
    public var metrics: Score
    /// Matched entities whose stored kind equals the gold kind.
    public var kindAccuracy: Double
    public var kindChecked: Int
    public var lineage: Score
    public var nameAccuracy: Double
    public var namesChecked: Int
    public var differences: [EvaluationDifference]

    /// A table for people: one measure a line.
    public var text: String {
        func row(_ label: String, _ s: Score) -> String {
            label.padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(
                    format: "P %.3f  R %.3f  F1 %.3f   (tp %d, fp %d, fn %d)", s.precision, s.recall, s.f1,
                    s.truePositives, s.falsePositives, s.falseNegatives)
        }
        var lines = ["\(gold) (\(digest))", row("papers", papers), row("entities", entities)]
        for relation in ["proposes", "builds_on", "uses", "compares_with", "evaluates_on", "mentions"] {
            if let s = relations[relation] { lines.append(row(relation, s)) }
        }
        lines.append(row("metrics", metrics))
        lines.append(row("lineage", lineage))
        lines.append(String(format: "kind accuracy   %.3f (%d entities)", kindAccuracy, kindChecked))
        lines.append(String(format: "name accuracy   %.3f (%d papers)", nameAccuracy, namesChecked))
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Compares what the store holds for one digest with a gold annotation (annotation guide's rules).
public struct Evaluator: Sendable {
    public let store: GraphStore

    public init(store: GraphStore) { self.store = store }

    static let entityRelations: [Relation] = [.proposes, .builds_on, .uses, .compares_with, .evaluates_on, .mentions]

    public func evaluate(_ gold: GoldFile, goldPath: String) throws -> EvaluationReport {
        let key = gold.digest ?? ""
        let storedDigest = try store.storedDigest(key: key)
        // Gold names: every spelling of a gold entity points to its canonical name.
        var goldName: [String: String] = [:]
        var goldKind: [String: String] = [:]
        for entity in gold.entities {
            goldKind[entity.name] = entity.kind
            for spelling in [entity.name] + (entity.aliases ?? []) { goldName[EntityName.normalise(spelling)] = entity.name }
        }
        for paper in gold.papers {
            for r in Relation.allCases { for n in paper.names(r) where goldName[EntityName.normalise(n)] == nil { goldName[EntityName.normalise(n)] = n } }
        }
        for l in gold.lineage ?? [] { for n in [l.child, l.parent] where goldName[EntityName.normalise(n)] == nil { goldName[EntityName.normalise(n)] = n } }

        // Stored papers of this digest, and their edges with every spelling of each entity.
        let stored = storedDigest.appearances
        let entityNames = storedDigest.entities
        /// The gold name a stored entity matches, else its own name marked as extra.
        func resolve(_ entityID: String) -> (name: String, matched: Bool) {
            guard let entity = entityNames[entityID] else { return (entityID, false) }
            for spelling in entity.spellings { if let g = goldName[EntityName.normalise(spelling)] { return (g, true) } }
            return (entity.name, false)
        }

        // Match gold papers to stored ones: arXiv id, else normalised title, else normalised URL.
        var paperMap: [Int: String] = [:]
        var used = Set<String>()
        for (i, paper) in gold.papers.enumerated() {
            let match =
                stored.first { row in
                    let id = row.paperID
                    guard !used.contains(id) else { return false }
                    if let arxiv = paper.arxiv { return id == "arxiv:\(arxiv)" }
                    return false
                } ?? stored.first { row in
                    !used.contains(row.paperID) && PaperIdentity.normalise(title: row.title) == PaperIdentity.normalise(title: paper.title)
                }
                ?? stored.first { row in
                    guard let url = paper.url, let stored = row.url else { return false }
                    return !used.contains(row.paperID) && PaperIdentity.normalise(url: url) == PaperIdentity.normalise(url: stored)
                }
            if let match { paperMap[i] = match.paperID; used.insert(match.paperID) }
        }
        let extraPapers = (gold.partial ?? false) ? [] : stored.filter { !used.contains($0.paperID) }
        var differences: [EvaluationDifference] = []
        for (i, paper) in gold.papers.enumerated() where paperMap[i] == nil {
            differences.append(EvaluationDifference(measure: "papers", kind: "miss", paper: paper.arxiv ?? paper.title, name: paper.title, evidence: nil))
        }
        for row in extraPapers {
            differences.append(EvaluationDifference(measure: "papers", kind: "extra", paper: row.paperID, name: row.title, evidence: nil))
        }
        let papers = Score(truePositives: paperMap.count, falsePositives: extraPapers.count, falseNegatives: gold.papers.count - paperMap.count)

        // Predicted pairs per relation, only for papers the gold file covers.
        let edges = storedDigest.edges
        // A partial gold file covers the entries up to the first one it does not annotate.
        var coveredUntil = Int.max
        if gold.partial ?? false, let lastMatched = stored.lastIndex(where: { used.contains($0.paperID) }),
            lastMatched + 1 < stored.count
        {
            coveredUntil = stored[lastMatched + 1].line
        }
        var predicted: [Relation: [String: [String: String]]] = [:]  // relation -> paper -> name -> evidence
        var lineagePredicted: [String: String] = [:]
        var kindSeen: [String: String] = [:]
        let covered = Set(paperMap.values)
        let goldIndex = Dictionary(uniqueKeysWithValues: paperMap.map { ($1, $0) })
        for edge in edges {
            let relation = edge.relation
            if relation == .derived_from {
                guard edge.line < coveredUntil else { continue }
                let child = resolve(edge.source), parent = resolve(edge.target)
                lineagePredicted["\(child.name) ← \(parent.name)"] = edge.evidence
                continue
            }
            let source = edge.source
            guard covered.contains(source) else { continue }
            let target = resolve(edge.target)
            if target.matched, let kind = entityNames[edge.target]?.kind { kindSeen[target.name] = kind }
            let label = gold.papers[goldIndex[source]!].arxiv ?? gold.papers[goldIndex[source]!].title
            predicted[relation, default: [:]][label, default: [:]][target.name] = edge.evidence
        }

        func compare(_ measure: String, gold goldPairs: [String: Set<String>], predicted predictedPairs: [String: [String: String]]) -> Score {
            var score = Score(truePositives: 0, falsePositives: 0, falseNegatives: 0)
            for paper in Set(goldPairs.keys).union(predictedPairs.keys).sorted() {
                let expected = Set((goldPairs[paper] ?? []).map { goldName[EntityName.normalise($0)] ?? $0 })
                let found = predictedPairs[paper] ?? [:]
                for name in expected.sorted() {
                    if found[name] != nil {
                        score.truePositives += 1
                    } else {
                        score.falseNegatives += 1
                        differences.append(EvaluationDifference(measure: measure, kind: "miss", paper: paper, name: name, evidence: nil))
                    }
                }
                for (name, evidence) in found.sorted(by: { $0.key < $1.key }) where !expected.contains(name) {
                    score.falsePositives += 1
                    differences.append(EvaluationDifference(measure: measure, kind: "extra", paper: paper, name: name, evidence: evidence))
                }
            }
            return score
        }

        var relations: [String: Score] = [:]
        var unionGold: [String: Set<String>] = [:], unionPredicted: [String: [String: String]] = [:]
        for relation in Self.entityRelations + [.reports] {
            var goldPairs: [String: Set<String>] = [:]
            for paper in gold.papers {
                let label = paper.arxiv ?? paper.title
                goldPairs[label, default: []].formUnion(paper.names(relation))
                if relation != .reports { unionGold[label, default: []].formUnion(paper.names(relation)) }
            }
            let found = predicted[relation] ?? [:]
            if relation != .reports { for (paper, names) in found { unionPredicted[paper, default: [:]].merge(names) { a, _ in a } } }
            relations[relation == .reports ? "metrics" : relation.rawValue] = compare(relation.rawValue, gold: goldPairs, predicted: found)
        }
        let entities = compare("entities", gold: unionGold, predicted: unionPredicted)

        var kindRight = 0
        for (name, kind) in kindSeen where goldKind[name] == kind { kindRight += 1 }
        for (name, kind) in kindSeen.sorted(by: { $0.key < $1.key }) where goldKind[name] != nil && goldKind[name] != kind {
            differences.append(
                EvaluationDifference(measure: "kind", kind: "wrong", paper: "-", name: name, evidence: "stored \(kind), gold \(goldKind[name]!)"))
        }
        let kindChecked = kindSeen.keys.filter { goldKind[$0] != nil }.count

        var goldLineage: [String: Set<String>] = ["": []]
        for l in gold.lineage ?? [] {
            goldLineage[""]!.insert("\(goldName[EntityName.normalise(l.child)] ?? l.child) ← \(goldName[EntityName.normalise(l.parent)] ?? l.parent)")
        }
        let lineage = compare("lineage", gold: goldLineage, predicted: ["": lineagePredicted])

        var namesRight = 0
        for (i, paper) in gold.papers.enumerated() {
            guard let id = paperMap[i], let row = stored.first(where: { $0.paperID == id }) else { continue }
            let name = row.name
            if name.map(EntityName.normalise) == paper.name.map(EntityName.normalise) {
                namesRight += 1
            } else {
                differences.append(
                    EvaluationDifference(
                        measure: "name", kind: "wrong", paper: paper.arxiv ?? paper.title, name: name ?? "null", evidence: "gold \(paper.name ?? "null")"))
            }
        }

        return EvaluationReport(
            gold: goldPath, digest: key, papers: papers, relations: relations, entities: entities,
            metrics: relations["metrics"]!, kindAccuracy: kindChecked == 0 ? 1 : Double(kindRight) / Double(kindChecked),
            kindChecked: kindChecked, lineage: lineage,
            nameAccuracy: paperMap.isEmpty ? 0 : Double(namesRight) / Double(paperMap.count), namesChecked: paperMap.count,
            differences: differences)
    }
}

extension EvaluationReport {
    /// Measures in the order the summary table shows them.
    static let summaryMeasures = ["entities", "proposes", "builds_on", "uses", "compares_with", "evaluates_on", "mentions", "metrics", "lineage"]

    func score(_ measure: String) -> Score {
        switch measure {
        case "entities": return entities
        case "metrics": return metrics
        case "lineage": return lineage
        case "papers": return papers
        default: return relations[measure] ?? Score(truePositives: 0, falsePositives: 0, falseNegatives: 0)
        }
    }

    /// One row per report (week), F1 per measure plus kind and name accuracy.
    public static func summaryTable(_ reports: [EvaluationReport]) -> String {
        let header = ["week", "papers"] + summaryMeasures + ["kind", "name"]
        var rows: [[String]] = [header]
        for report in reports {
            var row = [report.gold == "pooled" ? "pooled" : report.digest, String(format: "%.3f", report.papers.f1)]
            row += summaryMeasures.map { String(format: "%.3f", report.score($0).f1) }
            row += [String(format: "%.3f", report.kindAccuracy), String(format: "%.3f", report.nameAccuracy)]
            rows.append(row)
        }
        let widths = header.indices.map { i in rows.map { $0[i].count }.max()! }
        return rows.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }
}
