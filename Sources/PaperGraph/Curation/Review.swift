import Foundation

/// Something the curator may want to fix, with why it was flagged and the command that fixes it.
public struct ReviewItem: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case duplicate = "Likely duplicates"
        case senses = "Acronyms used in several senses"
        case lonely = "Entities with one paper and no relation but a mention"
        case lineage = "Suspicious lineage"
    }

    public var kind: Kind
    /// The entities involved, the first the one to keep.
    public var names: [String]
    /// Their ids, in the same order (for the evidence the command line quotes).
    public var ids: [String] = []
    public var why: String
    public var command: String
}

/// Finds likely mistakes in the graph. Pure: works on the entities (with aliases and paper
/// counts), the paper–entity links and the lineage links the store reads.
public enum Review {
    /// Shell-safe quoting for the suggested commands.
    static func shell(_ text: String) -> String {
        text.allSatisfy { $0.isLetter || $0.isNumber || "-_.+".contains($0) } ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Lowercased letters, digits and `+` (ScanNet++ stays apart from ScanNet).
    static func squeezed(_ name: String) -> String { String(name.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "+" }) }

    /// The words of a name in sorted order, numbers kept in theirs: HQ-SAM and SAM-HQ alike,
    /// GPT-4.5 and GPT-5.4 not.
    static func words(_ name: String) -> String {
        let tokens = name.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "+") }.map(String.init)
        let numbers = tokens.filter { $0.allSatisfy(\.isNumber) }
        return (tokens.filter { !$0.allSatisfy(\.isNumber) }.sorted() + numbers).joined(separator: " ")
    }

    /// The name without a trailing version (`ScanNetV2` → `scannet`).
    static func unversioned(_ name: String) -> String? {
        let squeezed = squeezed(name)
        guard let match = squeezed.firstMatch(of: /^(.{3,}?)v\d+$/) else { return nil }
        return String(match.output.1)
    }

    /// A spelled-out name, normalised to compare senses ("Masked Autoencoders" = "masked autoencoder").
    static func sense(_ alias: String) -> String? {
        let words = alias.lowercased().split { !($0.isLetter || $0.isNumber) }
        guard words.count >= 2 else { return nil }
        return words.map { $0.count > 3 && $0.hasSuffix("s") && !$0.hasSuffix("ss") ? String($0.dropLast()) : String($0) }.joined(separator: " ")
    }

    /// Spelled-out names that share no word: different senses ("success rate", "super
    /// resolution"), where "3d gaussian splatting" and "gaussian splatting" are one.
    static func distinctSenses(_ aliases: [String]) -> [String] {
        let spelled = Set(aliases.filter { $0.unicodeScalars.allSatisfy(\.isASCII) }.compactMap(sense)).sorted()
        var groups: [(sense: String, words: Set<String>)] = []
        for full in spelled {
            let words = Set(full.split(separator: " ").map(String.init).filter { $0.count >= 4 })
            if let i = groups.firstIndex(where: { !$0.words.isDisjoint(with: words) }) {
                groups[i].words.formUnion(words)
            } else if !words.isEmpty {
                groups.append((full, words))
            }
        }
        return groups.map(\.sense)
    }

    static func distanceIsOne(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > 1 || x == y { return false }
        var i = 0, j = 0, edits = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                i += 1; j += 1
                continue
            }
            edits += 1
            // SAM2-UNet and SAM3-UNet are two versions, not a typo.
            if edits > 1 || x[i].isNumber || y[j].isNumber { return false }
            if x.count > y.count { i += 1 } else if y.count > x.count { j += 1 } else { i += 1; j += 1 }
        }
        return edits + (x.count - i) + (y.count - j) <= 1
    }

    public static func items(entities: [EntitySummary], links: [PaperEntityLink], lineage: [LineageLink]) -> [ReviewItem] {
        var out: [ReviewItem] = []
        let byID = Dictionary(entities.map { ($0.entity.id, $0) }, uniquingKeysWith: { a, _ in a })
        func label(_ e: EntitySummary) -> String { "\(e.entity.name) (\(e.papers) paper\(e.papers == 1 ? "" : "s"))" }
        func merge(_ a: EntitySummary, _ b: EntitySummary, _ why: String) {
            // Keep the better-attested name.
            let (keep, other) = (a.papers, b.entity.name) >= (b.papers, a.entity.name) ? (a, b) : (b, a)
            out.append(
                ReviewItem(
                    kind: .duplicate, names: [keep.entity.name, other.entity.name], ids: [keep.entity.id, other.entity.id],
                    why: "\(label(keep)) / \(label(other)): \(why)",
                    command: "papergraph curate merge \(shell(other.entity.name)) \(shell(keep.entity.name))"))
        }
        var seenPairs = Set<String>()
        func pair(_ a: EntitySummary, _ b: EntitySummary) -> Bool {
            seenPairs.insert([a.entity.id, b.entity.id].sorted().joined(separator: "\u{1}")).inserted
        }
        // Same words, another order or spacing; a version suffix; a shared spelled-out name.
        for kind in EntityKind.allCases {
            let ofKind = entities.filter { $0.entity.kind == kind }.sorted { $0.entity.id < $1.entity.id }
            // A method's versions are usually other models (DINO, DINOv2); a dataset's, often
            // the same data (ScanNet, ScanNetV2).
            let versions = kind != .method
            for (key, why) in [
                ({ (e: EntitySummary) in words(e.entity.name) }, "the same words in another order"),
                (
                    { (e: EntitySummary) in (versions ? unversioned(e.entity.name) : nil) ?? squeezed(e.entity.name) },
                    versions ? "the same name but for spacing, case or a version suffix" : "the same name but for spacing or case"
                ),
            ] as [((EntitySummary) -> String, String)] {
                for group in Dictionary(grouping: ofKind, by: key).values where group.count > 1 {
                    for i in group.indices { for j in group.indices where i < j && pair(group[i], group[j]) { merge(group[i], group[j], why) } }
                }
            }
            var byFullName: [String: [EntitySummary]] = [:]
            for e in ofKind { for alias in Set(e.aliases.compactMap(sense)) { byFullName[alias, default: []].append(e) } }
            for (full, group) in byFullName.sorted(by: { $0.key < $1.key }) where group.count > 1 {
                for i in group.indices {
                    for j in group.indices where i < j && pair(group[i], group[j]) { merge(group[i], group[j], "both spelled out as '\(full)'") }
                }
            }
        }
        // The most-attested pairs first.
        let papersByName = Dictionary(entities.map { ($0.entity.name, $0.papers) }, uniquingKeysWith: max)
        func weight(_ item: ReviewItem) -> Int { item.names.compactMap { papersByName[$0] }.reduce(0, +) }
        out.sort { a, b in (weight(a), b.why) > (weight(b), a.why) }
        // Near spellings of one kind that share a paper.
        var entitiesOf: [String: Set<String>] = [:]
        for link in links { entitiesOf[link.paper, default: []].insert(link.entity) }
        for (_, ids) in entitiesOf.sorted(by: { $0.key < $1.key }) {
            let group = ids.sorted().compactMap { byID[$0] }.filter { $0.entity.name.count >= 5 }
            for i in group.indices {
                for j in group.indices where i < j && group[i].entity.kind == group[j].entity.kind {
                    if distanceIsOne(group[i].entity.name.lowercased(), group[j].entity.name.lowercased()) && pair(group[i], group[j]) {
                        merge(group[i], group[j], "one letter apart, in the same paper")
                    }
                }
            }
        }
        // An acronym spelled out in several ways.
        for e in entities.sorted(by: { ($1.papers, $0.entity.name) < ($0.papers, $1.entity.name) }) {
            let name = e.entity.name
            guard name.count <= 6, name.filter(\.isUppercase).count >= 2 else { continue }
            let senses = distinctSenses(e.aliases)
            guard senses.count >= 2 else { continue }
            out.append(
                ReviewItem(
                    kind: .senses, names: [name], ids: [e.entity.id],
                    why: "\(label(e)) is spelled out as \(senses.sorted().map { "'\($0)'" }.joined(separator: ", "))",
                    command: "papergraph curate split \(shell(name)) --as 'FULL NAME' --papers PAPER… (see `papergraph show \(shell(name))`)"))
        }
        // One paper, only mentioned.
        var relations: [String: Set<Relation>] = [:]
        for link in links { relations[link.entity, default: []].insert(link.relation) }
        for e in entities.sorted(by: { $0.entity.name < $1.entity.name }) where e.papers == 1 && relations[e.entity.id] == [.mentions] {
            out.append(
                ReviewItem(
                    kind: .lonely, names: [e.entity.name], ids: [e.entity.id],
                    why: "\(e.entity.name) (\(e.entity.kind.rawValue)) is only mentioned, in one paper",
                    command: "papergraph curate drop \(shell(e.entity.name))"))
        }
        // Descent across kinds.
        var seen = Set<String>()
        for link in lineage where link.relation == .derived_from {
            guard let child = byID[link.child], let parent = byID[link.parent], child.entity.kind != parent.entity.kind,
                seen.insert(link.child + "\u{1}" + link.parent).inserted
            else { continue }
            out.append(
                ReviewItem(
                    kind: .lineage, names: [child.entity.name, parent.entity.name], ids: [child.entity.id, parent.entity.id],
                    why:
                        "the \(child.entity.kind.rawValue) \(child.entity.name) descends from the \(parent.entity.kind.rawValue) \(parent.entity.name) (\(link.digest):\(link.line))",
                    command:
                        "papergraph curate kind \(shell(child.entity.name)) \(parent.entity.kind.rawValue)  # or kind \(shell(parent.entity.name)) \(child.entity.kind.rawValue)"
                ))
        }
        out += familyParents(byID: byID, lineage: lineage)
        return out
    }

    /// Whether `name` occurs in `text` on its own, not inside a longer name (GPT in "GPT-4o
    /// and GPT" yes, in "FooGPT" no).
    static func standsAlone(_ name: String, in text: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: name, options: .caseInsensitive) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
            if !(before.isLetter || before.isNumber) && !(after.isLetter || after.isNumber || after == "-") { return true }
            rest = text[range.upperBound...]
        }
        return false
    }

    /// A family name as parent: methods that "descend" from X only because their names hold
    /// X (FooGPT ← GPT), the sentence naming none of them as built from X. Two such children
    /// or more make the parent worth a look: the gold weeks count some such names as descent
    /// (RefCOCOg ← COCO, YOLOv11 ← YOLO) and the curator decides.
    static func familyParents(byID: [String: EntitySummary], lineage: [LineageLink]) -> [ReviewItem] {
        var children: [String: [(child: EntitySummary, link: LineageLink)]] = [:]
        var seen = Set<String>()
        for link in lineage where link.relation == .derived_from {
            guard let child = byID[link.child], let parent = byID[link.parent], seen.insert(link.child + "\u{1}" + link.parent).inserted,
                child.entity.name.range(of: parent.entity.name, options: .caseInsensitive) != nil,
                !standsAlone(parent.entity.name, in: link.evidence)
            else { continue }
            children[link.parent, default: []].append((child, link))
        }
        return children.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }.compactMap { id, found -> ReviewItem? in
            guard found.count >= 2, let parent = byID[id] else { return nil }
            let names = found.map(\.child.entity.name).sorted()
            let example = found.min { ($0.link.digest, $0.link.line) < ($1.link.digest, $1.link.line) }!.link
            return ReviewItem(
                kind: .lineage, names: [parent.entity.name] + names, ids: [id] + found.map(\.child.entity.id),
                why:
                    "\(parent.entity.name) is the parent of \(names.count) methods only because their names hold it (\(names.prefix(6).joined(separator: ", "))\(names.count > 6 ? ", …" : "")); no sentence says they build on it (e.g. \(example.digest):\(example.line)); keep those that descend from it (YOLOv11 ← YOLO), drop those that only share the name",
                command: names.prefix(3).map { "papergraph curate drop-lineage \(shell($0)) \(shell(parent.entity.name))" }.joined(separator: "; ")
                    + (names.count > 3 ? "; …" : ""))
        }
    }
}
