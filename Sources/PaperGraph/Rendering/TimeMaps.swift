import Foundation

/// Options for `map timeline`.
public struct TimelineOptions: Sendable {
    public var by: Trends.Period
    public var topic: String?
    /// Topics drawn at most (the most papers first).
    public var top: Int
    /// Only from this month on (`YYYY-MM`).
    public var since: String?
    public init(by: Trends.Period = .month, topic: String? = nil, top: Int = 20, since: String? = nil) {
        self.by = by
        self.topic = topic
        self.top = top
        self.since = since
    }
}

extension MapBuilder {
    // MARK: - Timeline

    /// Topics × periods as a heat map: one row per topic (most papers first), one column
    /// per month or week, each cell shaded by its paper count and labelled with it.
    public func timeline(_ options: TimelineOptions = TimelineOptions()) throws -> GraphMap {
        let counts = Trends.topics(try store.paperTimes(), by: options.by, since: options.since, topic: options.topic)
        guard !counts.isEmpty else {
            throw RenderError.emptyGraph(
                "no papers with a \(options.by.rawValue)\(options.topic.map { " under topic \($0)" } ?? ""); `papergraph topics` lists what is stored")
        }
        let periods = Array(Set(counts.map(\.period))).sorted()
        var byTopic: [String: [String: Int]] = [:]
        for c in counts { byTopic[c.label, default: [:]][c.period] = c.papers }
        let ranked = byTopic.keys.sorted { a, b in
            let ta = byTopic[a]!.values.reduce(0, +), tb = byTopic[b]!.values.reduce(0, +)
            return ta != tb ? ta > tb : a < b
        }
        var notes: [String] = []
        if ranked.count > options.top {
            notes.append(
                "left out \(ranked.count - options.top) of \(ranked.count) topics (kept those with the most papers); raise --top or pick one with --topic")
        }
        let topics = Array(ranked.prefix(options.top))
        let peak = topics.flatMap { byTopic[$0]!.values }.max() ?? 1
        func cell(_ n: Int) -> String {
            guard n > 0 else { return "<TD BGCOLOR=\"#FFFFFF\"> </TD>" }
            let (fill, ink) = Self.shade(n, peak: peak)
            return "<TD BGCOLOR=\"\(fill)\"><FONT COLOR=\"\(ink)\">\(n)</FONT></TD>"
        }
        let label = { (period: String) -> String in
            options.by == .month ? period : period.replacingOccurrences(of: "-W", with: "\nW")
        }
        var rows = [
            "<TR><TD BORDER=\"0\"></TD>"
                + periods.map {
                    "<TD BORDER=\"0\"><FONT POINT-SIZE=\"9\">\(DotGraph.escapeHTML(label($0)).replacingOccurrences(of: "&#10;", with: "<BR/>"))</FONT></TD>"
                }.joined()
                + "<TD BORDER=\"0\"><B>all</B></TD></TR>"
        ]
        for topic in topics {
            let row = byTopic[topic]!
            rows.append(
                "<TR><TD BORDER=\"0\" ALIGN=\"RIGHT\">\(DotGraph.escapeHTML(topic))</TD>" + periods.map { cell(row[$0] ?? 0) }.joined()
                    + "<TD BORDER=\"0\">\(row.values.reduce(0, +))</TD></TR>")
        }
        // The scale: what the shades mean.
        let steps = Array(Set([1, max(1, peak / 4), max(1, peak / 2), peak])).sorted()
        rows.append(
            "<TR><TD BORDER=\"0\" ALIGN=\"RIGHT\"><I>papers</I></TD>" + steps.map(cell).joined()
                + String(repeating: "<TD BORDER=\"0\"></TD>", count: max(0, periods.count + 1 - steps.count)) + "</TR>")
        let table = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\" COLOR=\"#DDDDDD\">" + rows.joined() + "</TABLE>"
        var graph = DotGraph()
        let title =
            "Papers per topic and \(options.by.rawValue)" + (options.topic.map { " — \($0)" } ?? "")
            + " (\(counts.reduce(0) { $0 + $1.papers }) papers; \(options.by == .month ? "arXiv month" : "week first read"))"
        graph.graphAttributes = MapStyle.graph(title: title, rankdir: "LR")
        graph.nodeDefaults = MapStyle.nodeDefaults
        graph.nodes.append(DotGraph.Node(key: "timeline", attributes: ["shape": "plain", "label": DotGraph.html(table)]))
        return GraphMap(graph: graph, notes: notes)
    }

