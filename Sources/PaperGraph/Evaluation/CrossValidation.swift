import Foundation

/// One annotated week: its gold file and the digest it annotates, read once.
public struct GoldWeek: Sendable {
    public var goldPath: String
    public var gold: GoldFile
    public var digest: Digest
    public var contentHash: String

    /// Loads every `*.json` gold file of a folder with the digest it names (its `file`, in `corpus`).
    ///
    /// - Throws: ``DigestError`` naming the gold file or digest that cannot be read.
    public static func loadAll(goldFolder: String, corpus: String) throws -> [GoldWeek] {
        let names = try FileManager.default.contentsOfDirectory(atPath: goldFolder).filter { $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else { throw DigestError.unreadable(path: goldFolder, reason: "no gold files (*.json) in this folder") }
        return try names.map { name in
            let path = (goldFolder as NSString).appendingPathComponent(name)
            let gold = try GoldFile.load(path)
            guard let file = gold.file else {
                throw DigestError.unreadable(path: path, reason: "the gold file names no digest `file`; add it (see ANNOTATION.md)")
            }
            let digestPath = (corpus as NSString).appendingPathComponent(file)
            let (text, hash) = try DigestFiles.read(digestPath)
            return GoldWeek(goldPath: path, gold: gold, digest: DigestReader().read(text: text, path: digestPath), contentHash: hash)
        }
    }
}

/// Fits the relation model on gold weeks, and measures it week by week on weeks it was not fitted on.
public struct CrossValidation: Sendable {
    public let weeks: [GoldWeek]
    public let settings: RelationModel.Settings
    private let extractor: RuleExtractor
    private let analyses: [RuleExtractor.Analysis]

    public init(weeks: [GoldWeek], settings: RelationModel.Settings = RelationModel.Settings(), gazetteer: Gazetteer = .standard) {
        self.weeks = weeks
        self.settings = settings
        let extractor = RuleExtractor(gazetteer: gazetteer, model: nil)
        self.extractor = extractor
        analyses = weeks.map { extractor.analyse($0.digest) }
    }

    /// The model fitted on every week (what `make train` commits).
    public func trainAll() -> RelationModel {
        RelationModel.train(weeks.indices.flatMap(examples(ofWeek:)), settings: settings)
    }

    /// Leave-one-week-out: each week scored by a model fitted on all the others.
    /// With `rulesOnly`, the hand-written rules decide instead (nothing is fitted).
    public func run(rulesOnly: Bool = false) throws -> [EvaluationReport] {
        try weeks.indices.map { held in
            let model: RelationModel? =
                rulesOnly
                ? nil
                : RelationModel.train(weeks.indices.filter { $0 != held }.flatMap(examples(ofWeek:)), settings: settings)
            return try evaluate(week: held, model: model)
        }
    }

    /// Scores one week's digest decided by `model` (nil: rules).
    public func evaluate(week index: Int, model: RelationModel?) throws -> EvaluationReport {
        let week = weeks[index]
        let decider = RuleExtractor(gazetteer: extractor.scanner.gazetteer, model: model)
        let extraction = decider.decide(analyses[index])
        let store = try GraphStore()
        _ = try store.write(week.digest, extraction: extraction, contentHash: week.contentHash, extractorVersion: decider.version)
        return try Evaluator(store: store).evaluate(week.gold, goldPath: week.goldPath)
    }

    /// The labelled pairs of one week: every candidate of every annotated entry.
    func examples(ofWeek index: Int) -> [RelationModel.Example] {
        let gold = weeks[index].gold
        let analysis = analyses[index]
        let names = GoldNames(gold)
        let entries = weeks[index].digest.entries
        var out: [RelationModel.Example] = []
        for (entry, entryAnalysis) in zip(entries, analysis.entries) {
            guard let paper = names.paper(for: entry) else { continue }
            var lists: [RelationModel.Label: Set<String>] = [:]
            for label in RelationModel.Label.allCases {
                guard let relation = label.relation else { continue }
                lists[label] = Set(paper.names(relation).map(names.canonical))
            }
            let all = lists.values.reduce(into: Set<String>()) { $0.formUnion($1) }.union(paper.names(.mentions).map(names.canonical))
            for candidate in entryAnalysis.result.candidates {
                var labels: Set<RelationModel.Label> = []
                if let item = analysis.registry.items[candidate.entity],
                    let name = ([item.name] + item.aliases.sorted()).lazy.compactMap(names.lookup).first, all.contains(name)
                {
                    labels.insert(.entity)
                    for (label, members) in lists where members.contains(name) { labels.insert(label) }
                }
                out.append(RelationModel.Example(features: candidate.features.sorted(), labels: labels, week: index))
            }
        }
        return out
    }

    /// Adds up the weeks' scores: micro-averaged, as one big week would be scored.
    public static func pooled(_ reports: [EvaluationReport]) -> EvaluationReport {
        func sum(_ scores: [Score]) -> Score {
            Score(
                truePositives: scores.map(\.truePositives).reduce(0, +), falsePositives: scores.map(\.falsePositives).reduce(0, +),
                falseNegatives: scores.map(\.falseNegatives).reduce(0, +))
        }
        var relations: [String: Score] = [:]
        for key in Set(reports.flatMap(\.relations.keys)) { relations[key] = sum(reports.compactMap { $0.relations[key] }) }
        let kinds = reports.map(\.kindChecked).reduce(0, +), names = reports.map(\.namesChecked).reduce(0, +)
        return EvaluationReport(
            gold: "pooled", digest: "\(reports.count) weeks", papers: sum(reports.map(\.papers)), relations: relations,
            entities: sum(reports.map(\.entities)), metrics: sum(reports.map(\.metrics)),
            kindAccuracy: kinds == 0 ? 1 : reports.map { $0.kindAccuracy * Double($0.kindChecked) }.reduce(0, +) / Double(kinds),
            kindChecked: kinds, lineage: sum(reports.map(\.lineage)),
            nameAccuracy: names == 0 ? 0 : reports.map { $0.nameAccuracy * Double($0.namesChecked) }.reduce(0, +) / Double(names),
            namesChecked: names, differences: [])
    }
}

/// A gold file's names and papers, looked up the way the evaluation matches them.
struct GoldNames {
    private var canonicalBySpelling: [String: String] = [:]
    private let gold: GoldFile

    init(_ gold: GoldFile) {
        self.gold = gold
        for entity in gold.entities {
            for spelling in [entity.name] + (entity.aliases ?? []) { canonicalBySpelling[EntityName.normalise(spelling)] = entity.name }
        }
    }

    /// The gold entity a spelling names, if any.
    func lookup(_ spelling: String) -> String? { canonicalBySpelling[EntityName.normalise(spelling)] }

    func canonical(_ name: String) -> String { lookup(name) ?? name }

    /// The gold paper an entry is: same arXiv id, else same title, else same URL.
    func paper(for entry: PaperEntry) -> GoldFile.Paper? {
        if let arxiv = entry.link?.arxiv?.id, let paper = gold.papers.first(where: { $0.arxiv == arxiv }) { return paper }
        let title = PaperIdentity.normalise(title: entry.title)
        if let paper = gold.papers.first(where: { $0.arxiv == nil && PaperIdentity.normalise(title: $0.title) == title }) { return paper }
        if let url = entry.link?.url {
            return gold.papers.first { $0.url.map(PaperIdentity.normalise(url:)) == PaperIdentity.normalise(url: url) }
        }
        return nil
    }
}
