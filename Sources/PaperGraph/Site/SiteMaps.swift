import Foundation

/// The Graphviz maps inside the site: each entity's lineage, and the whole forest.
enum SiteMaps {
    /// Methods drawn at most on an entity's map; its page lists every parent and child anyway.
    static let maxMethods = 60
    /// Past this many methods a map keeps to one step each way and leaves papers out.
    static let crowded = 16

    /// An entity's lineage map: two steps up and down, the nearest methods first when there
    /// are more than ``maxMethods``. Nil when the entity has no lineage.
    static func entity(_ id: String, in graph: SiteGraph) -> (dot: DotGraph, shown: Int, total: Int)? {
        guard graph.lineageByParent[id] != nil || graph.lineageByChild[id] != nil, let entity = graph.entities[id] else { return nil }
        let reach =
            (try? LineageWalk.walk(from: id, direction: .both, depth: 2) { ids, direction in graph.lineageLinks(around: ids, direction: direction) }) ?? []
        // Nearest first; at the same distance, what the entity derives from or gave rise to
        // (derived_from) before what a paper built on, then by id.
        let ordered = reach.sorted { a, b in
            let da = abs(a.depth), db = abs(b.depth)
            if da != db { return da < db }
            let ra = a.link?.relation == .builds_on ? 1 : 0, rb = b.link?.relation == .builds_on ? 1 : 0
            return (ra, a.entity) < (rb, b.entity)
        }
        // A large family reads better one step each way, without the introducing papers
        // (the page lists both).
        let near = ordered.filter { abs($0.depth) <= 1 }
        let keep = Set((near.count >= crowded ? near : ordered).prefix(maxMethods).map(\.entity))
        let papers = keep.count <= crowded ? keep.sorted().flatMap { graph.proposals[$0] ?? [] } : []
        let links = keep.sorted().flatMap { graph.lineageByParent[$0] ?? [] }.filter { keep.contains($0.child) }.sorted(by: LineageLink.precedes)
        let dot = MapBuilder.lineageGraph(
            title: "Lineage of \(entity.name) (parents above children)", keep: keep, links: links, entities: graph.entities,
            aliases: graph.aliases, proposals: papers, highlight: { $0 == id },
            href: { href($0, in: graph, from: SitePath.map(id)) })
        return (dot, keep.count, Set(reach.map(\.entity)).count)
    }

    /// The page of a node's entity or paper, linked from a page one folder down.
    static func href(_ key: String, in graph: SiteGraph, from page: String) -> String? {
        if graph.entities[key] != nil { return SitePath.link(SitePath.entity(key), from: page) }
        if graph.papers[key] != nil { return SitePath.link(SitePath.paper(key), from: page) }
        return nil
    }

    /// Graphviz's SVG made fit to sit inside a page: no XML prolog or comments before the
    /// root, no fixed size (the page fits it to the screen), and its natural width in pixels.
    static func inline(_ svg: String) -> (markup: String, width: Int, height: Int) {
        guard let start = svg.range(of: "<svg") else { return ("", 0, 0) }
        var markup = String(svg[start.lowerBound...])
        guard let end = markup.firstIndex(of: ">") else { return ("", 0, 0) }
        let tag = String(markup[..<end])
        func points(_ name: String) -> Double {
            guard let r = tag.range(of: "\(name)=\"") else { return 0 }
            return Double(tag[r.upperBound...].prefix { $0.isNumber || $0 == "." }) ?? 0
        }
        let width = points("width"), height = points("height")
        var root = tag
        for name in ["width", "height"] {
            if let r = root.range(of: #" \#(name)="[^"]*""#, options: .regularExpression) { root.removeSubrange(r) }
        }
        markup.replaceSubrange(..<end, with: root + " class=\"map-svg\" preserveAspectRatio=\"xMidYMid meet\"")
        // Points to CSS pixels.
        return (markup, Int((width * 4 / 3).rounded()), Int((height * 4 / 3).rounded()))
    }

    /// A map as a page shows it: fitted, with pan and zoom, a reset and a link to the SVG.
    static func figure(_ svg: String, file: String, from page: String, caption: String) -> String {
        let (markup, width, height) = inline(svg)
        guard !markup.isEmpty else { return "" }
        return """
            <figure class="map" style="max-width:\(max(width, 240))px">
            <div class="map-view" style="aspect-ratio:\(max(width, 1)) / \(max(height, 1))">\(markup)</div>
            <figcaption><button type="button" class="map-zoom" data-zoom="0.7" aria-label="Zoom in">+</button>\
            <button type="button" class="map-zoom" data-zoom="1.4" aria-label="Zoom out">−</button>\
            <button type="button" class="map-reset">Reset view</button> \(HTML.escape(caption)) · \
            \(HTML.link(SitePath.link(file, from: page), "open SVG")) · wheel to zoom, drag to pan</figcaption>
            </figure>
            """
    }
}
