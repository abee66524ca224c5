import ArgumentParser
import PaperGraph

extension Relation: ExpressibleByArgument {}

struct PapersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "papers", abstract: "List papers, newest first, by topic, digest, month or entity.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    @Option(name: .long, help: "Papers filed under a topic (substring match, e.g. 场景重建 or SLAM).")
    var topic: String?
    @Option(name: .long, help: "Papers featured in one digest, e.g. 2025-W49.")
    var digest: String?
    @Option(name: .long, help: "Papers from this arXiv month on, YYYY-MM.")
    var since: String?
    @Option(name: .long, help: "Papers linked to an entity, e.g. VGGT or nuScenes.")
    var entity: String?
    @Option(name: .long, help: "With --entity: only this relation (builds_on, compares_with, evaluates_on, uses, proposes, mentions).")
    var relation: Relation?

    func validate() throws {
        if let since, since.wholeMatch(of: /\d{4}-(0[1-9]|1[0-2])/) == nil {
            throw ValidationError("--since takes a month as YYYY-MM, e.g. 2025-11 (got '\(since)')")
        }
        if relation != nil && entity == nil { throw ValidationError("--relation needs --entity NAME") }
    }

    func run() throws {
        let filter = PaperFilter(topic: topic, digest: digest, since: since, entity: entity, relation: relation)
        let papers = try reportingErrors { try store.open().papers(filter) }
        emit(Tables.papers(papers).render(output.format))
    }
}

struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "topics", abstract: "List topics with their paper counts.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        emit(Tables.topics(try reportingErrors { try store.open().topics() }).render(output.format))
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Full-text search over titles, headings and summaries (Chinese and English).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    @Option(name: .long, help: "At most this many papers.")
    var limit = 20

    @Argument(help: "Words to find, all of them (e.g. 高斯 重建, gaussian splatting); put a phrase in double quotes ('\"gaussian splatting\"').")
    var words: [String] = []

    /// The words as one query: `search gaussian splatting` and `search "gaussian splatting"`
    /// (one shell argument) ask the same.
    var text: String { words.joined(separator: " ") }

    func validate() throws {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give some text to search for") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let results = try reportingErrors { try store.open().search(text, limit: limit) }
        emit(Tables.search(results).render(output.format))
        if results.hits.isEmpty {
            printError("note: no entry contains all of: \(text); try fewer words, or `papergraph entities` for names")
        } else if results.truncated {
            let shown = results.hits.count == 1 ? "paper" : "\(results.hits.count) papers"
            printError("note: showing the best \(shown); \(results.matchingEntries) entries match in all; raise --limit to see more")
        }
    }
}

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count digests, papers, topics, entities and edges.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let stats = try reportingErrors { try store.open().stats() }

        let pairs: [(String, Int)] = [
            ("digests", stats.digests), ("papers", stats.papers), ("papers_with_arxiv", stats.papersWithArxiv),
            ("topics", stats.topics), ("entities", stats.entities), ("methods", stats.methods),
            ("datasets", stats.datasets), ("metrics", stats.metrics), ("edges", stats.edges),
            ("lineage_edges", stats.lineageEdges),
        ]
        if output.format == .json {
            emit("{" + pairs.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}\n")
        } else {
            emit(ResultTable(columns: ["what", "count"], rows: pairs.map { [.text($0.0), .int($0.1)] }).render(output.format))
        }
    }
}
