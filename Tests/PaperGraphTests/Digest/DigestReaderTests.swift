import Foundation
import Testing

@testable import PaperGraph

@Suite struct DigestReaderTests {
    @Test func readsSectionNestedOneLevelDeeper() throws {
        let digest = try TestPaths.read(TestPaths.fixture("nested-section.md"))
        #expect(digest.key == "2025-W07")
        #expect(digest.language == "zh-CN" || digest.language == "md")
        let headings = digest.entries.map(\.heading)
        #expect(headings.count == 7)  // DeltaDup repeats AlphaDet's arXiv id and is dropped
        #expect(!headings.contains { $0.contains("不是论文") })
        let alpha = try #require(digest.entries.first)
        #expect(alpha.topic == "目标检测")
        #expect(alpha.name == "AlphaDet")
        #expect(alpha.link?.arxiv == ArxivID(id: "2502.00001", version: 3))
        #expect(alpha.title == "Alpha Detector for Testing")
        #expect(alpha.body.first?.codeSpans == ["DETR", "foo_bar"])
    }

    @Test func skipsCalloutsBeforeTheLink() throws {
        let digest = try TestPaths.read(TestPaths.fixture("nested-section.md"))
        let beta = try #require(digest.entries.first { $0.name == "BetaNet" })
        #expect(beta.link?.url == "https://arxiv.org/abs/2502.00002v1")
        #expect(beta.title == "BetaNet A Second Paper")
        #expect(beta.body.map(\.text) == ["BetaNet 的摘要。"])
    }

    @Test func warnsAndKeepsEntriesWithMissingOrMalformedLinks() throws {
        let digest = try TestPaths.read(TestPaths.fixture("nested-section.md"))
        let noLink = try #require(digest.entries.first { $0.heading.hasPrefix("没有链接") })
        #expect(noLink.link == nil)
        #expect(noLink.title == "仍然是论文")
        #expect(noLink.identity == .title("仍然是论文"))
        let gamma = try #require(digest.entries.first { $0.name == "GammaSeg" })
        #expect(gamma.link?.url == nil)
        #expect(gamma.title == "Gamma Segmentation")
        let messages = digest.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("nested-section.md:28: warning: entry '没有链接的条目") })
        #expect(messages.contains { $0.contains(":34: warning: malformed paper link 'not a url'") })
        #expect(messages.contains { $0.contains(":38: warning: this entry links the same paper (arxiv:2502.00001) as the entry at line 13") })
    }

    @Test func readsWikiLinksWithAndWithoutIDs() throws {
        let digest = try TestPaths.read(TestPaths.fixture("nested-section.md"))
        let wiki = try #require(digest.entries.first { $0.heading.hasPrefix("Wiki") })
        #expect(wiki.link?.url == "https://arxiv.org/abs/2502.00003v2")
        #expect(wiki.title == "WikiRecon - Reconstruction from Wiki Links")
        #expect(wiki.topic == "场景重建")
        let dream = try #require(digest.entries.first { $0.heading.hasPrefix("Dream") })
        #expect(dream.link?.url == nil)
        #expect(dream.title == "Dream 7B")
        let hf = try #require(digest.entries.first { $0.heading.hasPrefix("HF") })
        #expect(hf.identity == .url("huggingface.co/org/HFModel"))
    }

    @Test func readsBulletEntriesOfOlderDigests() throws {
        let digest = try TestPaths.read(TestPaths.fixture("bullets.md"))
        #expect(digest.key == "2024-W30")
        #expect(digest.entries.map(\.title) == ["Tiny Language Models Are Enough", "Sparse Mixture Routing", "Robot Hands"])
        #expect(digest.entries.map(\.topic) == ["语言模型", "语言模型", "机器人"])
        let first = digest.entries[0]
        #expect(first.body.map(\.text) == ["小模型也能推理", "作者在 GSM8K 上评估", "与 Llama 2 比较"])
        #expect(digest.entries[1].link?.arxiv == ArxivID(id: "2407.01111", version: 2))
    }

    @Test func readsEnglishEditions() throws {
        let digest = try TestPaths.read(TestPaths.fixture("english.md"))
        #expect(digest.key == "2026-W03")
        #expect(digest.entries.count == 1)
        #expect(digest.entries[0].topic == "Scene Reconstruction")
        #expect(digest.entries[0].name == "TinyRecon")
    }

    @Test func readsEntriesPlacedDirectlyUnderTheSection() throws {
        let digest = try TestPaths.read(TestPaths.fixture("flat-section.md"))
        #expect(digest.entries.map(\.title) == ["FlatNet A Paper Without a Topic Level", "RealEntry Title"])
        #expect(digest.entries.map(\.topic) == [nil, "Plain Topic"])
        #expect(digest.entries[0].name == "FlatNet")
        #expect(digest.entries[0].body.map(\.text) == ["FlatNet builds on VGGT."])
    }

    @Test func warnsWhenThereIsNoAcademicSection() throws {
        let digest = try TestPaths.read(TestPaths.fixture("no-academic.md"))
        #expect(digest.entries.isEmpty)
        #expect(digest.diagnostics.count == 1)
        #expect(digest.diagnostics[0].message.contains("no academic section"))
    }

    @Test func reportsTheLineOfTheFirstInvalidByte() throws {
        let folder = try TestPaths.temporaryFolder()
        let file = folder.appendingPathComponent("bad.md")
        try Data("# 2025 年第 3 周\n\nok\n".utf8 + [0xE5, 0x28] + Data(" tail\n".utf8)).write(to: file)
        #expect(throws: DigestError.notUTF8(path: file.path, line: 4, byteOffset: 24)) {
            try DigestFiles.read(file.path)
        }
    }

    @Test func expandsFoldersOnceEvenThroughSymlinkLoops() throws {
        let folder = try TestPaths.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("# x\n".utf8).write(to: folder.appendingPathComponent("sub/a.md"))
        try Data("not markdown".utf8).write(to: folder.appendingPathComponent("sub/b.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("sub/loop").path,
            withDestinationPath: folder.path)
        let (files, errors) = DigestFiles.expand([folder.path, folder.appendingPathComponent("missing").path])
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["a.md"])
        #expect(errors == [.missingFile(folder.appendingPathComponent("missing").path)])
    }

    @Test(.enabled(if: TestPaths.hasWeek49)) func readsTheRealWeek49Digest() throws {
        let digest = try TestPaths.read(TestPaths.week49)
        #expect(digest.key == "2025-W49")
        #expect(digest.entries.count == 29)
        #expect(digest.diagnostics.isEmpty)
        let topics = Set(digest.entries.compactMap(\.topic))
        #expect(topics.count == 11)
        #expect(digest.entries[0].link?.arxiv == ArxivID(id: "2512.02392", version: 1))
    }
}
