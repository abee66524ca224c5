import Foundation
import Testing

@testable import PaperGraph

/// Maps and graph queries on a database of week 49 alone (the acceptance of the maps issue).
@Suite(.enabled(if: TestPaths.hasWeek49)) struct Week49GraphTests {
    let store: GraphStore

    init() throws {
        store = try GraphStore()
        _ = Ingestor(store: store).ingest(file: TestPaths.week49)
    }

    @Test func lineageMapOfVGGTShowsItsFamilyAndAVGGTsPaper() throws {
        let map = try MapBuilder(store: store).lineage(of: "VGGT")
        let labels = map.graph.nodes.compactMap { $0.attributes["label"] }
        for name in ["VGGT", "AVGGT", "FastVGGT", "VGGT-Long"] { #expect(labels.contains(name), "missing \(name)") }
        let paper = try #require(map.graph.nodes.first { $0.key == "arxiv:2512.02541" })
        #expect(paper.attributes["URL"] == "https://arxiv.org/html/2512.02541v1")
        #expect(map.graph.edges.contains { $0.from == "entity:vggt" && $0.to == "entity:avggt" })
        let svg = String(decoding: try GraphvizRenderer.shared.render(map.dot, format: .svg), as: UTF8.self)
        #expect(svg.contains("xlink:href=\"https://arxiv.org/html/2512.02541v1\""))
        #expect(map.dot == (try MapBuilder(store: store).lineage(of: "VGGT").dot))
    }

    @Test func lineageOfDUSt3RReachesCUT3RThenMUT3R() throws {
        let steps = try store.lineage("DUSt3R", direction: .down, depth: 3)
        let cut3r = try #require(steps.first { $0.name == "CUT3R" })
        let mut3r = try #require(steps.first { $0.name == "MUT3R" })
        #expect(cut3r.depth == 1)
        #expect(mut3r.depth == 2)
        #expect(mut3r.via == "CUT3R")
        #expect(mut3r.introducedBy == ["2512.03939"])
        #expect(cut3r.evidence?.contains("CUT3R") == true)
        #expect(try store.lineage("MUT3R", direction: .up).contains { $0.name == "DUSt3R" && $0.depth == -2 })
    }

    @Test func relatedWorkRanksFin3RForMUT3R() throws {
        let related = try store.related("2512.03939", limit: 3)
        let fin3r = try #require(related.first { $0.paper.arxiv == "2511.22429" })
        #expect(fin3r.reasons.contains { $0.contains("CUT3R") })
        // By the forms `show` prints, too.
        #expect(try store.related("arXiv:2512.03939v1", limit: 3) == related)
    }

    @Test func papersByEntityAndRelation() throws {
        let builders = try store.papers(PaperFilter(entity: "VGGT", relation: .builds_on)).map(\.paper.label)
        #expect(builders.contains("2512.02541"))
        let onNuScenes = try store.papers(PaperFilter(entity: "nuscenes", relation: .evaluates_on)).map(\.paper.label)
        #expect(onNuScenes.contains("2512.02972"))
        #expect(throws: StoreError.notFound("NoSuchMethod")) { try store.papers(PaperFilter(entity: "NoSuchMethod")) }
        #expect(throws: StoreError.notFound("VGTT", suggestions: ["VGGT"])) { try store.papers(PaperFilter(entity: "VGTT")) }
    }

    @Test func entitiesAndBaselines() throws {
        let datasets = try store.entities(EntityFilter(kind: .dataset, minPapers: 2))
        #expect(datasets.contains { $0.entity.name == "nuScenes" })
        #expect(datasets.allSatisfy { $0.entity.kind == .dataset && $0.papers >= 2 })
        let baselines = try store.baselines(EntityFilter(limit: 10))
        #expect(baselines.count == 10)
        #expect(baselines.contains { $0.entity.name == "3DGS" })
        // Counting over a topic or months gives the same kind of answer over fewer papers.
        let all = try store.entities(EntityFilter(minPapers: 1))
        let scoped = try store.entities(EntityFilter(minPapers: 1, topic: "场景重建"))
        #expect(!scoped.isEmpty && scoped.count < all.count)
        for entity in scoped { #expect(entity.papers <= all.first { $0.entity == entity.entity }!.papers) }
        #expect(try store.entities(EntityFilter(since: "2099-01")).isEmpty)
        #expect(try store.baselines(EntityFilter(since: "2000-01", limit: 10)) == baselines)
    }

    @Test func topicMapClustersPapersAndNotesWhatItLeavesOut() throws {
        let map = try MapBuilder(store: store).topics()
        let topics = map.graph.clusters.compactMap { $0.attributes["label"] }
        #expect(topics.contains("场景重建 (8)"))
        #expect(map.graph.clusters.filter { $0.key.hasPrefix("topic:") }.reduce(0) { $0 + $1.nodes.count } == 29)
        #expect(map.notes.isEmpty)
        let small = try MapBuilder(store: store).topics(TopicMapOptions(maxNodes: 10))
        #expect(!small.notes.isEmpty)
        #expect(small.graph.nodeCount <= 10 + small.graph.clusters.last!.nodes.count)
    }

    @Test func committedGraphsAreUpToDate() throws {
        let folder = TestPaths.packageRoot.appendingPathComponent("graphs")
        let topics = try String(contentsOf: folder.appendingPathComponent("2025-w49-topics.dot"), encoding: .utf8)
        let lineage = try String(contentsOf: folder.appendingPathComponent("2025-w49-lineage.dot"), encoding: .utf8)
        #expect(topics == (try MapBuilder(store: store).topics().dot), "graphs/2025-w49-topics.dot is stale: run `make graphs`")
        #expect(lineage == (try MapBuilder(store: store).lineage().dot), "graphs/2025-w49-lineage.dot is stale: run `make graphs`")
    }
}
