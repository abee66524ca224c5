import Foundation
import Testing

@testable import PaperGraph

/// `papergraph site`: pages, escaping, incremental rewrites, and a real browser
/// (browse_site.py drives headless Chromium through Selenium; `make test` installs both).
@Suite struct SiteTests {
    static let script = TestPaths.packageRoot.appendingPathComponent("Tests/PaperGraphTests/Site/browse_site.py").path
    static let hostileText = "<img src=x onerror=alert(1)>"

    static func check(_ site: URL, _ mode: String, _ more: [String] = []) throws -> String {
        let (status, output) = try TestPaths.python([script, site.path, mode] + more)
        #expect(status == 0, "\(output) (make test installs chromium, chromium-driver and selenium)")
        return output
    }

    static func read(_ site: URL, _ path: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }

    /// A digest of our own whose file name, topic, title, short name and summary carry markup.
    static func hostileDigest(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("\(hostileText) \"quoted\" 'single'.md").path
        let text = """
            # \(hostileText) 摘要 "quotes" </script>

            ## 学术研究

            ### 主题 </script><script>alert(2)</script>

            #### Evil\(hostileText)：测试 "双引号"

            [2502.00999 Evil </script> "Title" \(hostileText)](https://arxiv.org/abs/2502.00999)

            本文提出 EvilNet，基于 VGGT 构建，与 DUSt3R 对比，在 ScanNet 上评估。</script><b onmouseover=alert(3)>x</b>

            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func slugsArePlainDistinctAndSafe() {
        #expect(SitePath.slug("entity:vggt") == "vggt")
        #expect(SitePath.slug("arxiv:2512.03939") == "2512.03939")
        #expect(SitePath.slug("entity:vgg t") != SitePath.slug("entity:vgg-t"))
        #expect(SitePath.slug("entity:VGGT") != SitePath.slug("entity:vggt"))
        for id in ["entity:..", "entity:", Self.hostileText, "entity:场景重建", "a/b\\c"] {
            let slug = SitePath.slug(id)
            #expect(!slug.isEmpty && !slug.hasPrefix("."), "\(id) → \(slug)")
            #expect(slug.unicodeScalars.allSatisfy { CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789._-").contains($0) }, "\(slug)")
        }
        #expect(SitePath.link("entity/x.html", from: "paper/y.html") == "../entity/x.html")
        #expect(SitePath.link("entity/x.html", from: "index.html") == "entity/x.html")
    }

    @Test func pagesOfOurDigestLinkUpAndEscapeEverything() throws {
        let store = try GraphStore()
        #expect(!Ingestor(store: store).ingest(file: TestPaths.example).failed)
        let folder = try TestPaths.temporaryFolder()
        let site = folder.appendingPathComponent("site")
        let report = try SiteWriter(store: store).write(to: site.path)
        let stats = try store.stats()
        // index, lineage, topics, digests, papers, entities.
        #expect(report.pages == 2 + stats.topics + stats.digests + stats.papers + stats.entities)
        #expect(report.maps > 0 && report.mapsDrawn == report.maps)
        let vggt = try Self.read(site, SitePath.entity("entity:vggt"))
        #expect(vggt.contains("<svg") && vggt.contains("../entity/streamvggtlite.html"))
        #expect(vggt.contains("Papers that build on it"))
        let paper = try Self.read(site, "paper/2603.01234.html")
        #expect(paper.contains("Builds on") && paper.contains("../digest/2026-w10.zh-cn.html#L"))
        let index = try Self.read(site, "assets/search-index.js")
        #expect(index.hasPrefix("window.PAPERGRAPH_INDEX = {") && index.contains("StreamVGGT-Lite"))
        _ = try Self.check(site, "links")
    }

    @Test func hostileTextStaysText() throws {
        let folder = try TestPaths.temporaryFolder()
        let store = try GraphStore()
        #expect(!Ingestor(store: store).ingest(file: try Self.hostileDigest(in: folder)).failed)
        let site = folder.appendingPathComponent("site")
        _ = try SiteWriter(store: store).write(to: site.path)
        var pages = 0
        for case let path as String in FileManager.default.enumerator(atPath: site.path)! where path.hasSuffix(".html") {
            let html = try Self.read(site, path)
            #expect(!html.contains("<img") && !html.contains("alert(2)</script>") && !html.contains("<b onmouseover"), "\(path)")
            pages += 1
        }
        #expect(pages > 3)
        let digest = try Self.read(site, "digest/" + (try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("digest").path)[0]))
        #expect(digest.contains("&lt;img src=x onerror=alert(1)&gt;"))
        _ = try Self.check(site, "links")
        let output = try Self.check(site, "hostile", [Self.hostileText])
        #expect(output.contains("ok hostile"))
    }

    @Test func rerunsRewriteOnlyWhatChangedAndMatchAFreshSite() throws {
        let folder = try TestPaths.temporaryFolder()
        let store = try GraphStore(path: folder.appendingPathComponent("g.sqlite").path, create: true)
        let ingestor = Ingestor(store: store)
        #expect(!ingestor.ingest(file: TestPaths.example).failed)
        let site = folder.appendingPathComponent("site")
        let first = try SiteWriter(store: store).write(to: site.path)
        let again = try SiteWriter(store: store).write(to: site.path)
        #expect(again.written == 0 && again.mapsDrawn == 0 && again.removed == 0)
        #expect(again.unchanged == first.written)

        let added = try TestPaths.oneEntryDigest(in: folder, week: 3, id: "2601.00003", "本文提出 SiteNet，基于 VGGT 构建，在 ScanNet 上评估。")
        #expect(!ingestor.ingest(file: added).failed)
        let grown = try SiteWriter(store: store).write(to: site.path)
        #expect(grown.written > 0 && grown.written < grown.unchanged, "\(grown)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("paper/2601.00003.html").path))
        let vggt = try Self.read(site, SitePath.entity("entity:vggt"))
        #expect(vggt.contains("Paper3 Title"))

        // The same graph written into a new folder gives the same files.
        let fresh = folder.appendingPathComponent("fresh")
        _ = try SiteWriter(store: store).write(to: fresh.path)
        for name in [SitePath.entity("entity:vggt"), "index.html", "assets/search-index.js", SitePath.map("entity:vggt")] {
            #expect(try Self.read(site, name) == Self.read(fresh, name), "\(name)")
        }

        #expect(try store.remove(key: "2025-W03") > 0)
        let shrunk = try SiteWriter(store: store).write(to: site.path)
        #expect(shrunk.removed >= 1)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("paper/2601.00003.html").path))
        #expect(try !Self.read(site, SitePath.entity("entity:vggt")).contains("Paper3 Title"))
    }

    @Test func refusesFoldersItDidNotWrite() throws {
        let folder = try TestPaths.temporaryFolder()
        try Data("my notes".utf8).write(to: folder.appendingPathComponent("notes.md"))
        let store = try GraphStore()
        #expect(throws: SiteError.notASite(folder.path)) { try SiteWriter(store: store).write(to: folder.path) }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes.md").path))
        let file = folder.appendingPathComponent("notes.md").path
        #expect(throws: SiteError.notAFolder(file)) { try SiteWriter(store: store).write(to: file) }
        #expect(SiteError.notASite(folder.path).errorDescription!.contains("empty or new folder"))
    }

    @Test(.enabled(if: TestPaths.hasWeek49)) func week49InTheBrowser() throws {
        let store = try GraphStore()
        #expect(!Ingestor(store: store).ingest(file: TestPaths.week49).failed)
        let site = try TestPaths.temporaryFolder().appendingPathComponent("site")
        _ = try SiteWriter(store: store).write(to: site.path)
        _ = try Self.check(site, "links")
        let output = try Self.check(site, "browse", [site.appendingPathComponent("screenshots").path])
        for name in ["AVGGT", "FastVGGT", "VGGT-Long"] { #expect(output.contains("links \(name) to its page")) }
    }

    @Test(.enabled(if: TestPaths.hasWeek49)) func wholeCorpusInTheBrowser() throws {
        let store = try TestCorpus.store.get()
        let site = try TestPaths.temporaryFolder().appendingPathComponent("site")
        let report = try SiteWriter(store: store).write(to: site.path)
        #expect(report.pages > 8_000 && report.maps > 1_000)
        _ = try Self.check(site, "links")
        let output = try Self.check(site, "browse")
        for name in ["AVGGT", "FastVGGT", "VGGT-Long"] { #expect(output.contains("links \(name) to its page")) }
    }
}
