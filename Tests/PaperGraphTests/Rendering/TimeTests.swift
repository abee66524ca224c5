import Foundation
import Testing

@testable import PaperGraph

/// Trends as pure counts, and the time maps.
@Suite struct TrendTests {
    static let papers = [
        PaperTime(paper: "a", month: "2025-01", week: "2025-W03", topic: "SLAM"),
        PaperTime(paper: "b", month: "2025-01", week: "2025-W05", topic: "SLAM"),
        PaperTime(paper: "c", month: "2025-02", week: "2025-W05", topic: "场景重建"),
        PaperTime(paper: "d", month: "2025-03", week: "2025-W10", topic: "场景重建"),
        PaperTime(paper: "e", month: "2025-03", week: "2025-W10", topic: "场景重建"),
        PaperTime(paper: "f", month: nil, week: "2025-W10", topic: "SLAM"),
    ]

    @Test func eachPaperCountsOnceInItsPeriodUnderItsTopic() {
        let byMonth = Trends.topics(Self.papers, by: .month)
        #expect(byMonth.reduce(0) { $0 + $1.papers } == 5)
        #expect(byMonth.first { $0.period == "2025-03" && $0.label == "场景重建" }?.papers == 2)
        let byWeek = Trends.topics(Self.papers, by: .week)
        #expect(byWeek.reduce(0) { $0 + $1.papers } == 6)
        #expect(Trends.topics(Self.papers, by: .month, since: "2025-02").reduce(0) { $0 + $1.papers } == 3)
        #expect(Trends.topics(Self.papers, by: .month, topic: "slam").allSatisfy { $0.label == "SLAM" })
    }

    @Test func risingComparesSharesOfTheTwoHalves() {
        let vggt = Entity(id: "entity:vggt", name: "VGGT", kind: .method), old = Entity(id: "entity:old", name: "Old", kind: .method)
        let links = [
            EntityLink(paper: "a", entity: old, relation: .uses), EntityLink(paper: "b", entity: old, relation: .uses),
            EntityLink(paper: "c", entity: vggt, relation: .builds_on), EntityLink(paper: "d", entity: vggt, relation: .builds_on),
            EntityLink(paper: "e", entity: vggt, relation: .uses), EntityLink(paper: "e", entity: vggt, relation: .builds_on),
        ]
        let counts = Trends.entities(links, papers: Self.papers, by: .month)
        // One paper counts once even when it links by two relations…
        #expect(counts.first { $0.period == "2025-03" && $0.label == "VGGT" }?.papers == 2)
        // …and per relation when asked.
        #expect(Trends.entities(links, papers: Self.papers, by: .month, byRelation: true).contains { $0.relation == "uses" && $0.label == "VGGT" })
        let rising = Trends.rising(counts, papers: Self.papers, by: .month, limit: 5, minimum: 2)
        #expect(rising.map(\.label) == ["VGGT"])
        #expect(rising[0].before == 0 && rising[0].after == 3)
    }

    @Test(.enabled(if: TestPaths.hasWeek49)) func corpusTrendsAddUpAndAgreeWithPapers() throws {
        let store = try TestCorpus.store.get()
        let papers = try store.paperTimes()
        let counts = Trends.topics(papers, by: .month)
        #expect(counts.reduce(0) { $0 + $1.papers } == papers.filter { $0.month != nil }.count)
        // A sampled cell: papers --topic T --since M, minus those from the next month on.
        let cells = counts.sorted { $0.papers > $1.papers }.prefix(3)
        for cell in cells {
            let from = try store.papers(PaperFilter(since: cell.period)).filter { $0.paper.topic == cell.label && $0.paper.month == cell.period }
            #expect(from.count == cell.papers, "\(cell)")
        }
    }

    @Test(.enabled(if: TestPaths.hasWeek49)) func vggtByTimeReadsDownThroughTheMonths() throws {
        let store = try TestCorpus.store.get()
        let builder = MapBuilder(store: store)
        let map = try builder.lineageByTime(of: "VGGT")
        #expect(map.dot == (try builder.lineageByTime(of: "VGGT").dot))
        let rows = map.graph.clusters.filter { $0.key.hasPrefix("row:") }
        func row(of key: String) -> Int? { rows.firstIndex { $0.nodes.contains { $0.key == key } } }
        func month(ofRow i: Int) -> String { rows[...i].last { !($0.attributes["label"] ?? "").isEmpty }?.attributes["label"] ?? "" }
        let top = try #require(row(of: "entity:vggt"))
        var months: [String: String] = [:]
        for p in try store.proposals(of: rows.flatMap { $0.nodes.map(\.key) }) {
            if let m = p.paper.month, months[p.entity].map({ m < $0 }) ?? true { months[p.entity] = m }
        }
        let children = map.graph.edges.filter { $0.from == "entity:vggt" && $0.attributes["style"] != "invis" }.map(\.to)
        #expect(children.count > 20)
        for child in children {
            let r = try #require(row(of: child))
            if let own = months[child] {
                #expect(r > top, "\(child) is not below VGGT")
                #expect(month(ofRow: r) == own, "\(child) of \(own) sits on \(month(ofRow: r))")
            } else {
                #expect(r == top, "\(child) has no month: it sits on its ancestor's row")
            }
        }
        // A crowded month wraps: no row holds more than the row width.
        #expect(rows.allSatisfy { $0.nodes.count <= MapBuilder.monthRowWidth })
        let timeline = try builder.timeline(TimelineOptions(since: "2025-01"))
        #expect(timeline.dot.contains("场景重建"))
        #expect(try GraphvizRenderer.shared.render(timeline.dot, format: .svg).count > 1000)
    }
}
