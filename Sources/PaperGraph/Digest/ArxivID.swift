import Foundation

/// An arXiv identifier in the new scheme (`YYMM.NNNNN`), with the version when given.
public struct ArxivID: Sendable, Equatable, Hashable {
    /// The id without version, e.g. `2512.02392`.
    public var id: String
    public var version: Int?

    /// The month the id was issued, `2025-12` for `2512.02392`: the paper's place in time.
    public var month: String {
        let yy = id.prefix(2), mm = id.dropFirst(2).prefix(2)
        return "20\(yy)-\(mm)"
    }

    public var versioned: String { version.map { "\(id)v\($0)" } ?? id }

    /// Reads an id at the start of `text` (`2512.02392v1 Title…`), returning it and the rest.
    public static func leading(in text: String) -> (ArxivID, rest: String)? {
        guard let match = text.firstMatch(of: leadingPattern) else { return nil }
        let rest = text[match.range.upperBound...].trimmingCharacters(in: .whitespaces)
        return (ArxivID(id: String(match.output.1), version: match.output.2.flatMap { Int($0) }), rest)
    }

    /// Reads the id from an arXiv URL (`arxiv.org/abs|html|pdf/ID[vN]`).
    public static func fromURL(_ url: String) -> ArxivID? {
        guard let match = url.firstMatch(of: urlPattern) else { return nil }
        return ArxivID(id: String(match.output.1), version: match.output.2.flatMap { Int($0) })
    }

    nonisolated(unsafe) private static let leadingPattern = /^\s*(\d{4}\.\d{4,5})(?:v(\d+))?(?=\s|$)/
    nonisolated(unsafe) private static let urlPattern = /(?i)arxiv\.org\/(?:abs|html|pdf)\/(\d{4}\.\d{4,5})(?:v(\d+))?/
}
