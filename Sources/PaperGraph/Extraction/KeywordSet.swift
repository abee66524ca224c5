/// Literal cue words, found anywhere in a text in one pass.
///
/// The clause- and sentence-wide cues are plain alternatives of words; matching them as
/// literals indexed by first character is many times faster than a regular expression that
/// tries every alternative at every position (the extractor's hottest path when it was one).
struct KeywordSet: Sendable {
    private let byFirst: [Character: [[Character]]]

    init(_ words: [String]) {
        var index: [Character: [[Character]]] = [:]
        for word in words where !word.isEmpty {
            let chars = Array(word.lowercased())
            index[chars[0], default: []].append(chars)
        }
        byFirst = index
    }

    /// Whether any word occurs in `text` (English compared case-insensitively).
    func occurs(in text: some StringProtocol) -> Bool {
        let chars = Array(text.lowercased())
        for i in chars.indices {
            guard let candidates = byFirst[chars[i]] else { continue }
            for word in candidates where i + word.count <= chars.count && chars[i..<(i + word.count)].elementsEqual(word) {
                return true
            }
        }
        return false
    }
}
