import Foundation

/// Derives `derived_from` edges (child → parent) between the entities of one digest.
///
/// Three sources, per the annotation guide: a paper's own method descends from what it
/// builds on; names that encode descent (VGGT-Long, FastVGGT, SAM3 after SAM2); and
/// sentences that state it (X 及其变体 Y, Y 的前作 X).
struct Lineage {
    let registry: EntityRegistry
    let proposed: [(entity: String, builds: [(String, Int, String)])]
    /// Sentences that may state descent (变体, 前作 …), with their mentions.
    let descentSentences: [(Sentence, [Mention])]

    nonisolated(unsafe) static let versioned = /^(.*?\p{L})[\s\-]?[vV]?(\d+(?:\.\d+)?)([A-Za-z][\w\s\-]*|[\s\-][\w\s\-]+)?$/
    nonisolated(unsafe) static let variantGap = /^\s*(及其|和它的|与其)\S{0,8}(变体|扩展|改进版|升级版|后继|继任者|版本)\s*$/
    nonisolated(unsafe) static let predecessorGap = /^\s*的\s*(直接)?前作\s*$/
    static let variantOf = CueLexicon.pattern("variantOf")

    static let sameModelSuffix = CueLexicon.pattern("sameModelSuffix")

    static let releaseTier = CueLexicon.pattern("releaseTier")

    static let statesDescent = CueLexicon.keywords("statesDescent")

    /// Trailing parts that name a size, checkpoint or backbone of one model (Qwen3-30B-Instruct,
    /// Mask2Former-R50, ViT-L, SAM2.1-L): per the annotation guide the same model, never a child.
    nonisolated(unsafe) static let sizeAfterDigit = /(?i)^(.*\d)[\-_](\d+(\.\d+)?b)$/
    nonisolated(unsafe) static let sizeSuffix =
        /(?i)[\s\-_]+(\d+(\.\d+)?[bmk]|a\d+(\.\d+)?b|so\d+[mb]|\d+x\d+[bm]?|instruct|base|chat|thinking|preview|it|r\d{2,3}|[nsmlbthgx]|tiny|small|large|huge|giant|nano|mini|medium|xl|xxl|hf|fp\d+|int\d+)$/

    /// The name without its size, checkpoint and backbone parts.
    static func baseModel(_ name: String) -> String {
        // Both patterns need a separator: most names have none.
        guard name.unicodeScalars.contains(where: { $0 == "-" || $0 == "_" || $0.properties.isWhitespace }) else { return name }
        var base = name
        while let m = base.firstMatch(of: sizeSuffix), m.range.lowerBound > base.startIndex {
            base.removeSubrange(m.range)
        }
        // Qwen3-30B-A3B, Llama3.1-8B: a size glued to the version.
        if let m = base.firstMatch(of: Self.sizeAfterDigit) { base = String(m.output.1) }
        return base
    }

    /// Families whose members a name marks (a Gaussian-splatting method names itself …GS or …Splat…).
    static let families: [(parent: String, marker: CuePattern)] = LexiconFiles.families