    /// White to deep blue by the square root of the share of the peak; white text on dark cells.
    static func shade(_ n: Int, peak: Int) -> (fill: String, ink: String) {
        let t = (Double(n) / Double(max(peak, 1))).squareRoot()
        let from = (247.0, 251.0, 255.0), to = (8.0, 69.0, 148.0)
        let rgb = [from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t, from.2 + (to.2 - from.2) * t].map { Int($0.rounded()) }
        return (String(format: "#%02X%02X%02X", rgb[0], rgb[1], rgb[2]), t > 0.55 ? "#FFFFFF" : "#222222")
    }

    // MARK: - Lineage by time

    /// Methods at most on one month row before the row wraps.
    static let monthRowWidth = 8

    /// The lineage map with each method on the row of its introducing paper's arXiv month:
    /// a family reads as an evolution down through the months. Methods no stored paper
    /// introduces (the ancestors, mostly) sit on the top row; papers are not drawn (the
    /// introducing paper is in each method's tooltip).
    public func lineageByTime(of name: String? = nil, depth: Int = 3, maxNodes: Int = 150) throws -> GraphMap {
        let base = try lineage(of: name, depth: depth, maxNodes: maxNodes)
        let methods = base.graph.nodes.filter { $0.key.hasPrefix("entity:") }
        let ids = methods.map(\.key)
        var month: [String: String] = [:], introducer: [String: String] = [:]
        for proposal in try store.proposals(of: ids) {
            guard let m = proposal.paper.month else { continue }
            if month[proposal.entity] == nil || m < month[proposal.entity]! {
                month[proposal.entity] = m
                introducer[proposal.entity] = "\(proposal.paper.label) \(proposal.paper.title)"
            }
        }
        let earlier = "earlier"
        var rows: [String: [String]] = [:]
        for id in ids { rows[month[id] ?? earlier, default: []].append(id) }
        // A crowded month wraps onto further rows.
        var rowOrder: [(label: String, members: [String])] = []
        for key in rows.keys.sorted(by: { ($0 == earlier ? "" : $0) < ($1 == earlier ? "" : $1) }) {
            let members = rows[key]!.sorted()
            for start in stride(from: 0, to: members.count, by: Self.monthRowWidth) {
                let chunk = Array(members[start..<min(members.count, start + Self.monthRowWidth)])
                rowOrder.append((start == 0 ? key : "", chunk))
            }
        }
        var graph = DotGraph()
        graph.graphAttributes = base.graph.graphAttributes
        graph.graphAttributes["label"] = "Method lineage by time" + (name.map { " — \($0)" } ?? "") + " (rows: arXiv month of the introducing paper)"
        graph.graphAttributes["newrank"] = "true"
        graph.graphAttributes["ranksep"] = "0.35"
        graph.nodeDefaults = base.graph.nodeDefaults
        graph.edgeDefaults = base.graph.edgeDefaults
        let byKey = Dictionary(uniqueKeysWithValues: methods.map { ($0.key, $0) })
        for (i, row) in rowOrder.enumerated() {
            let axis = DotGraph.Node(
                key: "month:\(i)",
                attributes: [
                    "shape": "plaintext", "label": row.label, "fontsize": "12", "fontcolor": "#555555", "width": "0.9",
                ])
            var nodes = [axis]
            for id in row.members {
                var node = byKey[id]!
                if let who = introducer[id] { node.attributes["tooltip"] = "\(node.attributes["label"] ?? id) — introduced by \(who)" }
                nodes.append(node)
            }
            graph.clusters.append(
                DotGraph.Cluster(
                    key: "row:\(i)",
                    attributes: [
                        "rank": "same", "label": row.label, "labeljust": "l", "labelloc": "t", "fontsize": "12", "fontcolor": "#555555",
                        "style": "rounded", "color": row.label.isEmpty ? "#FFFFFF" : "#E4E4E4", "margin": "4",
                    ], nodes: Array(nodes.dropFirst())))
        }
        // Rows in time order: an invisible edge from each row to the next holds them apart.
        for (above, below) in zip(rowOrder, rowOrder.dropFirst()) {
            graph.edges.append(DotGraph.Edge(from: above.members[0], to: below.members[0], attributes: ["style": "invis", "weight": "0"]))
        }
        for edge in base.graph.edges where byKey[edge.from] != nil && byKey[edge.to] != nil && edge.attributes["style"] != "invis" {
            graph.edges.append(edge)
        }
        let relations = Set(graph.edges.compactMap { $0.attributes["tooltip"]?.replacingOccurrences(of: " ", with: "_") })
        let kinds = ["method", "dataset"].filter { kind in methods.contains { $0.attributes["shape"] == MapStyle.kindAttributes[kind]?["shape"] } }
        graph.clusters.append(MapStyle.legend(kinds: kinds, relations: ["derived_from", "builds_on"].filter(relations.contains)))
        return GraphMap(graph: graph, notes: base.notes)
    }
}
