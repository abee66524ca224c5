import Foundation

/// A regular expression for a context cue, run by ICU (`NSRegularExpression`).
///
/// Cue checks run on short windows around every mention; ICU's engine costs a fraction
/// of Swift Regex's per call there (measured with `perf` on the whole corpus). Most cue
/// patterns begin with a group of literal words, one of which every match contains: those
/// words are found first (``KeywordSet``), and the expression runs only where one occurs.
struct CuePattern: @unchecked Sendable {
    private let expression: NSRegularExpression
    /// Words one of which every match contains; nil when the pattern does not say.
    private let required: KeywordSet?

    init(_ pattern: String, caseInsensitive: Bool = false) {
        // The patterns are constants written here: a bad one is a programming error caught by the tests.
        expression = try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        required = Self.guardWords(of: pattern)
    }

    /// A pattern read from a data file: nil when it is not a valid expression.
    init?(checking pattern: String) {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        self.expression = expression
        required = Self.guardWords(of: pattern)
    }

    /// The guard of a pattern. Words are compared with ASCII case folded and nothing else, so
    /// a pattern whose words hold letters of other scripts that have case (which `(?i)` would
    /// fold) gets none.
    private static func guardWords(of pattern: String) -> KeywordSet? {
        guard let words = requiredWords(of: pattern),
            words.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.isASCII || !$0.properties.changesWhenCaseMapped } })
        else { return nil }
        return KeywordSet(words)
    }

    func matches(_ text: some StringProtocol) -> Bool {
        if let required, !required.occurs(in: text) { return false }
        let string = String(text)
        return expression.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil
    }

    /// Words one of which every match of `pattern` contains: the first piece of the pattern
    /// that a match cannot skip and that is literal text or a group whose every alternative
    /// gives words the same way (`^\s*[）)]?\s*(担任|充当)` gives 担任, 充当;
    /// `(基于|受到?|leverag\w*)\s*$` gives 基于, 受, leverag; `\d+k$` gives k). Optional
    /// pieces, anchors, flags and lookarounds take no text, and a class or an escape such as
    /// `\d` gives no word: they are passed over. nil when no literal piece follows, or some
    /// alternative gives no word.
    static func requiredWords(of pattern: String) -> [String]? {
        words(in: Array(pattern)[...])
    }

    private typealias Text = ArraySlice<Character>

    /// Alternatives at the top level of `text`, each with its own words.
    private static func words(in text: Text) -> [String]? {
        var alternatives: [Text] = []
        var start = text.startIndex, i = text.startIndex
        while i < text.endIndex {
            guard let end = pieceEnd(text, i) else { return nil }
            if text[i] == "|" {
                alternatives.append(text[start..<i])
                start = end
            }
            i = end
        }
        alternatives.append(text[start..<text.endIndex])
        var all: [String] = []
        for alternative in alternatives {
            guard let words = sequenceWords(alternative), !words.isEmpty else { return nil }
            all += words
        }
        return all
    }

    /// The words of the first piece of a sequence (no `|` at its level) that a match cannot skip.
    private static func sequenceWords(_ text: Text) -> [String]? {
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            guard let end = pieceEnd(text, i) else { return nil }
            let optional = isOptional(text, after: end)
            if c == "^" {
                i = end
                continue
            }
            if c == "(" {
                let body = text[(i + 1)..<(end - 1)]
                if optional || takesNoText(group: body) {
                    i = quantifierEnd(text, end)
                    continue
                }
                if body.starts(with: ["?", ":"]) { return words(in: body.dropFirst(2)) }
                return body.first == "?" ? nil : words(in: body)
            }
            if optional {
                i = quantifierEnd(text, end)
                continue
            }
            if c == "\\", "bBAzZ".contains(text[i + 1]) || c == "$" {
                i = end  // a word boundary or an end: no text
                continue
            }
            // Literal text, up to the first piece that is not a plain character (less a last
            // character made optional).
            var word = ""
            var j = i
            while j < text.endIndex {
                var literal = text[j], length = 1
                if literal == "\\" {
                    guard j + 1 < text.endIndex, ".()-/,[]{}|?*+^$\\".contains(text[j + 1]) else { break }
                    literal = text[j + 1]
                    length = 2
                } else if "[()|^$.+*?{".contains(literal) {
                    break
                }
                if isOptional(text, after: j + length) { break }
                word.append(literal)
                j += length
            }
            if word.isEmpty, c == "[" || c == "\\" || c == "." {
                // A class or an escape a match must pass (`\d+`): the words come after it.
                i = quantifierEnd(text, end)
                continue
            }
            return word.isEmpty ? nil : [word]
        }
        return nil
    }

    /// Lookarounds `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)` and flags `(?i)`: they match no text.
    private static func takesNoText(group body: Text) -> Bool {
        guard body.first == "?", let second = body.dropFirst().first else { return false }
        if second == "=" || second == "!" { return true }
        if second == "<", let third = body.dropFirst(2).first { return third == "=" || third == "!" }
        return body.dropFirst().allSatisfy { $0.isLetter || $0 == "-" }
    }

    /// The end of the piece at `i`: one character, an escape, a class or a group.
    private static func pieceEnd(_ text: Text, _ i: Int) -> Int? {
        switch text[i] {
        case "\\": return i + 2 <= text.endIndex ? i + 2 : nil
        case "[": return classEnd(text, i)
        case "(":
            var depth = 0, j = i
            while j < text.endIndex {
                switch text[j] {
                case "\\": j += 1
                case "[":
                    guard let end = classEnd(text, j) else { return nil }
                    j = end - 1
                case "(": depth += 1
                case ")":
                    depth -= 1
                    if depth == 0 { return j + 1 }
                default: break
                }
                j += 1
            }
            return nil
        default: return i + 1
        }
    }

    private static func classEnd(_ text: Text, _ i: Int) -> Int? {
        var j = i + 1
        if j < text.endIndex, text[j] == "^" { j += 1 }
        if j < text.endIndex, text[j] == "]" { j += 1 }  // a `]` first is a member
        while j < text.endIndex, text[j] != "]" { j += text[j] == "\\" ? 2 : 1 }
        return j < text.endIndex ? j + 1 : nil
    }

    /// Whether a quantifier after a piece lets a match skip it (`?`, `*`, `{0,…}`).
    private static func isOptional(_ text: Text, after end: Int) -> Bool {
        guard end < text.endIndex else { return false }
        let q = text[end]
        return q == "?" || q == "*" || (q == "{" && end + 1 < text.endIndex && text[end + 1] == "0")
    }

    private static func quantifierEnd(_ text: Text, _ end: Int) -> Int {
        var j = end
        guard j < text.endIndex else { return j }
        if text[j] == "{" {
            while j < text.endIndex, text[j] != "}" { j += 1 }
            j += 1
        } else if "?*+".contains(text[j]) {
            j += 1
        }
        if j < text.endIndex, text[j] == "?" || text[j] == "+" { j += 1 }  // lazy or possessive
        return j
    }
}
