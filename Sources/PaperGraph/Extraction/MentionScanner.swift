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
    /// Whether the surface spells the name (not so for `v12` in `YOLOv10/v12`): only then is it an alias.
    public var spellsName = true
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

    static func isTokenStart(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true  // 0-9 A-Z a-z
        case 0x3C0, 0xB5, 0x3BC, 0xB3, 0xB2, 0x2080: return true  // π µ μ ³ ² ₀
        default: return false
        }
    }

    static func isTokenBody(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x2D, 0x2E, 0x2B, 0x26, 0x40, 0xB0, 0x2032, 0x27: return true  // - . + & @ ° ′ '
        default: return isTokenStart(u)
        }
    }

    static func isAlphanumeric(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    /// Runs of name characters (letters, digits, `-.+&@°'`, π, µ, ³) starting with a letter or digit.
    ///
    /// Scans unicode scalars: every character involved is a single scalar, and scalar
    /// iteration is far cheaper than grapheme iteration over long Chinese sentences.
    static func tokenRanges(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            guard isTokenStart(scalars[index]) else { index = scalars.index(after: index); continue }
            let start = index
            while index < scalars.endIndex, isTokenBody(scalars[index]) {
                // Redis+ZMQ, Objects365+GoldG: a plus between two names joins two tokens (C++ and RefCOCO+ stay whole).
                if scalars[index] == "+", index > start, isAlphanumeric(scalars[scalars.index(before: index)]) {
                    let next = scalars.index(after: index)
                    if next < scalars.endIndex, isAlphanumeric(scalars[next]) { break }
                }
                index = scalars.index(after: index)
            }
            // Keep ranges on character boundaries (a combining mark after a token ends it).
            if let lower = start.samePosition(in: text), let upper = index.samePosition(in: text) {
                ranges.append(lower..<upper)
            }
        }
        return ranges
    }

    nonisolated(unsafe) static let spaces = /\s+/
    nonisolated(unsafe) static let digitsThenWord = /(\d+)([A-Za-z][\w\-]*)/
    nonisolated(unsafe) static let dimensionThenWord = /\d[dD]-?([A-Z][\w\-]*)/
    nonisolated(unsafe) static let versionPattern = /^\s(\d+(?:\.\d+)?)(?![\w.])/
    /// A spaced version with optional spaced tiers after a name: ` 3`, ` 2.5 Pro`, ` 3 Flash Preview`.
    nonisolated(unsafe) static let versionTierPattern =
        /^\s[vV]?\d(?:\.\d)?(?![\w.%\/:])(?!\s*(?:个|分|点|倍|pp|%))(?:\s(?:Pro|Flash|Plus|Max|Mini|Nano|Turbo|Preview|Lite|Ultra|Omni|Thinking|Instruct|Sonnet|Opus|Haiku|Air|Large|Small|Medium|Base|Chat|Coder|VL))*(?![\w])/

    /// What continues a release's version into a longer name: `.1` (Gemini 3.1), a tier (Gemini 3 Flash).
    nonisolated(unsafe) static let releaseContinues =
        /^(?:\.\d|\s(?:Pro|Flash|Plus|Max|Mini|Nano|Turbo|Preview|Lite|Ultra|Omni|Thinking|Instruct|Sonnet|Opus|Haiku|Air)(?![\w]))/
    /// Product words after a series name (Claude Opus 4.5, Gemini Robotics ER, Claude Code), with an
    /// optional version and tiers; not a word that names the maker or its services (Mistral AI, Gemini API).
    nonisolated(unsafe) static let seriesProductPattern =
        /^(?:\s(?!(?:AI|API|SDK|CLI|App|Apps|Team|Inc|Lab|Labs|The|And|For|With|In|On|Is)(?![\w\-]))(?:[A-Z][a-z]+|[A-Z]{2,3})(?![\w\-])){1,2}(?:\s[vV]?\d+(?:\.\d+)?(?![\w.%\/:]))?(?:\s(?:Pro|Flash|Plus|Max|Mini|Nano|Turbo|Preview|Lite|Ultra|Omni|Thinking|Instruct))*(?![\w\-])/

    /// Two to four capitalised words.
    nonisolated(unsafe) static let capitalisedWords = /[A-Z][A-Za-z0-9\-]*(?: [A-Z][A-Za-z0-9\-]*){1,3}/
    /// The naming verbs of `namedPhrase`, checked as literals first.
    static let namingWords = KeywordSet(["名为", "称为", "称之为", "命名为", "叫做", "dubbed", "called", "named"])
    /// The first scalars of the naming verbs: 名 称 命 叫 d c n.
    static let namingInitials: Set<UInt32> = [0x540D, 0x79F0, 0x547D, 0x53EB, 0x64, 0x63, 0x6E]
    /// How many runs of three or more ASCII capitals the text has: `shoutingPattern` needs four.
    static func capitalRuns(_ text: String) -> Int {
        var runs = 0, length = 0
        for byte in text.utf8 {
            if byte >= 0x41 && byte <= 0x5A {
                length += 1
                if length == 3 { runs += 1 }
            } else {
                length = 0
            }
        }
        return runs
    }
    /// A multi-word name after a naming verb (名为 Vocabulary Unseen, dubbed Shape of Motion).
    nonisolated(unsafe) static let namedPhrase =
        /(?:名为|称为|称之为|命名为|叫做|dubbed|called|named)\s*[“"「]?\s*((?:The\s)?[A-Z][A-Za-z0-9\-]*(?:\s(?:[A-Z][A-Za-z0-9\-]*|of|for|the|and|in|on|with|to|via)){0,4}\s[A-Z][A-Za-z0-9\-]*)(?![A-Za-z0-9\-])/
    /// An abbreviation in parentheses next: the words before it are a definition's full name.
    nonisolated(unsafe) static let definitionFollows = /^\s*[（(]\s*[A-Z]/

    func isCommonWord(_ word: String) -> Bool { LexiconFiles.commonWords.contains(word.lowercased()) || gazetteer.isExcluded(word) }

    nonisolated(unsafe) static let sizeWord = /(?i)large|base|small|tiny|huge|giant|mini|nano|medium/
    /// A spaced size after a versioned name (SAM2.1 Large).
    nonisolated(unsafe) static let spacedSize = /^\s(Large|Base|Small|Tiny|Huge|Giant)(?![\w\-])/

    /// A benchmark's edition after its name (GPQA Diamond, MMLU Pro).
    nonisolated(unsafe) static let editionPattern = /^\s(Pro|Diamond|Verified|Lite|Plus|Hard|Extended)(?![\w\-])/

    /// A capitalised word that is not a common English word (Moondream, Gemini): a name when
    /// a version follows it.
    func isCapitalisedWord(_ token: String) -> Bool {
        guard let first = token.unicodeScalars.first, (0x41...0x5A).contains(first.value),
            token.unicodeScalars.dropFirst().allSatisfy({ (0x61...0x7A).contains($0.value) })
        else { return false }
        return !gazetteer.isExcluded(token) && !LexiconFiles.commonWords.contains(token.lowercased())
    }
    /// Sizes, units, versions and counts, not names: `7B`, `v2`, `16-bit`; a size with its
    /// active parameters or a tier and no model (`30B-A3B`, `30B-Instruct`); active parameters
    /// (`A3B`) and quantisation settings (`W4A4`, `W8A8KV8`).
    nonisolated(unsafe) static let sizePattern =
        #/
        ^(?i)(\d+(\.\d+)?(k|m|b|t|x|d|p|hz|khz|mhz|ghz|kb|mb|gb|tb|w|mw|kw|ms|s|fps|cm|mm|km|nm|ma|mah|v)|v\d+(\.\d+)*|\d+(\.\d+)?%?
        |top-?\d+|[ivx]+|\d+-(bit|dof|shot|way|step|view|frame|layer|stage)s?
        |\d+(\.\d+)?[bmk](-a\d+(\.\d+)?b)?(-(instruct|chat|base|thinking|preview|pro|flash|plus|max|mini|turbo|coder|vl|omni))?
        |w\d+a\d+([a-z]{1,2}\d+)*|a\d+(\.\d+)?b)$
        /#
    /// Descriptive endings that are not part of a name: 3DGS-based, U-Net-style, LiDAR-Centric
    /// (the word after a name's last hyphen, in any case).
    static let descriptiveWords: Set<String> = [
        "based", "style", "like", "guided", "aware", "centric", "consistent", "driven", "free", "specific", "agnostic", "native", "level",
        "only", "inspired", "powered", "enhanced", "conditioned", "compatible", "friendly", "ready", "scale", "wise", "accelerated",
        "efficient", "oriented", "centered",
    ]

    /// Whether a token starting with a letter can be a `sizePattern` at all: its letter
    /// alternatives are v/w/a before a digit, top-k and roman numerals. The cheap test first.
    static func mayBeSize(_ token: String) -> Bool {
        guard let first = token.first, "vVtTiIxXwWaA".contains(first) else { return false }
        if token.dropFirst().first?.isNumber == true { return "vVwWaA".contains(first) }
        if first == "t" || first == "T" { return token.lowercased().hasPrefix("top") }
        return token.allSatisfy { "ivxIVX".contains($0) }
    }

    /// Digits, or digits, a point and digits (2025, 90.71).
    static func isPlainNumber(_ token: String) -> Bool {
        var digitsBefore = 0, digitsAfter = 0, points = 0
        for byte in token.utf8 {
            switch byte {
            case 0x30...0x39: if points == 0 { digitsBefore += 1 } else { digitsAfter += 1 }
            case 0x2E: points += 1
            default: return false
            }
        }
        return digitsBefore > 0 && (points == 0 || points == 1 && digitsAfter > 0)
    }

    /// Whether the text after a token can begin `versionTierPattern`: a space, then a digit or v and a digit.
    static func mayStartVersion(_ after: Substring) -> Bool {
        var rest = after.dropFirst()
        if rest.first == "v" || rest.first == "V" { rest = rest.dropFirst() }
        return rest.first?.isNumber == true
    }
    /// English words that name parts of one system rather than a method another paper would reuse.
    nonisolated(unsafe) static let internalWords =
        /(?i)\b(adapter|module|block|head|loss|mechanism|layer|branch|extractor|strategy|connector|unit|encoder|decoder|embedding|token|gate|gating|fusion|attention|refinement|alignment|regularization|sampling|prior|bank|memory|query|queries|pooling|aggregation|projector|router|scheduler|reward|objective|score|metric|filter|field|representation|pipeline|stage|step|operator|function|map)s?\b/

    /// All mentions in a sentence, left to right, none overlapping.
    public func mentions(in sentence: Sentence) -> [Mention] { mentions(in: sentence, SentenceCharacters(sentence.text)) }

    /// A Character as the gazetteer's phrases are written: lowercased (ASCII and CJK, nearly
    /// all of a digest, without building a String). nil when lowercasing gives more than one Character.
    @inline(__always) static func lowered(_ character: Character) -> Character? {
        if let ascii = character.asciiValue { return ascii >= 0x41 && ascii <= 0x5A ? Character(Unicode.Scalar(ascii + 0x20)) : character }
        if let first = character.unicodeScalars.first, hasNoCase(first.value), character.unicodeScalars.count == 1 { return character }
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first, !scalar.properties.changesWhenLowercased { return character }
        let lower = String(character).lowercased()
        return lower.count == 1 ? lower.first : nil
    }

    /// CJK ideographs and kana, and CJK punctuation: no case, so a phrase key as they are.
    @inline(__always) static func hasNoCase(_ scalar: UInt32) -> Bool {
        (0x3000...0x303F).contains(scalar) || Unicode.Scalar(scalar).map(TextSegmenter.isCJK) == true
    }

    /// Gazetteer phrases (multi-word and CJK spellings), longest first at each position,
    /// compared case-insensitively Character by Character.
    private func phraseMentions(in text: String, _ sc: SentenceCharacters, covered: inout [Range<String.Index>]) -> [Mention] {
        let characters = sc.characters
        var found: [Mention] = []
        func isWord(_ at: Int) -> Bool { Self.lowered(characters[at]).map(Self.isWordCharacter) ?? false }
        var i = 0
        while i < characters.count {
            var matched = 0
            // The phrase key from the first scalar alone where case is plain (ASCII, CJK).
            let scalar = sc.firstScalars[i]
            let key: UInt32?
            if scalar < 0x80 {
                key = scalar >= 0x41 && scalar <= 0x5A ? scalar + 0x20 : scalar
            } else if Self.hasNoCase(scalar) {
                key = scalar
            } else {
                key = Self.lowered(characters[i]).map(Gazetteer.key)
            }
            if let key, let candidates = gazetteer.phrasesByFirst[key], let first = Self.lowered(characters[i]),
                i == 0 || !isWord(i - 1) || !Self.isWordCharacter(first)
            {
                for (phrase, entry) in candidates where i + phrase.count <= characters.count {
                    let end = i + phrase.count
                    guard (0..<phrase.count).allSatisfy({ Self.lowered(characters[i + $0]) == phrase[$0] }) else { continue }
                    if end < characters.count, Self.isWordCharacter(phrase[phrase.count - 1]), isWord(end) { continue }
                    let lower = sc.starts[i], upper = sc.starts[end]
                    // `Gemini 3` is not the start of Gemini 3.1 Pro or Gemini 3 Flash: a longer release, read below.
                    if phrase[phrase.count - 1].isNumber, text[upper...].prefixMatch(of: Self.releaseContinues) != nil { continue }
                    covered.append(lower..<upper)
                    found.append(Mention(surface: String(text[lower..<upper]), name: entry.name, knownKind: entry.kind, offset: i))
                    matched = phrase.count
                    break
                }
            }
            i += max(matched, 1)
        }
        return found
    }

    func mentions(in sentence: Sentence, _ sc: SentenceCharacters) -> [Mention] {
        let text = sentence.text
        let characters = sc.characters
        var weak: [Mention] = []
        var covered: [Range<String.Index>] = []

        // 1. Gazetteer phrases.
        var found = phraseMentions(in: text, sc, covered: &covered)

        // Multi-word names: after a naming verb (名为 Vocabulary Unseen) and code spans of
        // capitalised words (`Cubify Anything`). (A gloss such as 激活截顶（Activation Capping）
        // is most often a part of the paper's method: entities −0.012 as names.)
        func addPhrase(_ range: Range<String.Index>) {
            let phrase = String(text[range])
            guard !covered.contains(where: { $0.overlaps(range) }), !gazetteer.isExcluded(phrase),
                phrase.split(separator: " ").contains(where: { !isCommonWord(String($0)) })
            else { return }
            covered.append(range)
            let entry = gazetteer.entry(for: phrase)
            found.append(
                Mention(
                    surface: phrase, name: entry?.name ?? phrase, knownKind: entry?.kind, offset: text.distance(from: text.startIndex, to: range.lowerBound)))
        }
        if Self.namingWords.occurs(in: text) {
            // The pattern tried only where a naming verb begins, left to right, as a search would.
            var resume = text.startIndex
            for index in text.unicodeScalars.indices where index >= resume && Self.namingInitials.contains(text.unicodeScalars[index].value) {
                guard let match = text[index...].prefixMatch(of: Self.namedPhrase) else { continue }
                addPhrase(match.output.1.startIndex..<match.output.1.endIndex)
                resume = match.range.upperBound
            }
        }
        for span in sentence.codeSpans where span.contains(" ") && span.wholeMatch(of: Self.capitalisedWords) != nil {
            if let range = text.range(of: span) { addPhrase(range) }
        }

        // 2. Tokens: gazetteer names, then name-shaped unknowns. A title in capitals
        // (UNLOCKING FLOW-BASED …) has no name-shaped words: only gazetteer names count there.
        // (The pattern needs twelve ASCII capitals: count bytes, not Characters.)
        let shouting = Self.capitalRuns(text) >= 4 && text.firstMatch(of: Self.shoutingPattern) != nil
        // Character offsets of tokens, counted on from the previous token (tokens run left to right).
        var counted = (index: text.startIndex, offset: 0)
        func offset(of index: String.Index) -> Int {
            if index < counted.index { return text.distance(from: text.startIndex, to: index) }
            counted = (index, counted.offset + text.distance(from: counted.index, to: index))
            return counted.offset
        }
        for tokenRange in Self.tokenRanges(in: text) {
            var range = tokenRange
            var token = String(text[range])
            while let last = token.last, ".-'+&@".contains(last), !token.hasSuffix("++") {
                token.removeLast()
                range = range.lowerBound..<text.index(before: range.upperBound)
            }
            while let dash = token.lastIndex(of: "-"), Self.descriptiveWords.contains(token[token.index(after: dash)...].lowercased()) {
                token.removeSubrange(dash...)
                range = range.lowerBound..<text.index(range.lowerBound, offsetBy: token.count)
            }
            guard !token.isEmpty, !covered.contains(where: { $0.overlaps(range) }) else { continue }
            // "SAM 3", "Wan 2.1": a name followed by a bare version number.
            let after = text[range.upperBound...]
            if after.first == " ", after.dropFirst().first?.isNumber == true, token.first?.isLetter == true,
                let version = after.prefixMatch(of: Self.versionPattern),
                after[version.range.upperBound...].prefixMatch(of: Self.releaseContinues) == nil
            {
                let joined = token + " " + version.output.1
                if let entry = gazetteer.entry(for: joined) {
                    let end = text.index(range.upperBound, offsetBy: version.output.0.count)
                    covered.append(range.lowerBound..<end)
                    found.append(Mention(surface: joined, name: entry.name, knownKind: entry.kind, offset: offset(of: range.lowerBound)))
                    continue
                }
            }
            let offset = offset(of: range.lowerBound)
            /// The token and the `length` characters after it read as one name, unless that span
            /// overlaps a name already found; `kind` when the gazetteer knows only the token.
            func addJoined(_ joined: String, through length: Int, kind: EntityKind? = nil) -> Bool {
                let end = text.index(range.upperBound, offsetBy: length)
                guard !covered.contains(where: { $0.overlaps(range.lowerBound..<end) }) else { return false }
                covered.append(range.lowerBound..<end)
                let entry = gazetteer.entry(for: joined)
                found.append(Mention(surface: joined, name: entry?.name ?? joined, knownKind: entry?.kind ?? kind, offset: offset))
                return true
            }
            // "Claude Opus 4.5", "Gemini Robotics ER": a product line's release named by words after the series.
            if after.first == " ", let initial = after.dropFirst().first, initial.isUppercase, initial.isASCII,
                LexiconFiles.modelSeries.contains(EntityName.normalise(token)),
                let product = after.prefixMatch(of: Self.seriesProductPattern),
                product.output.split(separator: " ").first.map({ !isCommonWord(String($0)) }) == true,
                // Kimi Delta Attention (KDA), DSA（DeepSeek Sparse Attention）: the full name of a definition.
                after[product.range.upperBound...].prefixMatch(of: Self.definitionFollows) == nil,
                range.lowerBound == text.startIndex || !"(（".contains(text[text.index(before: range.lowerBound)])
            {
                if addJoined(token + product.output.replacing(Self.spaces, with: " "), through: product.output.count) { continue }
            }
            // "Moondream 3", "Gemini 2.5 Flash": a name, a spaced version, and tiers, read as one name.
            // A score after a name (StarVLA 98.0, FID 6.47) is not a version: one digit, or d.d.
            if after.first == " ", token.first?.isLetter == true, token.count >= 3, !token.contains(where: \.isNumber),
                Self.mayStartVersion(after),
                gazetteer.entry(for: token).map({ $0.kind != .metric }) ?? (isNameShaped(token) || isCapitalisedWord(token)),
                let version = after.prefixMatch(of: Self.versionTierPattern)
            {
                if addJoined(token + version.output.replacing(Self.spaces, with: " "), through: version.output.count) { continue }
            }
            // "SAM2.1 Large", "DINOv2 Base": a size after a versioned name is part of what the text names.
            if after.first == " ", let initial = after.dropFirst().first, "LBSTHG".contains(initial), token.contains(where: \.isNumber),
                token.first?.isLetter == true, let size = after.prefixMatch(of: Self.spacedSize),
                gazetteer.entry(for: token).map({ $0.kind == .method }) ?? isNameShaped(token)
            {
                if addJoined(token + " " + size.output.1, through: size.output.0.count, kind: gazetteer.entry(for: token)?.kind) { continue }
            }
            // "MMLU Pro", "GPQA Diamond": a benchmark's edition after its name. The edition's
            // initial is checked first: most tokens are followed by a space.
            if after.first == " ", let initial = after.dropFirst().first, "PDVLHE".contains(initial),
                token.count >= 3, token.first?.isLetter == true,
                let edition = after.prefixMatch(of: Self.editionPattern),
                gazetteer.entry(for: token).map({ $0.kind != .metric }) ?? isNameShaped(token)
            {
                if addJoined(token + " " + edition.output.1, through: edition.output.0.count) { continue }
            }
            if let entry = gazetteer.entry(for: token) {
                // "map" is not mAP, "Once" in a title is not the ONCE dataset: a name spelled as a common word counts only as written.
                if LexiconFiles.commonWords.contains(token.lowercased()), token != entry.name, !entry.aliases.contains(token) { continue }
                covered.append(range)
                found.append(Mention(surface: token, name: entry.name, knownKind: entry.kind, offset: offset))
            } else if token.contains(Character("@")), token.first?.isLetter == true {
                // AUC@5°, pass@k, R@1: a measurement at a threshold is a metric.
                covered.append(range)
                found.append(Mention(surface: token, name: token, knownKind: .metric, offset: offset))
            } else if shouting && token.allSatisfy({ !$0.isLowercase }) {
                continue
            } else if isNameShaped(token) || sentence.codeSpans.contains(token) && isPlausibleCodeName(token) {
                covered.append(range)
                found.append(Mention(surface: token, name: token, knownKind: nil, offset: offset))
            } else if !shouting, token.count >= 3, isCapitalisedWord(token) {
                weak.append(Mention(surface: token, name: token, knownKind: nil, offset: offset))
            }
        }
        found.sort { $0.offset < $1.offset }
        if text.unicodeScalars.contains("/") { found = withSlashedVariants(found, in: characters) }
        if !weak.isEmpty { found = Self.withSupportedWeakNames(weak, among: found, in: characters) }
        return found
    }

    /// `YOLOv10/v12/v13`, `CIFAR10/100`, `ARC-Easy/Challenge`: each part after a slash names a
    /// sibling, written by its last segment (a version, a number, a hyphenated word).
    func withSlashedVariants(_ mentions: [Mention], in characters: [Character]) -> [Mention] {
        var out = mentions
        for mention in mentions where mention.knownKind != .metric {
            var base = mention.name
            var at = mention.offset + mention.surface.count
            while at + 1 < characters.count, characters[at] == "/" {
                var end = at + 1
                while end < characters.count, Self.isWordCharacter(characters[end]) || characters[end] == "." { end += 1 }
                let part = String(characters[(at + 1)..<end])
                guard !part.isEmpty, let variant = Self.sibling(of: base, by: part) else { break }
                let entry = gazetteer.entry(for: variant)
                out.append(
                    Mention(surface: part, name: entry?.name ?? variant, knownKind: entry?.kind ?? mention.knownKind, offset: at + 1, spellsName: false))
                base = variant
                at = end
            }
        }
        return out.count == mentions.count ? mentions : out.sorted { $0.offset < $1.offset }
    }

    /// The sibling `part` names after a slash, or nil when it is not a last segment of `name`.
    static func sibling(of name: String, by part: String) -> String? {
        let first = part.first!
        if first == "v" || first == "V", part.dropFirst().first?.isNumber == true, part.dropFirst().allSatisfy({ $0.isNumber || $0 == "." }),
            let v = name.lastIndex(where: { $0 == "v" || $0 == "V" }), name[name.index(after: v)...].allSatisfy({ $0.isNumber || $0 == "." }),
            name.index(after: v) < name.endIndex
        {
            return String(name[..<v]) + part
        }
        if part.allSatisfy(\.isNumber), let last = name.last, last.isNumber, !name.contains(where: { $0 == " " }) {
            var stem = Substring(name)
            while let l = stem.last, l.isNumber { stem = stem.dropLast() }
            return stem.isEmpty || stem.last == "-" ? nil : String(stem) + part
        }
        // (A size after a slash, ViT-5-Base/Large, is the same model: not a sibling.)
        if first.isUppercase, part.count >= 3, part.allSatisfy({ $0.isLetter }), part.wholeMatch(of: Self.sizeWord) == nil,
            let dash = name.lastIndex(of: "-"), dash > name.startIndex
        {
            return String(name[...dash]) + part
        }
        return nil
    }

    /// Separators between the members of a list of names: 、 , 和 与 及 以及 or and /.
    static let listSeparators: Set<String> = ["、", ",", "，", "和", "与", "及", "以及", "或", "/", "and", "or"]
    /// Before a list of examples (如 X、Y; such as X).
    nonisolated(unsafe) static let examplesBefore = /(例如|比如|譬如|诸如|包括|如|像|such as|including|e\.g\.,?)\s*[（(“"「]?\s*$/
    /// Words one of which every match of `examplesBefore` holds, tested first.
    static let examplesWords = KeywordSet(["如", "包括", "像", "such as", "including", "e.g."])
    /// After an author's name: 等人, et al.
    nonisolated(unsafe) static let authorsAfter = /^\s*(?:等人|等\s*[（(]\d{4}|[（(]\d{4}|et al)/

    /// Weak name shapes (a capitalised word: Dreamer, Bagel) kept where the context says they
    /// are names: in a list of examples (如 X、Y; such as X), with or without other names.
    static func withSupportedWeakNames(_ words: [Mention], among strong: [Mention], in characters: [Character]) -> [Mention] {
        func text(_ from: Int, _ to: Int) -> String {
            let a = max(0, min(from, characters.count)), b = max(a, min(to, characters.count))
            return String(characters[a..<b])
        }
        func isWord(_ at: Int) -> Bool { at >= 0 && at < characters.count && isWordCharacter(characters[at]) }
        // Capitalised words one space apart are one name (Oxford Spires, Point Odyssey); a word
        // inside a longer English phrase (Animate Anyone, DreamGen Bench) or an author (Jain 等人) is not.
        var weak: [Mention] = []
        var i = 0
        while i < words.count {
            var j = i
            while j + 1 < words.count, words[j + 1].offset == words[j].offset + words[j].surface.count + 1,
                characters[words[j].offset + words[j].surface.count] == " "
            {
                j += 1
            }
            let start = words[i].offset, end = words[j].offset + words[j].surface.count
            let phrase = text(start, end)
            let inLongerPhrase =
                (start >= 2 && characters[start - 1] == " " && isWord(start - 2)) || (end < characters.count && characters[end] == " " && isWord(end + 1))
            if !inLongerPhrase, text(end, end + 8).prefixMatch(of: authorsAfter) == nil {
                weak.append(Mention(surface: phrase, name: phrase, knownKind: nil, offset: start))
            }
            i = j + 1
        }
        let all = (strong.map { ($0, false) } + weak.map { ($0, true) }).sorted { $0.0.offset < $1.0.offset }
        var kept: [Mention] = strong
        var run: [(Mention, Bool)] = []
        func close() {
            defer { run.removeAll() }
            guard run.contains(where: { $0.1 }), let first = run.first?.0 else { return }
            // Only a list of examples supports them: lists and scores alone add names whose
            // relations the model then guesses (uses −0.012 pooled when they counted).
            let before = text(first.offset - 12, first.offset)
            // 正如 X 所说 (as X says) introduces a source, not an example.
            let supported =
                examplesWords.occurs(in: before) && before.firstMatch(of: examplesBefore) != nil && !before.trimmedWhitespace().hasSuffix("正如")
            if supported { kept += run.filter(\.1).map(\.0) }
        }
        for item in all {
            if let previous = run.last?.0 {
                let gap = text(previous.offset + previous.surface.count, item.0.offset).trimmedWhitespace()
                if !listSeparators.contains(gap) { close() }
            }
            run.append(item)
        }
        close()
        return kept.sorted { $0.offset < $1.offset }
    }

    /// Whether a token not in the gazetteer reads as a proper name (VGGT, nuScenes, SAM3-UNet, π³).
    public func isNameShaped(_ token: String) -> Bool {
        guard token.count >= 2, !gazetteer.isExcluded(token), !LexiconFiles.commonWords.contains(token.lowercased()) else { return false }
        let startsWithDigit = token.first?.isNumber == true
        if startsWithDigit, Self.isPlainNumber(token) { return false }  // what sizePattern's `\d+(\.\d+)?` takes, without the regex
        if startsWithDigit || Self.mayBeSize(token), token.wholeMatch(of: Self.sizePattern) != nil { return false }
        // T2I+I2I, 3DVFM (3D + VFM), 1NFE: compounds of non-names are not names.
        if token.contains(Character("+")), !token.hasSuffix("+"),
            token.split(separator: "+").allSatisfy({ gazetteer.isExcluded(String($0)) || !isNameShaped(String($0)) })
        {
            return false
        }
        if startsWithDigit, let m = token.wholeMatch(of: Self.digitsThenWord),
            gazetteer.isExcluded(String(m.output.2)) || gazetteer.entry(for: String(m.output.2))?.kind == .metric
        {
            return false
        }
        if startsWithDigit, let m = token.wholeMatch(of: Self.dimensionThenWord), gazetteer.isExcluded(String(m.output.1)) { return false }
        // One pass over scalars: Character properties cost far more on the hot path.
        var letterCount = 0, uppers = 0, hasDigit = false, hasGreek = false
        for u in token.unicodeScalars {
            switch u.value {
            case 0x41...0x5A: letterCount += 1; uppers += 1
            case 0x61...0x7A: letterCount += 1
            case 0x30...0x39, 0xB2, 0xB3: hasDigit = true
            case 0x3C0, 0xB5, 0x3BC: hasGreek = true; letterCount += 1
            default: if u.properties.isAlphabetic { letterCount += 1; if u.properties.isUppercase { uppers += 1 } }
            }
        }
        guard letterCount > 0 else { return false }
        let parts = token.split(separator: "-")
        if parts.count > 1 {
            // Real-Time, Open-Vocabulary: plain words joined by hyphens are phrases, not names.
            let plain = parts.allSatisfy { part in
                part.count > 1 && part.dropFirst().allSatisfy { $0.isLowercase } && !part.contains(where: \.isNumber)
            }
            // nuScenes-Occupancy, Nuplan-Occ: a known name extended by a word is a new name.
            // A dataset's split may be lowercase (libero-spatial); a method's extension is capitalised.
            if let known = gazetteer.family(of: token), known.kind != .metric,
                known.kind == .dataset || parts.dropFirst().allSatisfy({ $0.first?.isUppercase == true })
            {
                return true
            }
            if plain { return false }
            if parts.allSatisfy({ gazetteer.isExcluded(String($0)) || $0.first?.isNumber == true && $0.wholeMatch(of: Self.sizePattern) != nil }) {
                return false
            }
        }
        if hasGreek { return true }
        if uppers >= 2 {
            // Two-letter all-caps acronyms (SA, TA) are too often a paper's local shorthand.
            if letterCount <= 2 && !hasDigit { return false }
            return true
        }
        if hasDigit && uppers >= 1 && letterCount >= 2 { return true }
        if let first = token.unicodeScalars.first, (0x61...0x7A).contains(first.value), uppers >= 1, letterCount >= 4 { return true }  // nuScenes, pixelSplat
        return false
    }

    private func isPlausibleCodeName(_ token: String) -> Bool {
        token.first?.isUppercase == true && token.count >= 3 && !gazetteer.isExcluded(token)
            && !LexiconFiles.commonWords.contains(token.lowercased())
            && !token.contains(Character("_")) && !token.contains(Character("."))
    }

    /// An ASCII letter or digit.
    @inline(__always) static func isWordCharacter(_ c: Character) -> Bool {
        guard let a = c.asciiValue, c.utf8.count == 1 else { return false }
        return (0x30...0x39).contains(a) || (0x41...0x5A).contains(a) || (0x61...0x7A).contains(a)
    }

    static func isBoundary(_ text: String, _ range: Range<String.Index>) -> Bool {
        if range.lowerBound > text.startIndex, let first = text[range].first, isWordCharacter(first),
            isWordCharacter(text[text.index(before: range.lowerBound)])
        {
            return false
        }
        if range.upperBound < text.endIndex, let last = text[range].last, isWordCharacter(last),
            isWordCharacter(text[range.upperBound])
        {
            return false
        }
        return true
    }

    // MARK: - Definitions

    nonisolated(unsafe) static let shoutingPattern = /[A-Z]{3,}[\s:：\-]+[A-Z]{3,}[\s:：\-]+[A-Z]{3,}[\s:：\-]+[A-Z]{3,}/

    /// An ASCII letter or digit, or one of `-.'_³²πµμ` (compared as scalars: Character
    /// properties cost far more on the scanner's paths).
    static func isNameCharacter(_ c: Character) -> Bool {
        if isWordCharacter(c) { return true }
        let scalars = c.unicodeScalars
        guard scalars.count == 1, let u = scalars.first else { return false }
        switch u.value {
        case 0x2D, 0x2E, 0x27, 0x5F, 0xB3, 0xB2, 0x3C0, 0xB5, 0x3BC: return true
        default: return false
        }
    }

    /// `Full Name (ABBR)`, `ABBR (Full Name)`, `中文（Full Name, ABBR）` and `中文（ABBR）` in a sentence.
    ///
    /// A linear scan from each parenthesis: regular expressions with nested repetition
    /// were the extractor's hottest path on long Chinese sentences.
    public func definitions(in text: String) -> [Definition] {
        guard Self.mayDefine(text) else { return [] }
        return definitions(in: text, characters: Array(text))
    }

    /// Whether a sentence has a parenthesis, which every definition needs.
    static func mayDefine(_ text: String) -> Bool { text.unicodeScalars.contains(where: { $0 == "(" || $0 == "（" }) }

    func definitions(in text: String, characters chars: [Character]) -> [Definition] {
        guard Self.mayDefine(text) else { return [] }
        var out: [Definition] = []
        var i = 0
        while i < chars.count {
            defer { i += 1 }
            guard chars[i] == "(" || chars[i] == "（" else { continue }
            guard let close = chars[(i + 1)..<min(chars.count, i + 80)].firstIndex(where: { $0 == ")" || $0 == "）" }) else { continue }
            let inner = String(chars[(i + 1)..<close]).trimmedWhitespace()
            let before = Self.wordsBefore(chars, i)
            let innerWords = inner.split(separator: " ").map(String.init)
            if let comma = inner.lastIndex(where: { $0 == "," || $0 == "，" }) {
                // 中文（Full Name, ABBR）
                let full = inner[..<comma].trimmedWhitespace()
                let abbreviation = inner[inner.index(after: comma)...].trimmedWhitespace()
                if Self.isToken(abbreviation), !full.isEmpty, full.allSatisfy({ Self.isNameCharacter($0) || $0 == " " }),
                    Self.abbreviates(abbreviation, full)
                {
                    out.append(Definition(full: full, abbreviation: abbreviation, isInternal: full.firstMatch(of: Self.internalWords) != nil))
                }
            } else if innerWords.count == 1, Self.isToken(inner) {
                if !before.isEmpty {
                    // Full Name (ABBR): keep the words from the first whose initial is the abbreviation's.
                    guard let initial = inner.lowercased().first,
                        let start = before.firstIndex(where: { $0.lowercased().first == initial })
                    else { continue }
                    let full = before[start...].joined(separator: " ")
                    guard full.count > inner.count, EntityName.normalise(full) != EntityName.normalise(inner),
                        Self.abbreviates(inner, full)
                    else { continue }
                    out.append(Definition(full: full, abbreviation: inner, isInternal: full.firstMatch(of: Self.internalWords) != nil))
                } else {
                    // 中文（ABBR）: a Chinese term glossed with its acronym names a concept, unless it is a measure.
                    var j = i
                    while j > 0, chars[j - 1] == " " { j -= 1 }
                    var k = j
                    while k > 0, TextSegmenter.isCJK(chars[k - 1].unicodeScalars.first!) { k -= 1 }
                    guard j - k >= 2 else { continue }
                    let term = String(chars[k..<j])
                    if RelationCues.metricBefore.matches(term + "（") { continue }
                    out.append(Definition(full: term, abbreviation: inner, isInternal: true))
                }
            } else if innerWords.count >= 2, innerWords.allSatisfy({ Self.isToken($0) }), let abbreviation = before.last {
                // ABBR (Full Name)
                let initials = String(inner.split(whereSeparator: { $0 == " " || $0 == "-" }).compactMap(\.first)).lowercased()
                let letters = abbreviation.lowercased().filter(\.isLetter)
                guard letters.count >= 2, initials.hasPrefix(String(letters.prefix(2))) || Set(letters).isSubset(of: Set(initials)),
                    Self.abbreviates(abbreviation, inner)
                else { continue }
                out.append(Definition(full: inner, abbreviation: abbreviation, isInternal: inner.firstMatch(of: Self.internalWords) != nil))
            }
        }
        return out
    }

    /// Whether `abbreviation` abbreviates `full`: its capitals and digits appear, in order,
    /// among the capitals and digits of `full` (SAM3 ← Segment Anything Model 3,
    /// 3DGS ← 3D Gaussian Splatting, VoRA ← Vision as LoRA; not DINOv2 ← Depth Anything V2).
    static func abbreviates(_ abbreviation: String, _ full: String) -> Bool {
        func marks(_ s: String) -> [Character] {
            s.filter { $0.isUppercase || $0.isNumber }.map { Character($0.uppercased()) }
        }
        let wanted = marks(abbreviation), available = marks(full)
        guard wanted.count >= 2 else { return false }
        var i = available.startIndex
        for c in wanted {
            guard let found = available[i...].firstIndex(of: c) else { return false }
            i = available.index(after: found)
        }
        return true
    }

    static func isToken(_ s: String) -> Bool {
        guard let first = s.first, first.isASCII && (first.isLetter || first.isNumber) || "πµμ".contains(first) else { return false }
        return s.allSatisfy(isNameCharacter)
    }

    /// Up to eight Latin words right before position `i`, separated by single spaces.
    static func wordsBefore(_ chars: [Character], _ i: Int) -> [String] {
        var words: [String] = []
        var j = i
        while j > 0, chars[j - 1] == " " { j -= 1 }
        while words.count < 8 {
            var k = j
            while k > 0, isNameCharacter(chars[k - 1]) { k -= 1 }
            guard k < j else { break }
            words.insert(String(chars[k..<j]), at: 0)
            guard k > 0, chars[k - 1] == " " else { break }
            j = k - 1
        }
        return words
    }
}
