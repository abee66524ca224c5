// papergraph-bench: figures for README and notes, printed by `make bench` (release build).
// Not a test: it measures, it asserts nothing.
import Foundation
import PaperGraph

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Peak resident memory of this process (VmHWM), in MB.
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}

func line(_ label: String, _ value: String) { print(label.padding(toLength: 44, withPad: " ", startingAt: 0) + value) }

var arguments = Array(CommandLine.arguments.dropFirst())
var week: String?
if let i = arguments.firstIndex(of: "--week"), i + 1 < arguments.count {
    week = arguments[i + 1]
    arguments.removeSubrange(i...(i + 1))
}
guard let corpus = arguments.first else {
    FileHandle.standardError.write(Data("usage: papergraph-bench CORPUS_DIR [--week DIGEST.md]\n".utf8))
    exit(2)
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("papergraph-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

let (files, errors) = DigestFiles.expand([corpus])
guard errors.isEmpty, !files.isEmpty else { print("no digests in \(corpus)"); exit(1) }
let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }

print("papergraph bench — \(files.count) digests, \(String(format: "%.1f", Double(bytes) / 1e6)) MB, \(ProcessInfo.processInfo.activeProcessorCount) cores")
print("")
print("Ingest (parse, extract, store, search index; empty database, one transaction per digest)")
let store = try GraphStore(path: folder.appendingPathComponent("corpus.sqlite").path)
let ingestor = Ingestor(store: store)
var failed = 0
let ingestTime = seconds {
    for file in files where ingestor.ingest(file: file).failed { failed += 1 }
}
let stats = try store.stats()
line("  wall time", String(format: "%.2f s", ingestTime))
line("  throughput", String(format: "%.1f MB/s, %.0f papers/s", Double(bytes) / 1e6 / ingestTime, Double(stats.papers) / ingestTime))
line("  peak memory (VmHWM)", String(format: "%.0f MB", peakMemoryMB()))
line("  stored", "\(stats.papers) papers (\(stats.papersWithArxiv) arXiv), \(stats.entities) entities, \(stats.edges) edges, \(failed) failed")
let dbSize = (try? FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int) ?? 0
line("  database size", String(format: "%.1f MB (+ WAL)", Double(dbSize) / 1e6))
// Extraction's share: the same files read and extracted again, without the store.
var parseTime = 0.0, extractTime = 0.0
let extractor = RuleExtractor()
for file in files {
    guard let (text, _) = try? DigestFiles.read(file) else { continue }
    var digest: Digest?
    parseTime += seconds { digest = DigestReader().read(text: text, path: file) }
    if let digest { extractTime += seconds { _ = extractor.extract(digest) } }
}
line("  of which markdown read (cmark)", String(format: "%.2f s (%.0f%%)", parseTime, 100 * parseTime / ingestTime))
line("  of which extraction (cues, ICU words, model)", String(format: "%.2f s (%.0f%%)", extractTime, 100 * extractTime / ingestTime))
let reingest = seconds { for file in files { _ = ingestor.ingest(file: file) } }
line("  re-ingest, all unchanged", String(format: "%.2f s", reingest))

print("")
print("Queries (median of 5)")
func median(_ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<5 { times.append(try seconds(body)) }
    return times.sorted()[2]
}
for query in ["高斯", "场景重建", "Gaussian Splatting", "VGGT"] {
    var hits = 0
    let t = try median { hits = try store.search(query).hits.count }
    line("  search \(query)", String(format: "%.1f ms (%d hits)", t * 1000, hits))
}
let relatedTime = try median { _ = try store.related("2512.03939", limit: 10) }
line("  related 2512.03939", String(format: "%.1f ms", relatedTime * 1000))
let lineageTime = try median { _ = try store.lineage("DUSt3R", direction: .down, depth: 3) }
line("  lineage DUSt3R --down", String(format: "%.1f ms", lineageTime * 1000))

func maps(_ label: String, _ store: GraphStore) throws {
    print("")
    print("Maps — \(label) (build DOT; lay out and render with libgvc)")
    let builder = MapBuilder(store: store)
    for (name, make) in [("lineage", { try builder.lineage() }), ("topics", { try builder.topics() }),
                         ("topics --max-nodes 300", { try builder.topics(TopicMapOptions(minPapers: 2, maxNodes: 300)) }),
                         ("lineage --max-nodes 300", { try builder.lineage(maxNodes: 300) })] as [(String, () throws -> GraphMap)] {
        var map: GraphMap!
        let build = try seconds { map = try make() }
        let svg = try seconds { _ = try GraphvizRenderer.shared.render(map.dot, format: .svg) }
        let png = try seconds { _ = try GraphvizRenderer.shared.render(map.dot, format: .png) }
        let identical = map.dot == (try make().dot)
        line("  \(name)", String(format: "%d nodes, %d edges: DOT %.0f ms, SVG %.2f s, PNG %.2f s, same DOT twice: %@",
                                 map.graph.nodeCount, map.graph.edges.count, build * 1000, svg, png, identical ? "yes" : "NO"))
    }
}
try maps("whole corpus", store)
if let week {
    let weekStore = try GraphStore()
    _ = Ingestor(store: weekStore).ingest(file: week)
    try maps((week as NSString).lastPathComponent, weekStore)
}
