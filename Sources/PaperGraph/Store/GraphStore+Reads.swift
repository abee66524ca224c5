import Foundation
import GRDB

/// Typed reads: every query the library runs, each returning values.
extension GraphStore {
    static func json(_ values: some Sequence<String>) -> String {
        "[" + values.map(JSONText.quote).joined(separator: ",") + "]"
    }

    static func paper(_ row: Row) -> Paper {
        Paper(
            id: row["id"], arxiv: row["arxiv"], version: row["version"], url: row["url"], title: row["title"],
            heading: row["heading"], name: row["name"], topic: row["topic"], month: row["month"])
    }

    static func topicPattern(_ topic: String?) -> String? { topic.map { "%\($0)%" } }

    // MARK: - Listings

    public func digests() throws -> [DigestInfo] {
        try writer.read { db in
            try Row.fetchAll(db, sql: ReadSQL.digests).map {
                DigestInfo(
                    key: $0["key"], language: $0["language"], path: $0["path"], ingestedAt: $0["ingested_at"],
                    papers: $0["papers"], edges: $0["edges"])
            }
        }
    }

    public func topics() throws -> [TopicSummary] {
        try writer.read { db in
            try Row.fetchAll(db, sql: ReadSQL.topics).map {
                TopicSummary(topic: $0["topic"], papers: $0["papers"], digests: $0["digests"], first: $0["first"], last: $0["last"])
            }
        }
    }

    public func stats() throws -> GraphStats {
        try writer.read { db in
            let row = try Row.fetchOne(db, sql: ReadSQL.stats)!
            var kinds: [String: Int] = [:]
            for k in try Row.fetchAll(db, sql: ReadSQL.entityKinds) { kinds[k["kind"]] = k["n"] }
            let lineage: Int = row["lineage"], loops = (row["lineage_all"] as Int) - lineage
            return GraphStats(
                digests: row["digests"], papers: row["papers"], papersWithArxiv: row["arxiv"], topics: row["topics"],
                entities: kinds.values.reduce(0, +), methods: kinds["method"] ?? 0, datasets: kinds["dataset"] ?? 0,
                metrics: kinds["metric"] ?? 0, edges: (row["stored_edges"] as Int) - loops, lineageEdges: lineage)
        }
    }

    /// Papers, newest arXiv month first. Throws ``StoreError/notFound(_:suggestions:)`` for
    /// an unknown `--entity`.
    public func papers(_ filter: PaperFilter = PaperFilter()) throws -> [PaperListing] {
        try writer.read { db in
            var ids: [String]? = nil
            if let name = filter.entity {
                ids = try Self.resolveEntities(name, db: db).map(\.id)
                if ids!.isEmpty { throw StoreError.notFound(name, suggestions: try Self.suggestions(for: name, db: db)) }
            }
            let sql =
                ids != nil
                ? ReadSQL.papersByEntity
                : filter.topic != nil
                    ? ReadSQL.papersByTopic
                    : filter.digest != nil ? ReadSQL.papersByDigest : ReadSQL.papersAll
            // Thousands of rows on a large archive: read in place rather than copied.
            let rows = try Row.fetchCursor(
                db, sql: sql,
                arguments: [
                    "since": filter.since, "pattern": Self.topicPattern(filter.topic), "digest": filter.digest,
                    "ids": ids.map { Self.json($0) }, "relation": filter.relation,
                ])
            var listings: [PaperListing] = []
            while let row = try rows.next() {
                let weeks = (row["digests"] as String? ?? "").utf8.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
                listings.append(PaperListing(paper: Self.paper(row), digests: weeks))
            }
            return listings
        }
    }

