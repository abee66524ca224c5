import Foundation

/// A regular expression for a context cue, run by ICU (`NSRegularExpression`).
///
/// Cue checks run on short windows around every mention; ICU's engine costs a fraction
/// of Swift Regex's per call there (measured with `perf` on the whole corpus).
struct CuePattern: @unchecked Sendable {
    private let expression: NSRegularExpression

    init(_ pattern: String, caseInsensitive: Bool = false) {
        // The patterns are constants written here: a bad one is a programming error caught by the tests.
        expression = try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    /// A pattern read from a data file: nil when it is not a valid expression.
    init?(checking pattern: String) {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        self.expression = expression
    }

    func matches(_ text: some StringProtocol) -> Bool {
        let string = String(text)
        return expression.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil
    }
}
