import Foundation

/// When a paper entered the graph: its arXiv month and the week a digest first featured it.
public struct PaperTime: Sendable, Equatable {
    public var paper: String
    public var month: String?
    public var week: String?
    public var topic: String?

    public init(paper: String, month: String?, week: String?, topic: String?) {
        self.paper = paper
        self.month = month
        self.week = week
        self.topic = topic
    }

    func period(_ by: Trends.Period) -> String? { by == .month ? month : week }
}

/// One cell of a trend: how many papers a topic or an entity had in one period.
public struct TrendCount: Sendable, Equatable, Codable {
    public var period: String
    public var label: String
    public var relation: String?
    public var papers: Int
}

/// An entity or topic whose share of papers grew between the two halves of a window.
public struct RisingTrend: Sendable, Equatable, Codable {
    public var label: String
    public var before: Int
    public var after: Int
    /// Share of all papers of the half, in percent.
    public var shareBefore: Double
    public var shareAfter: Double
}

/// Counts over time, as pure functions of papers' times and links: each paper counts once
/// per period, in its arXiv month (`.month`) or the week a digest first read it (`.week`).
public enum Trends {
    public enum Period: String, Sendable, CaseIterable { case week, month }

    /// Papers per period per topic (a paper under its latest topic, so the counts add up to
    /// the papers with a known period).
    public static func topics(_ papers: [PaperTime], by: Period, since: String? = nil, topic: String? = nil) -> [TrendCount] {
        var counts: [String: [String: Int]] = [:]
        for p in papers {
            guard let period = p.period(by), inWindow(period, since: since, by: by) else { continue }
            let label = p.topic ?? "(no topic)"
            if let topic, !label.localizedCaseInsensitiveContains(topic) { continue }
            counts[period, default: [:]][label, default: 0] += 1
        }
        return flatten(counts, relation: nil)
    }

    /// Papers per period linked to each entity (any relation but derived_from), or per
    /// relation when `byRelation`.
    public static func entities(
        _ links: [EntityLink], papers: [PaperTime], by: Period, since: String? = nil,
        byRelation: Bool = false
    ) -> [TrendCount] {
        let time = Dictionary(papers.map { ($0.paper, $0) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<String>()
        var counts: [String: [String: Int]] = [:]  // period → "label\u{1F}relation" → papers
        for link in links where link.relation != .derived_from {
            guard let period = time[link.paper]?.period(by), inWindow(period, since: since, by: by) else { continue }
            let key = link.entity.name + (byRelation ? "\u{1F}" + link.relation.rawValue : "")
            guard seen.insert("\(period)|\(key)|\(link.paper)").inserted else { continue }
            counts[period, default: [:]][key, default: 0] += 1
        }
        return counts.flatMap { period, labels in
            labels.map { key, n -> TrendCount in
                let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
                return TrendCount(period: period, label: parts[0], relation: parts.count > 1 ? parts[1] : nil, papers: n)
            }
        }.sorted(by: order)
    }

    static func flatten(_ counts: [String: [String: Int]], relation: String?) -> [TrendCount] {
        counts.flatMap { period, labels in labels.map { TrendCount(period: period, label: $0.key, relation: relation, papers: $0.value) } }
            .sorted(by: order)
    }

    static func order(_ a: TrendCount, _ b: TrendCount) -> Bool {
        (a.period, b.papers, a.label, a.relation ?? "") < (b.period, a.papers, b.label, b.relation ?? "")
    }

    static func inWindow(_ period: String, since: String?, by: Period) -> Bool {
        guard let since else { return true }
        if by == .month { return period >= since }
        // A week is in the window when its Monday's month is.
        return (WeekDate.monday(of: period).map { String($0.prefix(7)) } ?? period) >= since
    }

    /// The labels whose share of papers grew most from the first half of the window (the
    /// periods holding the earlier half of its papers) to the second; at least `minimum`
    /// papers in the second half.
    public static func rising(
        _ counts: [TrendCount], papers: [PaperTime], by: Period, since: String? = nil,
        limit: Int, minimum: Int = 3
    ) -> [RisingTrend] {
        // Halves of equal papers, not of equal periods: a digest also features old papers, and
        // a few sparse early months would otherwise make a "first half" of almost nothing.
        let times = papers.compactMap { $0.period(by) }.filter { inWindow($0, since: since, by: by) }.sorted()
        guard times.count >= 2, times.first != times.last else { return [] }
        var split = times[times.count / 2]
        if split == times.first { split = times.first { $0 > split }! }
        var total = (0, 0)
        for p in papers {
            guard let period = p.period(by), inWindow(period, since: since, by: by) else { continue }
            if period < split { total.0 += 1 } else { total.1 += 1 }
        }
        var byLabel: [String: (Int, Int)] = [:]
        for c in counts {
            if c.period < split { byLabel[c.label, default: (0, 0)].0 += c.papers } else { byLabel[c.label, default: (0, 0)].1 += c.papers }
        }
        let rising = byLabel.compactMap { label, n -> RisingTrend? in
            guard n.1 >= minimum else { return nil }
            let before = 100 * Double(n.0) / Double(max(total.0, 1)), after = 100 * Double(n.1) / Double(max(total.1, 1))
            guard after > before else { return nil }
            return RisingTrend(label: label, before: n.0, after: n.1, shareBefore: (before * 10).rounded() / 10, shareAfter: (after * 10).rounded() / 10)
        }
        return rising.sorted { a, b in
            let ga = a.shareAfter - a.shareBefore, gb = b.shareAfter - b.shareBefore
            return ga != gb ? ga > gb : a.label < b.label
        }.prefix(limit).map { $0 }
    }
}