    /// Entities, most papers first, with their other spellings.
    public func entities(_ filter: EntityFilter = EntityFilter()) throws -> [EntitySummary] {
        try writer.read { db in
            if filter.countsEverything {
                // Thousands of rows on a large archive: read in place, by column position.
                let rows = try Row.fetchCursor(
                    db, sql: ReadSQL.entitiesByPapers,
                    arguments: ["min": filter.minPapers, "kind": filter.kind, "limit": filter.limit ?? -1])
                var found: [EntitySummary] = []
                while let row = try rows.next() {
                    found.append(
                        EntitySummary(
                            entity: Entity(id: row[0], name: row[1], kind: row[2]), papers: row[3],
                            aliases: Resolution.aliasList(row[4])))
                }
                return found
            }
            let found = try Self.countsOfChosen(filter, db: db)
                .filter { $0.papers >= filter.minPapers && (filter.kind == nil || $0.entity.kind == filter.kind) }
                .sorted { $0.papers != $1.papers ? $0.papers > $1.papers : $0.entity.name < $1.entity.name }
            return found.prefix(filter.limit ?? found.count).map {
                EntitySummary(entity: $0.entity, papers: $0.papers, aliases: $0.aliases)
            }
        }
    }

    /// The methods most often compared against or built on.
    public func baselines(_ filter: EntityFilter = EntityFilter(limit: 30)) throws -> [BaselineSummary] {
        try writer.read { db in
            if filter.countsEverything {
                return try Row.fetchAll(db, sql: ReadSQL.baselines, arguments: ["limit": filter.limit ?? -1]).map {
                    BaselineSummary(
                        entity: Entity(id: $0["id"], name: $0["name"], kind: $0["kind"]),
                        compared: $0["compared"], builtOn: $0["built_on"], papers: $0["papers"])
                }
            }
            let rows = try Self.countsOfChosen(filter, db: db).filter { $0.entity.kind == .method && $0.baseline > 0 }
                .sorted { ($1.baseline, $1.compared, $0.entity.name) < ($0.baseline, $0.compared, $1.entity.name) }
            return rows.prefix(filter.limit ?? rows.count).map {
                BaselineSummary(entity: $0.entity, compared: $0.compared, builtOn: $0.builtOn, papers: $0.baseline)
            }
        }
    }

    private static func countsOfChosen(
        _ filter: EntityFilter, db: Database
    )
        throws -> [(entity: Entity, papers: Int, compared: Int, builtOn: Int, baseline: Int, aliases: [String])]
    {
        try Row.fetchAll(db, sql: ReadSQL.entitiesOfChosen, arguments: ["since": filter.since, "pattern": topicPattern(filter.topic)]).map {
            (
                Entity(id: $0["id"], name: $0["name"], kind: $0["kind"]), $0["papers"], $0["compared"], $0["built_on"], $0["baseline"],
                Resolution.aliasList($0["aliases"])
            )
        }
    }

