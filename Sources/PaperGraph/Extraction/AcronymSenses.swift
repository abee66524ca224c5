import Foundation

/// Acronyms the gazetteer knows in one sense that papers also use in others
/// (`lexicons/acronym-senses.txt`): `SR` is a success rate in navigation and super-resolution
/// in image restoration; `MAE` a masked autoencoder and a mean absolute error. A mention takes
/// the sense its entry gives it, so one entity is never two things.
struct AcronymSenses: Sendable {
    enum Meaning: Sendable, Equatable {
        /// The gazetteer entry's own sense.
        case gazetteer
        /// A task, a class of models or a classical tool: not an entity.
        case none
        /// Another entity, stored under its own name (`MAE (Mean Absolute Error)`).
        case entity(EntityKind, String)
    }

    struct Sense: Sendable {
        var meaning: Meaning
        /// What a text calls it, lowercased.
        var words: [String]
    }

    /// Normalised acronym → its senses, the gazetteer's first.
    let senses: [String: [Sense]]
    /// The gazetteer's spelling of each, for a cheap test on every mention.
    let names: Set<String>

    static let file = "acronym-senses.txt"
    static let standard: AcronymSenses = LexiconFiles.load(file) { try AcronymSenses(lines: $0, gazetteer: .standard) }

    init(lines: [String], gazetteer: Gazetteer) throws {
        var senses: [String: [Sense]] = [:]
        var names = Set<String>()
        for (number, line) in lines.enumerated() {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmedWhitespace() }
            func malformed(_ expected: String) -> ResourceError { .malformed("lexicons/\(Self.file)", line: number + 1, expected: expected) }
            guard fields.count == 3, !fields[0].isEmpty else { throw malformed("acronym | sense | words; words") }
            guard let known = gazetteer.entry(for: fields[0]), EntityName.normalise(known.name) == EntityName.normalise(fields[0]) else {
                throw malformed("an acronym the gazetteer lists under that name")
            }
            let meaning: Meaning
            switch fields[1] {
            case "gazetteer": meaning = .gazetteer
            case "none": meaning = .none
            default:
                let parts = fields[1].split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2, let kind = EntityKind(rawValue: parts[0]), kind != known.kind else {
                    throw malformed("gazetteer, none, or KIND Name with a kind other than the gazetteer's")
                }
                meaning = .entity(kind, parts[1])
            }
            let words = fields[2].split(separator: ";").map { $0.trimmedWhitespace().lowercased() }.filter { !$0.isEmpty }
            guard !words.isEmpty else { throw malformed("at least one word for the sense") }
            let key = EntityName.normalise(fields[0])
            names.insert(known.name)
            let sense = Sense(meaning: meaning, words: words)
            if meaning == .gazetteer { senses[key, default: []].insert(sense, at: 0) } else { senses[key, default: []].append(sense) }
        }
        for (key, list) in senses where list.first?.meaning != .gazetteer || list.count < 2 {
            throw ResourceError.malformed("lexicons/\(Self.file)", line: 0, expected: "a `gazetteer` line and another sense for \(key)")
        }
        self.senses = senses
        self.names = names
    }

    /// Whether `name` (a gazetteer name) is an acronym this lexicon knows several senses of.
    func isAmbiguous(_ name: String) -> Bool { names.contains(name) }

    /// The sense whose longest word occurs in `text` (lowercased), the gazetteer's on a tie.
    private static func sense(in text: String, among list: [Sense]) -> Meaning? {
        var best: (meaning: Meaning, length: Int)?
        for sense in list {
            for word in sense.words where word.count > (best?.length ?? 0) && text.containsBytes(word) {
                best = (sense.meaning, word.count)
            }
        }
        return best?.meaning
    }

    /// What the mention of acronym `entry` at `offset` (length `length`) in `text` means in an
    /// entry whose definitions are `definitions` and whose lowercased text `entryText` gives.
    func meaning(
        of entry: Gazetteer.Entry, at offset: Int, length: Int, in text: [Character], definitions: [Definition],
        entryText: () -> String
    ) -> Meaning {
        let key = EntityName.normalise(entry.name)
        let list = senses[key] ?? []
        if !list.isEmpty {
            // The words just before the mention, and what brackets right after it hold.
            var local = String(text[max(0, offset - 20)..<offset]).lowercased()
            var after = offset + length
            while after < text.count, text[after] == " " { after += 1 }
            if after < text.count, text[after] == "(" || text[after] == "（",
                let close = text[after..<min(text.count, after + 60)].firstIndex(where: { $0 == ")" || $0 == "）" })
            {
                local += " " + String(text[(after + 1)..<close]).lowercased()
            }
            if let meaning = Self.sense(in: local, among: list) { return meaning }
        }
        // The entry spells the acronym out somewhere.
        for definition in definitions where EntityName.normalise(definition.abbreviation) == key {
            if let meaning = Self.meaning(of: definition, entry: entry, among: list) { return meaning }
        }
        guard !list.isEmpty else { return .gazetteer }
        // Specific words of another sense stand in the entry, and none of the gazetteer's.
        let whole = entryText()
        if list[0].words.contains(where: whole.containsBytes) || entry.aliases.contains(where: { whole.containsBytes($0.lowercased()) }) {
            return .gazetteer
        }
        for sense in list.dropFirst() where sense.words.contains(where: { $0.count >= 4 && whole.containsBytes($0) }) {
            return sense.meaning
        }
        return .gazetteer
    }

    /// The meaning a definition gives its acronym, for the alias it adds.
    func meaning(of definition: Definition, entry: Gazetteer.Entry) -> Meaning {
        Self.meaning(of: definition, entry: entry, among: senses[EntityName.normalise(entry.name)] ?? []) ?? .gazetteer
    }

    /// The sense a definition's full name names; else, spelled out in English with no word of
    /// the gazetteer's full names (`Sensitivity Aligned Composition (SAC)`), the entry's own;
    /// nil when it says neither.
    private static func meaning(of definition: Definition, entry: Gazetteer.Entry, among list: [Sense]) -> Meaning? {
        let full = definition.full.lowercased()
        if let meaning = sense(in: full, among: list) { return meaning }
        let own = englishNames((list.first?.words ?? []) + entry.aliases.map { $0.lowercased() })
        let words = words(full)
        return !own.isEmpty && !words.isEmpty && words.isDisjoint(with: own) ? Meaning.none : nil
    }

    /// The words (three letters or more, singular) of the English names among `names`.
    private static func englishNames(_ names: [String]) -> Set<String> {
        names.filter { $0.contains(" ") && $0.allSatisfy(\.isASCII) }.reduce(into: Set<String>()) { $0.formUnion(words($1)) }
    }

    private static func words(_ text: String) -> Set<String> {
        guard text.allSatisfy(\.isASCII) else { return [] }
        return Set(
            text.split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 3 }.map { word in
                word.hasSuffix("s") ? String(word.dropLast()) : String(word)
            })
    }
}
