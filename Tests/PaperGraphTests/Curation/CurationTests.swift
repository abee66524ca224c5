import Foundation
import Testing

@testable import PaperGraph

/// Curation: decisions in a YAML file the researcher owns, applied on top of extraction at
/// every ingest, edited by `Curator` (what `papergraph curate` runs).
@Suite struct CurationTests {
    /// A digest of our own: two spellings of one method, an acronym in two senses, two topics
    /// that are one.
    static let digest = """
        # 2026 年第 5 周技术阅读汇总

        ## 学术研究

        ### 其他

        #### AlphaNet：一个测试

        [2601.10001 AlphaNet Test Paper One](https://arxiv.org/abs/2601.10001)

        本文提出 AlphaNet，基于 HQ-SAM 构建，与 DUSt3R 对比，在 ScanNet 上评估。模型在 SR 指标上领先。

        ### 其他论文

        #### BetaNet：另一个测试

        [2601.10002 BetaNet Test Paper Two](https://arxiv.org/abs/2601.10002)

        本文提出 BetaNet，基于 SAM-HQ 构建，与 VGGT 对比，在 ScanNetV2 上评估，并用 SR 提升分辨率。

        """

    struct Setup {
        var folder: URL
        var digest: String
        var store: GraphStore
        var curation: String
        var curator: Curator { Curator(store: store, path: curation) }
    }

    static func setup() throws -> Setup {
        let folder = try TestPaths.temporaryFolder()
        let digest = folder.appendingPathComponent("2026-w05.zh-CN.md").path
        try Data(Self.digest.utf8).write(to: URL(fileURLWithPath: digest))
        let store = try GraphStore(path: folder.appendingPathComponent("g.sqlite").path, create: true)
        #expect(!Ingestor(store: store).ingest(file: digest).failed)
        return Setup(folder: folder, digest: digest, store: store, curation: folder.appendingPathComponent("g.curation.yaml").path)
    }

    static func links(_ store: GraphStore, _ paper: String) throws -> Set<String> {
        Set(try store.links(ofPaper: paper).map { "\($0.relation.rawValue) \($0.entity.name)" })
    }

