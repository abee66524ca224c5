import Foundation

/// Reads a digest's academic section into paper entries.
///
/// Works from the section heading's own level, never from fixed depths: topics are one
/// level below the section and entries one level below the topics (2025-W11 nests the
/// section one level deeper than later weeks). Older digests list entries as bullets
/// under a topic, `- [[Title]]：概要`, which is read too.
public struct DigestReader: Sendable {
    /// Headings that open the academic section, compared case-insensitively.
    public static let sectionNames: Set<String> = ["学术研究", "academic research"]

    public init() {}

    /// Reads a digest.
    ///
    /// - Parameters:
    ///   - text: the markdown text.
    ///   - path: the path reported in diagnostics and stored with the digest.
    /// - Returns: the digest with its entries and every problem found, as diagnostics.
    public func read(text: String, path: String) -> Digest {
        let document = MarkdownParser.parse(text)
        var diagnostics: [Diagnostic] = []
        let title = document.blocks.first { $0.headingLevel == 1 }?.text
        let fileName = (path as NSString).lastPathComponent
        let week = Self.weekKey(title: title, fileName: fileName)
        let key =
            week
            ?? {
                diagnostics.append(
                    Diagnostic(
                        .warning, file: path, line: 1,
                        "no week found in the title or file name; the digest is keyed by its file name '\(fileName)' (title it like '# 2025 年第 49 周…' or name the file 2025-w49.zh-CN.md)"
                    ))
                return (fileName as NSString).deletingPathExtension
            }()
        let language = Self.language(fileName: fileName, title: title)

        guard
            let sectionIndex = document.blocks.firstIndex(where: {
                $0.headingLevel != nil && Self.sectionNames.contains($0.text.trimmingCharacters(in: .whitespaces).lowercased())
            }), let level = document.blocks[sectionIndex].headingLevel
        else {
            diagnostics.append(
                Diagnostic(
                    .warning, file: path, line: nil,
                    "no academic section ('学术研究' or 'Academic Research' heading); no papers read from this digest"))
            return Digest(
                key: key, language: language, path: path, title: title, entries: [], diagnostics: diagnostics,
                notADigest: week == nil ? "no week in its title or file name and no '学术研究' or 'Academic Research' section" : nil)
        }

        var builder = EntryBuilder(path: path, sectionLevel: level)
        for block in document.blocks[(sectionIndex + 1)...] {
            if let headingLevel = block.headingLevel, headingLevel <= level { break }
            builder.add(block)
        }
        builder.finish()
        builder.closeTopic()
        diagnostics += builder.diagnostics
        if builder.entries.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .warning, file: path, line: document.blocks[sectionIndex].line,
                    "the academic section holds no paper entries (expected headings two levels below it, or bullets under topic headings)"))
        }
        return Digest(
            key: key, language: language, path: path, title: title,
            entries: builder.entries, diagnostics: diagnostics)
    }

    // MARK: - Identity

    nonisolated(unsafe) private static let chineseWeek = /(\d{4})\s*年\s*第\s*(\d{1,2})\s*周/
    nonisolated(unsafe) private static let englishWeek = /(?i)week\s+(\d{1,2}),?\s+(\d{4})/
    nonisolated(unsafe) private static let fileWeek = /(?i)(\d{4})-w(\d{1,2})/

    static func weekKey(title: String?, fileName: String) -> String? {
        func key(_ year: Substring, _ week: Substring) -> String? {
            guard let w = Int(week), (1...53).contains(w) else { return nil }
            return "\(year)-W\(w < 10 ? "0" : "")\(w)"
        }
        if let title {
            if let m = title.firstMatch(of: chineseWeek) { return key(m.output.1, m.output.2) }
            if let m = title.firstMatch(of: englishWeek) { return key(m.output.2, m.output.1) }
        }
        if let m = fileName.firstMatch(of: fileWeek) { return key(m.output.1, m.output.2) }
        return nil
    }

    static func language(fileName: String, title: String?) -> String {
        let parts = fileName.split(separator: ".")
        if parts.count >= 3 { return String(parts[parts.count - 2]) }
        let hasCJK = title?.unicodeScalars.contains { TextSegmenter.isCJK($0) } ?? false
        return hasCJK ? "zh-CN" : "en"
    }
}

