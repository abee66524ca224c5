import ArgumentParser
import Foundation
import PaperGraph

/// `papergraph curate …`: decisions about the graph, kept in a file the researcher owns.
struct CurateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curate",
        abstract: "Correct the graph: merge, split, rename, retype or drop entities, drop or add edges, merge topics, name papers.",
        discussion: """
            Each decision is appended to the curation file (YAML, yours to keep in git) and applied \
            at once: the digests it touches are read again. Every later ingest, re-ingest or rebuilt \
            database applies the same decisions. Decisions naming things the graph does not have, \
            or contradicting earlier ones, are refused.
            """,
        subcommands: [
            Merge.self, Split.self, Rename.self, Kind.self, Drop.self, DropEdge.self, DropLineage.self, AddEdge.self, Topic.self, Name.self, List.self,
            Undo.self,
        ])

    struct Common: ParsableArguments {
        @OptionGroup var store: StoreOptions
        @OptionGroup var curation: CurationOptions

        @Option(name: .long, help: "Why: kept in the file beside the decision.")
        var reason: String?

        func curator() throws -> Curator {
            let graph = try store.open()
            return Curator(store: graph, path: curation.path(beside: store.path))
        }

        func apply(_ decision: CurationDecision) throws {
            let curator = try curator()
            let outcome = try reportingErrors { try curator.add(CurationEntry(decision, reason: reason)) }
            emit(outcome.message + "\n")
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "NAME and INTO are one entity, named INTO.")
        @OptionGroup var common: Common
        @Argument var name: String
        @Argument var into: String
        func run() throws { try common.apply(.merge(name, into: into)) }
    }

    struct Split: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "In these papers NAME means another entity (an acronym with several senses).")
        @OptionGroup var common: Common
        @Argument var name: String
        @Option(name: .customLong("as"), help: "The entity NAME means in those papers.") var sense: String
        @Option(name: .long, parsing: .upToNextOption, help: "The papers (arXiv ids or short names).") var papers: [String] = []
        @Option(name: .long, parsing: .upToNextOption, help: "Or every paper of these digests (e.g. 2025-W49) that names it.")
        var digests: [String] = []

        func validate() throws {
            if papers.isEmpty && digests.isEmpty { throw ValidationError("name the papers (--papers) or digests (--digests) where \(name) means \(sense)") }
        }

        func run() throws {
            var chosen = papers
            if !digests.isEmpty {
                let store = try common.store.open()
                let linked = Set(try store.resolveEntities(name).flatMap { try store.links(toEntities: [$0.id]).map(\.paper) })
                for digest in digests {
                    chosen += try store.papers(PaperFilter(digest: digest)).map(\.paper.id).filter(linked.contains)
                }
            }
            try common.apply(.split(name, papers: Array(Set(chosen)).sorted(), as: sense))
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give an entity another canonical name.")
        @OptionGroup var common: Common
        @Argument var name: String
        @Argument var to: String
        func run() throws { try common.apply(.rename(name, to: to)) }
    }

    struct Kind: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set an entity's kind: method, dataset or metric.")
        @OptionGroup var common: Common
        @Argument var name: String
        @Argument var kind: EntityKind
        func run() throws { try common.apply(.kind(name, kind)) }
    }

    struct Drop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "NAME is not an entity: drop it and its edges.")
        @OptionGroup var common: Common
        @Argument var name: String
        func run() throws { try common.apply(.drop(name)) }
    }

    struct DropEdge: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "drop-edge", abstract: "Drop one wrong edge: PAPER RELATION ENTITY.")
        @OptionGroup var common: Common
        @Argument var paper: String
        @Argument var relation: Relation
        @Argument var entity: String
        func run() throws { try common.apply(.dropEdge(paper: paper, relation: relation, entity: entity)) }
    }

    struct DropLineage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "drop-lineage",
            abstract: "CHILD does not descend from PARENT: drop that lineage step (the papers' own edges stay; drop those with drop-edge).")
        @OptionGroup var common: Common
        @Argument var child: String
        @Argument var parent: String
        func run() throws { try common.apply(.dropLineage(child: child, parent: parent)) }
    }

    struct AddEdge: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-edge", abstract: "Add an edge the extractor missed: PAPER RELATION ENTITY.")
        @OptionGroup var common: Common
        @Argument var paper: String
        @Argument var relation: Relation
        @Argument var entity: String
        @Option(name: .long, help: "The entity's kind, when the graph does not have it yet.") var kind: EntityKind = .method
        func run() throws { try common.apply(.addEdge(paper: paper, relation: relation, entity: entity, kind: kind)) }
    }

    struct Topic: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "File the papers of topic NAME under INTO (merge or rename a topic).")
        @OptionGroup var common: Common
        @Argument var name: String
        @Argument var into: String
        func run() throws { try common.apply(.topic(name, into: into)) }
    }

    struct Name: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a paper's short name.")
        @OptionGroup var common: Common
        @Argument var paper: String
        @Argument var name: String
        func run() throws { try common.apply(.name(paper: paper, name)) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The decisions in the curation file, oldest first.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var curation: CurationOptions
        func run() throws {
            let path = curation.path(beside: store.path)
            let decisions = try reportingErrors { try CurationFile.read(path) }
            emit("\(path): \(decisions.entries.count) decision\(decisions.entries.count == 1 ? "" : "s")\n")
            for entry in decisions.entries {
                emit("  line \(entry.line): \(Curator.describe(entry.decision))\(entry.reason.map { " — \($0)" } ?? "")\n")
            }
        }
    }

    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove the last decision and apply the change.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var curation: CurationOptions
        func run() throws {
            let curator = Curator(store: try store.open(), path: curation.path(beside: store.path))
            emit(try reportingErrors { try curator.undo() }.message + "\n")
        }
    }
}

