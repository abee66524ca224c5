import Foundation

/// What `papergraph site` did.
public struct SiteReport: Sendable, Equatable {
    /// HTML pages and SVG maps the site holds.
    public var pages = 0
    public var maps = 0
    /// Files written because they are new or changed, left as they were, and deleted
    /// because the graph no longer has them.
    public var written = 0
    public var unchanged = 0
    public var removed = 0
    /// Maps laid out by Graphviz in this run; the others were unchanged since the last one.
    public var mapsDrawn = 0
    public var bytes = 0
}

public enum SiteError: LocalizedError, Equatable {
    case notAFolder(String)
    case notASite(String)
    case unwritable(String, reason: String)
    case missingAssets

    public var errorDescription: String? {
        switch self {
        case .notAFolder(let path):
            return "\(path) is a file, not a folder; give `papergraph site` a folder to write the site into (it is created if missing)"
        case .notASite(let path):
            return
                "\(path) already holds files that papergraph did not write; give `papergraph site` an empty or new folder (it only deletes files it wrote itself)"
        case .unwritable(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .missingAssets:
            return "the site's CSS and JavaScript are missing from papergraph's resources; rebuild papergraph (`swift build`)"
        }
    }
}

/// Writes the static site of the whole graph into a folder, rewriting only the files whose
/// bytes changed and deleting those it wrote before that the graph no longer has. A map is
/// laid out again only when its DOT changed: the manifest keeps each map's DOT hash.
public struct SiteWriter {
    public let store: GraphStore
    public var renderer = GraphvizRenderer.shared

    public init(store: GraphStore) { self.store = store }

    static let manifestName = ".papergraph-site.json"

    struct Manifest: Codable {
        var version = 1
        /// Every file written, by path, with the hash of its bytes.
        var files: [String: String] = [:]
        /// The hash of the DOT each map was drawn from.
        var maps: [String: String] = [:]
    }

    public func write(to folder: String) throws -> SiteReport {
        var files = try SiteFiles(root: URL(fileURLWithPath: folder))
        let graph = try SiteGraph.read(from: store)
        let pages = SitePages(graph: graph)

        // Every map's DOT; Graphviz lays out those that changed on a thread of its own
        // (libgvc is not thread-safe) while the pages without maps are written.
        let lineageEntities = graph.entities.keys.filter { graph.lineageByParent[$0] != nil || graph.lineageByChild[$0] != nil }.sorted()
        var maps = ParallelMap.map(lineageEntities) { id in
            SiteMaps.entity(id, in: graph).map { SiteMap(id: id, path: SitePath.map(id), dot: DotWriter.write($0.dot), shown: $0.shown, total: $0.total) }
        }
        .compactMap { $0 }
        if !graph.lineage.isEmpty {
            var forest = try MapBuilder(store: store).lineage()
            for i in forest.graph.nodes.indices {
                if let href = SiteMaps.href(forest.graph.nodes[i].key, in: graph, from: SitePath.lineageMap) {
                    forest.graph.nodes[i].attributes["URL"] = href
                    forest.graph.nodes[i].attributes["target"] = nil
                }
            }
            maps.append(SiteMap(id: nil, path: SitePath.lineageMap, dot: forest.dot, shown: 0, total: 0))
        }
        let cached = maps.map { files.cachedMap($0.path, dot: $0.dot) }
        let toDraw = maps.indices.filter { cached[$0] == nil }
        let drawn = Slots<Result<String, any Error>>(count: toDraw.count)
        let layouts = DispatchGroup()
        DispatchQueue.global().async(group: layouts) { [renderer, dots = toDraw.map { maps[$0].dot }] in
            for (slot, dot) in dots.enumerated() {
                drawn.set(slot, Result { String(decoding: try renderer.render(dot, format: .svg), as: UTF8.self) })
            }
        }

        var plain: [SitePages.Job] = [.index]
        plain += graph.topics.map { .topic($0.topic) } + graph.digests.map { .digest($0) } + graph.papers.keys.sorted().map { .paper($0) }
        try files.put(pages, plain)
        try files.put(("assets/search-index.js", SiteSearch.script(graph)))
        for asset in ["site.css", "site.js"] {
            guard let url = Bundle.module.url(forResource: "site", withExtension: nil)?.appendingPathComponent(asset),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else { throw SiteError.missingAssets }
            try files.put(("assets/" + asset, text))
        }

        layouts.wait()
        var svgs: [String: String] = [:]
        var slot = 0
        for (i, map) in maps.enumerated() {
            let svg: String
            if let known = cached[i] {
                svg = known
            } else {
                // toDraw lists the uncached maps in order: the next slot is this one's.
                svg = try drawn.get(slot).get()
                slot += 1
            }
            try files.putMap(map.path, dot: map.dot, svg: svg, drawn: cached[i] == nil)
            svgs[map.path] = svg
        }
        var withMaps: [SitePages.Job] = [.lineage(forest: svgs[SitePath.lineageMap])]
        let mapOf = Dictionary(maps.compactMap { m in m.id.map { ($0, m) } }, uniquingKeysWith: { a, _ in a })
        withMaps += graph.entities.keys.sorted().map { id in
            .entity(id, map: mapOf[id].map { (svgs[$0.path]!, $0.shown, $0.total) })
        }
        try files.put(pages, withMaps)
        return try files.finish()
    }

