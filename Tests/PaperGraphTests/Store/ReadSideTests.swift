import Foundation
import Testing

@testable import PaperGraph

/// The read side: indexed plans, incremental merges that equal a recomputation, streaming
/// export, parallel ingest, and search.
@Suite struct ReadSideTests {
    static let fixtures = ["bullets.md", "nested-section.md", "english.md", "relations.md", "names.md"].map(TestPaths.fixture)

    func store(_ files: [String] = ReadSideTests.fixtures) throws -> GraphStore {
        let store = try GraphStore()
        for result in Ingestor(store: store).ingest(files: files) { #expect(!result.failed, "\(result.path)") }
        return store
    }

    @Test func everyHotReadUsesAnIndexNeverAWholeTableScan() throws {
        let plans = try store().queryPlans()
        #expect(plans.count >= 30)
        let forbidden = ReadSQL.tableAliases.values.flatMap { $0 }
        for (name, plan) in plans {
            #expect(!plan.isEmpty, "\(name)")
            for step in plan {
                // "SCAN edge", "SCAN e USING COVERING INDEX edge_rtarget": the whole table or index.
                let words = step.split(separator: " ")
                let scanned = words.first == "SCAN" && words.count > 1 && forbidden.contains(String(words[1]))
                #expect(!scanned, "\(name): \(step)")
                // "SEARCH b USING INDEX edge_relation (relation=?)": every edge of one relation, which
                // only `stats` means to count (its lineage edges); a lineage walk did this at 10×.
                let walksRelation = step.contains("INDEX edge_relation (relation=?)")
                #expect(!walksRelation || name == "stats", "\(name): \(step)")
            }
        }
        // The test can fail: a read through COALESCE(redirect, id), as before, scans edge.
        let old = try store().explain(
            "SELECT COUNT(*) FROM edge e LEFT JOIN entity_redirect r ON r.entity_id = e.target WHERE COALESCE(r.canonical_id, e.target) = 'entity:vggt'")
        #expect(old.contains { $0.hasPrefix("SCAN e") })
    }

    @Test func mergesMaintainedWriteByWriteEqualARecomputation() throws {
        let folder = try TestPaths.temporaryFolder()
        func digest(_ week: Int, _ sentence: String) throws -> String {
            try TestPaths.oneEntryDigest(in: folder, week: week, id: "2501.0000\(week)", sentence)
        }
        let files = [
            try digest(1, "我们在 LongCodeArena (LCA) 基准上评估。"),
            try digest(2, "实验在 LongCodeArena 基准上进行，并与 LCA 对比。"),
            try digest(3, "我们与 XYZNet (XN) 进行了对比。"),
            try digest(4, "我们与 XYZNet (XYN) 进行了对比，基于 XN 构建。"),
            try digest(5, "本文基于 XYZNet 构建，在 LCA 上评估。"),
        ]
        let rules = RuleExtractor(model: nil)
        let store = try GraphStore()
        // Ingest, remove and re-ingest in an order that makes merges appear and disappear.
        for file in files { _ = Ingestor(store: store, extractor: rules).ingest(file: file) }
        #expect(try store.resolutionDifferences() == [])
        let merged = try store.export().json()
        for key in ["2025-W01", "2025-W03"] {
            try store.remove(key: key)
            #expect(try store.resolutionDifferences() == [], "after removing \(key)")
        }
        #expect(try store.export().entities.contains { $0.id == "entity:longcodearena" })
        for file in [files[2], files[0]] { _ = Ingestor(store: store, extractor: rules).ingest(file: file, force: true) }
        #expect(try store.resolutionDifferences() == [])
        #expect(try store.export().json() == merged)
    }

    @Test(.enabled(if: TestPaths.hasWeek49)) func corpusCountsMaintainedByDeltasEqualARecount() throws {
        let store = try TestCorpus.store.get()
        #expect(try store.resolutionDifferences() == [])
    }

    @Test func aWriteThatOnlyAddsExtendsTheSpellingListAsSQLiteWouldSortIt() {
        let separator = "\u{1F}"
        // Byte order (capitals first), distinct, without the entity's own name.
        #expect(Resolution.aliasText(adding: ["b", "B", "a", "b"], to: "c\u{1F}d", name: "a") == ["B", "b", "c", "d"].joined(separator: separator))
        #expect(Resolution.aliasText(adding: ["x"], to: nil, name: "x") == nil)
        #expect(Resolution.aliasText(adding: [], to: "k", name: "z") == "k")
        // Spellings that differ in bytes stay two, as SQLite's DISTINCT keeps them.
        #expect(Resolution.aliasText(adding: ["e\u{301}", "\u{E9}"], to: nil, name: "n")?.utf8.split(separator: 0x1F).count == 2)
    }

    @Test func theWarmUpDigestReadsIntoEveryKindOfEdge() {
        let digest = DigestReader().read(text: RuleExtractor.warmUpDigest, path: "warm-up.md")
        #expect(digest.entries.count == 1)
        let relations = Set(RuleExtractor(model: nil).extract(digest).edges.map(\.relation))
        for relation in [Relation.proposes, .builds_on, .uses, .compares_with, .evaluates_on] {
            #expect(relations.contains(relation), "\(relation)")
        }
    }

    @Test func topicCountsMovedByWhatAWriteAddsEqualARecount() throws {
        let folder = try TestPaths.temporaryFolder()
        func write(_ name: String, _ entries: [(topic: String, id: String)]) throws -> String {
            var text = "# 2025 年第 \(name.contains("w05") ? 5 : 7) 周\n\n## 学术研究\n"
            for (i, entry) in entries.enumerated() {
                text += "\n### \(entry.topic)\n\n#### Net\(i)：测试\n\n[\(entry.id) Net\(i) Title](https://arxiv.org/abs/\(entry.id))\n\nNet\(i) 基于 VGGT 构建。\n"
            }
            let path = folder.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        // Two editions of one week sharing a topic and a paper, a later week placing a known
        // paper in a new topic and again in an old one.
        let files = [
            try write("2025-w05.zh-CN.md", [("代码", "2501.00001"), ("代码", "2501.00002")]),
            try write("2025-w05.en.md", [("代码", "2501.00001"), ("视觉", "2501.00003")]),
            try write("2025-w07.zh-CN.md", [("视觉", "2501.00001"), ("代码", "2501.00002"), ("音频", "2501.00004")]),
        ]
        let store = try GraphStore()
        let ingestor = Ingestor(store: store, extractor: RuleExtractor(model: nil))
        for file in files {
            #expect(!ingestor.ingest(file: file).failed)
            #expect(try store.resolutionDifferences() == [], "after \(file)")
        }
        let code = try #require(try store.topics().first { $0.topic == "代码" })
        #expect(code.papers == 2)
        #expect(code.digests == 2)
        try store.remove(key: "2025-W05", language: "en")
        #expect(try store.resolutionDifferences() == [])
    }

    @Test func lineageThatAMergeMakesALoopIsNotCountedAndNoEdgeJoinsAnEntityToItself() throws {
        let folder = try TestPaths.temporaryFolder()
        let store = try GraphStore()
        func write(_ week: Int, _ extraction: Extraction) throws {
            let path = try TestPaths.oneEntryDigest(in: folder, week: week, id: "2501.0000\(week)", "正文。")
            _ = try store.write(try TestPaths.read(path), extraction: extraction, contentHash: "\(week)", extractorVersion: 1)
        }
        func lineage(_ child: String, _ parent: String) -> ExtractedEdge {
            ExtractedEdge(source: EntityName.id(for: child), target: EntityName.id(for: parent), relation: .derived_from, line: 9, evidence: "e")
        }
        // Week 1: Ynet ← Xnet and back, Znet ← Ynet, and an edge from Xnet to itself (refused).
        try write(
            1,
            Extraction(
                entities: ["Xnet", "Ynet", "Znet"].map { ExtractedEntity(name: $0, kind: .method) },
                edges: [lineage("Ynet", "Xnet"), lineage("Xnet", "Ynet"), lineage("Znet", "Ynet"), lineage("Xnet", "Xnet")]))
        #expect(try store.stats().lineageEdges == 3)
        // Week 2 gives Ynet as another name of Xnet: Ynet is shown as Xnet, and both edges
        // between them become loops, one redirected at its source, one at its target.
        try write(2, Extraction(entities: [ExtractedEntity(name: "Xnet", kind: .method, aliases: ["Ynet"])]))
        #expect(try store.resolutionDifferences() == [])
        let stats = try store.stats()
        #expect(stats.lineageEdges == 1)
        #expect(try store.lineageLoopsByScan() == 2)
        try store.remove(key: "2025-W02")
        #expect(try store.stats().lineageEdges == 3)
    }

    @Test func anEntitysNameAndKindFollowItsVotesAsWritesAddAndRemove() throws {
        let folder = try TestPaths.temporaryFolder()
        let store = try GraphStore()
        func write(_ week: Int, _ name: String, _ kind: EntityKind) throws {
            let path = try TestPaths.oneEntryDigest(in: folder, week: week, id: "2501.0000\(week)", "正文。")
            let extraction = Extraction(entities: [ExtractedEntity(name: name, kind: kind)])
            _ = try store.write(try TestPaths.read(path), extraction: extraction, contentHash: "\(week)", extractorVersion: 1)
        }
        func entity() throws -> Entity? { try store.resolveEntities("foonet").first }
        try write(1, "FooNet", .method)
        try write(2, "FOONET", .dataset)
        // A tie goes to the smaller spelling and kind.
        #expect(try entity()?.name == "FOONET")
        #expect(try entity()?.kind == .dataset)
        try write(3, "FooNet", .method)
        #expect(try entity()?.name == "FooNet")
        #expect(try entity()?.kind == .method)
        try write(4, "FooNet", .method)  // one more vote for the winners
        #expect(try store.resolutionDifferences() == [])
        try store.remove(key: "2025-W03")
        try store.remove(key: "2025-W04")
        #expect(try entity()?.name == "FOONET")
        #expect(try store.resolutionDifferences() == [])
    }

    @Test func countsFollowReIngestAndRemovalPairByPair() throws {
        let store = try store()
        let files = Self.fixtures
        // Re-ingest in another order, remove one, put it back: counts must match a recount each time.
        for file in files.reversed() { _ = Ingestor(store: store).ingest(file: file, force: true) }
        #expect(try store.resolutionDifferences() == [])
        let key = try store.digests().first!.key
        try store.remove(key: key)
        #expect(try store.resolutionDifferences() == [])
        _ = Ingestor(store: store).ingest(files: files)
        #expect(try store.resolutionDifferences() == [])
    }

    @Test func streamedExportIsTheSameBytesAsTheWholeDocument() throws {
        for store in [try store(), try GraphStore()] {
            var streamed = ""
            try GraphExport.stream(store) { streamed += $0 }
            #expect(streamed == (try store.export().json()))
            #expect((try? JSONSerialization.jsonObject(with: Data(streamed.utf8))) != nil)
        }
    }

    @Test func parallelIngestGivesWhatOneFileAtATimeGives() throws {
        let parallel = try store()
        let serial = try GraphStore()
        for file in Self.fixtures { _ = Ingestor(store: serial).ingest(file: file) }
        #expect(try parallel.export().json() == serial.export().json())
        let again = Ingestor(store: parallel).ingest(files: Self.fixtures, workers: 2)
        #expect(again.allSatisfy { if case .unchanged = $0.status { true } else { false } })
    }

    @Test func searchNeedsEveryWordRanksByRelevanceAndSaysWhenItCut() throws {
        let store = try store()
        // Each word anywhere in the entry; the phrase only in order.
        let both = try store.search("reconstruction feed-forward").hits.map(\.paper.label)
        #expect(both == ["2601.00042"])
        #expect(try store.search("\"reconstruction feed-forward\"").hits.isEmpty)
        #expect(try store.search("ScanNet nosuchword").hits.isEmpty)
        let hit = try #require(try store.search("ScanNet").hits.first)
        #expect(hit.snippet.contains("ScanNet"))
        #expect(!hit.snippet.contains("\n"))
        let all = try store.search("的")
        #expect(all.hits.count > 2)
        let cut = try store.search("的", limit: 2)
        #expect(cut.hits.count == 2 && cut.truncated && cut.matchingEntries >= all.hits.count)
        #expect(cut.hits.map(\.paper.id) == Array(all.hits.prefix(2).map(\.paper.id)))
        #expect(zip(all.hits, all.hits.dropFirst()).allSatisfy { $0.score <= $1.score })
        #expect(!all.truncated)
    }

    @Test func lookupsForgiveTheFormsPeopleType() throws {
        let store = try store()
        let id = try #require(try store.resolvePapers("2601.00042").first)
        for form in ["arXiv:2601.00042", "arxiv: 2601.00042v3", "2601.00042v1", "https://arxiv.org/abs/2601.00042v2"] {
            #expect(try store.resolvePapers(form).first == id, "\(form)")
        }
        #expect(NameSuggester.nearest("VGTT", among: ["VGGT", "CUT3R", "VGGT-Long"]) == ["VGGT"])
        #expect(NameSuggester.nearest("dust3r", among: ["DUSt3R", "MASt3R"]).first == "DUSt3R")
        #expect(NameSuggester.nearest("zzzzzz", among: ["VGGT"]).isEmpty)
    }
}

/// Lineage walks and related work as pure functions over values: no database.
@Suite struct GraphFunctionTests {
    static func link(_ child: String, _ parent: String, _ relation: Relation = .derived_from, line: Int = 1) -> LineageLink {
        LineageLink(child: child, parent: parent, relation: relation, digest: "2025-W01", line: line, evidence: "\(child) from \(parent)")
    }

    @Test func walkListsSubtreesUnderTheirParentsWithinDepth() throws {
        let links = [
            Self.link("b", "a"), Self.link("c", "b"), Self.link("d", "c"), Self.link("e", "a", .builds_on),
            Self.link("b", "a", .builds_on, line: 0),
        ]
        var asked: [Set<String>] = []
        let reach = try LineageWalk.walk(from: "a", direction: .down, depth: 2) { ids, direction in
            asked.append(ids)
            return links.filter { direction == .down ? ids.contains($0.parent) : ids.contains($0.child) }
        }
        #expect(reach.map(\.entity) == ["a", "e", "b", "c"] || reach.map(\.entity) == ["a", "b", "c", "e"])
        #expect(reach.first { $0.entity == "c" }?.depth == 2)
        #expect(!reach.contains { $0.entity == "d" })
        // derived_from wins over builds_on between the same two methods.
        #expect(reach.first { $0.entity == "b" }?.link?.relation == .derived_from)
        #expect(asked == [["a"], ["b", "e"]])
        let up = try LineageWalk.walk(from: "c", direction: .up, depth: 3) { ids, _ in links.filter { ids.contains($0.child) } }
        #expect(up.map(\.depth) == [0, -1, -2])
        let steps = LineageWalk.steps(up, entities: ["a": Entity(id: "a", name: "Alpha", kind: .method)], introducedBy: ["a": ["p2", "p1", "p1"]])
        #expect(steps.last?.name == "Alpha" && steps.last?.introducedBy == ["p1", "p2"] && steps.last?.via == "b")
    }

    @Test func relatedRanksSharedRareEntitiesAndOwnMethodsHighest() {
        func l(_ p: String, _ e: String, _ r: Relation) -> PaperEntityLink { PaperEntityLink(paper: p, entity: e, relation: r) }
        let mine = [l("me", "rare", .builds_on), l("me", "common", .uses)]
        let neighbours = mine + [l("x", "rare", .proposes), l("y", "common", .uses), l("z", "common", .mentions), l("x", "common", .uses)]
        let ranked = RelatedWork.rank(
            "me", mine: mine, neighbours: neighbours, paperCounts: ["rare": 2, "common": 4],
            totalPapers: 10, names: ["rare": "Rare", "common": "Common"], limit: 5)
        #expect(ranked.map(\.id) == ["x", "y", "z"])
        #expect(ranked[0].reasons.first == "this paper builds on its Rare")
        #expect(!ranked.contains { $0.id == "me" })
        let entity = Entity(id: "rare", name: "Rare", kind: .method)
        let around = RelatedWork.around(
            entity, links: neighbours,
            papers: [
                "me": Paper(id: "me", title: "Me", month: "2025-01"), "x": Paper(id: "x", title: "X", month: "2024-01"),
            ], limit: 5)
        // The paper that introduced it first, then those building on it.
        #expect(around.map(\.paper.id) == ["x", "me"])
        #expect(around[0].reasons == ["proposes Rare"])
    }
}