/// `papergraph review`: what the curator may want to fix, each with the command that fixes it.
struct ReviewCommand: ParsableCommand {
    /// Sentences that show what an item's names mean: one per name for a duplicate, one per
    /// paper (up to four) for an acronym with several senses, so the curator sees which
    /// papers mean which, and a lone mention's sentence (lineage items cite theirs).
    func evidence(_ item: ReviewItem, _ graph: GraphStore) throws -> [String] {
        func quote(_ e: EdgeView) -> String { "\(e.digest):\(e.line) “\(ResultTable.clip(e.evidence, 100))”" }
        switch item.kind {
        case .duplicate:
            return try zip(item.names, item.ids).compactMap { name, id in try graph.edges(to: id).first.map { "\(name): " + quote($0) } }
        case .senses:
            guard let id = item.ids.first else { return [] }
            var papers = Set<String>()
            return try graph.edges(to: id).filter { $0.relation != .derived_from && papers.insert($0.source).inserted }.prefix(4).map {
                "\($0.source) (\($0.sourceName)): " + quote($0)
            }
        case .lonely:
            return try item.ids.first.flatMap { try graph.edges(to: $0).first }.map { ["\($0.source) (\($0.sourceName)): " + quote($0)] } ?? []
        case .lineage: return []
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List likely duplicates, acronyms with several senses, lone mentions and suspicious lineage, with the `curate` command for each.")

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "At most this many items per section (0: all).")
    var limit = 25

    func run() throws {
        let graph = try store.open()
        let items = try reportingErrors {
            Review.items(
                entities: try graph.entities(),
                links: try graph.links(toKind: nil).map { PaperEntityLink(paper: $0.paper, entity: $0.entity.id, relation: $0.relation) },
                lineage: try graph.allLineageLinks())
        }
        for kind in ReviewItem.Kind.allCases {
            let section = items.filter { $0.kind == kind }
            emit("\(kind.rawValue) (\(section.count))\n")
            for item in section.prefix(limit == 0 ? section.count : limit) {
                emit("  \(item.why)\n")
                for line in try reportingErrors({ try evidence(item, graph) }) { emit("      " + ResultTable.oneLine(line) + "\n") }
                emit("    \(item.command)\n")
            }
            if limit > 0 && section.count > limit { emit("  … \(section.count - limit) more (--limit 0 lists all)\n") }
            emit("\n")
        }
    }
}
