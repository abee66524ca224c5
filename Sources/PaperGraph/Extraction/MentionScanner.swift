import Foundation

/// A name found in a sentence.
public struct Mention: Sendable, Equatable {
    /// The text as written.
    public var surface: String
    /// Canonical name: the gazetteer's, else the surface.
    public var name: String
    /// Kind from the gazetteer; nil for a name the gazetteer does not know.
    public var knownKind: EntityKind?
    /// Character offset of the mention in the sentence.
    public var offset: Int
}

/// A `Full Name (ABBR)` definition found in the text.
public struct Definition: Sendable, Equatable {
    public var full: String
    public var abbreviation: String
    /// True when the full name reads as a part of one paper (an adapter, a module, a loss):
    /// such abbreviations are not entities.
    public var isInternal: Bool
}

/// Finds candidate names in sentences: gazetteer phrases and tokens, name-shaped tokens,
/// and code spans, minus the exclusions.
public struct MentionScanner: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer = .standard) { self.gazetteer = gazetteer }

    nonisolated(unsafe) static let tokenPattern = /[A-Za-z0-9πµμ³²₀][A-Za-z0-9πµμ³²₀\-\.\+&@°′']*/
    nonisolated(unsafe) static let versionPattern = /^\s(\d+(?:\.\d+)?)(?![\w.])/
    nonisolated(unsafe) static let sizePattern = /^(?i)(\d+(\.\d+)?(k|m|b|t|x|d|p|hz|khz|mhz|ghz|kb|mb|gb|tb|w|mw|kw|ms|s|fps|cm|mm|km|nm|ma|mah|v)|v\d+(\.\d+)*|\d+(\.\d+)?%?|top-?\d+|[ivx]+|\d+-(bit|dof|shot|way|step|view|frame|layer|stage)s?)$/
    /// Descriptive endings that are not part of a name: 3DGS-based, U-Net-style, LiDAR-Centric.
    nonisolated(unsafe) static let descriptiveSuffix = /(?i)-(based|style|like|guided|aware|centric|consistent|driven|free|specific|agnostic|native|level|only|inspired|powered|enhanced|conditioned|compatible|friendly|ready|scale|wise)$/
    /// English words that name parts of one system rather than a method another paper would reuse.
    nonisolated(unsafe) static let internalWords = /(?i)\b(adapter|module|block|head|loss|mechanism|layer|branch|extractor|strategy|connector|unit|encoder|decoder|embedding|token|gate|gating|fusion|attention|refinement|alignment|regularization|sampling|prior|bank|memory|query|queries|pooling|aggregation|projector|router|scheduler|reward|objective|score|metric|filter|field|representation|pipeline|stage|step|operator|function|map)s?\b/

    /// All mentions in a sentence, left to right, none overlapping.
    public func mentions(in sentence: Sentence) -> [Mention] {
        let text = sentence.text
        var found: [Mention] = []
        var covered: [Range<String.Index>] = []
        let lower = text.lowercased()

        // 1. Gazetteer phrases (multi-word and CJK spellings), longest first.
        for (phrase, entry) in gazetteer.phrases {
            var searchStart = lower.startIndex
            let needle = phrase.lowercased()
            while let range = lower.range(of: needle, range: searchStart..<lower.endIndex) {
                searchStart = range.upperBound
                guard Self.isBoundary(lower, range), !covered.contains(where: { $0.overlaps(range) }) else { continue }
                let original = text[range]
                covered.append(range)
                found.append(Mention(surface: String(original), name: entry.name, knownKind: entry.kind,
                                     offset: text.distance(from: text.startIndex, to: range.lowerBound)))
            }
        }

        // 2. Tokens: gazetteer names, then name-shaped unknowns.
        for match in text.matches(of: Self.tokenPattern) {
            var range = match.range
            var token = String(text[range])
            while let last = token.last, ".-'+&@".contains(last) { token.removeLast(); range = range.lowerBound..<text.index(before: range.upperBound) }
            while let suffix = token.firstMatch(of: Self.descriptiveSuffix) {
                token.removeSubrange(suffix.range)
                range = range.lowerBound..<text.index(range.lowerBound, offsetBy: token.count)
            }
            guard !token.isEmpty, !covered.contains(where: { $0.overlaps(range) }) else { continue }
            // "SAM 3", "Wan 2.1": a name followed by a bare version number.
            let after = text[range.upperBound...]
            if let version = after.prefixMatch(of: Self.versionPattern), token.first?.isLetter == true {
                let joined = token + " " + version.output.1
                if let entry = gazetteer.entry(for: joined) {
                    let end = text.index(range.upperBound, offsetBy: version.output.0.count)
                    covered.append(range.lowerBound..<end)
                    found.append(Mention(surface: joined, name: entry.name, knownKind: entry.kind,
                                         offset: text.distance(from: text.startIndex, to: range.lowerBound)))
                    continue
                }
            }
            let offset = text.distance(from: text.startIndex, to: range.lowerBound)
            if let entry = gazetteer.entry(for: token) {
                covered.append(range)
                found.append(Mention(surface: token, name: entry.name, knownKind: entry.kind, offset: offset))
            } else if token.contains("@"), token.first?.isLetter == true {
                // AUC@5°, pass@k, R@1: a measurement at a threshold is a metric.
                covered.append(range)
                found.append(Mention(surface: token, name: token, knownKind: .metric, offset: offset))
            } else if isNameShaped(token) || sentence.codeSpans.contains(token) && isPlausibleCodeName(token) {
                covered.append(range)
                found.append(Mention(surface: token, name: token, knownKind: nil, offset: offset))
            }
        }
        return found.sorted { $0.offset < $1.offset }
    }

    /// Whether a token not in the gazetteer reads as a proper name (VGGT, nuScenes, SAM3-UNet, π³).
    public func isNameShaped(_ token: String) -> Bool {
        guard token.count >= 2, !gazetteer.isExcluded(token), token.wholeMatch(of: Self.sizePattern) == nil else { return false }
        // T2I+I2I, 3DVFM (3D + VFM), 1NFE: compounds of non-names are not names.
        if token.contains("+"), !token.hasSuffix("+"),
           token.split(separator: "+").allSatisfy({ gazetteer.isExcluded(String($0)) || !isNameShaped(String($0)) }) { return false }
        if let m = token.wholeMatch(of: /(\d+)([A-Za-z][\w\-]*)/),
           gazetteer.isExcluded(String(m.output.2)) || gazetteer.entry(for: String(m.output.2))?.kind == .metric { return false }
        if let m = token.wholeMatch(of: /\d[dD]-?([A-Z][\w\-]*)/), gazetteer.isExcluded(String(m.output.1)) { return false }
        let letters = token.filter(\.isLetter)
        guard !letters.isEmpty else { return false }
        let uppers = token.filter(\.isUppercase).count
        let hasDigit = token.contains(where: \.isNumber) || token.contains("³") || token.contains("²")
        let hasGreek = token.contains("π") || token.contains("µ") || token.contains("μ")
        let parts = token.split(separator: "-")
        if parts.count > 1 {
            // Real-Time, Open-Vocabulary: plain words joined by hyphens are phrases, not names.
            let plain = parts.allSatisfy { part in
                part.count > 1 && part.dropFirst().allSatisfy { $0.isLowercase } && !part.contains(where: \.isNumber)
            }
            if plain { return false }
            if parts.allSatisfy({ gazetteer.isExcluded(String($0)) || $0.wholeMatch(of: Self.sizePattern) != nil }) { return false }
        }
        if hasGreek { return true }
        if uppers >= 2 {
            // Two-letter all-caps acronyms (SA, TA) are too often a paper's local shorthand.
            if letters.count <= 2 && !hasDigit { return false }
            return true
        }
        if hasDigit && uppers >= 1 && letters.count >= 2 { return true }
        if let first = token.first, first.isLowercase, uppers >= 1, letters.count >= 4 { return true }  // nuScenes, pixelSplat
        return false
    }

    private func isPlausibleCodeName(_ token: String) -> Bool {
        token.first?.isUppercase == true && token.count >= 3 && !gazetteer.isExcluded(token)
            && !token.contains("_") && !token.contains(".")
    }

    static func isBoundary(_ text: String, _ range: Range<String.Index>) -> Bool {
        func isWordChar(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
        if range.lowerBound > text.startIndex, let first = text[range].first, isWordChar(first),
           isWordChar(text[text.index(before: range.lowerBound)]) { return false }
        if range.upperBound < text.endIndex, let last = text[range].last, isWordChar(last),
           isWordChar(text[range.upperBound]) { return false }
        return true
    }

    // MARK: - Definitions

    nonisolated(unsafe) static let definitionPattern = /((?:[A-Za-z0-9][\w\-\.']*\s+){0,7}[A-Za-z0-9][\w\-\.']*)\s*[（(]\s*([A-Za-z0-9πµμ][\w\-\.³²]*)\s*[)）]/
    nonisolated(unsafe) static let cjkDefinitionPattern = /[（(]\s*((?:[A-Za-z0-9][\w\-\.']*\s+){0,7}[A-Za-z0-9][\w\-\.']*)\s*[,，]\s*([A-Za-z0-9πµμ][\w\-\.³²]*)\s*[)）]/

    nonisolated(unsafe) static let reversedDefinitionPattern = /([A-Za-z][\w\-]*)\s*[（(]\s*((?:[A-Za-z0-9][\w\-\.']*\s+){1,7}[A-Za-z0-9][\w\-\.']*)\s*[)）]/

    /// `Full Name (ABBR)`, `ABBR (Full Name)` and `中文（Full Name, ABBR）` definitions in a sentence.
    public func definitions(in text: String) -> [Definition] {
        var out: [Definition] = []
        for match in text.matches(of: Self.definitionPattern) {
            let abbreviation = String(match.output.2)
            let words = match.output.1.split(separator: " ").map(String.init)
            // Keep the words from the first one whose initial matches the abbreviation's.
            guard let initial = abbreviation.lowercased().first,
                  let start = words.firstIndex(where: { $0.lowercased().first == initial }) else { continue }
            let full = words[start...].joined(separator: " ")
            guard full.count > abbreviation.count, EntityName.normalise(full) != EntityName.normalise(abbreviation) else { continue }
            out.append(Definition(full: full, abbreviation: abbreviation, isInternal: full.firstMatch(of: Self.internalWords) != nil))
        }
        for match in text.matches(of: Self.cjkDefinitionPattern) {
            let full = String(match.output.1), abbreviation = String(match.output.2)
            out.append(Definition(full: full, abbreviation: abbreviation, isInternal: full.firstMatch(of: Self.internalWords) != nil))
        }
        for match in text.matches(of: Self.reversedDefinitionPattern) {
            let abbreviation = String(match.output.1), full = String(match.output.2)
            let initials = String(full.split(whereSeparator: { $0 == " " || $0 == "-" }).compactMap(\.first)).lowercased()
            let letters = abbreviation.lowercased().filter(\.isLetter)
            guard letters.count >= 2, initials.hasPrefix(String(letters.prefix(2))) || Set(letters).isSubset(of: Set(initials)) else { continue }
            out.append(Definition(full: full, abbreviation: abbreviation, isInternal: full.firstMatch(of: Self.internalWords) != nil))
        }
        return out
    }
}
