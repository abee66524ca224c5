import GRDB

/// The SQL of every hot read, in one place so that a test can run `EXPLAIN QUERY PLAN` on
/// exactly what the reads run (see ``GraphStore/queryPlans()``). `:ids` arguments are JSON
/// arrays, read with `json_each`.
enum ReadSQL {
    static let entityIDs = "SELECT value FROM json_each(:ids)"

    /// The rows of `entity_alias` shown as one of `shown` (a list of ids, e.g. ``entityIDs``),
    /// read by primary key: each entity's own rows and those of the entities redirected to it.
    static func aliasRows(shownAs shown: String) -> String {
        """
        entity_alias WHERE entity_id IN (\(shown) UNION SELECT entity_id FROM entity_redirect WHERE canonical_id IN (\(shown)))
          AND rentity IN (\(shown))
        """
    }

    static let entitiesByPapers = """
        SELECT n.id, n.name, n.kind, s.papers, s.aliases FROM entity_stats s JOIN entity n ON n.id = s.entity_id
        WHERE s.papers >= :min AND (:kind IS NULL OR n.kind = :kind)
        ORDER BY s.papers DESC, n.name LIMIT :limit
        """

    static let aliasesOf = """
        SELECT DISTINCT rentity, alias FROM \(aliasRows(shownAs: entityIDs)) ORDER BY rentity, alias
        """

    static let baselines = """
        SELECT n.id, n.name, n.kind, s.compared, s.built_on, s.baseline_papers AS papers
        FROM entity_stats s JOIN entity n ON n.id = s.entity_id
        WHERE s.baseline_papers > 0 AND n.kind = 'method'
        ORDER BY s.baseline_papers DESC, s.compared DESC, n.name LIMIT :limit
        """

    /// Papers chosen by --topic / --since, then their links counted per entity.
    static let chosenPapers = """
        WITH chosen(id) AS (
            SELECT id FROM paper WHERE (:since IS NULL OR month >= :since)
              AND (:pattern IS NULL OR id IN (SELECT paper_id FROM appearance
                   WHERE topic IN (SELECT topic FROM topic_stats WHERE topic LIKE :pattern)))
        )
        """

    static let entitiesOfChosen =
        chosenPapers + """
            SELECT n.id, n.name, n.kind, COUNT(DISTINCT e.rsource) AS papers, (SELECT aliases FROM entity_stats WHERE entity_id = n.id) AS aliases,
                   COUNT(DISTINCT CASE WHEN e.relation = 'compares_with' THEN e.rsource END) AS compared,
                   COUNT(DISTINCT CASE WHEN e.relation = 'builds_on' THEN e.rsource END) AS built_on,
                   COUNT(DISTINCT CASE WHEN e.relation IN ('compares_with', 'builds_on') THEN e.rsource END) AS baseline
            FROM chosen c CROSS JOIN edge e ON e.rsource = c.id AND e.relation <> 'derived_from'
            CROSS JOIN entity n ON n.id = e.rtarget
            GROUP BY n.id
            """

    static let stats = """
        SELECT (SELECT COUNT(*) FROM digest) AS digests,
               (SELECT COUNT(*) FROM paper) AS papers,
               (SELECT COUNT(*) FROM paper WHERE arxiv IS NOT NULL) AS arxiv,
               (SELECT COUNT(*) FROM topic_stats) AS topics,
               (SELECT COALESCE(SUM(edges), 0) FROM digest) AS stored_edges,
               (SELECT COUNT(*) FROM edge WHERE relation = 'derived_from') AS lineage_all,
               (SELECT COUNT(*) FROM edge WHERE relation = 'derived_from') - (\(lineageLoops)) AS lineage
        """

    /// Lineage edges a merge made loops (both ends shown as one entity), counted without
    /// reading every lineage edge: no edge is stored from an entity to itself, so a loop has
    /// a redirected end, and redirects are few (CROSS JOIN: start from them, not from every
    /// lineage edge).
    static let lineageLoops = """
        SELECT COUNT(*) FROM (
            SELECT e.id FROM entity_redirect r CROSS JOIN edge e ON e.source = r.entity_id AND e.relation = 'derived_from'
            WHERE e.rsource = e.rtarget
            UNION
            SELECT e.id FROM entity_redirect r CROSS JOIN edge e ON e.rtarget = r.canonical_id AND e.relation = 'derived_from'
            WHERE e.target = r.entity_id AND e.rsource = e.rtarget)
        """

    static let entityKinds = """
        SELECT kind, COUNT(*) AS n FROM entity n
        WHERE NOT EXISTS (SELECT 1 FROM entity_redirect r WHERE r.entity_id = n.id) GROUP BY kind
        """