    @Test func everyDecisionChangesTheGraphAndSurvivesReingestRemovalAndARebuild() throws {
        let s = try Self.setup()
        let (alpha, beta) = ("arxiv:2601.10001", "arxiv:2601.10002")
        #expect(try Self.links(s.store, beta).contains("builds_on SAM-HQ"))

        _ = try s.curator.add(CurationEntry(.merge("SAM-HQ", into: "HQ-SAM"), reason: "one method"))
        #expect(try s.store.resolveEntities("SAM-HQ").map(\.name) == ["HQ-SAM"])
        #expect(try Self.links(s.store, beta).contains("builds_on HQ-SAM"))
        #expect(try s.store.entities().first { $0.entity.name == "HQ-SAM" }?.papers == 2)

        _ = try s.curator.add(CurationEntry(.split("SR", papers: ["2601.10002"], as: "Super-Resolution")))
        #expect(try Self.links(s.store, alpha).contains("reports SR"))
        #expect(try !Self.links(s.store, beta).contains { $0.hasSuffix(" SR") })
        #expect(try Self.links(s.store, beta).contains("reports Super-Resolution"))

        _ = try s.curator.add(CurationEntry(.rename("ScanNetV2", to: "ScanNet v2")))
        #expect(try Self.links(s.store, beta).contains("evaluates_on ScanNet v2"))

        _ = try s.curator.add(CurationEntry(.kind("VGGT", .dataset)))
        #expect(try s.store.resolveEntities("VGGT").first?.kind == .dataset)

        _ = try s.curator.add(CurationEntry(.drop("DUSt3R"), reason: "not in this graph"))
        #expect(try s.store.resolveEntities("DUSt3R").isEmpty)

        _ = try s.curator.add(CurationEntry(.dropEdge(paper: "2601.10001", relation: .evaluates_on, entity: "ScanNet")))
        #expect(try !Self.links(s.store, alpha).contains("evaluates_on ScanNet"))

        _ = try s.curator.add(CurationEntry(.addEdge(paper: "AlphaNet", relation: .uses, entity: "COLMAP", kind: .method), reason: "section 3"))
        #expect(try Self.links(s.store, alpha).contains("uses COLMAP"))
        #expect(try s.store.show("COLMAP").entities.first?.papers.first?.evidence == "curator: section 3")

        _ = try s.curator.add(CurationEntry(.topic("其他论文", into: "其他")))
        #expect(try s.store.topics().map(\.topic) == ["其他"])

        // AlphaNet descends from what its paper builds on; the curator says it does not.
        let alphaNet = try #require(try s.store.resolveEntities("AlphaNet").first)
        func parents() throws -> [String] {
            try s.store.lineageLinks(around: [alphaNet.id], direction: .up).filter { $0.relation == .derived_from }.map(\.parent)
        }
        #expect(try parents() == [EntityName.id(for: "HQ-SAM")])
        _ = try s.curator.add(CurationEntry(.dropLineage(child: "AlphaNet", parent: "HQ-SAM")))
        #expect(try parents().isEmpty)
        #expect(try Self.links(s.store, alpha).contains("builds_on HQ-SAM"))

        _ = try s.curator.add(CurationEntry(.name(paper: "2601.10002", "Beta")))
        #expect(try s.store.resolvePapers("2601.10002").first?.name == "Beta")

        // Ten decisions in the file; every way of reading the digests again keeps them.
        let decisions = try CurationFile.read(s.curation)
        #expect(decisions.entries.count == 10)
        let curated = try s.store.export().json()
        let ingestor = Ingestor(store: s.store, curation: decisions)
        #expect(!ingestor.ingest(file: s.digest, force: true).failed)
        #expect(try s.store.export().json() == curated)
        #expect(try s.store.remove(key: "2026-W05") > 0)
        #expect(!ingestor.ingest(file: s.digest).failed)
        #expect(try s.store.export().json() == curated)
        let rebuilt = try GraphStore()
        #expect(!Ingestor(store: rebuilt, curation: decisions).ingest(file: s.digest).failed)
        #expect(try rebuilt.export().json() == curated)
        // A plain ingest finds nothing to do: the decisions were applied as they were made.
        guard case .unchanged = ingestor.ingest(file: s.digest).status else { Issue.record("expected unchanged"); return }
    }

    @Test func unknownAndContradictoryDecisionsAreRefused() throws {
        let s = try Self.setup()
        #expect(throws: CurationError.self) { try s.curator.add(CurationEntry(.merge("HQSAMM", into: "HQ-SAM"))) }
        do {
            _ = try s.curator.add(CurationEntry(.drop("VGGTT")))
            Issue.record("an unknown name was accepted")
        } catch {
            #expect((error as? LocalizedError)?.errorDescription?.contains("did you mean 'VGGT'") == true, "\(error)")
        }
        #expect(throws: CurationError.self) { try s.curator.add(CurationEntry(.topic("没有这个主题", into: "其他"))) }
        #expect(throws: CurationError.self) { try s.curator.add(CurationEntry(.dropEdge(paper: "2601.10001", relation: .uses, entity: "VGGT"))) }
        #expect(throws: CurationError.self) { try s.curator.add(CurationEntry(.dropLineage(child: "BetaNet", parent: "VGGT"))) }

        _ = try s.curator.add(CurationEntry(.kind("VGGT", .dataset)))
        #expect(throws: CurationError.self) { try s.curator.add(CurationEntry(.kind("VGGT", .metric))) }
        #expect(throws: CurationError.self) { try s.curator.add(CurationEntry(.kind("VGGT", .dataset))) }
        #expect(throws: CurationError.self) { try s.curator.add(CurationEntry(.drop("VGGT"))) }
        _ = try s.curator.add(CurationEntry(.topic("其他论文", into: "其他")))
        #expect(throws: CurationError.self) { try s.curator.add(CurationEntry(.topic("其他", into: "其他论文"))) }
        // Refusals leave the file as it was.
        #expect(try CurationFile.read(s.curation).entries.count == 2)
    }

