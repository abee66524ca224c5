import ArgumentParser
import Foundation
import PaperGraph

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Write a static website of the whole graph: open its index.html from disk, or publish the folder on any static host.",
        discussion: """
            Pages for every paper, entity, topic and digest, lineage maps you can pan and zoom, and a \
            search box; no server and no network. Run it again after ingesting: only changed files \
            are rewritten, and pages the graph no longer has are deleted.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The folder to write (created if missing; it must be empty or a site papergraph wrote).")
    var folder: String

    func run() throws {
        let graph = try store.open()
        let start = Date()
        let report = try reportingErrors { try SiteWriter(store: graph).write(to: folder) }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
        printError(
            "wrote \(folder): \(report.pages) pages, \(report.maps) maps (\(report.mapsDrawn) laid out), "
                + "\(report.written) files written, \(report.unchanged) unchanged, \(report.removed) removed, "
                + "\(report.bytes / 1_000_000) MB in \(seconds) s")
        emit(URL(fileURLWithPath: folder).appendingPathComponent("index.html").standardizedFileURL.path + "\n")
    }
}
