import CICUWords

/// Splits text into words with ICU's dictionary-based word break iterator: Chinese runs
/// become dictionary words (基于 | 大型 | 视觉 | 基础 | 模型), Latin text its words.
///
/// The only file that calls `CICUWords`. Spaces and punctuation are dropped.
enum WordSegmenter {
    /// The words of `text`, in order, without spaces and punctuation.
    static func words(_ text: some StringProtocol) -> [String] {
        let units = Array(String(text).utf16)
        guard !units.isEmpty else { return [] }
        var bounds = [Int32](repeating: 0, count: units.count + 1)
        let count = units.withUnsafeBufferPointer { textBuffer in
            bounds.withUnsafeMutableBufferPointer { out in
                pg_word_boundaries(textBuffer.baseAddress, Int32(units.count), out.baseAddress, Int32(out.count))
            }
        }
        guard count > 1 else { return [String(text)] }
        var words: [String] = []
        for i in 0..<(Int(count) - 1) {
            let slice = units[Int(bounds[i])..<Int(bounds[i + 1])]
            switch Self.isWord(slice) {
            case false?: continue
            case true?: words.append(String(decoding: slice, as: UTF16.self))
            case nil:
                let word = String(decoding: slice, as: UTF16.self)
                guard word.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
                else { continue }
                words.append(word)
            }
        }
        return words
    }

    /// Whether a segment holds a letter or digit, read from its UTF-16 units where that is
    /// plain (ASCII, CJK ideographs); nil when another script needs Unicode's properties.
    @inline(__always) static func isWord(_ units: ArraySlice<UInt16>) -> Bool? {
        for unit in units {
            switch unit {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x3400...0x4DBF, 0x4E00...0x9FFF: return true
            // ASCII and the common CJK and typographic punctuation: neither letters nor digits.
            case 0..<0x80, 0x3001, 0x3002, 0x3008...0x3011, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0xB7:
                continue
            default: return nil
            }
        }
        return false
    }
}
