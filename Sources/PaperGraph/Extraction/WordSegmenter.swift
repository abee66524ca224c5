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
            let word = String(decoding: slice, as: UTF16.self)
            guard word.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
            else { continue }
            words.append(word)
        }
        return words
    }
}
