import Foundation

/// A curated list of well-known methods, datasets and metrics, and of tokens that are never entities.
///
/// General knowledge only (see `Resources/gazetteer.txt`): a name here gives its kind and
/// canonical spelling wherever it appears; nothing is keyed to a paper or a sentence.
public struct Gazetteer: Sendable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var kind: EntityKind
        public var aliases: [String]
    }

    /// Normalised spelling → entry.
    private(set) var entries: [String: Entry] = [:]
    /// Normalised tokens that are never entities.
    private(set) var excluded: Set<String> = []
    /// Spellings with spaces or CJK characters, matched as phrases, longest first.
    private(set) var phrases: [(text: String, entry: Entry)] = []
    /// Phrases by the first scalar of their first character, lowercased, so a sentence is
    /// scanned once (a scalar hashes far faster than a Chinese Character; the phrase itself
    /// is then compared Character by Character).
    private(set) var phrasesByFirst: [UInt32: [(text: [Character], entry: Entry)]] = [:]

    public static let standard: Gazetteer = {
        guard let url = Bundle.module.url(forResource: "gazetteer", withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return Gazetteer(text: "") }
        return Gazetteer(text: text)
    }()

    /// Parses `kind | name | alias; alias` lines; `none | tok tok …` lines list exclusions.
    public init(text: String) {
        for raw in text.split(separator: "\n") {
            // Trimmed without Foundation's NSString round trip: every ingest reads the whole file.
            let line = raw.trimmedWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmedWhitespace() }
            guard fields.count >= 2 else { continue }
            if fields[0] == "none" {
                for token in fields[1].split(separator: " ") { excluded.insert(EntityName.normalise(String(token))) }
                continue
            }
            guard let kind = EntityKind(rawValue: fields[0]) else { continue }
            let aliases = fields.count > 2 ? fields[2].split(separator: ";").map { $0.trimmedWhitespace() }.filter { !$0.isEmpty } : []
            let entry = Entry(name: fields[1], kind: kind, aliases: aliases)
            for spelling in [entry.name] + aliases {
                let key = EntityName.normalise(spelling)
                if entries[key] == nil { entries[key] = entry }
                if spelling.contains(" ") || spelling.unicodeScalars.contains(where: TextSegmenter.isCJK) {
                    phrases.append((spelling, entry))
                }
            }
        }
        // A listed entity is never excluded (e.g. `SAM` the model, not the acronym list).
        excluded.subtract(entries.keys)
        phrases.sort { $0.text.count > $1.text.count }
        for (text, entry) in phrases {
            let lowered = Array(text.lowercased())
            phrasesByFirst[Self.key(lowered[0]), default: []].append((lowered, entry))
        }
    }

    /// The key of ``phrasesByFirst`` a character looks up.
    @inline(__always) static func key(_ character: Character) -> UInt32 { character.unicodeScalars.first!.value }

    public func entry(for name: String) -> Entry? { entries[EntityName.normalise(name)] }

    /// The known entry a new name extends: LIBERO-Object and RoboTwin 2.0 extend datasets,
    /// ScanNetV2 is a version of one. nil when the name's head is not known.
    public func family(of name: String) -> Entry? {
        if let cut = name.firstIndex(where: { $0 == "-" || $0 == " " || $0 == "_" }), cut > name.startIndex,
            let head = entry(for: String(name[..<cut]))
        {
            return head
        }
        // A trailing version: digits and dots, then an optional v and separator (ScanNetV2, X-v1.5).
        var stem = Substring(name)
        guard stem.last?.isASCII == true, stem.last?.isNumber == true else { return nil }
        while let last = stem.last, last.isASCII, last.isNumber || last == "." { stem = stem.dropLast() }
        if stem.last == "v" || stem.last == "V" { stem = stem.dropLast() }
        if let last = stem.last, last == "-" || last == "_" || last == " " { stem = stem.dropLast() }
        return stem.isEmpty || stem.count == name.count ? nil : entry(for: String(stem))
    }

    public func isExcluded(_ name: String) -> Bool {
        let key = EntityName.normalise(name)
        if excluded.contains(key) { return true }
        // Plurals of excluded acronyms (VLMs, GPUs).
        if key.hasSuffix("s"), excluded.contains(String(key.dropLast())) { return true }
        return false
    }
}
