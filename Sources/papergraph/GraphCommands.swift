import ArgumentParser
import Foundation
import PaperGraph

extension EntityKind: ExpressibleByArgument {}

struct RelatedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "related", abstract: "Papers related to a paper, ranked by shared methods and datasets, with reasons.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions
    @Option(name: .long, help: "At most this many papers.") var limit = 10
    @Argument(help: "An arXiv id (2512.03939) or a paper's short name (MUT3R).") var paper: String

    func validate() throws { if limit < 1 { throw ValidationError("--limit must be at least 1") } }

    func run() throws {
        emit(try reportingErrors { try store.open().related(paper, limit: limit) }.render(output.format))
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
        emit(output.format == .table ? steps.treeText : steps.table.render(output.format))
    }
}

struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "entities", abstract: "List methods, datasets and metrics, most papers first.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions
    @Option(name: .long, help: "Only this kind: method, dataset or metric.") var kind: EntityKind?
    @Option(name: .long, help: "Only entities linked to at least this many papers.") var minPapers = 1

    func run() throws {
        emit(try reportingErrors { try store.open().entities(kind: kind, minPapers: minPapers) }.render(output.format))
    }
}

struct BaselinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "baselines", abstract: "The methods most often compared against or built on.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions
    @Option(name: .long, help: "At most this many methods.") var limit = 30

    func run() throws {
        emit(try reportingErrors { try store.open().baselines(limit: limit) }.render(output.format))
    }
}
