import Foundation
import Yams

/// The lexicons in `Resources/lexicons/`: general knowledge kept as data, one entry a line.
///
/// A missing or malformed file is a broken install, reported at first use with its name.
enum LexiconFiles {
    /// The text of a lexicon file.
    static func text(_ name: String) throws -> String {
        guard let folder = Bundle.module.url(forResource: "lexicons", withExtension: nil) else {
            throw ResourceError.missing("lexicons/")
        }
        let url = folder.appendingPathComponent(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw ResourceError.missing("lexicons/\(name)") }
        return text
    }

    /// The lines of a lexicon, without comments and blank lines.
    static func lines(_ name: String) throws -> [String] {
        let lines = try text(name).split(separator: "\n").map { $0.trimmedWhitespace() }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard !lines.isEmpty else { throw ResourceError.empty("lexicons/\(name)") }
        return lines
    }

    /// Loads a lexicon at start-up; a broken install stops with the resource's name.
    static func load<T>(_ name: String, _ parse: ([String]) throws -> T) -> T {
        do { return try parse(lines(name)) } catch { preconditionFailure((error as? LocalizedError)?.errorDescription ?? "\(error)") }
    }

    static let families: [(parent: String, marker: CuePattern)] = load("lineage-families.txt") { lines in
        try lines.enumerated().map { number, line in
            let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmedWhitespace() }
            guard parts.count == 2, let pattern = CuePattern(checking: parts[1]) else {
                throw ResourceError.malformed("lexicons/lineage-families.txt", line: number + 1, expected: "parent | regular expression")
            }
            return (parts[0], pattern)
        }
    }

    /// A lexicon of space-separated words, each folded by `fold`.
    static func words(_ name: String, _ fold: (String) -> String) -> Set<String> {
        load(name) { lines in Set(lines.flatMap { $0.split(separator: " ").map { fold(String($0)) } }) }
    }

    /// Names of product lines (normalised): their releases are not their descendants.
    static let modelSeries = words("model-series.txt", EntityName.normalise)

    /// Common English words (lowercase): never an entity's name on their own.
    static let commonWords = words("common-words.txt") { $0.lowercased() }
}

/// The context cues of `lexicons/cues.yaml`: regular expressions and literal word lists,
/// each under the name `RelationCues` (and `Lineage`) give it. A missing file, a missing
/// name or an expression ICU rejects is a broken install, reported with the name.
enum CueLexicon {
    static let file = "lexicons/cues.yaml"

    struct Contents: Decodable {
        var patterns: [String: String]
        var keywords: [String: [String]]
    }

    static let contents: Contents = {
        do {
            return try YAMLDecoder().decode(Contents.self, from: try LexiconFiles.text("cues.yaml"))
        } catch let error as ResourceError {
            preconditionFailure(error.errorDescription ?? "\(error)")
        } catch {
            preconditionFailure("\(file): expected `patterns:` and `keywords:` maps (\(error)); restore it from git")
        }
    }()

    static func pattern(_ name: String) -> CuePattern {
        guard let text = contents.patterns[name] else { preconditionFailure("\(file): no pattern `\(name)`; restore it from git") }
        guard let pattern = CuePattern(checking: text) else { preconditionFailure("\(file): pattern `\(name)` is not a valid expression") }
        return pattern
    }

    static func keywords(_ name: String) -> KeywordSet {
        guard let words = contents.keywords[name], !words.isEmpty else {
            preconditionFailure("\(file): no keywords `\(name)`; restore it from git")
        }
        return KeywordSet(words)
    }
}