    func edges() -> [ExtractedEdge] {
        // Each name's model without size or checkpoint, computed once (the expression is costly).
        var baseKeys: [String: String] = [:]
        func baseKey(_ id: String) -> String {
            if let known = baseKeys[id] { return known }
            let key = EntityName.normalise(Self.baseModel(registry.items[id]?.name ?? id))
            baseKeys[id] = key
            return key
        }
        var parents: [String: [String: (Int, String)]] = [:]  // child → parent → evidence
        func add(_ child: String, _ parent: String, _ line: Int, _ evidence: String) {
            guard child != parent, registry.items[child] != nil, registry.items[parent] != nil,
                registry.kind(of: child) != .metric, registry.kind(of: child) == registry.kind(of: parent),
                baseKey(child) != baseKey(parent)
            else { return }
            if parents[child]?[parent] == nil { parents[child, default: [:]][parent] = (line, evidence) }
        }

        // A paper's method descends from what it builds on (same kind only).
        for (main, builds) in proposed {
            for (parent, line, evidence) in builds where registry.kind(of: parent) == registry.kind(of: main) {
                add(main, parent, line, evidence)
            }
        }

        // Names that encode descent.
        let ids = registry.items.keys.sorted().filter { registry.kind(of: $0) != .metric }
        let key = Dictionary(uniqueKeysWithValues: ids.map { ($0, EntityName.normalise(registry.items[$0]!.name)) })
        // Candidate parents are the names found among each name's substrings.
        let idByKey = Dictionary(ids.map { (key[$0]!, $0) }, uniquingKeysWith: { a, _ in a })
        var containment: [String: Set<String>] = [:]
        // A substring can be a name only where some name starts with its first three
        // Characters and has its length: most substrings are passed over unbuilt.
        let heads = Set(idByKey.keys.filter { $0.count >= 3 }.map { String($0.prefix(3)) })
        let lengths = Set(idByKey.keys.map(\.count))
        for child in ids {
            let childName = registry.items[child]!.name
            let chars = Array(key[child]!)
            guard chars.count > 3 else { continue }
            for start in 0...(chars.count - 3) where heads.contains(String(chars[start..<(start + 3)])) {
                for length in 3..<min(chars.count, chars.count - start + 1) where lengths.contains(length) {
                    guard let parent = idByKey[String(chars[start..<(start + length)])], parent != child,
                        start > 0 || !LexiconFiles.modelSeries.contains(key[parent]!),
                        // A plain word (Dream) inside a name (MVDream) is no ancestor; at its start (Wan-VAE) it may be.
                        start == 0 || registry.items[parent]!.known != nil || !EntryReading.isWeakShape(registry.items[parent]!.name)
                    else { continue }
                    if Self.encodes(child: childName, parent: registry.items[parent]!.name, checkingSize: false),
                        baseKey(child) != baseKey(parent)
                    {
                        containment[child, default: []].insert(parent)
                    }
                }
            }
        }
        var versionParent: [String: String] = [:]
        var series: [String: [(version: Double, id: String)]] = [:]
        for id in ids {
            let name = registry.items[id]!.name
            let base = name.contains(where: { $0 == "-" || $0 == "_" || $0 == " " }) ? Self.baseModel(name) : name
            // A sized form stands for its model only when the model itself is not named.
            if base != registry.items[id]!.name, idByKey[EntityName.normalise(base)] != nil { continue }
            guard base.contains(where: \.isNumber), let m = base.wholeMatch(of: Self.versioned), let version = Double(m.output.2) else { continue }
            let seriesKey = EntityName.normalise(String(m.output.1)) + "|" + EntityName.normalise(String(m.output.3 ?? ""))
            series[seriesKey, default: []].append((version, id))
        }
        for (seriesKey, members) in series {
            // The bare stem (SAM for SAM2) counts as the first version.
            var chain = members
            // (Not a product line's bare name: Qwen is no version of Qwen2.) The key's stem is normalised.
            let stemKey = String(seriesKey.dropLast())
            if seriesKey.hasSuffix("|"), !LexiconFiles.modelSeries.contains(stemKey), let stem = ids.first(where: { key[$0] == stemKey }) {
                chain.append((1, stem))
            }
            chain.sort { $0.version < $1.version }
            for i in chain.indices.dropFirst() where chain[i].version > chain[i - 1].version {
                versionParent[chain[i].id] = chain[i - 1].id
            }
        }
        // A tier with no lower version of its own follows the untiered series (Gemini-3-Pro
        // after Gemini 2.5, GPT-4o after GPT-4).
        for (seriesKey, members) in series where Self.releaseTier.matches(seriesKey.drop { $0 != "|" }.dropFirst()) {
            guard let untiered = series[String(seriesKey.prefix { $0 != "|" }) + "|"] else { continue }
            for member in members where versionParent[member.id] == nil {
                if let parent = untiered.filter({ $0.version < member.version }).max(by: { $0.version < $1.version }) {
                    versionParent[member.id] = parent.id
                }
            }
        }
        for child in ids {
            var candidates = containment[child] ?? []
            // Keep the most specific: SAM3-UNet descends from SAM3, not also from SAM.
            for a in candidates {
                for b in candidates where a != b && key[b]!.contains(key[a]!) {
                    candidates.remove(a)
                }
            }
            if let version = versionParent[child] {
                candidates = candidates.filter { !key[version]!.contains(key[$0]!) }
                candidates.insert(version)
            }
            if candidates.isEmpty, registry.kind(of: child) == .method {
                let childName = registry.items[child]!.name
                for family in Self.families where family.marker.matches(childName) {
                    if let parent = idByKey[EntityName.normalise(family.parent)] { candidates.insert(parent) }
                }
            }
            for parent in candidates.sorted() {
                let (line, evidence) = evidenceFor(child, parent)
                add(child, parent, line, evidence)
            }
        }

        // Sentences that state it.
        for (sentence, mentions) in descentSentences {
            let text = Array(sentence.text)
            let evidence = EntryReading.clip(sentence.text)
            // `Y …是 X 的一个变体`: the subject descends from X.
            if let subject = mentions.first, subject.offset <= 2 {
                for other in mentions.dropFirst() {
                    let end = other.offset + other.surface.count
                    if Self.variantOf.matches(String(text[end..<min(text.count, end + 16)])) {
                        add(EntityName.id(for: subject.name), EntityName.id(for: other.name), sentence.line, evidence)
                    }
                }
            }
            // `X 及其变体 Y` and `Y 的前作 X`.
            for (a, b) in zip(mentions, mentions.dropFirst()) {
                let start = a.offset + a.surface.count
                guard start <= b.offset else { continue }
                let gap = String(text[start..<b.offset])
                let idA = EntityName.id(for: a.name), idB = EntityName.id(for: b.name)
                if gap.wholeMatch(of: Self.variantGap) != nil { add(idB, idA, sentence.line, evidence) }
                if gap.wholeMatch(of: Self.predecessorGap) != nil { add(idA, idB, sentence.line, evidence) }
            }
        }

        var edges: [ExtractedEdge] = []
        for child in parents.keys.sorted() {
            // Each the other's parent (HyVLA ← HyVLA-0.5 and back): two names of one model, not descent.
            for (parent, evidence) in parents[child]!.sorted(by: { $0.key < $1.key }) where parents[parent]?[child] == nil {
                edges.append(ExtractedEdge(source: child, target: parent, relation: .derived_from, line: evidence.0, evidence: evidence.1))
            }
        }
        return edges
    }