    /// Every spelling of each entity (merges applied), sorted.
    static func aliases(of ids: [String], db: Database) throws -> [String: [String]] {
        guard !ids.isEmpty else { return [:] }
        var out: [String: [String]] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: ReadSQL.aliasesOf), arguments: ["ids": json(ids)]) {
            out[row["rentity"], default: []].append(row["alias"])
        }
        return out
    }

    public func aliases(of ids: [String]) throws -> [String: [String]] {
        try writer.read { db in try Self.aliases(of: ids, db: db) }
    }

    // MARK: - Search

    /// Full-text search: entries containing every word (a quoted part as a phrase), best
    /// bm25 first, one hit a paper, each with a snippet around the match.
    public func search(_ text: String, limit: Int = 20) throws -> SearchResults {
        guard let query = SearchQuery(text) else { return SearchResults(hits: [], matchingEntries: 0, truncated: false) }
        return try writer.read { db in
            let total = try Int.fetchOne(db, sql: ReadSQL.searchCount, arguments: ["query": query.fts]) ?? 0
            var window = (limit + 1) * 3
            while true {
                let matches = try Row.fetchAll(db, sql: ReadSQL.searchMatches, arguments: ["query": query.fts, "limit": window])
                let rank = Dictionary(matches.map { ($0["rowid"] as Int64, $0["rank"] as Double) }, uniquingKeysWith: min)
                let rows = try Row.fetchAll(db, sql: ReadSQL.appearancesByID, arguments: ["ids": "[" + rank.keys.map(String.init).joined(separator: ",") + "]"])
                var best: [String: Row] = [:]
                for row in rows {
                    let id: String = row["paper_id"]
                    if let current = best[id], rank[current["id"]]! <= rank[row["id"]]! { continue }
                    best[id] = row
                }
                let ordered = best.values.sorted { a, b in
                    let ra = rank[a["id"]]!, rb = rank[b["id"]]!
                    return ra != rb ? ra < rb : (a["paper_id"] as String) < (b["paper_id"] as String)
                }
                if ordered.count <= limit && matches.count == window && window < total {
                    window *= 4
                    continue
                }
                let shown = Array(ordered.prefix(limit))
                let papers = try Self.papers(shown.map { $0["paper_id"] as String }, db: db)
                let hits = shown.map { row in
                    SearchHit(
                        paper: papers[row["paper_id"]]!, digest: row["key"], topic: row["topic"], score: rank[row["id"]]!,
                        snippet: query.snippet(summary: row["summary"], title: row["title"]))
                }
                return SearchResults(hits: hits, matchingEntries: total, truncated: ordered.count > limit)
            }
        }
    }

    // MARK: - Finding by name

    /// Entities whose name or any alias matches `name` under the annotation guide's rule.
    static func resolveEntities(_ name: String, db: Database) throws -> [Entity] {
        let id = EntityName.id(for: name)
        var ids = try String.fetchAll(db, sql: ReadSQL.resolveEntity, arguments: ["id": id, "name": name])
        if ids.isEmpty {
            // Spellings that differ only in case, spacing or dashes.
            ids = try String.fetchAll(db, sql: ReadSQL.resolveEntitySpelled, arguments: ["id": id])
        }
        return try entities(ids, db: db).values.sorted { $0.id < $1.id }
    }

    public func resolveEntities(_ name: String) throws -> [Entity] {
        try writer.read { db in try Self.resolveEntities(name, db: db) }
    }

    /// A paper by arXiv id in any form people write it (`2512.03939`, `2512.03939v2`,
    /// `arXiv:2512.03939`, an arxiv.org link), stored id, or short name (any case).
    static func resolvePapers(_ text: String, db: Database) throws -> [Paper] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var bare = trimmed
        if bare.lowercased().hasPrefix("arxiv:") { bare = String(bare.dropFirst(6)).trimmingCharacters(in: .whitespaces) }
        if let arxiv = ArxivID.fromURL(bare) ?? ArxivID.leading(in: bare).map(\.0),
            let paper = try papers(["arxiv:\(arxiv.id)"], db: db).values.first
        {
            return [paper]
        }
        if let paper = try papers([trimmed], db: db).values.first { return [paper] }
        return try Row.fetchAll(db, sql: ReadSQL.resolvePaperByName, arguments: ["name": trimmed]).map(paper)
    }

    public func resolvePapers(_ text: String) throws -> [Paper] {
        try writer.read { db in try Self.resolvePapers(text, db: db) }
    }

    /// Names close to `text` (entity names and paper short names), nearest first.
    static func suggestions(for text: String, db: Database) throws -> [String] {
        let names = try String.fetchAll(
            db,
            sql: """
                SELECT name FROM entity n WHERE NOT EXISTS (SELECT 1 FROM entity_redirect r WHERE r.entity_id = n.id)
                UNION SELECT name FROM paper WHERE name IS NOT NULL
                """)
        return NameSuggester.nearest(text, among: names)
    }

    public func suggestions(for text: String) throws -> [String] {
        try writer.read { db in try Self.suggestions(for: text, db: db) }
    }

    static func papers(_ ids: [String], db: Database) throws -> [String: Paper] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(db.cachedStatement(sql: ReadSQL.papersByID), arguments: ["ids": json(ids)])
        return Dictionary(rows.map { (($0["id"] as String), paper($0)) }, uniquingKeysWith: { a, _ in a })
    }

    public func papers(ids: [String]) throws -> [String: Paper] {
        try writer.read { db in try Self.papers(ids, db: db) }
    }

    static func entities(_ ids: [String], db: Database) throws -> [String: Entity] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(db.cachedStatement(sql: ReadSQL.entitiesByID), arguments: ["ids": json(ids)])
        return Dictionary(
            rows.map { (($0["id"] as String), Entity(id: $0["id"], name: $0["name"], kind: $0["kind"])) },
            uniquingKeysWith: { a, _ in a })
    }

    public func entities(ids: [String]) throws -> [String: Entity] {
        try writer.read { db in try Self.entities(ids, db: db) }
    }

    // MARK: - Show

    /// Finds papers and entities by arXiv id, paper short name, entity name or alias.
    public func show(_ name: String) throws -> ShowReport {
        try writer.read { db in
            let papers = try Self.resolvePapers(name, db: db).map { try Self.detail(of: $0, db: db) }
            let entities = try Self.resolveEntities(name, db: db).map { try Self.detail(of: $0, db: db) }
            return ShowReport(papers: papers, entities: entities)
        }
    }

    /// What a paper's appearances say: its topics in reading order, versions and weeks
    /// (sorted), and the latest summary. `show` and the exports read it the same way.
    static func appearanceSummary(
        of id: String, db: Database
    ) throws
        -> (topics: [String], versions: [Int], digests: [String], summary: String)
    {
        let rows = try Row.fetchAll(db.cachedStatement(sql: ReadSQL.paperAppearances), arguments: ["id": id])
        var topics: [String] = []
        for row in rows { if let t = row["topic"] as String?, !topics.contains(t) { topics.append(t) } }
        return (
            topics, Array(Set(rows.compactMap { $0["version"] as Int? })).sorted(),
            Array(Set(rows.map { $0["key"] as String })).sorted(), rows.last?["summary"] ?? ""
        )
    }

    static func detail(of paper: Paper, db: Database) throws -> PaperDetail {
        let seen = try appearanceSummary(of: paper.id, db: db)
        return PaperDetail(
            id: paper.id, arxiv: paper.arxiv, version: paper.version, versions: seen.versions,
            url: paper.url, title: paper.title, name: paper.name, heading: paper.heading, topics: seen.topics,
            digests: seen.digests, summary: seen.summary, relations: try edgeViews(ReadSQL.edgesFrom, paper.id, db: db))
    }

    static func detail(of entity: Entity, db: Database) throws -> EntityDetail {
        let aliases = try Self.aliases(of: [entity.id], db: db)[entity.id, default: []].filter { $0 != entity.name }
        let incoming = try edgeViews(ReadSQL.edgesTo, entity.id, db: db)
        let outgoing = try edgeViews(ReadSQL.edgesFrom, entity.id, db: db)
        return EntityDetail(
            id: entity.id, name: entity.name, kind: entity.kind, aliases: aliases,
            papers: incoming.filter { $0.relation != .derived_from },
            lineage: outgoing.filter { $0.relation == .derived_from } + incoming.filter { $0.relation == .derived_from })
    }

    /// Every edge to entity `id` (merges applied), with its evidence, in reading order.
    public func edges(to id: String) throws -> [EdgeView] {
        try writer.read { db in try Self.edgeViews(ReadSQL.edgesTo, id, db: db) }
    }

    private static func edgeViews(_ sql: String, _ id: String, db: Database) throws -> [EdgeView] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: ["id": id]).map {
            EdgeView(
                source: $0["source"], sourceName: $0["source_name"], relation: $0["relation"],
                target: $0["target"], targetName: $0["target_name"], digest: $0["key"], line: $0["line"],
                evidence: $0["evidence"])
        }
    }

    // MARK: - Lineage

    static func lineageLink(_ row: Row) -> LineageLink {
        LineageLink(
            child: row["child"], parent: row["parent"], relation: row["relation"], digest: row["key"],
            line: row["line"], evidence: row["evidence"])
    }

    /// Lineage links with a parent in `ids` (`.down`) or a child in `ids` (`.up`).
    public func lineageLinks(around ids: Set<String>, direction: LineageWalk.Direction) throws -> [LineageLink] {
        guard !ids.isEmpty else { return [] }
        return try writer.read { db in
            let arguments: StatementArguments = ["ids": Self.json(ids.sorted())]
            var out: [LineageLink] = []
            if direction != .up {
                out += try Row.fetchAll(db.cachedStatement(sql: ReadSQL.derivedChildren), arguments: arguments).map(Self.lineageLink)
                out += try Row.fetchAll(db.cachedStatement(sql: ReadSQL.liftedChildren), arguments: arguments).map(Self.lineageLink)
            }
            if direction != .down {
                out += try Row.fetchAll(db.cachedStatement(sql: ReadSQL.derivedParents), arguments: arguments).map(Self.lineageLink)
                out += try Row.fetchAll(db.cachedStatement(sql: ReadSQL.liftedParents), arguments: arguments).map(Self.lineageLink)
            }
            return out
        }
    }

    /// Every lineage link in the graph (the whole-forest map).
    public func allLineageLinks() throws -> [LineageLink] {
        try writer.read { db in
            try (Row.fetchAll(db, sql: ReadSQL.derivedAll) + Row.fetchAll(db, sql: ReadSQL.liftedAll)).map(Self.lineageLink)
        }
    }

    /// Papers proposing each of `ids`, by paper id.
    public func proposals(of ids: [String]) throws -> [Proposal] {
        guard !ids.isEmpty else { return [] }
        return try writer.read { db in
            try Row.fetchAll(db, sql: ReadSQL.proposals, arguments: ["ids": Self.json(ids)]).map {
                Proposal(entity: $0["entity"], paper: Self.paper($0))
            }
        }
    }

    // MARK: - Neighbourhoods

    /// A paper's links to entities, with the entities.
    public func links(ofPaper id: String) throws -> [EntityLink] {
        try writer.read { db in
            try Row.fetchAll(db, sql: ReadSQL.linksOfPaper, arguments: ["id": id]).map {
                EntityLink(paper: $0["rsource"], entity: Entity(id: $0["rtarget"], name: $0["name"], kind: $0["kind"]), relation: $0["relation"])
            }
        }
    }

    /// Links of many papers by some relations (topic maps).
    public func links(ofPapers ids: [String], relations: [Relation]) throws -> [EntityLink] {
        guard !ids.isEmpty else { return [] }
        return try writer.read { db in
            try Row.fetchAll(
                db, sql: ReadSQL.linksOfPapers,
                arguments: [
                    "ids": Self.json(ids), "relations": Self.json(relations.map(\.rawValue)),
                ]
            ).map {
                EntityLink(paper: $0["rsource"], entity: Entity(id: $0["rtarget"], name: $0["name"], kind: $0["kind"]), relation: $0["relation"])
            }
        }
    }

    /// Every paper's link to any of `entities`.
    public func links(toEntities ids: [String]) throws -> [PaperEntityLink] {
        guard !ids.isEmpty else { return [] }
        return try writer.read { db in
            try Row.fetchAll(db, sql: ReadSQL.linksToEntities, arguments: ["ids": Self.json(ids)]).map {
                PaperEntityLink(paper: $0["rsource"], entity: $0["rtarget"], relation: $0["relation"])
            }
        }
    }

    /// How many papers link to each entity, and how many papers there are.
    public func paperCounts(of ids: [String]) throws -> (perEntity: [String: Int], papers: Int) {
        try writer.read { db in
            var counts: [String: Int] = [:]
            if !ids.isEmpty {
                for row in try Row.fetchAll(db, sql: ReadSQL.paperCountsOf, arguments: ["ids": Self.json(ids)]) {
                    counts[row["entity_id"]] = row["papers"]
                }
            }
            return (counts, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM paper") ?? 0)
        }
    }

    /// Appearances a topic map draws, each paper's latest first.
    public func appearances(digest: String?, topic: String?) throws -> [AppearanceView] {
        try writer.read { db in
            let sql = digest != nil ? ReadSQL.mapAppearancesOfDigest : topic != nil ? ReadSQL.mapAppearancesOfTopics : ReadSQL.mapAppearancesAll
            let rows = try Row.fetchAll(
                db, sql: sql,
                arguments: StatementArguments(
                    ["digest": digest, "pattern": Self.topicPattern(topic)]
                        .filter { sql.contains(":" + $0.key) }))
            // Each paper's latest appearance first (then language and line), papers by id.
            let keyed = rows.map { row -> (language: String, line: Int, view: AppearanceView) in
                (row["language"], row["line"], AppearanceView(paper: Self.paper(row), topic: row["appearance_topic"], digest: row["key"]))
            }
            return keyed.sorted { a, b in
                if a.view.paper.id != b.view.paper.id { return a.view.paper.id < b.view.paper.id }
                if a.view.digest != b.view.digest { return a.view.digest > b.view.digest }
                return (a.language, a.line) < (b.language, b.line)
            }.map(\.view)
        }
    }
}

