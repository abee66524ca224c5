import Foundation

/// Reads one paper entry: its short name, the names it mentions, and how it relates to each.
struct EntryReading {
    let entry: PaperEntry
    let scanner: MentionScanner
    let sentences: [Sentence]
    let definitions: [Definition]
    /// Abbreviations defined as parts of this paper only (SA, CFE): never entities.
    let internalNames: Set<String>
    /// Normalised full name → its abbreviation, from `Full Name (ABBR)`.
    let abbreviations: [String: String]
    /// Each spelled-out name, and the entity it is an alias of if that entity is registered.
    let definitionAliases: [(full: String, name: String)]
    /// Known acronyms (normalised) the entry spells out: their sense is read before they are linked.
    let spelledAcronyms: Set<String>
    static let senses = AcronymSenses.standard
    /// Each sentence's mentions, scanned once.
    let mentionLists: [[Mention]]
    /// The name the entry gives the paper's contribution, if any.
    private(set) var paperName: String? = nil
    /// The entry's mentions as occurrences, what to register for each, and the cues around each.
    private(set) var occurrences: [Occurrence] = []
    private var registrations: [Registration] = []
    private var occurrenceCues: [OccurrenceCues?] = []
    private var clauseWordCache: [Int: [String]] = [:]

    init(entry: PaperEntry, scanner: MentionScanner) {
        self.entry = entry
        self.scanner = scanner
        var sentences = [
            Sentence(text: entry.heading, line: entry.line, codeSpans: []),
            Sentence(text: entry.title, line: entry.line, codeSpans: []),
        ]
        sentences += Sentence.split(entry.body)
        self.sentences = sentences
        // Each sentence's Characters and their indices, read once and dropped after this
        // reading (held by every entry of the digests in flight, they were a fifth of peak memory).
        let sentenceCharacters = sentences.map { SentenceCharacters($0.text) }
        definitions = zip(sentences, sentenceCharacters).flatMap { scanner.definitions(in: $0.text, characters: $1.characters) }
        let gazetteer = scanner.gazetteer
        internalNames = Set(
            definitions.filter { $0.isInternal && gazetteer.entry(for: $0.abbreviation) == nil }
                .map { EntityName.normalise($0.abbreviation) })
        var abbreviations: [String: String] = [:]
        var definitionAliases: [(full: String, name: String)] = []
        var spelledAcronyms = Set<String>()
        for d in definitions {
            let key = EntityName.normalise(d.full)
            guard let known = gazetteer.entry(for: d.abbreviation) else {
                if !d.isInternal {
                    abbreviations[key] = d.abbreviation
                    definitionAliases.append((d.full, d.abbreviation))
                }
                continue
            }
            spelledAcronyms.insert(EntityName.normalise(known.name))
            // A full name that gives a known acronym another sense does not name the known entity.
            switch Self.senses.meaning(of: d, entry: known) {
            case .gazetteer:
                if !d.isInternal {
                    abbreviations[key] = d.abbreviation
                    definitionAliases.append((d.full, known.name))
                }
            case .none: break
            case .entity(_, let sense):
                abbreviations[key] = sense
                if !d.isInternal { definitionAliases.append((d.full, sense)) }
            }
        }
        self.abbreviations = abbreviations
        self.definitionAliases = definitionAliases
        self.spelledAcronyms = spelledAcronyms
        mentionLists = zip(sentences, sentenceCharacters).map { scanner.mentions(in: $0, $1) }
        paperName = findPaperName()
        let collected = collectOccurrences(sentenceCharacters)
        occurrences = collected.map(\.0)
        registrations = collected.map(\.1)
        occurrenceCues = readCues()
    }

    // MARK: - The paper's short name

    static let titleStopWords: Set<String> = [
        "a", "an", "the", "towards", "toward", "learning", "from", "what", "how", "when", "why", "is", "are", "do", "does", "can", "on", "in", "beyond",
        "rethinking", "revisiting", "seeing", "robust", "efficient", "scaling", "unified", "deep", "multi-modal", "stabilizing", "generalizable", "real-time",
        "fast", "large", "open", "simple", "one", "all", "let", "make", "making", "to", "vision", "video", "3d", "4d", "2d",
    ]

    /// Names a heading joins (`X & Y：…`): the first is the paper's name, each is proposed.
    static func headingNames(_ name: String) -> [String] {
        let parts = name.components(separatedBy: " & ").map { $0.trimmedWhitespace() }.filter { !$0.isEmpty }
        return parts.count > 1 ? parts : [name]
    }

