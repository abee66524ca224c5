import Foundation

/// A map ready to draw, with a note for the reader when nodes were left out.
public struct GraphMap: Sendable {
    public var graph: DotGraph
    public var notes: [String]

    public var dot: String { DotWriter.write(graph) }
}

/// Options for `map topics`.
public struct TopicMapOptions: Sendable {
    public var digest: String?
    public var topic: String?
    /// An entity is drawn when it links at least this many of the drawn papers.
    public var minPapers = 2
    /// Papers and entities drawn at most: `dot` slows sharply past a few hundred nodes.
    public var maxNodes = 120
    public init(digest: String? = nil, topic: String? = nil, minPapers: Int = 2, maxNodes: Int = 120) {
        self.digest = digest
        self.topic = topic
        self.minPapers = minPapers
        self.maxNodes = maxNodes
    }
}

/// Builds topic, lineage and paper maps from the store.
public struct MapBuilder: Sendable {
    public let store: GraphStore
    public init(store: GraphStore) { self.store = store }

    /// Relations drawn on topic maps: what ties papers to shared methods and datasets.
    static let topicRelations: [Relation] = [.proposes, .builds_on, .compares_with, .evaluates_on, .uses]

    // MARK: - Topics

    /// Topics as clusters of their papers, with the methods and datasets that tie papers together.
    public func topics(_ options: TopicMapOptions = TopicMapOptions()) throws -> GraphMap {
        let appearances = try store.appearances(digest: options.digest, topic: options.topic)
        guard !appearances.isEmpty else {
            throw RenderError.emptyGraph(
                "no papers match\(options.digest.map { " digest \($0)" } ?? "")\(options.topic.map { " topic \($0)" } ?? ""); `papergraph digests` and `papergraph topics` list what is stored"
            )
        }
        // Each paper once, under the topic of its latest appearance in the selection.
        var papers: [String: AppearanceView] = [:]
        for row in appearances where papers[row.paper.id] == nil { papers[row.paper.id] = row }
        let links = try store.links(ofPapers: papers.keys.sorted(), relations: Self.topicRelations)
            .filter { $0.entity.kind != .metric }
        var papersOf: [String: Set<String>] = [:]
        for link in links { papersOf[link.entity.id, default: []].insert(link.paper) }
        var entities = papersOf.filter { $0.value.count >= options.minPapers }.map { ($0.key, $0.value.count) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var notes: [String] = []
        // Papers first (they are the subject); entities fill what room is left.
        var paperIDs = papers.keys.sorted()
        if paperIDs.count > options.maxNodes {
            let degree = Dictionary(grouping: links, by: \.paper).mapValues(\.count)
            paperIDs = paperIDs.sorted { (degree[$0] ?? 0, $1) > (degree[$1] ?? 0, $0) }
            let kept = Array(paperIDs.prefix(options.maxNodes * 2 / 3))
            notes.append(
                "left out \(paperIDs.count - kept.count) of \(paperIDs.count) papers (kept those with the most links); narrow with --digest or --topic, or raise --max-nodes"
            )
            paperIDs = kept.sorted()
        }
        let keptPapers = Set(paperIDs)
        entities = entities.compactMap { id, _ in
            let count = papersOf[id]!.intersection(keptPapers).count
            return count >= options.minPapers ? (id, count) : nil
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let room = max(0, options.maxNodes - paperIDs.count)
        if entities.count > room {
            notes.append(
                "left out \(entities.count - room) of \(entities.count) shared methods and datasets (kept those linking the most papers); raise --min-papers or --max-nodes"
            )
            entities = Array(entities.prefix(room))
        }
        let keptEntities = Set(entities.map(\.0))

        var graph = DotGraph()
        let title =
            "Topics" + (options.digest.map { " — \($0)" } ?? "") + (options.topic.map { " — \($0)" } ?? "")
            + " (\(paperIDs.count) papers, \(entities.count) shared methods and datasets)"
        graph.graphAttributes = MapStyle.graph(title: title, rankdir: "LR")
        graph.graphAttributes["ranksep"] = "1.2"
        graph.nodeDefaults = MapStyle.nodeDefaults
        graph.edgeDefaults = MapStyle.edgeDefaults
        let byTopic = Dictionary(grouping: paperIDs, by: { papers[$0]!.topic ?? "(no topic)" })
        // Biggest topics first, each folded into columns (see `gridEdges`).
        let topics = byTopic.keys.sorted { (byTopic[$0]!.count, $1) > (byTopic[$1]!.count, $0) }
        var columnsOf: [[[String]]] = []
        for topic in topics {
            let nodes = byTopic[topic]!.sorted().map { id -> DotGraph.Node in
                let paper = papers[id]!.paper
                return MapStyle.paper(id, name: paper.name, title: paper.title, url: paper.url)
            }
            graph.clusters.append(
                DotGraph.Cluster(
                    key: "topic:\(topic)",
                    attributes: [
                        "label": "\(topic) (\(nodes.count))", "style": "rounded,filled", "fillcolor": "#FAFAFA",
                        "color": "#999999", "fontsize": "13",
                    ], nodes: nodes))
            let keys = nodes.map(\.key)
            columnsOf.append(stride(from: 0, to: keys.count, by: Self.columnHeight).map { Array(keys[$0..<min($0 + Self.columnHeight, keys.count)]) })
        }
        var entityNames: [String: Entity] = [:]
        for link in links { entityNames[link.entity.id] = link.entity }
        let aliases = try self.aliases(of: entities.map(\.0), named: entityNames)
        for (id, _) in entities.sorted(by: { $0.0 < $1.0 }) {
            let entity = entityNames[id]!
            graph.nodes.append(MapStyle.entity(id, name: entity.name, kind: entity.kind.rawValue, aliases: aliases[id] ?? []))
        }
        var drawn = Set<String>()
        var relationsShown = Set<Relation>()
        for link in links where keptPapers.contains(link.paper) && keptEntities.contains(link.entity.id) {
            guard drawn.insert("\(link.paper)|\(link.entity.id)").inserted else { continue }
            relationsShown.insert(link.relation)
            graph.edges.append(MapStyle.edge(link.paper, link.entity.id, relation: link.relation.rawValue))
        }
        graph.edges += Self.gridEdges(columnsOf)
        let kinds = ["paper"] + [EntityKind.method, .dataset].filter { kind in entities.contains { entityNames[$0.0]!.kind == kind } }.map(\.rawValue)
        graph.clusters.append(MapStyle.legend(kinds: kinds, relations: Self.topicRelations.filter(relationsShown.contains).map(\.rawValue)))
        return GraphMap(graph: graph, notes: notes)
    }

    /// Papers per column inside a topic cluster.
    static let columnHeight = 3

    /// Invisible edges that fold each topic cluster into columns of ``columnHeight`` papers
    /// on a left-to-right layout. Without them `dot` stacks every paper of every topic into
    /// one tall column. (Chaining clusters into rows as well stretched them: tried, dropped.)
    static func gridEdges(_ clusters: [[[String]]]) -> [DotGraph.Edge] {
        let invisible = ["style": "invis", "weight": "5"]
        var edges: [DotGraph.Edge] = []
        for columns in clusters {
            for (a, b) in zip(columns, columns.dropFirst()) {
                for (i, key) in b.enumerated() { edges.append(DotGraph.Edge(from: a[min(i, a.count - 1)], to: key, attributes: invisible)) }
            }
        }
        return edges
    }

    /// Invisible edges that wrap a forest of families into rows.
    ///
    /// `dot` puts disconnected families side by side, so a week's forest becomes one strip
    /// many times wider than tall (its component packing crashes with clusters). Families
    /// are grouped into rows of similar width; every root of a row is pushed below the
    /// deepest method of the row above by a zero-weight invisible edge.
    /// A connected family larger than this is split by root into rows.
    static let largeFamily = 40

    /// Children of one method drawn on the whole-forest map at most.
    static let maxChildren = 12

    /// Children of one parent drawn side by side at most.
    static let fanWidth = 6

    static func rowEdges(nodes: [String], links: [(parent: String, child: String)]) -> [DotGraph.Edge] {
        var parents: [String: [String]] = [:]
        for (p, c) in links { parents[c, default: []].append(p) }
        // Families: connected groups of methods. A very large one (hubs such as 3DGS and SAM
        // joined by a shared descendant) is split by root: each method with no parent drawn,
        // with what descends from it (a method reached from several roots joins the largest).
        var neighbours: [String: [String]] = [:], childrenOf: [String: [String]] = [:]
        for (p, c) in links {
            neighbours[p, default: []].append(c); neighbours[c, default: []].append(p)
            childrenOf[p, default: []].append(c)
        }
        let unique = Array(Set(nodes)).sorted()
        var component: [String: Int] = [:]
        var components: [[String]] = []
        for node in unique where component[node] == nil {
            var stack = [node], members: [String] = []
            component[node] = components.count
            while let n = stack.popLast() {
                members.append(n)
                for m in neighbours[n] ?? [] where component[m] == nil { component[m] = components.count; stack.append(m) }
            }
            components.append(members.sorted())
        }
        func descendants(_ root: String) -> [String] {
            var seen: Set<String> = [root], stack = [root], out: [String] = []
            while let n = stack.popLast() {
                out.append(n)
                for c in childrenOf[n] ?? [] where seen.insert(c).inserted { stack.append(c) }
            }
            return out
        }
        var families: [[String]] = []
        for members in components {
            guard members.count > Self.largeFamily else { families.append(members); continue }
            let roots = members.filter { parents[$0] == nil }
            let reach = Dictionary(uniqueKeysWithValues: roots.map { ($0, descendants($0)) })
            var claimed = Set<String>()
            for root in roots.sorted(by: { (reach[$0]!.count, $1) > (reach[$1]!.count, $0) }) {
                let group = reach[root]!.filter { claimed.insert($0).inserted }
                if !group.isEmpty { families.append(group.sorted()) }
            }
            for node in members where !claimed.contains(node) { families.append([node]) }
        }
        var edges: [DotGraph.Edge] = []
        // A hub with dozens of children (3DGS, SAM) would spread them all on one rank:
        // fold its children into rows of `fanWidth`, each row one rank below the previous.
        var children: [String: [String]] = [:]
        for (p, c) in links { children[p, default: []].append(c) }
        for parent in children.keys.sorted() {
            let kids = children[parent]!
            guard kids.count > Self.fanWidth else { continue }
            let sorted = Array(Set(kids)).sorted()
            for i in sorted.indices where i + Self.fanWidth < sorted.count {
                edges.append(DotGraph.Edge(from: sorted[i], to: sorted[i + Self.fanWidth], attributes: ["style": "invis", "weight": "0"]))
            }
        }
        guard families.count > 1 else { return edges }
        // Depth of each node: longest chain of parents above it.
        var depth: [String: Int] = [:]
        func depthOf(_ n: String, _ seen: Set<String> = []) -> Int {
            if let d = depth[n] { return d }
            let d = (parents[n] ?? []).filter { !seen.contains($0) }.map { depthOf($0, seen.union([n])) + 1 }.max() ?? 0
            depth[n] = d
            return d
        }
        let widths = families.map { family in min(Self.fanWidth * 2, Dictionary(grouping: family, by: { depthOf($0) }).values.map(\.count).max() ?? 1) }
        let order = families.indices.sorted { (widths[$0], families[$0].count, families[$1].first!) > (widths[$1], families[$1].count, families[$0].first!) }
        let total = widths.reduce(0, +)
        let rowWidth = max(widths.max() ?? 1, Int((Double(total) * 1.2).squareRoot().rounded(.up)) + 2)
        var rows: [[Int]] = [[]]
        var used = 0
        for f in order {
            if used + widths[f] > rowWidth, !rows[rows.count - 1].isEmpty { rows.append([]); used = 0 }
            rows[rows.count - 1].append(f)
            used += widths[f]
        }
        for (above, below) in zip(rows, rows.dropFirst()) {
            let deepest = above.flatMap { families[$0] }.max { (depthOf($0), $1) < (depthOf($1), $0) }!
            for f in below {
                for root in families[f] where parents[root] == nil || depthOf(root) == 0 {
                    edges.append(DotGraph.Edge(from: deepest, to: root, attributes: ["style": "invis", "weight": "0"]))
                }
            }
        }
        return edges
    }

    /// Other spellings of each entity, for tooltips.
    func aliases(of ids: [String], named entities: [String: Entity]) throws -> [String: [String]] {
        try store.aliases(of: ids).reduce(into: [:]) { out, item in
            let others = item.value.filter { $0 != entities[item.key]?.name }
            if !others.isEmpty { out[item.key] = others }
        }
    }

    // MARK: - Lineage

    /// The method-lineage forest, or the family of one method, parents above children,
    /// each method with the paper that introduced it.
    public func lineage(of name: String? = nil, depth: Int = 3, maxNodes: Int = 150) throws -> GraphMap {
        var keep: Set<String>
        var notes: [String] = []
        let links: [LineageLink]
        if let name {
            keep = Set(try store.lineage(name, direction: .both, depth: depth).map(\.entity))
            links = try store.lineageLinks(around: keep, direction: .down).filter { keep.contains($0.child) }
                .sorted(by: LineageLink.precedes)
        } else {
            links = try store.allLineageLinks().sorted(by: LineageLink.precedes)
            var degree: [String: Int] = [:]
            for link in links { degree[link.child, default: 0] += 1; degree[link.parent, default: 0] += 1 }
            keep = Set(degree.keys)
            if keep.count > maxNodes {
                // Keep whole families around the most-derived-from methods.
                let ranked = degree.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                var chosen = Set<String>()
                for (hub, _) in ranked {
                    let family = Set(links.filter { $0.parent == hub || $0.child == hub }.flatMap { [$0.parent, $0.child] })
                    if chosen.count + family.subtracting(chosen).count > maxNodes { continue }
                    chosen.formUnion(family)
                }
                notes.append(
                    "left out \(keep.count - chosen.count) of \(keep.count) methods (kept the families of the most-derived-from ones); draw one family with `map lineage NAME`, or raise --max-nodes"
                )
                keep = chosen
            }
        }
        if name == nil {
            // A hub's children beyond `maxChildren` make a strip nobody can read: keep the
            // best-connected ones (and any that have children of their own).
            var degree: [String: Int] = [:]
            for link in links { degree[link.child, default: 0] += 1; degree[link.parent, default: 0] += 1 }
            let parentsOfSomething = Set(links.filter { keep.contains($0.child) }.map(\.parent))
            var dropped = 0
            for (_, group) in Dictionary(grouping: links.filter { keep.contains($0.parent) && keep.contains($0.child) }, by: \.parent) {
                let kids = Array(Set(group.map(\.child))).filter { !parentsOfSomething.contains($0) }
                    .sorted { (degree[$0] ?? 0, $1) > (degree[$1] ?? 0, $0) }
                for kid in kids.dropFirst(Self.maxChildren) where keep.remove(kid) != nil { dropped += 1 }
            }
            if dropped > 0 {
                notes.append(
                    "left out \(dropped) leaf methods under methods with more than \(Self.maxChildren) descendants; draw one family with `map lineage NAME`")
            }
        }
        let drawnLinks = links.filter { keep.contains($0.child) && keep.contains($0.parent) }
        guard !drawnLinks.isEmpty || name != nil else {
            throw RenderError.emptyGraph("no lineage (derived_from or builds_on) in the database yet")
        }
        let entities = try store.entities(ids: Array(keep))
        let aliases = try self.aliases(of: Array(keep), named: entities)
        let graph = Self.lineageGraph(
            title: "Method lineage" + (name.map { " — \($0)" } ?? "") + " (parents above children)",
            keep: keep, links: drawnLinks, entities: entities, aliases: aliases, proposals: try store.proposals(of: keep.sorted()),
            highlight: { id in
                guard let name else { return false }
                return EntityName.id(for: name) == id || (aliases[id] ?? []).contains(name) || entities[id]?.name == name
            })
        return GraphMap(graph: graph, notes: notes)
    }

    /// Draws lineage: the methods in `keep`, `links` among them, and the paper that introduced
    /// each method beside it. Pure, so the site draws every family from values it already read.
    ///
    /// - Parameters:
    ///   - aliases: each entity's other spellings (tooltips).
    ///   - proposals: papers proposing the methods; the first for each method is drawn.
    ///   - highlight: the methods drawn with a thick outline.
    ///   - href: a link for a node (an entity or paper id); nil keeps a paper's own URL.
    static func lineageGraph(
        title: String, keep: Set<String>, links drawnLinks: [LineageLink], entities: [String: Entity], aliases: [String: [String]],
        proposals: [Proposal], highlight: (String) -> Bool, href: ((String) -> String?)? = nil
    ) -> DotGraph {
        var graph = DotGraph()
        graph.graphAttributes = MapStyle.graph(title: title, rankdir: "TB")
        graph.nodeDefaults = MapStyle.nodeDefaults
        graph.edgeDefaults = MapStyle.edgeDefaults
        for id in keep.sorted() {
            guard let entity = entities[id] else { continue }
            var node = MapStyle.entity(id, name: entity.name, kind: entity.kind.rawValue, aliases: aliases[id] ?? [])
            if highlight(id) { node.attributes["penwidth"] = "3" }
            if let link = href?(id) { node.attributes["URL"] = link }
            graph.nodes.append(node)
        }
        var seen = Set<String>()
        var relations = Set<String>()
        for link in drawnLinks where seen.insert("\(link.parent)|\(link.child)").inserted {
            relations.insert(link.relation.rawValue)
            // No edge labels: the legend gives each relation's line style, and a label is a
            // node of its own to `dot`, which made layout four times slower.
            graph.edges.append(MapStyle.edge(link.parent, link.child, relation: link.relation.rawValue))
        }
        // The papers that introduced the drawn methods, beside them.
        var papersShown = 0
        var attached = Set<String>()
        var paperNodes = Set<String>()
        for proposal in proposals where keep.contains(proposal.entity) && attached.insert(proposal.entity).inserted {
            let paper = proposal.paper
            if paperNodes.insert(paper.id).inserted {
                var node = MapStyle.paper(paper.id, name: nil, title: paper.title, url: paper.url)
                if let link = href?(paper.id) {
                    node.attributes["URL"] = link
                    node.attributes["target"] = nil
                }
                graph.nodes.append(node)
            }
            // A constrained edge: the paper sits just above the method it introduced.
            graph.edges.append(MapStyle.edge(paper.id, proposal.entity, relation: "proposes"))
            papersShown += 1
        }
        if papersShown > 0 { relations.insert("proposes") }
        let attachments = graph.edges.filter { $0.attributes["tooltip"] == "proposes" }.map { ($0.from, $0.to) }
        graph.edges += Self.rowEdges(
            nodes: graph.nodes.map(\.key),
            links: drawnLinks.map { ($0.parent, $0.child) } + attachments)
        let kinds =
            (papersShown > 0 ? ["paper"] : []) + [EntityKind.method, .dataset].filter { kind in keep.contains { entities[$0]?.kind == kind } }.map(\.rawValue)
        graph.clusters.append(MapStyle.legend(kinds: kinds, relations: ["derived_from", "builds_on", "proposes"].filter(relations.contains)))
        return graph
    }

    // MARK: - One paper

    /// A paper, its methods, datasets and metrics, and its most related papers.
    public func paper(_ query: String, related limit: Int = 5) throws -> GraphMap {
        guard let paper = try store.resolvePapers(query).first else {
            throw StoreError.notFound(query, suggestions: try store.suggestions(for: query))
        }
        var graph = DotGraph()
        graph.graphAttributes = MapStyle.graph(title: "\(paper.name ?? paper.arxiv ?? paper.id): \(paper.title)", rankdir: "LR")
        graph.nodeDefaults = MapStyle.nodeDefaults
        graph.edgeDefaults = MapStyle.edgeDefaults
        var center = MapStyle.paper(paper.id, name: paper.name, title: paper.title, url: paper.url)
        center.attributes["penwidth"] = "3"
        graph.nodes.append(center)
        let links = try store.links(ofPaper: paper.id)
        var entities: [String: Entity] = [:]
        for link in links { entities[link.entity.id] = link.entity }
        let aliases = try self.aliases(of: Array(entities.keys), named: entities)
        var added = Set<String>(), relations = Set<String>(), kinds = Set<String>(["paper"])
        for link in links {
            let target = link.entity.id, relation = link.relation.rawValue
            if added.insert(target).inserted {
                graph.nodes.append(MapStyle.entity(target, name: link.entity.name, kind: link.entity.kind.rawValue, aliases: aliases[target] ?? []))
                kinds.insert(link.entity.kind.rawValue)
            }
            relations.insert(relation)
            graph.edges.append(MapStyle.edge(paper.id, target, relation: relation, label: relation.replacingOccurrences(of: "_", with: " ")))
        }
        for other in try store.related(paper: paper, limit: limit) {
            graph.nodes.append(MapStyle.paper(other.paper.id, name: other.paper.name, title: other.paper.title, url: other.paper.url))
            relations.insert("related")
            graph.edges.append(
                MapStyle.edge(
                    paper.id, other.paper.id, relation: "related",
                    label: MapStyle.wrap(other.reasons.first ?? "related", width: 30, lines: 2)))
        }
        let order = ["proposes", "builds_on", "compares_with", "evaluates_on", "uses", "mentions", "reports", "related"]
        graph.clusters.append(
            MapStyle.legend(
                kinds: ["paper", "method", "dataset", "metric"].filter(kinds.contains),
                relations: order.filter(relations.contains)))
        return GraphMap(graph: graph, notes: [])
    }
}