// MARK: - Export

extension GraphStore {
    /// Every edge, entity and paper, in that order, each sorted and free of row ids, handed
    /// over one at a time from cursors inside one read: a consistent snapshot whose memory
    /// does not grow with the graph. `sectionEnded` follows each of the three sections.
    public func exportGraph(
        order: [ExportSection] = [.edges, .entities, .papers],
        edges: (GraphExport.Edge) throws -> Void, entities: (ExportEntity) throws -> Void,
        papers: (GraphExport.Paper) throws -> Void, sectionEnded: (ExportSection) throws -> Void
    ) throws {
        try writer.read { db in
            for section in order {
                switch section {
                case .edges: try Self.exportEdges(db, edges)
                case .entities: try Self.exportEntities(db, entities)
                case .papers: try Self.exportPapers(db, papers)
                }
                try sectionEnded(section)
            }
        }
    }

    private static func exportEdges(_ db: Database, _ body: (GraphExport.Edge) throws -> Void) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT DISTINCT e.rsource, e.rtarget, e.relation, d.key, d.language, e.line, e.evidence
                FROM edge e JOIN digest d ON d.id = e.digest_id WHERE e.rsource <> e.rtarget
                ORDER BY e.rsource, e.relation, e.rtarget, d.key, d.language, e.line, e.evidence
                """)
        while let row = try rows.next() {
            try body(
                GraphExport.Edge(
                    source: row["rsource"], target: row["rtarget"], relation: row["relation"], digest: row["key"],
                    language: row["language"], line: row["line"], evidence: row["evidence"]))
        }
    }

    private static func exportEntities(_ db: Database, _ body: (ExportEntity) throws -> Void) throws {
        let aliases = try db.cachedStatement(sql: ReadSQL.aliasesOfEntity)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT n.id, n.name, n.kind, s.papers, s.first_digest FROM entity n LEFT JOIN entity_stats s ON s.entity_id = n.id
                WHERE NOT EXISTS (SELECT 1 FROM entity_redirect r WHERE r.entity_id = n.id) ORDER BY n.id
                """)
        while let row = try rows.next() {
            let id: String = row["id"], name: String = row["name"]
            let entity = GraphExport.Entity(
                id: id, name: name, kind: row["kind"],
                aliases: try String.fetchAll(aliases, arguments: [id]).filter { $0 != name })
            try body(ExportEntity(entity: entity, papers: row["papers"] ?? 0, firstDigest: row["first_digest"]))
        }
    }

    private static func exportPapers(_ db: Database, _ body: (GraphExport.Paper) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM paper ORDER BY id")
        while let row = try rows.next() {
            let paper = Self.paper(row)
            let seen = try appearanceSummary(of: paper.id, db: db)
            try body(
                GraphExport.Paper(
                    id: paper.id, arxiv: paper.arxiv, version: paper.version, versions: seen.versions,
                    url: paper.url, title: paper.title, heading: paper.heading, name: paper.name, topic: paper.topic,
                    topics: seen.topics, digests: seen.digests, month: paper.month))
        }
    }
}