    /// A map to draw: an entity's lineage (`id`), or the forest.
    struct SiteMap: Sendable {
        var id: String?
        var path: String
        var dot: String
        var shown: Int
        var total: Int
    }
}

/// The files of one run: writes what changed, remembers everything written, and at the end
/// deletes what the last run wrote and this one did not, then saves the manifest.
struct SiteFiles {
    let root: URL
    private let previous: SiteWriter.Manifest
    private var current = SiteWriter.Manifest()
    private(set) var report = SiteReport()
    private var folders = Set<String>()

    init(root: URL) throws {
        self.root = root
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        let manifest = root.appendingPathComponent(SiteWriter.manifestName)
        if fm.fileExists(atPath: root.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw SiteError.notAFolder(root.path) }
            if let data = fm.contents(atPath: manifest.path) {
                previous = (try? JSONDecoder().decode(SiteWriter.Manifest.self, from: data)) ?? SiteWriter.Manifest()
            } else {
                let contents = (try? fm.contentsOfDirectory(atPath: root.path)) ?? []
                guard contents.filter({ !$0.hasPrefix(".") }).isEmpty else { throw SiteError.notASite(root.path) }
                previous = SiteWriter.Manifest()
            }
        } else {
            previous = SiteWriter.Manifest()
        }
        do {
            try fm.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw SiteError.unwritable(root.path, reason: (error as NSError).localizedDescription)
        }
    }

    static func hash(_ bytes: some Collection<UInt8>) -> String { DigestFiles.fnv1a(Array(bytes)) }

    /// Writes a file unless the last run wrote the same bytes and the file is still there.
    mutating func put(_ file: (path: String, text: String)) throws {
        let bytes = Data(file.text.utf8)
        let hash = Self.hash(bytes)
        current.files[file.path] = hash
        report.bytes += bytes.count
        if file.path.hasSuffix(".svg") { report.maps += 1 } else if file.path.hasSuffix(".html") { report.pages += 1 }
        let url = root.appendingPathComponent(file.path)
        if previous.files[file.path] == hash && FileManager.default.fileExists(atPath: url.path) {
            report.unchanged += 1
            return
        }
        do {
            let folder = url.deletingLastPathComponent()
            if folders.insert(folder.path).inserted { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
            // Not atomic: a run cut short leaves the last manifest, whose hashes make the next run
            // rewrite every file this one touched.
            try bytes.write(to: url)
        } catch {
            throw SiteError.unwritable(url.path, reason: WriteFailure.reason(error))
        }
        report.written += 1
    }

    /// The SVG the last run drew for this map, when its DOT is unchanged and the file is there.
    func cachedMap(_ path: String, dot: String) -> String? {
        guard previous.maps[path] == Self.hash(dot.utf8), previous.files[path] != nil else { return nil }
        return try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    mutating func putMap(_ path: String, dot: String, svg: String, drawn: Bool) throws {
        current.maps[path] = Self.hash(dot.utf8)
        if drawn { report.mapsDrawn += 1 }
        try put((path, svg))
    }

    /// Pages made on every core, a batch at a time (memory stays a batch), written in order.
    mutating func put(_ pages: SitePages, _ jobs: [SitePages.Job]) throws {
        var start = 0
        while start < jobs.count {
            let batch = Array(jobs[start..<min(start + 512, jobs.count)])
            for file in ParallelMap.map(batch, { pages.make($0) }) { try put(file) }
            start += batch.count
        }
    }

    /// Deletes the files only the last run wrote and saves the manifest.
    mutating func finish() throws -> SiteReport {
        let fm = FileManager.default
        for path in previous.files.keys where current.files[path] == nil {
            if (try? fm.removeItem(at: root.appendingPathComponent(path))) != nil { report.removed += 1 }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            try encoder.encode(current).write(to: root.appendingPathComponent(SiteWriter.manifestName), options: .atomic)
        } catch {
            throw SiteError.unwritable(root.appendingPathComponent(SiteWriter.manifestName).path, reason: WriteFailure.reason(error))
        }
        return report
    }
}