/// Groups the academic section's blocks into entries as it walks them.
private struct EntryBuilder {
    let path: String
    let sectionLevel: Int
    var topic: String?
    var entries: [PaperEntry] = []
    var diagnostics: [Diagnostic] = []
    private var seenPapers: [String: Int] = [:]
    private var topicHeading: MarkdownBlock?
    private var topicBlocks: [MarkdownBlock] = []
    private var topicHasEntries = false
    private var open: (heading: MarkdownBlock, blocks: [MarkdownBlock], isBullet: Bool)?

    init(path: String, sectionLevel: Int) {
        self.path = path
        self.sectionLevel = sectionLevel
    }

    mutating func add(_ block: MarkdownBlock) {
        if let level = block.headingLevel {
            if level == sectionLevel + 1 {
                finish()
                closeTopic()
                topic = block.text.trimmingCharacters(in: .whitespaces)
                topicHeading = block
                return
            }
            if level == sectionLevel + 2 {
                finish()
                open = (block, [], false)
                return
            }
        }
        if open == nil, topicHeading != nil, !topicHasEntries { topicBlocks.append(block) }
        if var current = open {
            if current.isBullet && block.listDepth <= 1 && block.startsListItem {
                finish()
            } else if current.isBullet && block.listDepth == 0 {
                finish()
                return
            } else {
                current.blocks.append(block)
                open = current
                return
            }
        }
        // Older digests: a top-level bullet under a topic is an entry.
        if topic != nil, block.listDepth == 1, block.startsListItem, block.kind == .paragraph {
            open = (block, [], true)
        }
    }

    /// A "topic" heading with no entries under it whose own text starts with a paper link is
    /// an entry sitting directly under the section (no topic level): read it as one.
    mutating func closeTopic() {
        defer { topicHeading = nil; topicBlocks = []; topicHasEntries = false }
        guard let heading = topicHeading, !topicHasEntries,
            let first = topicBlocks.first(where: { !$0.inBlockQuote && $0.kind == .paragraph }),
            first.links.contains(where: { ArxivID.fromURL($0.destination) != nil }) || Self.wikiLink(first.text) != nil
        else { return }
        let saved = topic
        topic = nil
        open = (heading, topicBlocks, false)
        finish()
        topic = saved
    }

    mutating func finish() {
        guard let current = open else { return }
        open = nil
        topicHasEntries = true
        let entry =
            current.isBullet
            ? bulletEntry(current.heading, body: current.blocks)
            : headingEntry(current.heading, blocks: current.blocks)
        let key = entry.identity.key
        if let firstLine = seenPapers[key] {
            diagnostics.append(
                Diagnostic(
                    .warning, file: path, line: entry.line,
                    "this entry links the same paper (\(key)) as the entry at line \(firstLine); kept once, as the first entry (check the link)"))
            return
        }
        seenPapers[key] = entry.line
        entries.append(entry)
    }

    // MARK: Heading entries

    private mutating func headingEntry(_ heading: MarkdownBlock, blocks: [MarkdownBlock]) -> PaperEntry {
        let headingText = heading.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = Self.splitName(headingText).name
        var link: PaperLink?
        var body = blocks
        // The paper link is the first paragraph outside quotes, when it is a link.
        if let index = blocks.firstIndex(where: { !$0.inBlockQuote && $0.kind == .paragraph }) {
            if let found = linkParagraph(blocks[index]) {
                link = found
                body.remove(at: index)
            }
        }
        body.removeAll { $0.inBlockQuote }
        if link == nil {
            diagnostics.append(
                Diagnostic(
                    .warning, file: path, line: heading.line,
                    "entry '\(headingText)' has no paper link; kept as a paper keyed by its title (add a line with the paper's link after the heading)"))
        }
        // Without a link the title is the heading's text after the colon (the paper's description).
        let afterColon = Self.splitName(headingText, requireName: false).rest
        let title = link.flatMap { $0.text.isEmpty ? nil : $0.text } ?? (afterColon.isEmpty ? headingText : afterColon)
        return PaperEntry(
            topic: topic, heading: headingText, name: name, link: link, title: title,
            line: heading.line, body: body)
    }

    /// Reads a paragraph that is a paper link: a wiki link, a link-only line, or an arXiv link.
    private mutating func linkParagraph(_ block: MarkdownBlock) -> PaperLink? {
        let text = block.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let wiki = Self.wikiLink(text) { return wiki }
        guard let first = block.links.first else {
            // `[Title](bad target)` is not a link to cmark: say so and keep the title.
            guard let match = text.wholeMatch(of: Self.brokenLinkPattern) else { return nil }
            diagnostics.append(
                Diagnostic(
                    .warning, file: path, line: block.line,
                    "malformed paper link '\(match.output.2)' (expected an http(s) URL); the entry is kept with its title"))
            let title = String(match.output.1)
            let leading = ArxivID.leading(in: title)
            return PaperLink(url: nil, arxiv: leading?.0, text: leading?.rest ?? title)
        }
        let isLinkOnly = text == first.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard isLinkOnly || ArxivID.fromURL(first.destination) != nil else { return nil }
        return markdownLink(first, line: block.line)
    }

