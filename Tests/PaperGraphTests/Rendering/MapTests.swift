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
        let table = try store.related("2512.03939", limit: 3)
        let ids = table.rows.map { $0[0] }
        #expect(ids.contains(.text("2511.22429")))
        let fin3r = try #require(table.rows.first { $0[0] == .text("2511.22429") })
        guard case .list(let reasons) = fin3r[4] else { Issue.record("no reasons"); return }
        #expect(reasons.contains { $0.contains("CUT3R") })
    }

    @Test func papersByEntityAndRelation() throws {
        let builders = try store.papers(PaperFilter(entity: "VGGT", relation: .builds_on)).rows.map { $0[0] }
        #expect(builders.contains(.text("2512.02541")))
        let onNuScenes = try store.papers(PaperFilter(entity: "nuscenes", relation: .evaluates_on)).rows.map { $0[0] }
        #expect(onNuScenes.contains(.text("2512.02972")))
        #expect(throws: StoreError.notFound("NoSuchMethod")) { try store.papers(PaperFilter(entity: "NoSuchMethod")) }
    }

    @Test func entitiesAndBaselines() throws {
        let datasets = try store.entities(kind: .dataset, minPapers: 2)
        #expect(datasets.rows.contains { $0[0] == .text("nuScenes") })
        #expect(datasets.rows.allSatisfy { $0[1] == .text("dataset") })
        let baselines = try store.baselines(limit: 10)
        #expect(!baselines.rows.isEmpty)
        #expect(baselines.rows.contains { $0[0] == .text("3DGS") })
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
