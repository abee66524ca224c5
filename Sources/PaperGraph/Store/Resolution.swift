import GRDB

/// Entity merges, kept up to date write by write.
///
/// An entity whose name is, in some digest, an alias of exactly one other entity of the
/// same kind ("LiveCodeBench" here, "LCB (LiveCodeBench)" there) is shown as that entity:
/// that is a claim (`entity_claim`). A claim becomes a redirect (`entity_redirect`) unless
/// its entity is itself claimed by another (no chains). The r-columns of `edge` and
/// `entity_alias` hold ids with redirects applied, and `entity_stats` and `topic_stats` hold
/// counts, so queries use indexes. ``update(_:change:gone:)`` recomputes only what a write
/// touched; ``rebuild(_:)`` recomputes everything and gives the same tables, whatever order
/// the digests came in (tests check the two agree).
enum Resolution {
    /// The id an entity is shown as (itself unless redirected), cached for one transaction.
    struct Lookup {
        let db: Database
        var known: [String: String] = [:]

        init(db: Database) { self.db = db }

        mutating func callAsFunction(_ id: String) throws -> String {
            if let shown = known[id] { return shown }
            let shown =
                try String.fetchOne(
                    db.cachedStatement(sql: "SELECT canonical_id FROM entity_redirect WHERE entity_id = ?"),
                    arguments: [id]) ?? id
            known[id] = shown
            return shown
        }
    }

    /// Updates claims and redirects for what `change` touched; `gone` are entities about to be
    /// deleted. Returns every entity whose shown id changed, with its old and new shown ids.
    /// `rekinded`: entities whose kind may have changed (their aliases' claims are re-checked).
    static func update(_ db: Database, change: GraphChange, gone: Set<String>, rekinded: Set<String>) throws -> Set<String> {
        var affected = change.spellings.union(change.entities)
        let ownSpellings = try db.cachedStatement(sql: "SELECT DISTINCT spelled FROM entity_alias WHERE entity_id = ? AND canonical = 0")
        for owner in rekinded where !gone.contains(owner) {
            affected.formUnion(try String.fetchAll(ownSpellings, arguments: [owner]))
        }
        var claimTargets = Set<String>()
        for id in affected.sorted() {
            let old = try claim(of: id, db: db)
            let new = gone.contains(id) ? nil : try candidate(id, db: db)
            guard old != new else { continue }
            try db.cachedStatement(sql: "DELETE FROM entity_claim WHERE entity_id = ?").execute(arguments: [id])
            if let new {
                try db.cachedStatement(sql: "INSERT INTO entity_claim (entity_id, canonical_id) VALUES (?, ?)").execute(arguments: [id, new])
            }
            if let old { claimTargets.insert(old) }
            if let new { claimTargets.insert(new) }
        }
        var moved = Set<String>()
        for id in affected.union(claimTargets).sorted() {
            let old = try String.fetchOne(db.cachedStatement(sql: "SELECT canonical_id FROM entity_redirect WHERE entity_id = ?"), arguments: [id])
            let new = gone.contains(id) ? nil : try redirect(of: id, db: db)
            guard old != new else { continue }
            try db.cachedStatement(sql: "DELETE FROM entity_redirect WHERE entity_id = ?").execute(arguments: [id])
            if let new {
                try db.cachedStatement(sql: "INSERT INTO entity_redirect (entity_id, canonical_id) VALUES (?, ?)").execute(arguments: [id, new])
            }
            try point(id, from: old ?? id, to: new ?? id, db: db)
            moved.formUnion([id, old ?? id, new ?? id])
        }
        return moved
    }

    static func claim(of id: String, db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT canonical_id FROM entity_claim WHERE entity_id = ?"), arguments: [id])
    }

    /// The one entity of the same kind whose aliases spell `id`'s name, if exactly one does.
    static func candidate(_ id: String, db: Database) throws -> String? {
        guard let kind = try String.fetchOne(db.cachedStatement(sql: "SELECT kind FROM entity WHERE id = ?"), arguments: [id]) else { return nil }
        let owners = try String.fetchAll(
            db.cachedStatement(sql: WriteSQL.spellers), arguments: ["id": id])
        guard owners.count == 1 else { return nil }
        let ownerKind = try String.fetchOne(db.cachedStatement(sql: "SELECT kind FROM entity WHERE id = ?"), arguments: [owners[0]])
        return ownerKind == kind ? owners[0] : nil
    }