    static let topics = "SELECT topic, papers, digests, first, last FROM topic_stats ORDER BY papers DESC, topic"

    static let digests = """
        SELECT d.key, d.language, d.path, d.ingested_at, d.edges,
               (SELECT COUNT(*) FROM appearance a WHERE a.digest_id = d.id) AS papers
        FROM digest d ORDER BY d.key, d.language
        """

    static let searchMatches = "SELECT rowid, rank FROM search_index WHERE search_index MATCH :query ORDER BY rank LIMIT :limit"
    static let searchCount = "SELECT COUNT(*) FROM search_index WHERE search_index MATCH :query"
    static let appearancesByID = """
        SELECT a.id, a.paper_id, a.topic, a.title, a.heading, a.summary, d.key FROM appearance a JOIN digest d ON d.id = a.digest_id
        WHERE a.id IN (SELECT value FROM json_each(:ids))
        """

    static let papersByID = "SELECT * FROM paper WHERE id IN (\(entityIDs))"
    static let entitiesByID = "SELECT id, name, kind FROM entity WHERE id IN (\(entityIDs))"

    static let paperDigests = """
        (SELECT group_concat(key, ' ') FROM (SELECT DISTINCT d.key FROM appearance a2
           JOIN digest d ON d.id = a2.digest_id WHERE a2.paper_id = p.id ORDER BY d.key)) AS digests
        """

    /// `papers` filters: each can drive the query from its index (one variant per driver).
    static let byTopic = """
        p.id IN (SELECT paper_id FROM appearance WHERE topic IN (SELECT topic FROM topic_stats WHERE topic LIKE :pattern))
        """
    static let byDigest = """
        p.id IN (SELECT paper_id FROM appearance WHERE digest_id IN (SELECT id FROM digest WHERE key = :digest COLLATE NOCASE))
        """
    static let byEntity = """
        p.id IN (SELECT rsource FROM edge WHERE rtarget IN (SELECT value FROM json_each(:ids)) AND relation <> 'derived_from'
                 AND (:relation IS NULL OR relation = :relation))
        """
    static func papersFiltered(driver: String) -> String {
        """
        SELECT p.*, \(paperDigests) FROM paper p
        WHERE \(driver)
          AND (:since IS NULL OR p.month >= :since)
          AND (:pattern IS NULL OR \(byTopic))
          AND (:digest IS NULL OR \(byDigest))
          AND (:ids IS NULL OR \(byEntity))
        ORDER BY p.month DESC, p.id
        """
    }
    static let papersByEntity = papersFiltered(driver: byEntity)
    static let papersByTopic = papersFiltered(driver: byTopic)
    static let papersByDigest = papersFiltered(driver: byDigest)
    static let papersAll = papersFiltered(driver: "1")

    static let resolveEntity = """
        SELECT COALESCE(r.canonical_id, n.id) FROM entity n LEFT JOIN entity_redirect r ON r.entity_id = n.id WHERE n.id = :id
        UNION SELECT rentity FROM entity_alias WHERE entity_id = :id AND alias = :name COLLATE NOCASE
        UNION SELECT rentity FROM entity_alias WHERE spelled = :id AND canonical = 0 AND alias = :name COLLATE NOCASE
        """
    /// Rows whose alias spells `:id`: the entity's own (its name spells its id) and other
    /// entities' aliases (see `schema/006_lean_write_indexes.sql`).
    static let resolveEntitySpelled = """
        SELECT rentity FROM entity_alias WHERE entity_id = :id AND spelled = :id
        UNION SELECT rentity FROM entity_alias WHERE spelled = :id AND canonical = 0
        """
    static let aliasesOfEntity = "SELECT DISTINCT alias FROM \(aliasRows(shownAs: "SELECT :id")) ORDER BY alias"
    static let aliasesOfEntities = "SELECT rentity, alias FROM \(aliasRows(shownAs: entityIDs))"

    static let resolvePaperByName = """
        SELECT * FROM paper WHERE name = :name COLLATE NOCASE
        UNION SELECT p.* FROM appearance a JOIN paper p ON p.id = a.paper_id WHERE a.name = :name COLLATE NOCASE
        ORDER BY id
        """

    static let paperAppearances = """
        SELECT a.topic, a.version, a.summary, d.key FROM appearance a JOIN digest d ON d.id = a.digest_id
        WHERE a.paper_id = :id ORDER BY d.key, d.language, a.line
        """