    /// The name the entry gives the paper's contribution: the heading's prefix, a `名为 X`,
    /// or the title's first word when the heading or summary repeats it (never a common word).
    private func findPaperName() -> String? {
        if let heading = entry.name.map({ Self.headingNames($0)[0] }), !Self.namesAClass(heading, scanner.gazetteer) {
            return heading
        }
        let bodyText = sentences.dropFirst(2).map(\.text).joined(separator: "\n")
        for (sentence, mentions) in zip(sentences, mentionLists).dropFirst(2) {
            for mention in mentions where mention.knownKind == nil {
                let before = String(sentence.text.prefix(mention.offset).suffix(6))
                if RelationCues.namedBefore.matches(before) { return mention.surface }
            }
        }
        if let first = entry.title.split(separator: " ").first.map(String.init), first.count >= 3,
            !Self.titleStopWords.contains(first.lowercased()), !LexiconFiles.commonWords.contains(first.lowercased()),
            scanner.gazetteer.entry(for: first) == nil,
            first.first?.isLetter == true,
            entry.heading.contains(first) || Self.count(first, in: bodyText) >= 2
        {
            return first
        }
        for mention in mentionLists[0] where mention.knownKind == nil && !Self.namesAClass(mention.surface, scanner.gazetteer) {
            if Self.count(mention.surface, in: bodyText) >= 2 { return mention.surface }
        }
        return nil
    }

    /// A heading's name that names a class of models, not one: the plural of an acronym (WAMs,
    /// DLMs) or a model-class acronym the gazetteer excludes (LALM, VLM). Other excluded names
    /// stay, since a paper may call its method by one (SSD).
    static func namesAClass(_ name: String, _ gazetteer: Gazetteer) -> Bool {
        if name.wholeMatch(of: pluralAcronym) != nil { return true }
        return name.wholeMatch(of: modelClassAcronym) != nil && gazetteer.isExcluded(name)
    }
    nonisolated(unsafe) static let pluralAcronym = /[A-Z]{2,}s/
    nonisolated(unsafe) static let modelClassAcronym = /[A-Z]{2,}M/

    /// How often `word` stands in `text` as a whole word (byte search: names are mostly ASCII).
    static func count(_ word: String, in text: String) -> Int {
        let needle = Array(word.utf8), hay = Array(text.utf8)
        guard !needle.isEmpty, needle.count <= hay.count else { return 0 }
        func isWordByte(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
        var count = 0
        var i = 0
        while i + needle.count <= hay.count {
            if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle),
                i == 0 || !isWordByte(hay[i - 1]) || !isWordByte(needle[0]),
                i + needle.count == hay.count || !isWordByte(hay[i + needle.count]) || !isWordByte(needle[needle.count - 1])
            {
                count += 1
                i += needle.count
            } else {
                i += 1
            }
        }
        return count
    }

    // MARK: - Relations

    struct Occurrence {
        var id: String
        var kind: EntityKind?
        var sentence: Sentence
        /// Character offset of the mention in its sentence.
        var offset: Int
        var before: String
        var after: String
        var clause: String
        /// The clause up to the mention, its last 30 characters (enough for every cue that reads it).
        var clauseBefore: String
        /// The clause before the first name of the mention's list (its own for a lone name).
        var listClauseBefore: String
        /// The clause after the mention, its first 24 characters.
        var clauseAfter: String
        /// 0 heading, 1 title, 2 the first summary sentence, and so on.
        var sentenceIndex: Int
        /// The clause's place (its sentence and first Character): the key of the caches of
        /// clause-wide cues, cheaper to hash than the clause's text.
        var clauseKey: Int
        var inList: Bool
        var listIsDataset: Bool
        /// Another name opens the clause before this one: the clause is about that system.
        var otherSubject: Bool
        /// Defined in the entry as one of its parts (`中文（ABBR）`, `… Module (ABBR)`).
        var isInternal: Bool
    }

    struct ReadingResult {
        /// Edges decided here for good: the paper's name it proposes, metrics it reports.
        var edges: [(Relation, String, Int, String)] = []
        var mainEntity: String?
        /// Every other (paper, entity) pair, with the features of its mentions and the rules' votes.
        var candidates: [Candidate] = []
    }

    nonisolated(unsafe) static let listGap = /^(\s+[A-Z][A-Za-z]*){0,2}\s*(、|和|与|及|以及|或|或者|,|，|and|or|\/)\s*$/
    static let clauseEnds: Set<Character> = ["，", "；", "。", "！", "？", "：", ";"]
    private static let clauseEndScalars = Set(clauseEnds.map { $0.unicodeScalars.first!.value })

    /// Whether the Characters between two names (by their first scalars) can be a list's
    /// separator as `listGap` reads it: only ASCII, spaces and 、，和与及以或者.
    static func mayBeListGap(_ scalars: ArraySlice<UInt32>) -> Bool {
        scalars.allSatisfy { value in
            switch value {
            case 0..<0x80, 0x3001, 0xFF0C, 0x548C, 0x4E0E, 0x53CA, 0x4EE5, 0x6216, 0x8005: return true
            default: return Unicode.Scalar(value)?.properties.isWhitespace ?? false
            }
        }
    }

