import Foundation

/// Literal cue words, found anywhere in a text in one pass.
///
/// The clause- and sentence-wide cues are plain alternatives of words; matching them as
/// literals indexed by first byte is many times faster than a regular expression that
/// tries every alternative at every position (the extractor's hottest path when it was one).
/// Matching runs over UTF-8 bytes with ASCII letters folded to lower case: UTF-8 never
/// matches a whole character's bytes in the middle of another, and the cue words' other
/// scripts (Chinese) have no case.
struct KeywordSet: Sendable {
    /// Words by their first byte.
    private let byFirst: [[[UInt8]]]

    init(_ words: [String]) {
        var index = [[[UInt8]]](repeating: [], count: 256)
        for word in words where !word.isEmpty {
            let bytes = Array(word.lowercased().utf8)
            index[Int(bytes[0])].append(bytes)
        }
        byFirst = index
    }

    @inline(__always) static func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// Whether any word occurs in `text` (ASCII compared case-insensitively).
    func occurs(in text: some StringProtocol) -> Bool {
        var string = String(text)
        return string.withUTF8 { bytes in
            let count = bytes.count
            for i in 0..<count {
                let candidates = byFirst[Int(Self.fold(bytes[i]))]
                guard !candidates.isEmpty else { continue }
                words: for word in candidates where i + word.count <= count {
                    for j in 1..<word.count where Self.fold(bytes[i + j]) != word[j] { continue words }
                    return true
                }
            }
            return false
        }
    }
}

extension String {
    /// Whether `other` occurs in this string, byte for byte: Foundation's `contains` bridges
    /// the whole text to NSString on every call.
    func containsBytes(_ other: String) -> Bool {
        var text = self, word = other
        return text.withUTF8 { haystack in
            word.withUTF8 { needle in
                guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
                let first = needle[0], last = haystack.count - needle.count
                var i = 0
                while i <= last {
                    if haystack[i] == first, memcmp(haystack.baseAddress! + i, needle.baseAddress!, needle.count) == 0 { return true }
                    i += 1
                }
                return false
            }
        }
    }
}