    /// A claim stands unless someone claims the claimant: no chains.
    static func redirect(of id: String, db: Database) throws -> String? {
        guard let target = try claim(of: id, db: db) else { return nil }
        let claimed = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM entity_claim WHERE canonical_id = ? LIMIT 1"), arguments: [id]) != nil
        return claimed ? nil : target
    }

    /// Points the resolved columns of `id`'s own rows, shown as `old` until now, at `shown`.
    static func point(_ id: String, from old: String, to shown: String, db: Database) throws {
        try db.cachedStatement(sql: "UPDATE edge SET rsource = ? WHERE source = ?").execute(arguments: [shown, id])
        try db.cachedStatement(sql: WriteSQL.repointTargets).execute(arguments: ["id": id, "from": old, "to": shown])
        try db.cachedStatement(sql: "UPDATE entity_alias SET rentity = ? WHERE entity_id = ?").execute(arguments: [shown, id])
    }

    // MARK: - Counts

    /// Recounts the papers linked to each of `ids` that is shown; drops counts of the others.
    static func refreshStats(_ ids: Set<String>, db: Database) throws {
        let count = try db.cachedStatement(
            sql: """
                SELECT COUNT(DISTINCT rsource) AS papers,
                       COUNT(DISTINCT CASE WHEN relation = 'compares_with' THEN rsource END) AS compared,
                       COUNT(DISTINCT CASE WHEN relation = 'builds_on' THEN rsource END) AS built_on,
                       COUNT(DISTINCT CASE WHEN relation IN ('compares_with', 'builds_on') THEN rsource END) AS baseline,
                       (SELECT MIN(d.key) FROM edge e JOIN digest d ON d.id = e.digest_id WHERE e.rtarget = ?1) AS first
                FROM edge WHERE rtarget = ?1 AND relation <> 'derived_from'
                """)
        let shown = try db.cachedStatement(
            sql: """
                SELECT 1 FROM entity n WHERE n.id = ? AND NOT EXISTS (SELECT 1 FROM entity_redirect r WHERE r.entity_id = n.id)
                """)
        for id in ids.sorted() {
            try db.cachedStatement(sql: "DELETE FROM entity_stats WHERE entity_id = ?").execute(arguments: [id])
            guard try Bool.fetchOne(shown, arguments: [id]) != nil, let row = try Row.fetchOne(count, arguments: [id]) else { continue }
            try db.cachedStatement(
                sql: """
                    INSERT INTO entity_stats (entity_id, papers, compared, built_on, baseline_papers, aliases, first_digest)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                id, row["papers"], row["compared"], row["built_on"], row["baseline"],
                try aliasText(id, db: db), row["first"],
            ])
        }
    }

    /// The other spellings `entity_stats.aliases` holds, sorted (unit separator between them).
    static func aliasList(_ stored: String?) -> [String] {
        // Split as bytes: U+001F is one byte and never inside another character's encoding.
        stored.map { $0.utf8.split(separator: 0x1F).map { String(decoding: $0, as: UTF8.self) } } ?? []
    }

    /// A paper and an entity (shown id).
    struct Pair: Hashable { var paper: String; var entity: String }

    /// The relations (not derived_from) joining a paper to an entity now.
    static func relations(_ pair: Pair, db: Database) throws -> Set<Relation> {
        Set(
            try Relation.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT DISTINCT relation FROM edge WHERE rsource = ? AND rtarget = ? AND relation <> 'derived_from'
                        """), arguments: [pair.paper, pair.entity]))
    }

    /// Moves each touched entity's counts by what the write changed, pair by pair: a paper
    /// counts for an entity while any edge joins them. Entities `recounted` were counted
    /// afresh; entities without counts yet are counted now. First weeks and alias lists of
    /// touched entities are brought up to date. Cost: the pairs the write touched, not the
    /// entities' degrees.
    /// `renamed`: entities whose name or kind the write changed.
    static func applyDeltas(
        _ change: GraphChange, recounted: Set<String>, gone: Set<String>, renamed: Set<String>, db: Database
    ) throws {
        var delta: [String: (papers: Int, compared: Int, builtOn: Int, baseline: Int)] = [:]
        for (pair, before) in change.pairs where !recounted.contains(pair.entity) && !gone.contains(pair.entity) {
            // A write that removes nothing leaves a pair what it had and what it added.
            let after = change.removes ? try relations(pair, db: db) : before.union(change.addedRelations[pair] ?? [])
            func d(_ holds: (Set<Relation>) -> Bool) -> Int { (holds(after) ? 1 : 0) - (holds(before) ? 1 : 0) }
            let step = (
                d { !$0.isEmpty }, d { $0.contains(.compares_with) }, d { $0.contains(.builds_on) },
                d { $0.contains(.compares_with) || $0.contains(.builds_on) }
            )
            guard step != (0, 0, 0, 0) else { continue }
            var sum = delta[pair.entity] ?? (0, 0, 0, 0)
            sum = (sum.0 + step.0, sum.1 + step.1, sum.2 + step.2, sum.3 + step.3)
            delta[pair.entity] = sum
        }
        var lookup = Lookup(db: db)
        var touched = Set(change.pairs.keys.map(\.entity)).union(change.addedWeeks.keys).union(change.removedWeeks.keys)
        for id in change.entities where !gone.contains(id) { touched.insert(try lookup(id)) }
        touched.subtract(recounted)
        touched.subtract(gone)
        var missing = Set<String>()
        let exists = try db.cachedStatement(
            sql: "SELECT s.first_digest, s.aliases, n.name FROM entity_stats s JOIN entity n ON n.id = s.entity_id WHERE s.entity_id = ?")
        for id in touched.sorted() {
            guard let row = try Row.fetchOne(exists, arguments: [id]) else { missing.insert(id); continue }
            if let d = delta[id] {
                try db.cachedStatement(
                    sql: """
                        UPDATE entity_stats SET papers = papers + ?, compared = compared + ?, built_on = built_on + ?,
                            baseline_papers = baseline_papers + ? WHERE entity_id = ?
                        """
                ).execute(arguments: [d.papers, d.compared, d.builtOn, d.baseline, id])
            }
            var first: String? = row["first_digest"]
            if let old = first, change.removedWeeks[id]?.contains(old) == true {
                first = try String.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT MIN(d.key) FROM edge e JOIN digest d ON d.id = e.digest_id WHERE e.rtarget = ?
                            """), arguments: [id])
            }
            if let added = change.addedWeeks[id], first.map({ added < $0 }) ?? true { first = added }
            // A write that removes nothing and keeps the name adds its spellings to the list.
            let aliases =
                change.removes || renamed.contains(id)
                ? try aliasText(id, db: db)
                : aliasText(adding: change.addedAliases[id] ?? [], to: row["aliases"], name: row["name"])
            try db.cachedStatement(sql: "UPDATE entity_stats SET first_digest = ?, aliases = ? WHERE entity_id = ?")
                .execute(arguments: [first, aliases, id])
        }
        // Entities new to the graph (or just un-merged) have no counts yet: count them.
        try refreshStats(missing, db: db)
    }

    /// `stored` (an `entity_stats.aliases` value) with `added` spellings, without `name`:
    /// distinct and sorted byte by byte, as SQLite's DISTINCT and ORDER BY give them.
    static func aliasText(adding added: [String], to stored: String?, name: String) -> String? {
        guard !added.isEmpty else { return stored }
        var seen: Set<[UInt8]> = [Array(name.utf8)]
        var all: [[UInt8]] = []
        for alias in aliasList(stored) + added {
            let bytes = Array(alias.utf8)
            if seen.insert(bytes).inserted { all.append(bytes) }
        }
        guard !all.isEmpty else { return nil }
        return all.sorted { $0.lexicographicallyPrecedes($1) }.map { String(decoding: $0, as: UTF8.self) }
            .joined(separator: "\u{1F}")
    }

    /// The other spellings of an entity as `entity_stats.aliases` stores them.
    static func aliasText(_ id: String, db: Database) throws -> String? {
        let aliases = try String.fetchAll(db.cachedStatement(sql: WriteSQL.aliasText), arguments: ["id": id])
        return aliases.isEmpty ? nil : aliases.joined(separator: "\u{1F}")
    }

    /// Moves the counts of the topics a write that removes nothing added papers to: a paper
    /// counts if no other digest placed it there, the week if no other edition of it did.
    /// Cost: the digest's papers, not the topics' sizes. A topic new to the archive is counted.
    static func addTopicCounts(_ change: GraphChange, db: Database) throws {
        guard let (digestID, key) = change.written else { return }
        let stored = try db.cachedStatement(sql: "SELECT papers, digests, first, last FROM topic_stats WHERE topic = ?")
        let placedElsewhere = try db.cachedStatement(sql: WriteSQL.paperPlacedInTopicElsewhere)
        let weekElsewhere = try db.cachedStatement(sql: WriteSQL.weekPlacedInTopicElsewhere)
        var fresh = Set<String>()
        for (topic, papers) in change.addedTopicPapers.sorted(by: { $0.key < $1.key }) {
            guard let row = try Row.fetchOne(stored, arguments: [topic]) else { fresh.insert(topic); continue }
            let added = try papers.filter {
                try change.newPapers.contains($0)
                    || Bool.fetchOne(placedElsewhere, arguments: ["paper": $0, "topic": topic, "digest": digestID]) == nil
            }.count
            let newWeek = try Bool.fetchOne(weekElsewhere, arguments: ["key": key, "topic": topic, "digest": digestID]) == nil
            let first: String = row["first"], last: String = row["last"]
            try db.cachedStatement(sql: "UPDATE topic_stats SET papers = ?, digests = ?, first = ?, last = ? WHERE topic = ?")
                .execute(arguments: [
                    (row["papers"] as Int) + added, (row["digests"] as Int) + (newWeek ? 1 : 0), min(first, key),
                    max(last, key), topic,
                ])
        }
        try refreshTopics(fresh, db: db)
    }

    static func refreshTopics(_ topics: Set<String>, db: Database) throws {
        let count = try db.cachedStatement(
            sql: """
                SELECT COUNT(DISTINCT a.paper_id) AS papers, COUNT(DISTINCT d.key) AS digests, MIN(d.key) AS first, MAX(d.key) AS last
                FROM appearance a JOIN digest d ON d.id = a.digest_id WHERE a.topic = ?
                """)
        for topic in topics.sorted() {
            try db.cachedStatement(sql: "DELETE FROM topic_stats WHERE topic = ?").execute(arguments: [topic])
            guard let row = try Row.fetchOne(count, arguments: [topic]), (row["papers"] as Int) > 0 else { continue }
            try db.cachedStatement(sql: "INSERT INTO topic_stats (topic, papers, digests, first, last) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [topic, row["papers"], row["digests"], row["first"], row["last"]])
        }
    }

    // MARK: - From scratch

    /// Claims and redirects computed from every stored alias (the definition `update` keeps).
    static func computeFromScratch(_ db: Database) throws -> (claims: [String: String], redirects: [String: String]) {
        var kinds: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, kind FROM entity") { kinds[row["id"]] = row["kind"] }
        var owners: [String: Set<String>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT DISTINCT entity_id, spelled FROM entity_alias WHERE canonical = 0") {
            let owner: String = row["entity_id"], spelled: String = row["spelled"]
            if spelled != owner { owners[spelled, default: []].insert(owner) }
        }
        var claims: [String: String] = [:]
        for (id, who) in owners where who.count == 1 && kinds[id] != nil && kinds[who.first!] == kinds[id] {
            claims[id] = who.first!
        }
        let claimed = Set(claims.values)
        return (claims, claims.filter { !claimed.contains($0.key) })
    }

    /// Recomputes every derived table from the digests' own rows (migrations use it).
    static func rebuild(_ db: Database) throws {
        let (claims, redirects) = try computeFromScratch(db)
        try db.execute(sql: "DELETE FROM entity_claim; DELETE FROM entity_redirect; DELETE FROM entity_stats; DELETE FROM topic_stats")
        for (id, target) in claims.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: "INSERT INTO entity_claim (entity_id, canonical_id) VALUES (?, ?)", arguments: [id, target])
        }
        for (id, target) in redirects.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: "INSERT INTO entity_redirect (entity_id, canonical_id) VALUES (?, ?)", arguments: [id, target])
        }
        try db.execute(
            sql: """
                UPDATE edge SET
                    rsource = COALESCE((SELECT canonical_id FROM entity_redirect WHERE entity_id = edge.source), source),
                    rtarget = COALESCE((SELECT canonical_id FROM entity_redirect WHERE entity_id = edge.target), target);
                UPDATE entity_alias SET
                    rentity = COALESCE((SELECT canonical_id FROM entity_redirect r WHERE r.entity_id = entity_alias.entity_id), entity_id);
                """)
        try refreshStats(Set(try String.fetchAll(db, sql: "SELECT id FROM entity")), db: db)
        try refreshTopics(Set(try String.fetchAll(db, sql: "SELECT DISTINCT topic FROM appearance WHERE topic IS NOT NULL")), db: db)
    }

    /// Differences between the maintained tables and a from-scratch computation: empty when
    /// incremental maintenance is right. For tests.
    static func differences(_ db: Database) throws -> [String] {
        var out: [String] = []
        let (claims, redirects) = try computeFromScratch(db)
        var storedClaims: [String: String] = [:], storedRedirects: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT entity_id, canonical_id FROM entity_claim") { storedClaims[row[0]] = row[1] }
        for row in try Row.fetchAll(db, sql: "SELECT entity_id, canonical_id FROM entity_redirect") { storedRedirects[row[0]] = row[1] }
        if claims != storedClaims { out.append("claims: stored \(storedClaims.sorted { $0.key < $1.key }) expected \(claims.sorted { $0.key < $1.key })") }
        if redirects != storedRedirects { out.append("redirects: stored \(storedRedirects) expected \(redirects)") }
        let staleEdges =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM edge WHERE
                        rsource IS NOT COALESCE((SELECT canonical_id FROM entity_redirect WHERE entity_id = edge.source), source)
                     OR rtarget IS NOT COALESCE((SELECT canonical_id FROM entity_redirect WHERE entity_id = edge.target), target)
                    """) ?? 0
        if staleEdges > 0 { out.append("\(staleEdges) edges with stale resolved ids") }
        let staleAliases =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM entity_alias WHERE spelled IS NOT pg_entity_id(alias) OR
                        rentity IS NOT COALESCE((SELECT canonical_id FROM entity_redirect r WHERE r.entity_id = entity_alias.entity_id), entity_id)
                    """) ?? 0
        if staleAliases > 0 { out.append("\(staleAliases) aliases with stale resolved ids") }
        let stats = try Row.fetchAll(db, sql: "SELECT * FROM entity_stats ORDER BY entity_id")
        let topics = try Row.fetchAll(db, sql: "SELECT * FROM topic_stats ORDER BY topic")
        let edgeTotal = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(edges), 0) FROM digest") ?? 0
        let edgeRows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM edge") ?? 0
        try refreshStats(Set(try String.fetchAll(db, sql: "SELECT id FROM entity")), db: db)
        try refreshTopics(Set(try String.fetchAll(db, sql: "SELECT DISTINCT topic FROM appearance WHERE topic IS NOT NULL")), db: db)
        if stats != (try Row.fetchAll(db, sql: "SELECT * FROM entity_stats ORDER BY entity_id")) { out.append("entity_stats differ") }
        if topics != (try Row.fetchAll(db, sql: "SELECT * FROM topic_stats ORDER BY topic")) { out.append("topic_stats differ") }
        if edgeTotal != edgeRows { out.append("digest edge counts sum to \(edgeTotal), \(edgeRows) edges stored") }
        let dangling =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM edge WHERE relation = 'derived_from'
                      AND (source NOT IN (SELECT id FROM entity) OR target NOT IN (SELECT id FROM entity))
                    """) ?? 0
        if dangling > 0 { out.append("\(dangling) lineage edges name a removed entity") }
        // Each entity's name and kind are the winners of its digests' votes.
        var votes: [String: [(alias: String, kind: String, n: Int)]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT entity_id, alias, kind, COUNT(*) AS n FROM entity_alias WHERE canonical = 1 GROUP BY entity_id, alias, kind")
        {
            votes[row["entity_id"], default: []].append((row["alias"], row["kind"], row["n"]))
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, name, kind FROM entity ORDER BY id") {
            let id: String = row["id"], name: String = row["name"], kind: String = row["kind"]
            guard let own = votes[id] else { out.append("\(id) has no votes"); continue }
            let won = GraphStore.winners(own)
            if !won.name.utf8.elementsEqual(name.utf8) || won.kind != kind {
                out.append("\(id) is \(name) (\(kind)), its votes say \(won.name) (\(won.kind))")
            }
        }
        return out
    }
}

extension GraphStore {
    /// Lineage edges whose ends are shown as one entity, counted by reading every lineage
    /// edge (the definition `ReadSQL.lineageLoops` answers from the redirects). For tests.
    func lineageLoopsByScan() throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM edge WHERE relation = 'derived_from' AND rsource = rtarget") ?? 0
        }
    }

    /// Where the maintained merge tables and counts differ from a from-scratch computation
    /// (empty when they agree). Recounts inside a transaction it rolls back.
    func resolutionDifferences() throws -> [String] {
        try writer.write { db in
            var out: [String] = []
            try db.inSavepoint {
                out = try Resolution.differences(db)
                return .rollback
            }
            return out
        }
    }
}