    static func endsClause(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        return scalars.count == 1 && clauseEndScalars.contains(scalars.first!.value)
    }

    /// What `relations` registers for an occurrence, in order.
    struct Registration {
        var name: String
        var surface: String
        var known: EntityKind?
        var vote: EntityKind?
        var weight: Int
    }

    /// The mentions of the entry as occurrences, with what to register for each: needs nothing
    /// from other entries, so it runs with the entry's reading on all cores.
    private func collectOccurrences(_ sentenceCharacters: [SentenceCharacters]) -> [(Occurrence, Registration)] {
        var occurrences: [(Occurrence, Registration)] = []
        let gazetteer = scanner.gazetteer
        var lowered: String?
        func entryText() -> String {
            if let lowered { return lowered }
            let text = sentences.map(\.text).joined(separator: "\n").lowercased()
            lowered = text
            return text
        }
        for (sentenceIndex, (sentence, sentenceMentions)) in zip(sentences, mentionLists).enumerated() where !sentenceMentions.isEmpty {
            let text = sentenceCharacters[sentenceIndex].characters
            // Where each Character starts in the sentence: a window is then one copy of its
            // UTF-8 bytes instead of a String built Character by Character.
            let starts = sentenceCharacters[sentenceIndex].starts
            let firstScalars = sentenceCharacters[sentenceIndex].firstScalars
            func slice(_ from: Int, _ to: Int) -> String { String(sentence.text[starts[from]..<starts[to]]) }
            // Abbreviations defined as parts of the paper stay candidates: the model, not the
            // rules, decides whether one is a named technique of its own (DPLF, KDA) or a module.
            let mentions = sentenceMentions
            // Lists (A、B 和 C 等基准上) share the cue before their first item and after their last.
            var chains: [[Int]] = []
            for i in mentions.indices {
                let previousEnd = i > 0 ? mentions[i - 1].offset + mentions[i - 1].surface.count : -1
                if i > 0, previousEnd <= mentions[i].offset,
                    Self.mayBeListGap(firstScalars[previousEnd..<mentions[i].offset]),
                    slice(previousEnd, mentions[i].offset).wholeMatch(of: Self.listGap) != nil
                {
                    chains[chains.count - 1].append(i)
                } else {
                    chains.append([i])
                }
            }
            // Which characters end a clause, decided once per sentence (hashing a Chinese
            // Character is not cheap, and every mention walks its clause both ways).
            let endsClause = text.indices.map { Self.clauseEndScalars.contains(firstScalars[$0]) && Self.endsClause(text[$0]) }
            func clauseBounds(_ start: Int, _ end: Int) -> (Int, Int) {
                var a = start, b = end
                while a > 0, !endsClause[a - 1] { a -= 1 }
                while b < text.count, !endsClause[b] { b += 1 }
                return (a, b)
            }
            for chain in chains {
                let first = mentions[chain.first!], last = mentions[chain.last!]
                let (chainStart, _) = clauseBounds(first.offset, first.offset + first.surface.count)
                let lastEnd = last.offset + last.surface.count
                let (_, chainEnd) = clauseBounds(last.offset, lastEnd)
                let sharedBefore = slice(max(chainStart, first.offset - 16), first.offset)
                // The clause before a list is every member's: 重新评估 A、B、C 等模型 evaluates all three.
                let sharedClauseBefore = slice(max(chainStart, first.offset - 30), first.offset)
                let chainWindow =
                    slice(max(chainStart, first.offset - 8), first.offset)
                    + " " + slice(lastEnd, min(chainEnd, lastEnd + 14))
                let chainIsDataset =
                    RelationCues.datasetNear.occurs(in: chainWindow)
                    || chain.contains { mentions[$0].knownKind == .dataset }
                for index in chain {
                    var mention = mentions[index]
                    // An acronym known in one sense may be used in another here (超分辨率（SR）).
                    if mention.knownKind != nil, mention.surface == mention.name,
                        Self.senses.isAmbiguous(mention.name) || !spelledAcronyms.isEmpty && spelledAcronyms.contains(EntityName.normalise(mention.name)),
                        let known = gazetteer.entry(for: mention.name)
                    {
                        switch Self.senses.meaning(
                            of: known, at: mention.offset, length: mention.surface.count, in: text, definitions: definitions, entryText: entryText)
                        {
                        case .gazetteer: break
                        case .none: continue
                        case .entity(let kind, let name):
                            mention.knownKind = kind
                            mention.name = name
                        }
                    }
                    let key = EntityName.normalise(mention.surface)
                    let name =
                        mention.knownKind != nil
                        ? mention.name
                        : abbreviations[key].flatMap { gazetteer.entry(for: $0)?.name ?? $0 } ?? mention.name
                    let start = mention.offset, end = mention.offset + mention.surface.count
                    let (clauseStart, clauseEnd) = clauseBounds(start, end)
                    let clauseBefore = slice(max(clauseStart, start - 30), start)
                    let ownBefore = slice(max(clauseStart, start - 16), start)
                    let after = slice(end, min(clauseEnd, end + 18))
                    // Organisations (来自 A 与 B 的研究团队) and module names are not entities; a list shares the cue.
                    let lastAfter = slice(lastEnd, min(chainEnd, lastEnd + 18))
                    if mention.knownKind == nil,
                        RelationCues.notEntityAfter.matches(after) || RelationCues.notEntityAfter.matches(lastAfter)
                            || RelationCues.notEntityBefore.matches(ownBefore) || RelationCues.notEntityBefore.matches(sharedBefore)
                    {
                        continue
                    }
                    if mention.knownKind != nil, RelationCues.organisationAfter.matches(after) { continue }
                    var vote: EntityKind? = nil
                    var weight = 2
                    if mention.knownKind == nil {
                        if RelationCues.metricBefore.matches(ownBefore)
                            || Self.mayStartMetricWord(after) && RelationCues.metricAfter.matches(after)
                        {
                            vote = .metric
                        } else if gazetteer.family(of: name)?.kind == .dataset {
                            // A split or version of a known dataset is a dataset.
                            vote = .dataset
                            weight = 3
                        } else if chainIsDataset || RelationCues.datasetName.matches(name)
                            || Self.inBenchmarkPhrase(Array(text[clauseStart..<clauseEnd]), at: start - clauseStart)
                            || RelationCues.datasetNear.occurs(in: slice(max(clauseStart, start - 8), min(clauseEnd, end + 10)))
                        {
                            vote = .dataset
                        } else {
                            // No cue is weak evidence: an explicit dataset cue elsewhere outweighs it.
                            vote = .method
                            weight = 1
                        }
                    }
                    let id = EntityName.id(for: name)
                    let isInternal = mention.knownKind == nil && internalNames.contains(key)
                    let registration = Registration(
                        name: name, surface: mention.spellsName ? mention.surface : name, known: mention.knownKind, vote: vote, weight: weight)
                    occurrences.append(
                        (
                            Occurrence(
                                id: id, kind: mention.knownKind, sentence: sentence, offset: mention.offset,
                                before: index == chain.first! ? ownBefore : sharedBefore,
                                after: index == chain.last! ? after : after + slice(lastEnd, min(chainEnd, lastEnd + 18)),
                                clause: slice(clauseStart, clauseEnd),
                                clauseBefore: clauseBefore,
                                listClauseBefore: index == chain.first! ? clauseBefore : sharedClauseBefore,
                                clauseAfter: slice(end, min(clauseEnd, end + 24)),
                                sentenceIndex: sentenceIndex, clauseKey: sentenceIndex << 24 | clauseStart, inList: chain.count > 1,
                                listIsDataset: chainIsDataset,
                                otherSubject: mentions.contains { $0.offset >= clauseStart && $0.offset <= clauseStart + 2 && $0.offset < start },
                                isInternal: isInternal), registration
                        ))
                }
            }
        }
        return occurrences
    }

