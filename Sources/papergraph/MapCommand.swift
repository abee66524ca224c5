import ArgumentParser
import Foundation
import PaperGraph

extension GraphvizRenderer.Format: ExpressibleByArgument {}

/// A map's output format: what libgvc renders, or Mermaid text.
enum MapFormat: String, ExpressibleByArgument, CaseIterable {
    case svg, png, pdf, dot, mermaid

    init?(path: String) {
        if path.lowercased().hasSuffix(".mmd") || path.lowercased().hasSuffix(".mermaid") { self = .mermaid; return }
        guard let format = GraphvizRenderer.Format(path: path), let mine = MapFormat(rawValue: format.rawValue) else { return nil }
        self = mine
    }
}

/// Where a map goes and in which format.
struct MapOutput: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write to this file; its extension (.svg, .png, .pdf, .dot, .mmd) picks the format.")
    var output: String?

    @Option(name: .long, help: "svg, png, pdf, dot or mermaid (default: from --output's extension, else svg).")
    var format: MapFormat?

    func validate() throws {
        if let output, format == nil, MapFormat(path: output) == nil {
            throw ValidationError("cannot tell the format from '\(output)'; end it in .svg, .png, .pdf, .dot or .mmd, or pass --format")
        }
        if output == nil, let format, format == .png || format == .pdf {
            throw ValidationError("\(format.rawValue) is binary: pass --output FILE")
        }
    }

    func write(_ map: GraphMap) throws {
        for note in map.notes { printError("note: \(note)") }
        let chosen = format ?? output.flatMap(MapFormat.init(path:)) ?? .svg
        let data: Data
        if chosen == .mermaid {
            data = Data(MermaidWriter.flowchart(map, direction: map.graph.graphAttributes["rankdir"] ?? "TB").utf8)
        } else {
            data = try reportingErrors { try GraphvizRenderer.shared.render(map.dot, format: GraphvizRenderer.Format(rawValue: chosen.rawValue)!) }
        }
        if let output {
            try reportingErrors { try data.write(to: URL(fileURLWithPath: output)) }
            printError("wrote \(output) (\(map.graph.nodeCount) nodes, \(map.graph.edges.count) edges)")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map", abstract: "Draw maps with Graphviz: topics, method lineage, or one paper's neighbourhood.",
        subcommands: [TopicsMap.self, LineageMap.self, PaperMap.self, TimelineMap.self])

    struct TopicsMap: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "topics", abstract: "Topics as clusters of papers, with the methods and datasets that link them.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var out: MapOutput
        @Option(name: .long, help: "Only papers of this digest, e.g. 2025-W49.") var digest: String?
        @Option(name: .long, help: "Only this topic (substring).") var topic: String?
        @Option(name: .long, help: "Draw a method or dataset when it links at least this many papers.") var minPapers = 2
        @Option(name: .long, help: "Nodes drawn at most (a note says what was left out).") var maxNodes = 120

        func validate() throws {
            if minPapers < 1 { throw ValidationError("--min-papers must be at least 1") }
            if maxNodes < 2 { throw ValidationError("--max-nodes must be at least 2") }
        }

        func run() throws {
            let options = TopicMapOptions(digest: digest, topic: topic, minPapers: minPapers, maxNodes: maxNodes)
            try out.write(try reportingErrors { try MapBuilder(store: store.open()).topics(options) })
        }
    }

    struct LineageMap: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lineage", abstract: "The method-lineage forest, or one method's family; parents above children.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var out: MapOutput
        @Option(name: .long, help: "Steps from NAME each way.") var depth = 3
        @Option(name: .long, help: "Nodes drawn at most for the whole forest.") var maxNodes = 150
        @Flag(name: .long, help: "One row per arXiv month of each method's introducing paper, months labelled down the side.") var byTime = false
        @Argument(help: "A method (name or alias); omit for the whole forest.") var name: String?

        func run() throws {
            let builder = MapBuilder(store: try store.open())
            try out.write(
                try reportingErrors {
                    byTime
                        ? try builder.lineageByTime(of: name, depth: depth, maxNodes: maxNodes)
                        : try builder.lineage(of: name, depth: depth, maxNodes: maxNodes)
                })
        }
    }

    struct TimelineMap: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timeline", abstract: "Papers per topic and month (or week) as a heat map.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var out: MapOutput
        @Option(name: .long, help: "month (arXiv month) or week (the week a digest first read the paper).") var by: Trends.Period = .month
        @Option(name: .long, help: "Only topics containing this text.") var topic: String?
        @Option(name: .long, help: "Topics drawn at most (the most papers first).") var top = 20
        @Option(name: .long, help: "Only from this month on, YYYY-MM.") var since: String?

        func validate() throws {
            if top < 1 { throw ValidationError("--top must be at least 1") }
            if let since, since.wholeMatch(of: /\d{4}-(0[1-9]|1[0-2])/) == nil {
                throw ValidationError("--since takes a month as YYYY-MM, e.g. 2025-11 (got '\(since)')")
            }
        }

        func run() throws {
            let options = TimelineOptions(by: by, topic: topic, top: top, since: since)
            try out.write(try reportingErrors { try MapBuilder(store: store.open()).timeline(options) })
        }
    }

    struct PaperMap: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "paper", abstract: "A paper, its methods, datasets and metrics, and its most related papers.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var out: MapOutput
        @Option(name: .long, help: "Related papers to draw.") var related = 5
        @Argument(help: "An arXiv id or a paper's short name.") var paper: String

        func run() throws {
            try out.write(try reportingErrors { try MapBuilder(store: store.open()).paper(paper, related: related) })
        }
    }
}
