import Foundation

/// The HTML of every page, from the graph read into memory. All text goes through
/// ``HTML/escape(_:)``; all links come from ``SitePath``.
struct SitePages: Sendable {
    let graph: SiteGraph
    /// Related papers shown on a paper's page.
    var relatedLimit = 8

    /// One page to make.
    enum Job: Sendable {
        case index, topic(String), digest(DigestInfo), paper(String)
        case lineage(forest: String?)
        case entity(String, map: (svg: String, shown: Int, total: Int)?)
    }

    /// A page's path and HTML.
    func make(_ job: Job) -> (path: String, text: String) {
        switch job {
        case .index: return index()
        case .topic(let name): return topic(name)
        case .digest(let info): return digest(info)
        case .paper(let id): return paper(id)
        case .lineage(let forest): return lineage(forest: forest)
        case .entity(let id, let map): return entity(id, map: map)
        }
    }

    static let relationOrder: [Relation] = [.proposes, .builds_on, .uses, .compares_with, .evaluates_on, .reports, .mentions]
    static let relationTitle: [Relation: String] = [
        .proposes: "Proposes", .builds_on: "Builds on", .uses: "Uses", .compares_with: "Compares with",
        .evaluates_on: "Evaluates on", .reports: "Reports", .mentions: "Mentions", .derived_from: "Derived from",
    ]
    /// Papers' relations to an entity, as its page titles them.
    static let incomingTitle: [Relation: String] = [
        .proposes: "Introduced by", .builds_on: "Papers that build on it", .uses: "Papers that use it",
        .compares_with: "Papers that compare with it", .evaluates_on: "Papers that evaluate on it",
        .reports: "Papers that report it", .mentions: "Papers that mention it",
    ]

    // MARK: - Pieces

    func paperLink(_ id: String, from page: String) -> String {
        guard let paper = graph.papers[id] else { return HTML.escape(id) }
        let name = Self.shortName(paper).map { "<b>\(HTML.escape($0))</b> " } ?? ""
        return "<a href=\"\(HTML.escape(SitePath.link(SitePath.paper(id), from: page)))\">\(name)\(HTML.escape(paper.title))</a>"
    }

    func entityLink(_ id: String, from page: String) -> String {
        guard let entity = graph.entities[id] else { return HTML.escape(id) }
        return
            "<a class=\"entity \(entity.kind.rawValue)\" href=\"\(HTML.escape(SitePath.link(SitePath.entity(id), from: page)))\">\(HTML.escape(entity.name))</a>"
    }

    func topicLink(_ topic: String, from page: String) -> String {
        HTML.link(SitePath.link(SitePath.topic(topic), from: page), topic, className: "topic")
    }

    /// "2025-W49:1940", linked to the entry of the digest that holds the line.
    func source(_ digest: String, _ language: String, _ line: Int, from page: String) -> String {
        let anchor = graph.entry(digest: digest, language: language, line: line).map { "#L\($0.line)" } ?? ""
        return HTML.link(SitePath.link(SitePath.digest(digest, language), from: page) + anchor, "\(digest):\(line)", className: "source")
    }

    func evidence(_ edges: [GraphExport.Edge], from page: String) -> String {
        var seen = Set<String>()
        let items = edges.filter { seen.insert($0.evidence).inserted }.map { edge in
            "<li><q>\(HTML.escape(edge.evidence))</q> \(source(edge.digest, edge.language, edge.line, from: page))</li>"
        }
        return items.isEmpty ? "" : "<ul class=\"evidence\">" + items.joined() + "</ul>"
    }