    private mutating func markdownLink(_ link: MarkdownLink, line: Int) -> PaperLink {
        let text = link.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let leading = ArxivID.leading(in: text)
        let destination = link.destination.trimmingCharacters(in: .whitespaces)
        let isWeb = destination.lowercased().hasPrefix("http://") || destination.lowercased().hasPrefix("https://")
        if !isWeb {
            diagnostics.append(
                Diagnostic(
                    .warning, file: path, line: line,
                    "malformed paper link '\(destination)' (expected an http(s) URL); the entry is kept with its title"))
        }
        var arxiv = ArxivID.fromURL(destination) ?? leading?.0
        if let id = arxiv, id.version == nil, let textID = leading?.0, textID.id == id.id { arxiv?.version = textID.version }
        return PaperLink(url: isWeb ? destination : nil, arxiv: arxiv, text: leading?.rest ?? text)
    }

    nonisolated(unsafe) private static let brokenLinkPattern = /\[([^\]]+)\]\(([^)]*)\)/
    nonisolated(unsafe) private static let wikiPattern = /^\[\[([^\]]+)\]\]/

    /// Obsidian `[[2504.01234v2 Title]]` or `[[Title]]`: no URL, so an arXiv id gives the abstract page.
    static func wikiLink(_ text: String) -> PaperLink? {
        guard let match = text.firstMatch(of: wikiPattern) else { return nil }
        var inner = String(match.output.1).trimmingCharacters(in: .whitespaces)
        if let bar = inner.firstIndex(of: "|") { inner = String(inner[..<bar]) }
        if let (id, rest) = ArxivID.leading(in: inner) {
            return PaperLink(url: "https://arxiv.org/abs/\(id.versioned)", arxiv: id, text: rest)
        }
        return PaperLink(url: nil, arxiv: nil, text: inner)
    }

    // MARK: Bullet entries

    private mutating func bulletEntry(_ bullet: MarkdownBlock, body: [MarkdownBlock]) -> PaperEntry {
        let text = bullet.text.trimmingCharacters(in: .whitespacesAndNewlines)
        var link = Self.wikiLink(text)
        if link == nil, let first = bullet.links.first, text.hasPrefix(first.text.prefix(1)) {
            link = markdownLink(first, line: bullet.line)
        }
        if link == nil {
            diagnostics.append(
                Diagnostic(
                    .warning, file: path, line: bullet.line,
                    "bullet entry has no paper link; kept as a paper keyed by its text (start the bullet with [[Title]] or a link)"))
        }
        let title = link?.text ?? text
        let summary = Self.afterColon(text)
        var lead = bullet
        lead.text = summary
        return PaperEntry(
            topic: topic, heading: text, name: Self.splitName(title).name, link: link,
            title: title, line: bullet.line, body: [lead] + body.filter { !$0.inBlockQuote })
    }

    // MARK: Names

    /// Splits `Name：中文标题` into the short name and the rest, when the prefix reads as a name.
    static func splitName(_ heading: String, requireName: Bool = true) -> (name: String?, rest: String) {
        guard let colon = heading.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return (nil, heading) }
        let prefix = heading[..<colon].trimmingCharacters(in: .whitespaces)
        let rest = heading[heading.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if !requireName { return (nil, rest) }
        let hasCJK = prefix.unicodeScalars.contains { TextSegmenter.isCJK($0) }
        let hasLatin = prefix.unicodeScalars.contains { $0.properties.isAlphabetic && $0.isASCII }
        guard !prefix.isEmpty, prefix.count <= 40, hasLatin, !hasCJK,
            prefix.split(separator: " ").count <= 4
        else { return (nil, heading) }
        return (prefix, rest)
    }

    static func afterColon(_ text: String) -> String {
        guard let range = text.range(of: "]]") ?? text.range(of: ")") else { return text }
        var rest = text[range.upperBound...].drop { $0 == "：" || $0 == ":" || $0 == " " }
        if rest.isEmpty { rest = Substring(text) }
        return String(rest)
    }
}
