// papergraph-bench: figures for README and notes, printed by `make bench` (release build).
// Not a test: it measures, it asserts nothing.
//
// It builds (or reuses) synthetic archives of 1× and 10× the corpus — copies with shifted
// arXiv ids and week numbers, so every copy is new papers in new weeks with the same
// methods — and times the real `papergraph` binary on them as a researcher runs it: whole
// processes, wall time, peak memory from wait4.
import Foundation
import PaperGraph

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func line(_ label: String, _ value: String) { print(label.padding(toLength: 46, withPad: " ", startingAt: 0) + value) }

nonisolated(unsafe) var arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(i...(i + 1)) }
    return arguments[i + 1]
}
let week = option("--week")
// `--render FILE.dot`: time libgvc on one DOT file (for trying layout attributes), then stop.
if let dot = option("--render") {
    let png = option("--png")
    let text = try String(contentsOfFile: dot, encoding: .utf8)
    let times = try (0..<5).map { _ in try seconds { _ = try GraphvizRenderer.shared.render(text, format: .svg) } }
    print(String(format: "%@: SVG in %.0f ms (median of 5)", dot, percentile(times, 0.5) * 1000))
    if let png { try GraphvizRenderer.shared.render(text, format: .png).write(to: URL(fileURLWithPath: png)) }
    exit(0)
}
let work = URL(fileURLWithPath: option("--work") ?? "out/bench")
let scales = (option("--scales") ?? "1,10").split(separator: ",").compactMap { Int($0) }
let runs = Int(option("--runs") ?? "11") ?? 11
guard let corpus = arguments.first else {
    FileHandle.standardError.write(Data("usage: papergraph-bench CORPUS_DIR [--week DIGEST.md] [--scales 1,10] [--runs 11] [--work out/bench]\n".utf8))
    exit(2)
}
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("papergraph").path
guard FileManager.default.isExecutableFile(atPath: binary) else { print("no papergraph binary beside the bench at \(binary)"); exit(1) }

// MARK: - Whole-process runs

struct Run { var seconds: Double; var peakMB: Double; var status: Int32 }

/// Runs the papergraph binary with its output thrown away; wall time and peak RSS.
func run(_ args: [String]) -> Run {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([binary] + args).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else { return Run(seconds: 0, peakMB: 0, status: -1) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    posix_spawn_file_actions_destroy(&actions)
    return Run(
        seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, peakMB: Double(usage.ru_maxrss) / 1024,
        status: (status >> 8) & 0xff)
}

// MARK: - Synthetic archives

let (files, errors) = DigestFiles.expand([corpus])
guard errors.isEmpty, !files.isEmpty else { print("no digests in \(corpus)"); exit(1) }
let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }

// Not inside a longer number; a version (v2) may follow.
nonisolated(unsafe) let arxivPattern = /(^|[^\d])(\d{2})(\d{2})\.(\d{4,5})(?!\d)/
nonisolated(unsafe) let yearPattern = /(^|[^\d])(20\d{2})(?!\d)/

/// Copy `k` of a digest: arXiv ids YYMM.NNNNN → (YY + 10k mod 100)MM.NNNNN, years + 100k,
/// so every copy is new papers in new weeks (k = 0 is the digest itself).
func shifted(_ text: String, copy k: Int, arxivShift: Int? = nil) -> String {
    guard k > 0 else { return text }
    let yy = arxivShift ?? 10 * k
    let ids = text.replacing(arxivPattern) { m -> String in
        let year = (Int(m.output.2)! + yy) % 100
        return String(m.output.1) + String(format: "%02d", year) + String(m.output.3) + "." + String(m.output.4)
    }
    return ids.replacing(yearPattern) { m -> String in String(m.output.1) + String(Int(m.output.2)! + 100 * k) }
}