    @Test func theFileRoundTripsAndUndoRestoresTheGraph() throws {
        let s = try Self.setup()
        let original = try s.store.export().json()
        _ = try s.curator.add(CurationEntry(.merge("SAM-HQ", into: "HQ-SAM"), reason: "a \"quoted\" reason: with colons"))
        // The researcher's own comment survives later edits.
        let text = try String(contentsOfFile: s.curation, encoding: .utf8) + "# checked with the authors' code\n"
        try text.write(toFile: s.curation, atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: s.curation, encoding: .utf8)
        _ = try? s.curator.add(CurationEntry(.merge("SAM-HQ", into: "HQ-SAM")))  // refused: nothing changes
        #expect(try String(contentsOfFile: s.curation, encoding: .utf8) == before)
        let parsed = try CurationFile.read(s.curation)
        #expect(parsed.entries.map(\.decision) == [.merge("SAM-HQ", into: "HQ-SAM")])
        #expect(parsed.entries.first?.reason == "a \"quoted\" reason: with colons")
        #expect(
            CurationFile.block(parsed.entries[0]) == before.components(separatedBy: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.joined(separator: "\n")
                + "\n")

        _ = try s.curator.add(CurationEntry(.drop("DUSt3R")))
        #expect(try String(contentsOfFile: s.curation, encoding: .utf8).hasPrefix(before))
        _ = try s.curator.undo()
        #expect(try String(contentsOfFile: s.curation, encoding: .utf8) == before)
        _ = try s.curator.undo()
        #expect(try s.store.export().json() == original)
        #expect(throws: CurationError.self) { try s.curator.undo() }
    }

    /// A split sense that some digest gives as a spelling of the acronym would be merged back
    /// by the store: the pass removes that spelling from the acronym everywhere.
    @Test func aSplitSenseIsNoLongerASpellingOfTheAcronym() {
        var sr = ExtractedEntity(name: "SR", kind: .metric, aliases: ["Super-Resolution", "Success Rate"])
        sr.aliases.insert("success rate")
        let extraction = Extraction(
            entities: [sr], edges: [ExtractedEdge(source: "arxiv:1", target: sr.id, relation: .reports, line: 3, evidence: "SR 提升")])
        let digest = Digest(key: "2026-W01", language: "zh-CN", path: "x.md", title: nil, entries: [], diagnostics: [])
        let (_, curated) = Curation(entries: [CurationEntry(.split("SR", papers: ["arxiv:1"], as: "Success Rate"))]).apply(digest, extraction)
        #expect(Set(curated.entities.map(\.name)) == ["Success Rate"])
        #expect(curated.edges.map(\.target) == [EntityName.id(for: "Success Rate")])
        let (_, elsewhere) = Curation(entries: [CurationEntry(.split("SR", papers: ["arxiv:2"], as: "Success Rate"))]).apply(digest, extraction)
        #expect(elsewhere.entities.first?.aliases == ["Super-Resolution"])
    }

    @Test func nearSpellingsAreTyposNotVersions() {
        #expect(Review.distanceIsOne("depthanything", "depthanythng"))
        #expect(Review.distanceIsOne("cut3r", "mut3r"))
        #expect(!Review.distanceIsOne("sam2-unet", "sam3-unet"))
        #expect(Review.words("HQ-SAM") == Review.words("SAM-HQ") && Review.words("GPT-4.5") != Review.words("GPT-5.4"))
    }

    /// FooGPT ← GPT from the names alone is flagged; a child the sentence derives from GPT is not.
    @Test func aFamilyNameAsParentIsSuspicious() {
        func entity(_ name: String) -> EntitySummary {
            EntitySummary(entity: Entity(id: EntityName.id(for: name), name: name, kind: .method), papers: 1, aliases: [])
        }
        let names = ["GPT", "FooGPT", "BarGPT", "GPT-Next", "Solo"]
        func link(_ child: String, _ evidence: String) -> LineageLink {
            LineageLink(
                child: EntityName.id(for: child), parent: EntityName.id(for: "GPT"), relation: .derived_from, digest: "2026-W01", line: 3, evidence: evidence)
        }
        let lineage = [
            link("FooGPT", "本文提出 FooGPT，一个对话模型。"), link("BarGPT", "BarGPT 用于检索。"),
            link("GPT-Next", "GPT-Next 在 GPT 的基础上扩展了上下文。"), link("Solo", "Solo 基于 GPT 构建。"),
        ]
        let items = Review.items(entities: names.map(entity), links: [], lineage: lineage).filter { $0.kind == .lineage }
        #expect(items.count == 1)
        #expect(items.first?.names == ["GPT", "BarGPT", "FooGPT"])
        #expect(items.first?.command.contains("papergraph curate drop-lineage BarGPT GPT") == true)
        #expect(Review.standsAlone("GPT", in: "GPT-4o 与 GPT 对比") && !Review.standsAlone("GPT", in: "FooGPT 与 GPT-4o"))
    }