// MARK: - Entries

extension GraphStore {
    /// Every paper entry of every digest, in reading order (digest, language, line): what
    /// the site lays out per digest and per topic, and what its search reads.
    public func entries() throws -> [EntryView] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.paper_id, d.key, d.language, a.line, a.topic, a.summary
                    FROM appearance a JOIN digest d ON d.id = a.digest_id ORDER BY d.key, d.language, a.line
                    """
            ).map {
                EntryView(paper: $0["paper_id"], digest: $0["key"], language: $0["language"], line: $0["line"], topic: $0["topic"], summary: $0["summary"])
            }
        }
    }
}

// MARK: - Evaluation

/// What the evaluator compares with a gold file: one digest's papers and edges, and every
/// spelling of the entities those edges name.
struct StoredDigest {
    struct Appearance { var paperID: String; var title: String; var url: String?; var name: String?; var line: Int }
    struct Edge { var source: String; var target: String; var relation: Relation; var evidence: String; var line: Int }
    var appearances: [Appearance]
    var edges: [Edge]
    var entities: [String: (name: String, kind: String, spellings: [String])]
}

extension GraphStore {
    func storedDigest(key: String) throws -> StoredDigest {
        try writer.read { db in
            guard let digestID = try Int64.fetchOne(db, sql: "SELECT id FROM digest WHERE key = ? ORDER BY language LIMIT 1", arguments: [key]) else {
                throw StoreError.unknownDigest(key)
            }
            let appearances = try Row.fetchAll(
                db, sql: "SELECT paper_id, title, url, name, line FROM appearance WHERE digest_id = ? ORDER BY line",
                arguments: [digestID]
            ).map {
                StoredDigest.Appearance(paperID: $0["paper_id"], title: $0["title"], url: $0["url"], name: $0["name"], line: $0["line"])
            }
            let edges = try Row.fetchAll(
                db,
                sql: """
                    SELECT rsource, rtarget, relation, evidence, line FROM edge WHERE digest_id = ? AND rsource <> rtarget
                    """, arguments: [digestID]
            ).map {
                StoredDigest.Edge(source: $0["rsource"], target: $0["rtarget"], relation: $0["relation"], evidence: $0["evidence"], line: $0["line"])
            }
            let ids = Array(Set(edges.flatMap { [$0.source, $0.target] }))
            let spellings = try Row.fetchAll(
                db, sql: ReadSQL.aliasesOfEntities,
                arguments: ["ids": Self.json(ids)])
            var aliases: [String: [String]] = [:]
            for row in spellings { aliases[row["rentity"], default: []].append(row["alias"]) }
            var entities: [String: (name: String, kind: String, spellings: [String])] = [:]
            for (id, entity) in try Self.entities(ids, db: db) {
                entities[id] = (entity.name, entity.kind.rawValue, [entity.name] + (aliases[id] ?? []))
            }
            return StoredDigest(appearances: appearances, edges: edges, entities: entities)
        }
    }
}

// MARK: - Time

extension GraphStore {
    /// Every paper with its arXiv month, the week it was first read and its topic.
    public func paperTimes() throws -> [PaperTime] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id, p.month, p.topic,
                           (SELECT MIN(d.key) FROM appearance a JOIN digest d ON d.id = a.digest_id WHERE a.paper_id = p.id) AS week
                    FROM paper p ORDER BY p.id
                    """
            ).map { PaperTime(paper: $0["id"], month: $0["month"], week: $0["week"], topic: $0["topic"]) }
        }
    }

    /// Papers' links to entities of one kind (or all kinds), with the entities.
    public func links(toKind kind: EntityKind?) throws -> [EntityLink] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT e.rsource, e.rtarget, e.relation, n.name, n.kind FROM entity n
                    CROSS JOIN edge e ON e.rtarget = n.id AND e.relation <> 'derived_from'
                    WHERE (:kind IS NULL OR n.kind = :kind)
                      AND NOT EXISTS (SELECT 1 FROM entity_redirect r WHERE r.entity_id = n.id)
                    """, arguments: ["kind": kind]
            ).map {
                EntityLink(paper: $0["rsource"], entity: Entity(id: $0["rtarget"], name: $0["name"], kind: $0["kind"]), relation: $0["relation"])
            }
        }
    }
}