    static let edgeViewColumns = """
        SELECT e.rsource AS source, e.rtarget AS target, e.relation, e.line, e.evidence, d.key,
               COALESCE(ps.name, ps.title, es.name, e.rsource) AS source_name,
               COALESCE(pt.name, pt.title, et.name, e.rtarget) AS target_name
        FROM edge e JOIN digest d ON d.id = e.digest_id
        LEFT JOIN paper ps ON ps.id = e.rsource LEFT JOIN entity es ON es.id = e.rsource
        LEFT JOIN paper pt ON pt.id = e.rtarget LEFT JOIN entity et ON et.id = e.rtarget
        """
    static let edgeViewOrder = " ORDER BY d.key, e.line, e.relation, e.rtarget, e.rsource"
    static let edgesFrom = edgeViewColumns + " WHERE e.rsource = :id AND e.rtarget <> e.rsource" + edgeViewOrder
    static let edgesTo = edgeViewColumns + " WHERE e.rtarget = :id AND e.rtarget <> e.rsource" + edgeViewOrder

    // Lineage: derived_from edges, and a paper's builds_on lifted to the method it proposes.
    static let derivedColumns = """
        SELECT e.rsource AS child, e.rtarget AS parent, e.relation, d.key, e.line, e.evidence
        FROM edge e JOIN digest d ON d.id = e.digest_id
        """
    static let liftedColumns = lifted(join: "JOIN")
    /// `CROSS JOIN` makes SQLite start from `prop`: without statistics it would otherwise walk
    /// every `builds_on` edge of the archive and look each one's paper up (33 ms at 10×).
    static let liftedFromProposals = lifted(join: "CROSS JOIN")
    static func lifted(join: String) -> String {
        """
        SELECT prop.rtarget AS child, b.rtarget AS parent, b.relation, d.key, b.line, b.evidence
        FROM edge prop \(join) edge b ON b.rsource = prop.rsource AND b.relation = 'builds_on'
        JOIN digest d ON d.id = b.digest_id
        JOIN entity ce ON ce.id = prop.rtarget JOIN entity pe ON pe.id = b.rtarget
        """
    }
    static let liftedCondition = " AND prop.relation = 'proposes' AND ce.kind = pe.kind AND prop.rtarget <> b.rtarget"
    static let derivedChildren =
        derivedColumns
        + " WHERE e.rtarget IN (\(entityIDs)) AND e.relation = 'derived_from' AND e.rsource <> e.rtarget"
    static let derivedParents =
        derivedColumns
        + " WHERE e.rsource IN (\(entityIDs)) AND e.relation = 'derived_from' AND e.rsource <> e.rtarget"
    static let liftedChildren = liftedColumns + " WHERE b.rtarget IN (\(entityIDs))" + liftedCondition
    static let liftedParents = liftedFromProposals + " WHERE prop.rtarget IN (\(entityIDs))" + liftedCondition
    static let derivedAll = derivedColumns + " WHERE e.relation = 'derived_from' AND e.rsource <> e.rtarget"
    static let liftedAll = liftedColumns + " WHERE 1" + liftedCondition

    static let proposals = """
        SELECT e.rtarget AS entity, p.* FROM edge e JOIN paper p ON p.id = e.rsource
        WHERE e.rtarget IN (\(entityIDs)) AND e.relation = 'proposes' ORDER BY e.rtarget, p.id
        """

    static let linksOfPaper = """
        SELECT DISTINCT e.rsource, e.rtarget, e.relation, n.name, n.kind FROM edge e JOIN entity n ON n.id = e.rtarget
        WHERE e.rsource = :id AND e.relation <> 'derived_from' ORDER BY e.relation, n.name
        """
    static let linksToEntities = """
        SELECT DISTINCT rsource, rtarget, relation FROM edge
        WHERE rtarget IN (\(entityIDs)) AND relation <> 'derived_from'
        """
    static let linksOfPapers = """
        SELECT DISTINCT e.rsource, e.rtarget, e.relation, n.name, n.kind FROM edge e JOIN entity n ON n.id = e.rtarget
        WHERE e.rsource IN (SELECT value FROM json_each(:ids)) AND e.relation IN (SELECT value FROM json_each(:relations))
        ORDER BY e.rsource, e.rtarget, e.relation
        """
    static let paperCountsOf = "SELECT entity_id, papers FROM entity_stats WHERE entity_id IN (\(entityIDs))"

