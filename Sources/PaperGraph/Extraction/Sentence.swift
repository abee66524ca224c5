/// A sentence of an entry's summary, with the source line it sits on.
public struct Sentence: Sendable, Equatable {
    public var text: String
    public var line: Int
    /// Code spans of the block the sentence comes from.
    public var codeSpans: [String]

    /// Sentence ends: 。！？； and ! ? (scalars: comparing Characters of Chinese text was a
    /// twentieth of extraction).
    static let enders: Set<UInt32> = [0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F]

    /// Splits blocks at Chinese and English sentence ends (。！？；, and `. ` before a capital).
    public static func split(_ blocks: [MarkdownBlock]) -> [Sentence] {
        var sentences: [Sentence] = []
        for block in blocks where block.kind == .paragraph || block.headingLevel != nil {
            var line = block.line
            let text = block.text
            let scalars = text.unicodeScalars
            var start = scalars.startIndex
            var index = scalars.startIndex
            func flush(to end: String.Index) {
                let trimmed = text[start..<end].trimmedWhitespace()
                if !trimmed.isEmpty { sentences.append(Sentence(text: trimmed, line: line, codeSpans: block.codeSpans)) }
            }
            while index < scalars.endIndex {
                let scalar = scalars[index]
                let next = scalars.index(after: index)
                if scalar == "\n" {
                    flush(to: index)
                    line += 1
                    start = next
                } else if enders.contains(scalar.value) {
                    flush(to: next)
                    start = next
                } else if scalar == ".", next < scalars.endIndex, scalars[next] == " ",
                    scalars.index(after: next) < scalars.endIndex, text[scalars.index(after: next)].isUppercase
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