func archive(_ scale: Int) throws -> URL {
    let folder = work.appendingPathComponent("archive-\(scale)x")
    let marker = folder.appendingPathComponent(".complete-v2")
    if FileManager.default.fileExists(atPath: marker.path) { return folder }
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for k in 0..<scale {
        for file in files {
            let name = shifted((file as NSString).lastPathComponent, copy: k)
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try shifted(text, copy: k).write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
    }
    FileManager.default.createFile(atPath: marker.path, contents: Data())
    return folder
}

print(
    "papergraph bench — corpus \(files.count) digests, \(String(format: "%.1f", Double(bytes) / 1e6)) MB, "
        + "\(ProcessInfo.processInfo.activeProcessorCount) cores; whole-process figures, \(runs) runs per query")

// cmark alone on the same files, in this process: the floor ingest is compared with.
let texts: [String] = files.compactMap { file in (try? DigestFiles.read(file)).map(\.0) }
/// The cmark parse of the corpus, fastest of three: the floor ingest is compared with, and a
/// probe of this machine's speed at the moment (this VM's speed drifts by up to 2× within an hour).
func cmarkParse() -> Double { (0..<3).map { _ in seconds { for text in texts { _ = MarkdownParser.parse(text) } } }.min()! }
let cmark = cmarkParse()
var probes: [Int: Double] = [:]

var ingestTimes: [Int: Double] = [:]
var databases: [Int: String] = [:]
var queryTable: [String: [Int: (Double, Double)]] = [:]
let queries: [(String, [String])] = [
    ("search 高斯", ["search", "高斯"]),
    ("search gaussian splatting", ["search", "gaussian splatting"]),
    ("papers --topic 场景重建", ["papers", "--topic", "场景重建"]),
    ("show 2512.03939 (paper)", ["show", "2512.03939"]),
    ("show VGGT (entity)", ["show", "VGGT"]),
    ("related 2512.03939", ["related", "2512.03939"]),
    ("related VGGT (entity)", ["related", "VGGT"]),
    ("entities --min-papers 3", ["entities", "--min-papers", "3"]),
    ("baselines", ["baselines"]),
    ("stats", ["stats"]),
    ("lineage VGGT --down", ["lineage", "VGGT", "--down"]),
    ("map lineage VGGT (SVG)", ["map", "lineage", "VGGT", "-o", work.appendingPathComponent("vggt.svg").path]),
]

/// The hash of every file a site's manifest lists.
func manifest(_ site: URL) -> [String: String] {
    guard let data = FileManager.default.contents(atPath: site.appendingPathComponent(".papergraph-site.json").path),
        let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [:] }
    return json["files"] as? [String: String] ?? [:]
}

/// The static site: written whole, again with nothing changed, and after the weekly digest.
func siteFigures(scale: Int, db: String, newDigest: URL) throws {
    let site = work.appendingPathComponent("site-\(scale)x")
    try? FileManager.default.removeItem(at: site)
    let fresh = run(["site", "--db", db, site.path])
    let files = manifest(site)
    let bytes = files.keys.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: site.appendingPathComponent($1).path)[.size] as? Int) ?? 0) }
    line(
        "  site, written whole",
        String(
            format: "%.2f s, peak %.0f MB, %d files, %.0f MB%@", fresh.seconds, fresh.peakMB, files.count, Double(bytes) / 1e6,
            fresh.status == 0 ? "" : " (exit \(fresh.status))"))
    let same = run(["site", "--db", db, site.path])
    line("  site again, graph unchanged", String(format: "%.2f s", same.seconds))
    _ = run(["ingest", "-q", "--db", db, newDigest.path])
    let weekly = run(["site", "--db", db, site.path])
    let after = manifest(site)
    let changed = after.filter { files[$0.key] != $0.value }.count
    line("  site after one new digest", String(format: "%.2f s, %d of %d files rewritten", weekly.seconds, changed, after.count))
    _ = run(["remove", "--db", db, DigestReader().read(text: try String(contentsOf: newDigest, encoding: .utf8), path: newDigest.path).key])
}

for scale in scales {
    let folder = try archive(scale)
    let db = work.appendingPathComponent("bench-\(scale)x.sqlite").path
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
    print("")
    print("\(scale)× the corpus (\(files.count * scale) digests)")
    let before = cmarkParse()
    let ingest = run(["ingest", "-q", "--db", db, folder.path])
    ingestTimes[scale] = ingest.seconds
    probes[scale] = (before + cmarkParse()) / 2
    databases[scale] = db
    let size = (try? FileManager.default.attributesOfItem(atPath: db)[.size] as? Int) ?? 0
    line(
        "  ingest (parse, extract, store, index)",
        String(
            format: "%.2f s, peak %.0f MB, database %.1f MB%@", ingest.seconds, ingest.peakMB,
            Double(size) / 1e6, ingest.status == 0 ? "" : " (exit \(ingest.status))"))
    let reingest = run(["ingest", "-q", "--db", db, folder.path])
    line("  re-ingest, all unchanged", String(format: "%.2f s", reingest.seconds))
    if let store = try? GraphStore(path: db, create: false), let stats = try? store.stats() {
        line("  stored", "\(stats.papers) papers, \(stats.entities) entities, \(stats.edges) edges")
    }
    // One new digest into the archive: the weekly update.
    let newFile = work.appendingPathComponent("new-\(scale)x").appendingPathComponent(shifted((files.last! as NSString).lastPathComponent, copy: 11))
    try? FileManager.default.createDirectory(at: newFile.deletingLastPathComponent(), withIntermediateDirectories: true)
    try shifted(try String(contentsOfFile: files.last!, encoding: .utf8), copy: 11, arxivShift: 5).write(to: newFile, atomically: false, encoding: .utf8)
    let one = run(["ingest", "-q", "--db", db, newFile.path])
    line("  one new digest into it", String(format: "%.3f s", one.seconds))
    let remove = run(["remove", "--db", db, DigestReader().read(text: try String(contentsOf: newFile, encoding: .utf8), path: newFile.path).key])
    line("  removing it again", String(format: "%.3f s", remove.seconds))
    let export = run(["export", "json", "--db", db, "-o", work.appendingPathComponent("export-\(scale)x.json").path])
    line("  export json", String(format: "%.2f s, peak %.0f MB", export.seconds, export.peakMB))
    for format in ["graphml", "gexf"] {
        let other = run(["export", format, "--db", db, "-o", work.appendingPathComponent("export-\(scale)x.\(format)").path])
        line("  export \(format)", String(format: "%.2f s, peak %.0f MB", other.seconds, other.peakMB))
    }
    try siteFigures(scale: scale, db: db, newDigest: newFile)
    print("  queries (p50 / p95)")
    for (label, args) in queries {
        var times: [Double] = []
        var status: Int32 = 0
        for _ in 0..<runs {
            let r = run(args + ["--db", db])
            times.append(r.seconds)
            status = max(status, r.status)
        }
        let p50 = percentile(times, 0.5), p95 = percentile(times, 0.95)
        queryTable[label, default: [:]][scale] = (p50, p95)
        line("    \(label)", String(format: "%6.1f / %6.1f ms%@", p50 * 1000, p95 * 1000, status == 0 ? "" : "  (exit \(status))"))
    }
}

