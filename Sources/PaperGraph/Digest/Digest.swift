import Foundation

/// One weekly digest as read from markdown: its identity and its paper entries.
public struct Digest: Sendable {
    /// ISO week, e.g. `2025-W49`.
    public var key: String
    /// `zh-CN` or `en`: a Chinese and an English edition of one week are two digests.
    public var language: String
    public var path: String
    public var title: String?
    public var entries: [PaperEntry]
    public var diagnostics: [Diagnostic]
    /// Why this markdown is not a digest at all (no week in its title or file name and no
    /// academic section); nil for a digest, even one without papers. Ingest stores nothing for it.
    public var notADigest: String? = nil
}

/// One paper entry of the academic section: a heading (or, in older digests, a bullet)
/// under a topic, its link and its summary.
public struct PaperEntry: Sendable {
    public var topic: String?
    /// The entry heading verbatim, e.g. `FDTA：治愈“脸盲症”…`.
    public var heading: String
    /// The short name before the heading's colon, when it names the contribution.
    public var name: String?
    public var link: PaperLink?
    /// The title: link text after the arXiv id, or the heading's text when there is no link.
    public var title: String
    public var line: Int
    /// Summary blocks after the link, with their lines (quotes and the link line excluded).
    public var body: [MarkdownBlock]

    public var identity: PaperIdentity {
        if let arxiv = link?.arxiv { return .arxiv(arxiv.id) }
        if let url = link?.url { return .url(PaperIdentity.normalise(url: url)) }
        return .title(PaperIdentity.normalise(title: title))
    }

    /// All summary text, one block a line, as stored for search.
    public var summaryText: String {
        body.map(\.text).joined(separator: "\n")
    }
}

/// The link an entry gives for its paper.
public struct PaperLink: Sendable, Equatable {
    public var url: String?
    public var arxiv: ArxivID?
    public var text: String
}

/// A stable key for a paper: its arXiv id without version, else its URL, else its title.
public enum PaperIdentity: Sendable, Hashable {
    case arxiv(String)
    case url(String)
    case title(String)

    public var key: String {
        switch self {
        case .arxiv(let id): return "arxiv:\(id)"
        case .url(let url): return "url:\(url)"
        case .title(let title): return "title:\(title)"
        }
    }

    /// Drops scheme, `www.`, fragment and trailing slash; lowercases the host.
    public static func normalise(url: String) -> String {
        var rest = Substring(url.trimmingCharacters(in: .whitespaces))
        if let range = rest.range(of: "://") { rest = rest[range.upperBound...] }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        var host = rest[..<slash].lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host + rest[slash...]
    }

    /// Case-folded title with runs of non-alphanumerics collapsed to one space.
    public static func normalise(title: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in title.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return out
    }
}