    /// Registers the entry's names (in entry order: the registry is the digest's) and decides
    /// each pair's rule votes and features from the cues read with the entry.
    mutating func relations(registry: inout EntityRegistry) -> ReadingResult {
        for (occurrence, registration) in zip(occurrences, registrations) {
            registry.add(
                name: registration.name, surface: registration.surface, known: registration.known, vote: registration.vote,
                weight: registration.weight, line: occurrence.sentence.line, sentence: occurrence.sentence.text)
            if occurrence.isInternal { registry.markInternal(occurrence.id) }
        }
        for (full, name) in definitionAliases {
            let id = EntityName.id(for: name)
            if registry.items[id] != nil { registry.addAlias(full, to: id) }
        }

        var result = ReadingResult()
        // What the paper itself introduces: its name, and the names the rules say it names.
        var ruleProposed: [String: Evidence] = [:]
        let prefix = paperName.map(EntityName.normalise)
        let coNamed = Set((entry.name.map(Self.headingNames) ?? []).dropFirst().map(EntityName.normalise))
        if let name = paperName {
            let id = EntityName.id(for: name)
            if registry.items[id] == nil {
                let isDataset = RelationCues.datasetNear.occurs(in: "\(entry.heading) \(entry.title)")
                registry.add(
                    name: name, surface: name, known: nil, vote: isDataset ? .dataset : .method,
                    line: entry.line, sentence: entry.heading)
            }
            result.mainEntity = id
            result.edges.append((.proposes, id, entry.line, entry.heading))
            for occurrence in occurrences where occurrence.kind == nil && occurrence.id != id {
                let key = String(occurrence.id.dropFirst("entity:".count))
                let named = RelationCues.namedBefore.matches(occurrence.before)
                // Released variants carry the paper's name: DeepSeek-V3.2-Speciale, Z-Image-Turbo.
                let variant = key.count > prefix!.count + 1 && key.hasPrefix(prefix!)
                let introducedDataset =
                    registry.kind(of: occurrence.id) == .dataset
                    && RelationCues.introduces.occurs(in: occurrence.clause)
                    && RelationCues.datasetNear.occurs(in: occurrence.clause)
                let alsoInHeading = occurrence.sentenceIndex == 0 && coNamed.contains(key)
                if (named || variant || introducedDataset || alsoInHeading) && ruleProposed[occurrence.id] == nil {
                    ruleProposed[occurrence.id] = Evidence(line: occurrence.sentence.line, sentence: occurrence.sentence.text)
                }
            }
        }

        // Cues around each occurrence: the rules' votes, and the features the model reads.
        var found: [String: [Relation: Evidence]] = [:]
        var candidates: [String: Candidate] = [:]
        var order: [String] = []
        let title = EntityName.normalise(entry.title)
        for (index, occurrence) in occurrences.enumerated() {
            let kind = registry.kind(of: occurrence.id)
            if kind == .metric {
                if found[occurrence.id] == nil { order.append(occurrence.id); found[occurrence.id] = [:] }
                if found[occurrence.id]![.reports] == nil {
                    found[occurrence.id]![.reports] = Evidence(line: occurrence.sentence.line, sentence: occurrence.sentence.text)
                }
                continue
            }
            if occurrence.id == result.mainEntity {
                // The paper's own name: proposed; a dataset it names may also be where it evaluates.
                if kind == .dataset && occurrenceCues[index]?.evaluateSentence == true && occurrence.sentence.line != entry.line {
                    if found[occurrence.id] == nil { order.append(occurrence.id); found[occurrence.id] = [:] }
                    if found[occurrence.id]![.evaluates_on] == nil {
                        found[occurrence.id]![.evaluates_on] = Evidence(line: occurrence.sentence.line, sentence: occurrence.sentence.text)
                    }
                }
                continue
            }
            if found[occurrence.id] == nil { order.append(occurrence.id); found[occurrence.id] = [:] }
            let evidence = Evidence(line: occurrence.sentence.line, sentence: occurrence.sentence.text)
            func note(_ relation: Relation) {
                if found[occurrence.id]![relation] == nil { found[occurrence.id]![relation] = evidence }
            }
            let c = occurrenceCues[index]!
            let builds = c.builds, uses = c.uses, measuredHere = c.measuredHere, evaluateSentence = c.evaluateSentence
            let compares = !c.othersWork && kind == .method && (c.compareClause || c.comparedBefore || c.compareByExample)
            let usesByExample = !compares && (c.isExample && c.usesVerbBefore || c.usesEarlier || c.byAgent)
            let cues = c.features
            switch kind {
            case .dataset:
                if measuredHere || evaluateSentence { note(.evaluates_on) } else if builds { note(.builds_on) } else { note(.mentions) }
            case .method:
                if builds { note(.builds_on) }
                if compares { note(.compares_with) }
                if (uses || usesByExample) && !builds { note(.uses) }
                if !builds && !compares && !uses && !usesByExample { note(.mentions) }
            case .metric:
                break
            }
            var candidate = candidates[occurrence.id] ?? Candidate(entity: occurrence.id)
            if occurrence.isInternal { candidate.isInternal = true }
            candidate.occurrences.append(Candidate.Occurrence(evidence: evidence, features: cues))
            candidates[occurrence.id] = candidate
        }
        for id in order {
            var relations = found[id]!
            if relations.count > 1 { relations[.mentions] = nil }
            if relations[.builds_on] != nil { relations[.uses] = nil }
            if let proposal = ruleProposed[id] { relations = [.proposes: proposal] }
            if let metric = relations[.reports] {
                result.edges.append((.reports, id, metric.line, Self.clip(metric.sentence)))
                continue
            }
            if id == result.mainEntity {
                if let e = relations[.evaluates_on] { result.edges.append((.evaluates_on, id, e.line, Self.clip(e.sentence))) }
                continue
            }
            guard var candidate = candidates[id] else { continue }
            candidate.rule = relations
            candidate.features = pairFeatures(
                candidate, kind: registry.kind(of: id), known: registry.items[id]?.known,
                name: registry.items[id]?.name ?? id, paperKey: prefix, titleKey: title)
            result.candidates.append(candidate)
        }
        return result
    }

