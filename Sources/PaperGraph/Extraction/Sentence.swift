/// A sentence of an entry's summary, with the source line it sits on.
public struct Sentence: Sendable, Equatable {
    public var text: String
    public var line: Int
    /// Code spans of the block the sentence comes from.
    public var codeSpans: [String]

    static let enders: Set<Character> = ["。", "！", "？", "；", "!", "?"]

    /// Splits blocks at Chinese and English sentence ends (。！？；, and `. ` before a capital).
    public static func split(_ blocks: [MarkdownBlock]) -> [Sentence] {
        var sentences: [Sentence] = []
        for block in blocks where block.kind == .paragraph || block.headingLevel != nil {
            var line = block.line
            let text = block.text
            var start = text.startIndex
            var index = text.startIndex
            func flush(to end: String.Index) {
                let trimmed = text[start..<end].trimmedWhitespace()
                if !trimmed.isEmpty { sentences.append(Sentence(text: trimmed, line: line, codeSpans: block.codeSpans)) }
            }
            while index < text.endIndex {
                let ch = text[index]
                let next = text.index(after: index)
                if ch == "\n" {
                    flush(to: index)
                    line += 1
                    start = next
                } else if enders.contains(ch) {
                    flush(to: next)
                    start = next
                } else if ch == ".", next < text.endIndex, text[next] == " ",
                    text.index(after: next) < text.endIndex, text[text.index(after: next)].isUppercase
                {
                    flush(to: next)
                    start = next
                }
                index = next
            }
            flush(to: text.endIndex)
        }
        return sentences
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace and newlines. Foundation's
    /// `trimmingCharacters(in:)` goes through NSString: too slow for the extractor's loops.
    func trimmedWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
