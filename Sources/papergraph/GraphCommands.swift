import ArgumentParser
import Foundation
import PaperGraph

extension EntityKind: ExpressibleByArgument {}

struct RelatedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "related",
        abstract: "Papers related to a paper (ranked by shared methods and datasets, with reasons), or the papers around a method or dataset.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions
    @Option(name: .long, help: "At most this many papers.") var limit = 10
    @Argument(help: "An arXiv id (2512.03939), a paper's short name (MUT3R), or an entity (VGGT).") var paper: String

    func validate() throws { if limit < 1 { throw ValidationError("--limit must be at least 1") } }

    func run() throws {
        emit(Tables.related(try reportingErrors { try store.open().related(paper, limit: limit) }).render(output.format))
    }
}

struct LineageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lineage",
        abstract: "Ancestors and descendants of a method (derived_from and builds_on), with evidence and the papers that introduced each.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions
    @Flag(name: .long, help: "Ancestors only.") var up = false
    @Flag(name: .long, help: "Descendants only.") var down = false
    @Option(name: .long, help: "Steps to follow each way.") var depth = 3
    @Argument(help: "A method's name or alias, e.g. DUSt3R.") var name: String

    func validate() throws {
        if up && down { throw ValidationError("give --up or --down, not both (neither shows both directions)") }
        if depth < 1 { throw ValidationError("--depth must be at least 1") }
    }

    func run() throws {
        let direction: LineageWalk.Direction = up ? .up : down ? .down : .both
        let steps = try reportingErrors { try store.open().lineage(name, direction: direction, depth: depth) }
        emit(output.format == .table ? steps.treeText : Tables.lineage(steps).render(output.format))
    }
}

struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "entities", abstract: "List methods, datasets and metrics, most papers first.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions
    @Option(name: .long, help: "Only this kind: method, dataset or metric.") var kind: EntityKind?
    @Option(name: .long, help: "Only entities linked to at least this many papers.") var minPapers = 1
    @OptionGroup var scope: ScopeOptions

    func run() throws {
        let filter = EntityFilter(kind: kind, minPapers: minPapers, topic: scope.topic, since: scope.since)
        emit(Tables.entities(try reportingErrors { try store.open().entities(filter) }).render(output.format))
    }
}

struct BaselinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "baselines", abstract: "The methods most often compared against or built on.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions
    @Option(name: .long, help: "At most this many methods.") var limit = 30
    @OptionGroup var scope: ScopeOptions

    func validate() throws { if limit < 1 { throw ValidationError("--limit must be at least 1") } }

    func run() throws {
        let filter = EntityFilter(topic: scope.topic, since: scope.since, limit: limit)
        emit(Tables.baselines(try reportingErrors { try store.open().baselines(filter) }).render(output.format))
    }
}

/// Which papers `entities` and `baselines` count.
struct ScopeOptions: ParsableArguments {
    @Option(name: .long, help: "Count only papers filed under this topic (substring, e.g. 场景重建).") var topic: String?
    @Option(name: .long, help: "Count only papers from this arXiv month on, YYYY-MM.") var since: String?

    func validate() throws {
        if let since, since.wholeMatch(of: /\d{4}-(0[1-9]|1[0-2])/) == nil {
            throw ValidationError("--since takes a month as YYYY-MM, e.g. 2025-11 (got '\(since)')")
        }
    }
}

extension Trends.Period: ExpressibleByArgument {}

struct TrendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trends",
        abstract: "Papers per month or week, per topic or per entity; --rising lists what grew most.",
        discussion: """
            Each paper counts once per period: in its arXiv month (--by month) or in the week a digest first \
            featured it (--by week), under its latest topic. With --entity or --kind the rows are entities: \
            papers linked to each per period (per relation with --by-relation).
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions
    @Option(name: .long, help: "month (arXiv month) or week (the week a digest first read the paper).") var by: Trends.Period = .month
    @Option(name: .long, help: "Only topics containing this text.") var topic: String?
    @Option(name: .long, help: "Rows for one entity (name or alias) instead of topics.") var entity: String?
    @Option(name: .long, help: "Rows for every entity of this kind (method, dataset, metric).") var kind: EntityKind?
    @Flag(name: .long, help: "With --entity or --kind: one row per relation.") var byRelation = false
    @Option(name: .long, help: "Only from this month on, YYYY-MM.") var since: String?
    @Option(name: .long, help: "List the N topics or entities whose share of papers grew most from the first half of the window to the second.") var rising:
        Int?

    func validate() throws {
        if let since, since.wholeMatch(of: /\d{4}-(0[1-9]|1[0-2])/) == nil {
            throw ValidationError("--since takes a month as YYYY-MM, e.g. 2025-11 (got '\(since)')")
        }
        if entity != nil && kind != nil { throw ValidationError("give --entity or --kind, not both") }
        if byRelation && entity == nil && kind == nil { throw ValidationError("--by-relation needs --entity NAME or --kind KIND") }
        if let rising, rising < 1 { throw ValidationError("--rising must be at least 1") }
    }

    func run() throws {
        let store = try store.open()
        let papers = try reportingErrors { try store.paperTimes() }
        var counts: [TrendCount]
        if let entity {
            let found = try reportingErrors { () -> Entity in
                guard let found = try store.resolveEntities(entity).first else {
                    throw StoreError.notFound(entity, suggestions: try store.suggestions(for: entity))
                }
                return found
            }
            let links = try reportingErrors { try store.links(toEntities: [found.id]) }
                .map { EntityLink(paper: $0.paper, entity: found, relation: $0.relation) }
            counts = Trends.entities(links, papers: papers, by: by, since: since, byRelation: byRelation)
        } else if let kind {
            counts = Trends.entities(try reportingErrors { try store.links(toKind: kind) }, papers: papers, by: by, since: since, byRelation: byRelation)
        } else {
            counts = Trends.topics(papers, by: by, since: since, topic: topic)
        }
        if let rising {
            let grown = Trends.rising(counts, papers: papers, by: by, since: since, limit: rising)
            emit(
                ResultTable(
                    columns: ["name", "first_half", "second_half", "share_before_%", "share_after_%"],
                    rows: grown.map {
                        [.text($0.label), .int($0.before), .int($0.after), .double($0.shareBefore), .double($0.shareAfter)]
                    }
                ).render(output.format))
            return
        }
        let columns = (entity != nil || kind != nil ? ["period", "entity"] : ["period", "topic"]) + (byRelation ? ["relation"] : []) + ["papers"]
        emit(
            ResultTable(
                columns: columns,
                rows: counts.map {
                    [.text($0.period), .text($0.label)] + (byRelation ? [.text($0.relation ?? "")] : []) + [.int($0.papers)]
                }
            ).render(output.format))
    }
}
