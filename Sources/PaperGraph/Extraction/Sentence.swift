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

/// A sentence's Characters and the index each starts at, read in one pass: the scanner and
/// the occurrence reader both count in Characters, and walking a Chinese sentence's
/// graphemes is the expensive part of reading it.
struct SentenceCharacters {
    let characters: [Character]
    /// `starts[i]` is where `characters[i]` begins; `starts[characters.count]` is the end.
    let starts: [String.Index]
    /// The first scalar of each Character.
    let firstScalars: [UInt32]

    init(_ text: String) {
        var characters: [Character] = [], starts: [String.Index] = [], firstScalars: [UInt32] = []
        firstScalars.reserveCapacity(text.utf8.count / 2)
        characters.reserveCapacity(text.utf8.count / 2)
        starts.reserveCapacity(text.utf8.count / 2 + 1)
        var index = text.startIndex
        for character in text {
            starts.append(index)
            characters.append(character)
            firstScalars.append(text.unicodeScalars[index].value)
            index = text.utf8.index(index, offsetBy: character.utf8.count)
        }
        starts.append(text.endIndex)
        self.characters = characters
        self.starts = starts
        self.firstScalars = firstScalars
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