    @Test func badFilesAreReportedWithTheirLine() throws {
        #expect(throws: CurationError.invalid(path: "c.yaml", line: 2, reason: "`merge` needs `into:`")) {
            try CurationFile.parse("# mine\n- merge: \"A\"\n", path: "c.yaml")
        }
        #expect(throws: CurationError.self) { try CurationFile.parse("- kind: \"A\"\n  is: \"algorithm\"\n", path: "c.yaml") }
        #expect(throws: CurationError.self) { try CurationFile.parse("merge: [\n", path: "c.yaml") }
        #expect(try CurationFile.parse("# nothing yet\n", path: "c.yaml") == .none)
    }

    @Test(.enabled(if: TestPaths.hasWeek49)) func reviewOnTheCorpusFindsKnownDuplicatesAndSensesAndAMergeChangesTheGraph() throws {
        let corpus = try TestCorpus.store.get()
        let items = Review.items(
            entities: try corpus.entities(),
            links: try corpus.links(toKind: nil).map { PaperEntityLink(paper: $0.paper, entity: $0.entity.id, relation: $0.relation) },
            lineage: try corpus.allLineageLinks())
        let duplicates = Set(items.filter { $0.kind == .duplicate }.map { Set($0.names) })
        for pair in [["HQ-SAM", "SAM-HQ"], ["ScanNet", "ScanNetV2"], ["Occ3D-nuScenes", "nuScenes-Occ3D"]] {
            #expect(duplicates.contains(Set(pair)), "\(pair) not among the duplicates")
        }
        let senses = Set(items.filter { $0.kind == .senses }.flatMap(\.names))
        // Acronyms the sense lexicon separates at extraction are no longer one entity of two
        // senses; review still points at the homonyms it does not know (PLM: two unrelated models).
        #expect(senses.contains("PLM"), "\(senses)")
        #expect(senses.isDisjoint(with: ["SR", "MAE"]), "\(senses)")
        // The spelling with more papers is kept; which one that is follows the extraction.
        #expect(
            items.contains {
                $0.command == "papergraph curate merge SAM-HQ HQ-SAM" || $0.command == "papergraph curate merge HQ-SAM SAM-HQ"
            })

        // Merging HQ-SAM and SAM-HQ in a store of the digests that name them.
        let folder = try TestPaths.temporaryFolder()
        let store = try GraphStore(path: folder.appendingPathComponent("g.sqlite").path, create: true)
        let digests = try corpus.digests(mentioning: ["entity:hqsam", "entity:samhq"], papers: [], topics: [])
        #expect(digests.count >= 2)
        _ = Ingestor(store: store).ingest(files: digests.map(\.path))
        let relatedBefore = try store.related("HQ-SAM").count
        let map = MapBuilder(store: store)
        // SAM-HQ's family before is SAM and SAM-HQ; after, it is HQ-SAM's, with its child.
        #expect(try !map.lineage(of: "SAM-HQ").dot.contains("Moondream"))
        let outcome = try Curator(store: store, path: folder.appendingPathComponent("c.yaml").path).add(CurationEntry(.merge("SAM-HQ", into: "HQ-SAM")))
        #expect(outcome.reread.count == digests.count)
        #expect(try store.entities().contains { $0.entity.name == "SAM-HQ" } == false)
        #expect(try store.related("HQ-SAM").count > relatedBefore)
        #expect(try map.lineage(of: "SAM-HQ").dot.contains("Moondream"))
    }
}
