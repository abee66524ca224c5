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
        // Literal words are compared with ASCII folded only: a guard for a case-insensitive
        // pattern must not hold letters of other scripts that have case.
        let words = Self.requiredWords(of: pattern)
        let folds = words?.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII || !$0.properties.changesWhenCaseMapped } } ?? false
        required = !caseInsensitive || folds ? words.map(KeywordSet.init) : nil
    }

    /// A pattern read from a data file: nil when it is not a valid expression.
    init?(checking pattern: String) {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        self.expression = expression
        required = Self.requiredWords(of: pattern).map(KeywordSet.init)
    }

    func matches(_ text: some StringProtocol) -> Bool {
        if let required, !required.occurs(in: text) { return false }
        let string = String(text)
        return expression.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil
    }

    /// The literal start of each alternative of a pattern's leading group, when the pattern
    /// begins with a group that every match passes through (`(基于|受到?|leverag\w*)…` gives
    /// 基于, 受, leverag); nil when it begins otherwise or an alternative has no literal start.
    static func requiredWords(of pattern: String) -> [String]? {
        let characters = Array(pattern)
        guard characters.count > 1, characters[0] == "(", characters[1] != "?" else { return nil }
        var alternatives: [String] = [], current = "", stopped = false
        var i = 1
        while i < characters.count {
            let c = characters[i]
            let next: Character? = i + 1 < characters.count ? characters[i + 1] : nil
            if c == "(" { return nil }  // a nested group: too complex to read
            if c == "|" || c == ")" {
                guard !current.isEmpty else { return nil }
                alternatives.append(current)
                current = ""
                stopped = false
                // The group must be required: no quantifier after it that allows skipping it.
                if c == ")" { return next == "?" || next == "*" || next == "{" ? nil : alternatives }
            } else if c == "[" {
                // A class ends the literal; its members (| included) are skipped.
                stopped = true
                i += 1
                while i < characters.count, characters[i] != "]" { i += characters[i] == "\\" ? 2 : 1 }
            } else if c == "\\" {
                guard let escaped = next else { return nil }
                i += 1
                let quantified = i + 1 < characters.count && "?*{".contains(characters[i + 1])
                if !stopped, !quantified, ".()-/,".contains(escaped) {
                    current.append(escaped)
                } else {
                    stopped = true  // \w, \s, \b, \d, or an optional escaped character: the literal ends
                }
            } else if c == "?" || c == "*" || c == "{" {
                // The character before is optional: it is not part of the literal.
                if !stopped, !current.isEmpty { current.removeLast() }
                stopped = true
            } else if "+.^$]".contains(c) {
                stopped = true
            } else if !stopped {
                current.append(c)
            }
            i += 1
        }
        return nil
    }
}