    /// The cues around one occurrence, read once with the entry: what the rules decide from
    /// (with the name's kind, known only once the digest's names are registered) and the
    /// features the model reads.
    struct OccurrenceCues {
        var othersWork, builds, uses, isExample, usesVerbBefore, compareClause, comparedBefore, compareByExample: Bool
        var usesEarlier, byAgent, measuredHere, evaluateSentence: Bool
        var features: [String]
    }

    private mutating func readCues() -> [OccurrenceCues?] {
        let prefix = paperName.map(EntityName.normalise)
        // Clause- and sentence-wide cues are the same for every name in them: test each once,
        // keyed by the clause's or sentence's place.
        var introducesIn: [Int: Bool] = [:], datasetIn: [Int: Bool] = [:], comparesIn: [Int: Bool] = [:], evaluatesIn: [Int: Bool] = [:]
        func cached(_ cache: inout [Int: Bool], _ key: Int, _ test: () -> Bool) -> Bool {
            if let known = cache[key] { return known }
            let found = test()
            cache[key] = found
            return found
        }

        var out: [OccurrenceCues?] = []
        for occurrence in occurrences {
            if occurrence.kind == .metric {
                out.append(nil)
                continue
            }
            let othersWork = RelationCues.othersAfter.matches(occurrence.after)
            let buildsBefore =
                RelationCues.buildsBefore.matches(occurrence.before)
                || RelationCues.baseRoleWords.occurs(in: occurrence.before) && RelationCues.baseRoleBefore.matches(occurrence.before)
                || RelationCues.buildsEarlierVerbs.occurs(in: occurrence.listClauseBefore)
                    && RelationCues.buildsEarlier.matches(occurrence.listClauseBefore)
            let buildsAfter =
                RelationCues.buildsAfter.matches(occurrence.after)
                || occurrence.clauseBefore.contains(Character("以")) && occurrence.clauseAfter.contains(Character("为"))
                    && RelationCues.baseFrameBefore.matches(occurrence.clauseBefore) && RelationCues.baseFrameAfter.matches(occurrence.clauseAfter)
                || occurrence.before.contains(Character("从")) && RelationCues.fromBefore.matches(occurrence.before)
                    && RelationCues.distilAfter.matches(occurrence.after)
            let usesBefore = RelationCues.usesBefore.matches(occurrence.before)
            let toolAfter =
                buildsBefore && (RelationCues.toolAfter.matches(occurrence.clauseAfter) || RelationCues.toolBefore.matches(occurrence.before))
                || usesBefore && RelationCues.tuneToolAfter.matches(occurrence.after)
            let builds = !othersWork && !toolAfter && (buildsBefore || buildsAfter)
            let usesAfter = RelationCues.usesAfter.matches(occurrence.after)
            // A list's `after` runs on past its last name, so `A、B 等七个模型进行了评估` reaches A.
            let testedModel =
                (occurrence.after.contains(Character("等")) || occurrence.after.contains("在内的"))
                && RelationCues.testedModelsAfter.matches(occurrence.after)
            let uses = usesBefore || usesAfter || toolAfter || testedModel
            // Examples (例如 X) take their cue from the sentence before them, not their clause.
            let isExample = RelationCues.exampleBefore.matches(occurrence.before)
            let sentencePrefix = isExample ? String(occurrence.sentence.text.prefix(occurrence.offset)) : ""
            let compareClause = cached(&comparesIn, occurrence.clauseKey) { RelationCues.compares.occurs(in: occurrence.clause) }
            // Cheap literal guards first: each ICU regular expression costs microseconds per call,
            // and ingest runs these for every mention of the corpus.
            let comparedBefore = Self.endsWithCompareWord(occurrence.before) && RelationCues.comparedBefore.matches(occurrence.before)
            let priorList =
                occurrence.clauseBefore.contains(where: { $0 == "（" || $0 == "(" })
                && RelationCues.priorWork.occurs(in: occurrence.clauseBefore)
                && RelationCues.priorListBefore.matches(occurrence.clauseBefore)
                || occurrence.clauseBefore.contains(Character("以")) && occurrence.clauseAfter.contains("为代表")
                    && RelationCues.representativeBefore.matches(occurrence.clauseBefore)
                    && RelationCues.representativeAfter.matches(occurrence.clauseAfter)
            let compareByExample =
                priorList
                || isExample && (RelationCues.compares.occurs(in: sentencePrefix) || RelationCues.priorWork.occurs(in: String(sentencePrefix.suffix(40))))
            let usesEarlier =
                RelationCues.usesEarlierVerbs.occurs(in: occurrence.listClauseBefore)
                && RelationCues.usesEarlier.matches(occurrence.listClauseBefore)
            let byAgent =
                occurrence.before.contains(Character("由")) && RelationCues.byAgentBefore.matches(occurrence.before)
                && RelationCues.byAgentAfter.matches(occurrence.after)
            let measuredHere =
                occurrence.before.contains(Character("在")) && RelationCues.evaluatedBefore.matches(occurrence.before)
                && RelationCues.evaluatedAfter.matches(occurrence.after)
            let evaluateSentence = cached(&evaluatesIn, occurrence.sentenceIndex) { RelationCues.evaluates.occurs(in: occurrence.sentence.text) }
            var features: [String] = []
            for (flag, name) in [
                (othersWork, "others"), (buildsBefore, "buildsBefore"), (toolAfter, "toolAfter"), (testedModel, "testedModel"), (buildsAfter, "buildsAfter"),
                (usesBefore, "usesBefore"), (usesAfter, "usesAfter"), (isExample, "example"),
                (compareClause, "compareClause"), (comparedBefore, "comparedBefore"),
                (compareByExample, "compareExample"), (priorList, "priorList"), (usesEarlier, "usesEarlier"), (byAgent, "byAgent"),
                (measuredHere, "measuredHere"), (evaluateSentence, "evaluateSentence"),
                (occurrence.inList, "list"), (occurrence.listIsDataset, "listDataset"),
                (occurrence.otherSubject, "otherSubject"), (occurrence.isInternal, "internal"),
                (cached(&introducesIn, occurrence.clauseKey) { RelationCues.introduces.occurs(in: occurrence.clause) }, "introduces"),
                (cached(&datasetIn, occurrence.clauseKey) { RelationCues.datasetNear.occurs(in: occurrence.clause) }, "datasetClause"),
                (Self.startsWithNumber(occurrence.clauseAfter) && RelationCues.scoreAfter.matches(occurrence.clauseAfter), "score"),
                (RelationCues.selfBefore.occurs(in: occurrence.clauseBefore), "selfSubject"),
                (
                    RelationCues.introducedVerbs.occurs(in: occurrence.before) && RelationCues.introducedEarlier.matches(occurrence.before),
                    "introducedEarlier"
                ),
            ]
            where flag { features.append("cue:" + name) }
            if let prefix, !prefix.isEmpty, occurrence.clauseBefore.lowercased().contains(prefix) { features.append("cue:paperNameBefore") }
            features.append("pos:" + (occurrence.sentenceIndex < 3 ? ["heading", "title", "first"][occurrence.sentenceIndex] : "body"))
            features += Self.contextWords(before: occurrence.clauseBefore, after: occurrence.clauseAfter)
            features += clauseWords(occurrence.clause, key: occurrence.clauseKey)
            out.append(
                OccurrenceCues(
                    othersWork: othersWork, builds: builds, uses: uses, isExample: isExample,
                    usesVerbBefore: isExample && RelationCues.usesVerb.occurs(in: sentencePrefix), compareClause: compareClause,
                    comparedBefore: comparedBefore, compareByExample: compareByExample, usesEarlier: usesEarlier, byAgent: byAgent,
                    measuredHere: measuredHere, evaluateSentence: evaluateSentence, features: features))
        }
        return out
    }