    /// A topic map's appearances: of one digest, of some topics, or (whole corpus) all.
    static let mapColumns = "SELECT a.topic AS appearance_topic, d.key, d.language, a.line, p.* "
    static let mapAppearancesOfDigest =
        mapColumns + """
            FROM digest d CROSS JOIN appearance a ON a.digest_id = d.id JOIN paper p ON p.id = a.paper_id
            WHERE d.key = :digest COLLATE NOCASE
              AND (:pattern IS NULL OR a.topic IN (SELECT topic FROM topic_stats WHERE topic LIKE :pattern))
            """
    static let mapAppearancesOfTopics =
        mapColumns + """
            FROM topic_stats t CROSS JOIN appearance a ON a.topic = t.topic JOIN digest d ON d.id = a.digest_id
            JOIN paper p ON p.id = a.paper_id
            WHERE t.topic LIKE :pattern
            """
    static let mapAppearancesAll =
        mapColumns + """
            FROM appearance a JOIN digest d ON d.id = a.digest_id JOIN paper p ON p.id = a.paper_id
            """

    /// Write-path statements that read by a digest or an entity (checked like the reads).
    static let writes: [(name: String, sql: String, arguments: StatementArguments)] = [
        ("remove: a digest's aliases", WriteSQL.aliasesOfDigest, [1]),
        ("remove: lineage of a removed entity", WriteSQL.lineageOfEntity, ["id": "entity:vggt"]),
        ("merge: who spells an entity", WriteSQL.spellers, ["id": "entity:vggt"]),
        ("topic counts: a paper's other placings", WriteSQL.paperPlacedInTopicElsewhere, ["paper": "arxiv:2512.03939", "topic": "场景重建", "digest": 1]),
        ("topic counts: the week's other editions", WriteSQL.weekPlacedInTopicElsewhere, ["key": "2025-W49", "topic": "场景重建", "digest": 1]),
        ("merge: repoint edges to an entity", WriteSQL.repointTargets, ["id": "entity:vggt", "from": "entity:vggt", "to": "entity:x"]),
        ("merge: an entity's alias list", WriteSQL.aliasText, ["id": "entity:vggt"]),
        ("curate: digests spelling entities", WriteSQL.digestsSpelling, ["entities": "[\"entity:vggt\"]"]),
    ]

    /// Each hot read with sample arguments: `EXPLAIN QUERY PLAN` of these must never scan
    /// `edge`, `appearance` or `entity_alias` whole. The SQL names those tables only as
    /// themselves or by these aliases, so a plan step names what it scans.
    static let tableAliases = ["edge": ["edge", "e", "b", "prop"], "appearance": ["appearance", "a", "a2"], "entity_alias": ["entity_alias"]]
    static let hot: [(name: String, sql: String, arguments: StatementArguments)] = {
        let ids = "[\"entity:vggt\",\"entity:dust3r\"]"
        let paper = "arxiv:2512.03939"
        return [
            ("entities --min-papers 3", entitiesByPapers, ["min": 3, "kind": nil, "limit": -1]),
            ("entities aliases", aliasesOf, ["ids": ids]),
            ("baselines", baselines, ["limit": 30]),
            ("entities --since", entitiesOfChosen, ["since": "2025-06", "pattern": nil]),
            ("entities --topic", entitiesOfChosen, ["since": nil, "pattern": "%重建%"]),
            ("stats", stats, [:]),
            ("stats kinds", entityKinds, [:]),
            ("stats: lineage loops", lineageLoops, [:]),
            ("topics", topics, [:]),
            ("digests", digests, [:]),
            ("search", searchMatches, ["query": "\"高\" + \"斯\"", "limit": 60]),
            ("search count", searchCount, ["query": "\"高\" + \"斯\""]),
            ("search entries", appearancesByID, ["ids": "[1,2,3]"]),
            ("papers --topic", papersByTopic, ["since": nil, "pattern": "%重建%", "digest": nil, "ids": nil, "relation": nil]),
            ("papers --digest", papersByDigest, ["since": nil, "pattern": nil, "digest": "2025-W49", "ids": nil, "relation": nil]),
            ("papers --entity", papersByEntity, ["since": nil, "pattern": nil, "digest": nil, "ids": ids, "relation": "builds_on"]),
            ("papers --entity --topic", papersByEntity, ["since": nil, "pattern": "%重建%", "digest": nil, "ids": ids, "relation": nil]),
            ("show entity", resolveEntity, ["id": "entity:vggt", "name": "VGGT"]),
            ("show entity, spelled", resolveEntitySpelled, ["id": "entity:vggt"]),
            ("show paper by name", resolvePaperByName, ["name": "MUT3R"]),
            ("show paper appearances", paperAppearances, ["id": paper]),
            ("show edges from", edgesFrom, ["id": paper]),
            ("show edges to", edgesTo, ["id": "entity:vggt"]),
            ("lineage children", derivedChildren, ["ids": ids]),
            ("lineage parents", derivedParents, ["ids": ids]),
            ("lineage children via builds_on", liftedChildren, ["ids": ids]),
            ("lineage parents via builds_on", liftedParents, ["ids": ids]),
            ("lineage introduced by", proposals, ["ids": ids]),
            ("related: the paper's links", linksOfPaper, ["id": paper]),
            ("related: papers sharing them", linksToEntities, ["ids": ids]),
            ("related: paper counts", paperCountsOf, ["ids": ids]),
            ("map topics --topic", mapAppearancesOfTopics, ["pattern": "%重建%"]),
            ("map topics --digest", mapAppearancesOfDigest, ["digest": "2025-W49", "pattern": nil]),
            ("map links", linksOfPapers, ["ids": "[\"\(paper)\"]", "relations": "[\"uses\"]"]),
            ("papers by id", papersByID, ["ids": "[\"\(paper)\"]"]),
            ("entities by id", entitiesByID, ["ids": ids]),
        ]
    }()
}