    /// A paper's short name when its title does not already start with it.
    static func shortName(_ paper: Paper) -> String? {
        guard let name = paper.name, !paper.title.lowercased().hasPrefix(name.lowercased()) else { return nil }
        return name
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    // MARK: - Index

    func index() -> (String, String) {
        let page = "index.html"
        let s = graph.stats
        var body = """
            <h1>papergraph</h1>
            <p class="lead">\(Self.count(s.papers, "paper")) from \(Self.count(s.digests, "digest")) · \(Self.count(s.topics, "topic")) · \
            \(s.methods) methods, \(s.datasets) datasets, \(s.metrics) metrics · \(Self.count(s.edges, "edge")), \(s.lineageEdges) of them lineage. \
            Type in the box above to search titles, summaries (中文 or English), methods and datasets.</p>
            """
        body += ranked(
            "Most built-on methods", kind: .method, relations: [.builds_on], from: page, noun: "paper builds on it", nouns: "papers build on it")
        body += ranked("Most used datasets", kind: .dataset, relations: [.uses, .evaluates_on], from: page, noun: "paper uses it", nouns: "papers use it")
        body += "<p>" + HTML.link(SitePath.link(SitePath.lineage, from: page), "Method lineage: the forest and every family →") + "</p>"
        body += "<h2 id=\"topics\">Topics</h2><ul class=\"columns\">"
        for topic in graph.topics.sorted(by: { ($1.papers, $0.topic) < ($0.papers, $1.topic) }) {
            body += "<li>\(topicLink(topic.topic, from: page)) <span class=\"n\">\(topic.papers)</span></li>"
        }
        body += "</ul><h2 id=\"digests\">Digests</h2><ul class=\"columns\">"
        for digest in graph.digests.sorted(by: { ($1.key, $0.language) < ($0.key, $1.language) }) {
            body +=
                "<li>\(HTML.link(SitePath.link(SitePath.digest(digest.key, digest.language), from: page), "\(digest.key) (\(digest.language))")) <span class=\"n\">\(Self.count(digest.papers, "paper"))</span></li>"
        }
        body += "</ul>"
        return (page, HTML.page(path: page, title: "papergraph", body: body))
    }

    private func ranked(_ title: String, kind: EntityKind, relations: Set<Relation>, from page: String, noun: String, nouns: String) -> String {
        let counted = graph.entities.values.filter { $0.kind == kind }.map { entity -> (Entity, Int) in
            (entity, Set((graph.linksTo[entity.id] ?? []).filter { relations.contains($0.relation) }.map(\.paper)).count)
        }.filter { $0.1 > 0 }.sorted { ($1.1, $0.0.name) < ($0.1, $1.0.name) }.prefix(15)
        guard !counted.isEmpty else { return "" }
        return "<h2>\(HTML.escape(title))</h2><ol class=\"ranked\">"
            + counted.map { "<li>\(entityLink($0.0.id, from: page)) <span class=\"n\">\($0.1) \($0.1 == 1 ? noun : nouns)</span></li>" }.joined()
            + "</ol>"
    }

    // MARK: - Topic and digest

    func topic(_ topic: String) -> (String, String) {
        let page = SitePath.topic(topic)
        let entries = graph.entriesOfTopic[topic] ?? []
        var body = "<h1>\(HTML.escape(topic))</h1><p class=\"lead\">Topic · \(Self.count(Set(entries.map(\.paper)).count, "paper")) by week, newest first.</p>"
        for (_, group) in Dictionary(grouping: entries, by: { SiteGraph.digestKey($0.digest, $0.language) }).sorted(by: { $0.key > $1.key }) {
            let first = group[0]
            body +=
                "<h2>\(HTML.link(SitePath.link(SitePath.digest(first.digest, first.language), from: page), "\(first.digest) (\(first.language))"))</h2><ul class=\"papers\">"
            body += group.map { "<li>\(paperLink($0.paper, from: page))</li>" }.joined() + "</ul>"
        }
        return (page, HTML.page(path: page, title: topic, body: body))
    }

    func digest(_ info: DigestInfo) -> (String, String) {
        let page = SitePath.digest(info.key, info.language)
        let entries = graph.entriesOfDigest[SiteGraph.digestKey(info.key, info.language)] ?? []
        var body = """
            <h1>\(HTML.escape(info.key)) <small>\(HTML.escape(info.language))</small></h1>
            <p class="lead">Digest · \(Self.count(info.papers, "paper")), \(Self.count(info.edges, "edge")) · read from <code>\(HTML.escape(info.path))</code></p>
            """
        var topic: String?? = .none
        for entry in entries {
            if topic != .some(entry.topic) {
                if topic != nil { body += "</ul>" }
                topic = .some(entry.topic)
                body += "<h2>\(entry.topic.map { topicLink($0, from: page) } ?? "Other papers")</h2><ul class=\"papers\">"
            }
            let paper = graph.papers[entry.paper]
            body += "<li id=\"L\(entry.line)\">\(paperLink(entry.paper, from: page))"
            if let url = paper?.url { body += " · " + HTML.link(url, "source", className: "external") }
            body += "<details><summary>Summary (line \(entry.line))</summary><p>\(HTML.escape(entry.summary))</p></details></li>"
        }
        if topic != nil { body += "</ul>" }
        return (page, HTML.page(path: page, title: "\(info.key) \(info.language)", body: body))
    }

    // MARK: - Paper

    func paper(_ id: String) -> (String, String) {
        let page = SitePath.paper(id)
        guard let paper = graph.papers[id] else { return (page, "") }
        var body = "<h1>\(Self.shortName(paper).map { "<b>\(HTML.escape($0))</b> " } ?? "")\(HTML.escape(paper.title))</h1><p class=\"lead\">"
        var facts: [String] = []
        if let arxiv = paper.arxiv { facts.append("arXiv \(HTML.escape(arxiv))\(paper.version.map { "v\($0)" } ?? "")") }
        if let url = paper.url { facts.append(HTML.link(url, "source", className: "external")) }
        if let month = paper.month { facts.append(HTML.escape(month)) }
        let topics = graph.paperTopics[id] ?? []
        if !topics.isEmpty { facts.append("topic " + topics.map { topicLink($0, from: page) }.joined(separator: ", ")) }
        let entries = graph.entriesOfPaper[id] ?? []
        if !entries.isEmpty {
            facts.append(
                "in "
                    + entries.map { HTML.link(SitePath.link(SitePath.digest($0.digest, $0.language), from: page) + "#L\($0.line)", $0.digest) }.joined(
                        separator: ", "))
        }
        body += facts.joined(separator: " · ") + "</p>"
        if let summary = entries.last?.summary, !summary.isEmpty {
            // The opening visible, the whole on request: the relations below are what the page is for.
            let opening = summary.count > 240 ? String(summary.prefix(220)) + "…" : summary
            body += "<details class=\"summary\"><summary>\(HTML.escape(opening))</summary><p>\(HTML.escape(summary))</p></details>"
        }
        let edges = graph.edgesFrom[id] ?? []
        for relation in Self.relationOrder {
            let group = edges.filter { $0.relation == relation.rawValue }
            guard !group.isEmpty else { continue }
            body += "<h2>\(Self.relationTitle[relation]!)</h2><ul class=\"relations\">"
            for (target, forTarget) in Self.grouped(group, by: \.target) {
                body += "<li>\(entityLink(target, from: page))\(evidence(forTarget, from: page))</li>"
            }
            body += "</ul>"
        }
        let related = graph.related(to: id, limit: relatedLimit)
        if !related.isEmpty {
            body += "<h2>Related papers</h2><ol class=\"related\">"
            for other in related {
                body += "<li>\(paperLink(other.paper.id, from: page)) <span class=\"why\">\(HTML.escape(other.reasons.joined(separator: "; ")))</span></li>"
            }
            body += "</ol>"
        }
        return (page, HTML.page(path: page, title: paper.name ?? paper.title, body: body))
    }

    /// Groups in first-seen order.
    static func grouped<T>(_ items: [T], by key: (T) -> String) -> [(String, [T])] {
        var order: [String] = [], groups: [String: [T]] = [:]
        for item in items {
            let k = key(item)
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(item)
        }
        return order.map { ($0, groups[$0]!) }
    }

    // MARK: - Entity

    /// An entity's page; `map` is its lineage SVG (nil when it has no lineage).
    func entity(_ id: String, map: (svg: String, shown: Int, total: Int)?) -> (String, String) {
        let page = SitePath.entity(id)
        guard let entity = graph.entities[id] else { return (page, "") }
        let aliases = graph.aliases[id] ?? []
        var body = """
            <h1>\(HTML.escape(entity.name)) <small class="kind \(entity.kind.rawValue)">\(entity.kind.rawValue)</small></h1>
            <p class="lead">\(Self.count(graph.paperCounts[id] ?? 0, "paper"))\(aliases.isEmpty ? "" : " · also written " + aliases.map { "<span class=\"alias\">\(HTML.escape($0))</span>" }.joined(separator: ", "))</p>
            """
        let incoming = (graph.edgesTo[id] ?? []).filter { graph.papers[$0.source] != nil }
        body += papers(incoming.filter { $0.relation == Relation.proposes.rawValue }, title: Self.incomingTitle[.proposes]!, from: page)
        if let map {
            let caption =
                map.shown < map.total
                ? "Parents above children: the \(map.shown) nearest of \(map.total) methods within two steps; every parent and child is listed below."
                : "Parents above children, two steps each way\(map.shown <= SiteMaps.crowded ? ", each method with the paper that introduced it" : "")."
            body += "<h2>Lineage</h2>" + SiteMaps.figure(map.svg, file: SitePath.map(id), from: page, caption: caption)
        }
        body += lineageList((graph.lineageByChild[id] ?? []), title: "Derived from", other: \.parent, from: page)
        body += lineageList((graph.lineageByParent[id] ?? []), title: "Gave rise to", other: \.child, from: page)
        for relation in Self.relationOrder where relation != .proposes {
            body += papers(incoming.filter { $0.relation == relation.rawValue }, title: Self.incomingTitle[relation]!, from: page)
        }
        return (page, HTML.page(path: page, title: entity.name, body: body))
    }

    private func papers(_ edges: [GraphExport.Edge], title: String, from page: String) -> String {
        guard !edges.isEmpty else { return "" }
        let groups = Self.grouped(edges, by: \.source).sorted { a, b in
            let ma = graph.papers[a.0]?.month ?? "", mb = graph.papers[b.0]?.month ?? ""
            return ma != mb ? ma > mb : a.0 < b.0
        }
        return "<h2>\(HTML.escape(title)) <span class=\"n\">\(groups.count)</span></h2><ul class=\"relations\">"
            + groups.map { "<li>\(paperLink($0.0, from: page))\(evidence(Array($0.1.prefix(2)), from: page))</li>" }.joined() + "</ul>"
    }

    private func lineageList(_ links: [LineageLink], title: String, other: KeyPath<LineageLink, String>, from page: String) -> String {
        var best: [String: LineageLink] = [:]
        for link in links where best[link[keyPath: other]].map({ LineageLink.precedes(link, $0) }) ?? true { best[link[keyPath: other]] = link }
        guard !best.isEmpty else { return "" }
        let rows = best.values.sorted {
            (graph.entities[$0[keyPath: other]]?.name ?? "", $0[keyPath: other]) < (graph.entities[$1[keyPath: other]]?.name ?? "", $1[keyPath: other])
        }
        return "<h2>\(title) <span class=\"n\">\(rows.count)</span></h2><ul class=\"relations\">"
            + rows.map { link in
                let how =
                    link.relation == .derived_from
                    ? "derived_from"
                    : other == \LineageLink.parent
                        ? "builds_on: the paper proposing this method builds on it" : "builds_on: the paper proposing it builds on this method"
                return
                    "<li>\(entityLink(link[keyPath: other], from: page)) <span class=\"why\">\(how)</span><ul class=\"evidence\"><li><q>\(HTML.escape(link.evidence))</q> \(source(link.digest, graph.languageOf[link.digest] ?? "", link.line, from: page))</li></ul></li>"
            }.joined() + "</ul>"
    }

    // MARK: - Lineage

    func lineage(forest: String?) -> (String, String) {
        let page = SitePath.lineage
        var body =
            "<h1>Method lineage</h1><p class=\"lead\">\(Self.count(graph.lineage.count, "lineage link")): a method derived from another, or a paper's method and what the paper builds on.</p>"
        if let forest {
            body += SiteMaps.figure(forest, file: SitePath.lineageMap, from: page, caption: "The largest families; every family is listed below.")
        }
        var children: [String: Set<String>] = [:]
        for link in graph.lineage { children[link.parent, default: []].insert(link.child) }
        body += "<h2>Families <span class=\"n\">\(children.count) methods with descendants</span></h2><ul class=\"columns\">"
        for (parent, kids) in children.sorted(by: {
            ($1.value.count, graph.entities[$0.key]?.name ?? "") < ($0.value.count, graph.entities[$1.key]?.name ?? "")
        }) {
            body += "<li>\(entityLink(parent, from: page)) <span class=\"n\">\(kids.count)</span></li>"
        }
        body += "</ul>"
        return (page, HTML.page(path: page, title: "Method lineage", body: body))
    }
}