    /// Features of the pair as a whole: the rules' votes, kind, name shape, and how the
    /// name relates to the paper's own name and title, plus every mention's cues.
    private func pairFeatures(
        _ candidate: Candidate, kind: EntityKind, known: EntityKind?, name: String,
        paperKey: String?, titleKey: String
    ) -> Set<String> {
        var features: Set<String> = ["bias", "kind:\(kind.rawValue)", "known:\(known?.rawValue ?? "none")"]
        for relation in candidate.rule.keys { features.insert("rule:\(relation.rawValue)") }
        let count = candidate.occurrences.count
        features.insert("mentions:\(count >= 3 ? "3+" : String(count))")
        let key = String(candidate.entity.dropFirst("entity:".count))
        if let paperKey, !paperKey.isEmpty, key != paperKey {
            if paperKey.contains(key) { features.insert("name:insidePaperName") }
            if key.hasPrefix(paperKey) || key.contains(paperKey) { features.insert("name:containsPaperName") }
        }
        if key.count >= 3, titleKey.contains(key) { features.insert("name:inTitle") }
        for shape in Self.shapes(of: name) { features.insert("shape:" + shape) }
        if known == nil, Self.isWeakShape(name) { features.insert("shape:words") }
        for occurrence in candidate.occurrences { features.formUnion(occurrence.features) }
        return features
    }