extension GraphStore {
    /// `EXPLAIN QUERY PLAN` of every hot read, by name: each line a step of the plan.
    func queryPlans() throws -> [(name: String, plan: [String])] {
        try writer.read { db in
            try (ReadSQL.hot + ReadSQL.writes).map { name, sql, arguments in
                let rows = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
                return (name, rows.map { $0["detail"] as String })
            }
        }
    }

    /// `EXPLAIN QUERY PLAN` of any read, for tests.
    func explain(_ sql: String) throws -> [String] {
        try writer.read { db in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String } }
    }
}

/// SQL of the write path that a plan could get wrong at scale.
enum WriteSQL {
    /// The covering digest index: otherwise SQLite may scan the (also covering) spelling index whole.
    static let aliasesOfDigest = """
        SELECT DISTINCT entity_id, canonical, spelled FROM entity_alias INDEXED BY entity_alias_digest WHERE digest_id = ?
        """
    /// Two indexed halves: an OR of source and target let the planner scan every lineage edge.
    /// (A removed entity is shown as itself: its edges' rtarget is its id.)
    static let lineageOfEntity = """
        SELECT id, digest_id, rtarget FROM edge WHERE source = :id AND relation = 'derived_from'
        UNION SELECT id, digest_id, rtarget FROM edge WHERE rtarget = :id AND relation = 'derived_from' AND target = :id
        """
    /// Whether another digest placed `:paper` in `:topic`.
    static let paperPlacedInTopicElsewhere = """
        SELECT 1 FROM appearance WHERE paper_id = :paper AND digest_id <> :digest AND topic = :topic LIMIT 1
        """
    /// Whether another edition of week `:key` placed a paper in `:topic`.
    static let weekPlacedInTopicElsewhere = """
        SELECT 1 FROM digest d CROSS JOIN appearance a ON a.digest_id = d.id AND a.topic = :topic
        WHERE d.key = :key AND d.id <> :digest LIMIT 1
        """
    /// Entities other than `:id` with an alias that spells `:id`'s name.
    static let spellers = """
        SELECT DISTINCT entity_id FROM entity_alias WHERE spelled = :id AND canonical = 0 AND entity_id <> :id LIMIT 2
        """
    /// The edges to `:id`, found as the resolved id `:from` they hold, shown as `:to` instead.
    static let repointTargets = "UPDATE edge SET rtarget = :to WHERE rtarget = :from AND target = :id"
    /// An entity's other spellings, as `entity_stats.aliases` keeps them.
    static let aliasText = """
        SELECT DISTINCT alias FROM \(ReadSQL.aliasRows(shownAs: "SELECT :id"))
          AND alias <> (SELECT name FROM entity WHERE id = :id) ORDER BY alias
        """
    /// Digests with a row of these entities (ids, with merges applied or not; `:entities` a
    /// JSON array): their own rows, their merged rows, and other entities' spellings of them.
    static let digestsSpelling = """
        SELECT digest_id FROM entity_alias WHERE entity_id IN (SELECT value FROM json_each(:entities))
            AND (canonical = 1 OR rentity IN (SELECT value FROM json_each(:entities)))
        UNION SELECT digest_id FROM entity_alias WHERE spelled IN (SELECT value FROM json_each(:entities)) AND canonical = 0
        UNION SELECT digest_id FROM entity_alias
            WHERE entity_id IN (SELECT entity_id FROM entity_redirect WHERE canonical_id IN (SELECT value FROM json_each(:entities)))
        """
}
