import Foundation

/// What a researcher typed into `search`, as an FTS5 query.
///
/// Words separated by spaces must all appear (in any order); a part in double quotes must
/// appear as a phrase. Inside a word or phrase, each token is quoted and the tokens are
/// chained as a phrase, so CJK text (one character a token, see ``TextSegmenter``) matches
/// as a substring and FTS5 operators in user text (`AND`, `*`, `"`) stay literal.
struct SearchQuery {
    /// The words and phrases, as typed.
    var parts: [String]
    var fts: String

    init?(_ text: String) {
        var parts: [String] = [], phrases: [String] = []
        // Split on quotes: odd pieces were inside quotes. An unmatched quote is ignored.
        for (index, piece) in text.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            let units = index % 2 == 1 ? [piece] : piece.split(whereSeparator: \.isWhitespace)
            for unit in units {
                let tokens = TextSegmenter.segment(String(unit)).split { !($0.isLetter || $0.isNumber) }
                guard !tokens.isEmpty else { continue }
                parts.append(String(unit).trimmingCharacters(in: .whitespaces))
                phrases.append(tokens.map { "\"\($0)\"" }.joined(separator: " + "))
            }
        }
        guard !phrases.isEmpty else { return nil }
        self.parts = parts
        fts = phrases.joined(separator: " AND ")
    }

    /// About `width` characters of the summary around the earliest part found (the title
    /// when the summary has none), on one line, with … where it was cut.
    func snippet(summary: String, title: String, width: Int = 110) -> String {
        let text = summary.isEmpty ? title : summary
        var earliest: String.Index?
        for part in parts {
            // A phrase typed with other punctuation still points at its first word.
            let probe = part.split { !($0.isLetter || $0.isNumber) }.first.map(String.init) ?? part
            for candidate in [part, probe] {
                if let range = text.range(of: candidate, options: [.caseInsensitive, .diacriticInsensitive]) {
                    if earliest == nil || range.lowerBound < earliest! { earliest = range.lowerBound }
                    break
                }
            }
        }
        guard let hit = earliest else { return Self.oneLine(String(text.prefix(width))) + (text.count > width ? "…" : "") }
        var start = text.index(hit, offsetBy: -min(width / 3, text.distance(from: text.startIndex, to: hit)))
        // Never start inside a Latin word: move on to the next space before the hit.
        if start > text.startIndex, text[text.index(before: start)].isLetter, text[start].isLetter, text[start].isASCII,
            let space = text[start..<hit].firstIndex(of: " ")
        {
            start = text.index(after: space)
        }
        let end = text.index(start, offsetBy: width, limitedBy: text.endIndex) ?? text.endIndex
        return (start > text.startIndex ? "…" : "") + Self.oneLine(String(text[start..<end])) + (end < text.endIndex ? "…" : "")
    }

    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
