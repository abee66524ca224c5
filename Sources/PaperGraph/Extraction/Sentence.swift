/// A sentence of an entry's summary, with the source line it sits on.
public struct Sentence: Sendable, Equatable {
    public var text: String
    public var line: Int
    /// Code spans of the block the sentence comes from.
    public var codeSpans: [String]

    /// Splits blocks at Chinese and English sentence ends (。！？；, and `. ` before a capital).
    public static func split(_ blocks: [MarkdownBlock]) -> [Sentence] {
        var sentences: [Sentence] = []
        for block in blocks where block.kind == .paragraph || block.headingLevel != nil {
            var line = block.line
            var current = ""
            func flush() {
                let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { sentences.append(Sentence(text: trimmed, line: line, codeSpans: block.codeSpans)) }
                current = ""
            }
            let chars = Array(block.text)
            for (i, ch) in chars.enumerated() {
                if ch == "\n" {
                    flush()
                    line += 1
                    continue
                }
                current.append(ch)
                if "。！？；!?".contains(ch) {
                    flush()
                } else if ch == ".", i + 2 < chars.count, chars[i + 1] == " ", chars[i + 2].isUppercase {
                    flush()
                }
            }
            flush()
        }
        return sentences
    }
}