print("")
print("Ratios")
line("  cmark parse of the corpus (in process)", String(format: "%.2f s", cmark))
if let one = ingestTimes[1] {
    line("  1× ingest / cmark parse", String(format: "%.1f× (%.1f× against the cmark parse timed beside it)", one / cmark, one / (probes[1] ?? cmark)))
    for scale in scales where scale > 1 {
        if let t = ingestTimes[scale] { line("  \(scale)× ingest / 1× ingest", String(format: "%.2f× (linear would be %d×)", t / one, scale)) }
        // Each ingest against the cmark parse timed on either side of it: the ratio with the
        // machine's drift between the two ingests taken out.
        if let t = ingestTimes[scale], let p = probes[scale], let p1 = probes[1] {
            line(
                "  \(scale)× / 1×, speed-adjusted",
                String(format: "%.2f× (cmark beside the ingests %.2f s and %.2f s)", (t / p) / (one / p1), p1, p))
        }
    }
}
if scales.count > 1, let small = scales.first, let large = scales.last {
    for (label, _) in queries {
        if let a = queryTable[label]?[small], let b = queryTable[label]?[large] {
            line("  \(label) p50 \(large)×/\(small)×", String(format: "%.2f×", b.0 / a.0))
        }
    }
}

// Extraction's share: the corpus read and extracted again in this process, one digest at a
// time (the extractor reads a digest's entries on all cores, as ingest does).
print("")
print("Where 1× ingest goes (in process, one digest at a time, its entries on all cores)")
/// CPU seconds this process has used, all threads.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
var parseTime = 0.0, extractTime = 0.0, extractCPU = 0.0
let extractor = RuleExtractor()
for (file, text) in zip(files, texts) {
    var digest: Digest?
    parseTime += seconds { digest = DigestReader().read(text: text, path: file) }
    if let digest {
        let cpu = cpuSeconds()
        extractTime += seconds { _ = extractor.extract(digest) }
        extractCPU += cpuSeconds() - cpu
    }
}
line("  digest reading (cmark and entries)", String(format: "%.2f s", parseTime))
line("  extraction (cues, ICU words, model)", String(format: "%.2f s, %.2f s of CPU", extractTime, extractCPU))

func maps(_ label: String, _ store: GraphStore) throws {
    print("")
    print("Maps — \(label) (build DOT in process; lay out and render with libgvc)")
    let builder = MapBuilder(store: store)
    for (name, make) in [
        ("lineage", { try builder.lineage() }), ("topics", { try builder.topics() }),
        ("topics --max-nodes 300", { try builder.topics(TopicMapOptions(minPapers: 2, maxNodes: 300)) }),
        ("lineage --max-nodes 300", { try builder.lineage(maxNodes: 300) }),
    ] as [(String, () throws -> GraphMap)] {
        var map: GraphMap!
        let build = try seconds { map = try make() }
        let svg = try seconds { _ = try GraphvizRenderer.shared.render(map.dot, format: .svg) }
        let png = try seconds { _ = try GraphvizRenderer.shared.render(map.dot, format: .png) }
        let identical = map.dot == (try make().dot)
        line(
            "  \(name)",
            String(
                format: "%d nodes, %d edges: DOT %.0f ms, SVG %.2f s, PNG %.2f s, same DOT twice: %@",
                map.graph.nodeCount, map.graph.edges.count, build * 1000, svg, png, identical ? "yes" : "NO"))
    }
}
if let db = databases[1], let store = try? GraphStore(path: db, create: false) { try maps("whole corpus", store) }
if let week {
    let weekStore = try GraphStore()
    _ = Ingestor(store: weekStore).ingest(file: week)
    try maps((week as NSString).lastPathComponent, weekStore)
}