    /// Whether `child`'s name is `parent`'s with a prefix or suffix (FastVGGT, VGGT-Long,
    /// Occ3D-nuScenes), the parent standing at a word boundary.
    static func encodes(child: String, parent: String, checkingSize: Bool = true) -> Bool {
        guard parent.count >= 3, child.count > parent.count, let range = child.range(of: parent) else { return false }
        // A size or first version (ViT-L, RT-DETR-l, HunyuanWorld 1.0) is the same model, not a descendant.
        if range.lowerBound == child.startIndex, Self.sameModelSuffix.matches(child[range.upperBound...]) { return false }
        let before = range.lowerBound > child.startIndex ? child[child.index(before: range.lowerBound)] : nil
        let after = range.upperBound < child.endIndex ? child[range.upperBound] : nil
        if let after, after.isLowercase { return false }
        // Qwen3 after Qwen, CoTracker3 after CoTracker: a version series, read by the series rule.
        if range.lowerBound == child.startIndex, let after, after.isNumber { return false }
        if checkingSize, EntityName.normalise(baseModel(child)) == EntityName.normalise(baseModel(parent)) { return false }
        let parentIsCaps = parent.allSatisfy { !$0.isLowercase }
        if parentIsCaps, let after, after.isUppercase { return false }
        if parentIsCaps, let before, before.isUppercase, child.distance(from: child.startIndex, to: range.lowerBound) > 1 { return false }
        if let before, before.isLowercase, parent.first?.isLowercase == true { return false }
        return true
    }

    private func evidenceFor(_ child: String, _ parent: String) -> (Int, String) {
        let c = registry.items[child]!, p = registry.items[parent]!
        if let both = c.sentences.first(where: { $0.text.contains(c.name) && $0.text.contains(p.name) }) {
            return (both.line, EntryReading.clip(both.text))
        }
        let first = c.sentences.first!
        return (first.line, EntryReading.clip(first.text))
    }
}