    /// The cheap guard before `metricAfter`: a metric word (指标, 评价指标, metric) can begin the text.
    static func mayStartMetricWord(_ text: String) -> Bool {
        guard let first = text.first(where: { !$0.isWhitespace && $0 != "）" && $0 != ")" }) else { return false }
        return first == "指" || first == "评" || first == "度" || first == "m" || first == "M"
    }

    static func endsWithCompareWord(_ text: String) -> Bool {
        let trimmed = text.trimmedWhitespace()
        return trimmed.hasSuffix("比") || trimmed.hasSuffix("较") || trimmed.hasSuffix("than") || trimmed.hasSuffix("over")
    }

    /// Whether a number stands within the first few characters (a score after a name).
    static func startsWithNumber(_ text: String) -> Bool {
        text.unicodeScalars.prefix(4).contains { (0x30...0x39).contains($0.value) }
    }

    /// Words the model reads on each side of a mention: cues often govern a noun phrase,
    /// so a few words lie between them and the name (基于 大型 视觉 基础 模型 X).
    static let contextSpan = 5

    /// Names and numbers are folded to one token each, so the model learns cue words, not names.
    static func fold(_ word: String) -> String {
        // ASCII words and words of CJK ideographs, nearly all of them, without Character properties.
        var ascii = true, ideographs = true
        for u in word.unicodeScalars {
            if u.value >= 0x80 { ascii = false }
            if !(0x4E00...0x9FFF).contains(u.value) { ideographs = false }
            if !ascii && !ideographs { break }
        }
        if ascii, let first = word.utf8.first {
            if (0x30...0x39).contains(first) { return "#num" }
            if word.utf8.count >= 2, word.utf8.dropFirst().contains(where: { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) }) { return "#name" }
            return word.lowercased()
        }
        if ideographs, let first = word.unicodeScalars.first { return first.properties.numericType != nil ? "#num" : word }
        if word.first?.isNumber == true { return "#num" }
        if word.first?.isASCII == true, word.count >= 2, word.dropFirst().contains(where: { $0.isUppercase || $0.isNumber }) { return "#name" }
        return word.lowercased()
    }

    /// Every word of the clause, once (`C:`): what the clause is about, whatever the distance.
    private mutating func clauseWords(_ clause: String, key: Int) -> [String] {
        if let known = clauseWordCache[key] { return known }
        let words = Set(WordSegmenter.words(clause).map(Self.fold)).sorted().map { "C:" + $0 }
        clauseWordCache[key] = words
        return words
    }

    /// Coarse shapes of a name: the model learns which read as real entities.
    static func shapes(of name: String) -> [String] {
        var out: [String] = []
        let letters = name.filter(\.isLetter)
        if !letters.isEmpty, letters.allSatisfy({ $0.isUppercase }) { out.append("caps") }
        if name.contains(where: \.isNumber) { out.append("digit") }
        if name.contains(Character("-")) { out.append("hyphen") }
        if name.contains(Character(" ")) { out.append("spaced") }
        if name.count <= 3 { out.append("short") }
        if name.first?.isLowercase == true { out.append("lower") }
        if name.unicodeScalars.contains(where: TextSegmenter.isCJK) { out.append("cjk") }
        if letters.count >= 2, letters.first!.isUppercase, letters.dropFirst().contains(where: \.isUppercase),
            letters.contains(where: \.isLowercase)
        {
            out.append("camel")
        }
        return out
    }

    /// Capitalised words only (Dreamer, Oxford Spires): a weak shape, found only where the context supports it.
    static func isWeakShape(_ name: String) -> Bool {
        name.split(separator: " ").allSatisfy { word in
            word.count >= 2 && word.first!.isUppercase && word.dropFirst().allSatisfy { $0.isASCII && $0.isLowercase }
        }
    }

    /// The words nearest a mention in its clause (ICU word segmentation): `L1:` the word
    /// right before, `L:` the three before that, `R1:` right after, `R:` the three after that.
    /// Names and numbers are folded to one token so the model learns cue words, not names.
    static func contextWords(before: String, after: String) -> [String] {
        let left = WordSegmenter.words(before).suffix(Self.contextSpan).map(fold)
        let right = WordSegmenter.words(after).prefix(Self.contextSpan).map(fold)
        var out: [String] = []
        if let last = left.last { out.append("L1:" + last) }
        for word in left.dropLast() { out.append("L:" + word) }
        if let first = right.first { out.append("R1:" + first) }
        for word in right.dropFirst() { out.append("R:" + word) }
        return out
    }

    static let benchmarkAfter = CueLexicon.keywords("benchmarkAfter")

    /// `在 … X … 基准上`: a name inside such a phrase is a dataset.
    static func inBenchmarkPhrase(_ clause: [Character], at offset: Int) -> Bool {
        guard offset >= 0, offset <= clause.count, clause[..<offset].contains(Character("在")) else { return false }
        return benchmarkAfter.occurs(in: String(clause[offset...]))
    }

    /// Evidence stays a sentence: long ones are cut at 300 characters.
    static func clip(_ sentence: String) -> String {
        sentence.count <= 300 ? sentence : String(sentence.prefix(299)) + "…"
    }
}
