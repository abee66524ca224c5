-- papergraph schema, version 4: the resolved graph, indexed and kept up to date by each write.
--
-- Each digest's rows stay exactly as it wrote them (edge.source/target, entity_alias.entity_id),
-- so re-ingest and removal stay exact. Beside them, r-columns hold the same ids with entity
-- merges applied, and small tables hold counts, so every query reads indexed columns instead
-- of COALESCE(redirect, id) (which no index can serve). A write updates them only for the
-- digests and entities it touched (Store/Resolution.swift); `pg_entity_id` and `pg_segment`
-- are the Swift functions GraphStore registers on every connection.

ALTER TABLE digest ADD COLUMN edges INTEGER NOT NULL DEFAULT 0;  -- edges the digest stored
UPDATE digest SET edges = (SELECT COUNT(*) FROM edge WHERE edge.digest_id = digest.id);

ALTER TABLE edge ADD COLUMN rsource TEXT;                        -- source with merges applied
ALTER TABLE edge ADD COLUMN rtarget TEXT;                        -- target with merges applied
UPDATE edge SET
    rsource = COALESCE((SELECT canonical_id FROM entity_redirect WHERE entity_id = edge.source), source),
    rtarget = COALESCE((SELECT canonical_id FROM entity_redirect WHERE entity_id = edge.target), target);
CREATE INDEX edge_rsource ON edge (rsource, relation, rtarget);
CREATE INDEX edge_rtarget ON edge (rtarget, relation, rsource, digest_id);  -- covers counts and first weeks
CREATE INDEX edge_relation ON edge (relation);

ALTER TABLE entity_alias ADD COLUMN rentity TEXT;                -- entity_id with merges applied
ALTER TABLE entity_alias ADD COLUMN spelled TEXT;                -- the entity id the alias spells
UPDATE entity_alias SET
    rentity = COALESCE((SELECT canonical_id FROM entity_redirect r WHERE r.entity_id = entity_alias.entity_id), entity_id),
    spelled = pg_entity_id(alias);
CREATE INDEX entity_alias_rentity ON entity_alias (rentity, alias);
-- A digest's aliases with what a removal needs, so it never scans another index whole.
DROP INDEX entity_alias_digest;
CREATE INDEX entity_alias_digest ON entity_alias (digest_id, canonical, spelled);
CREATE INDEX entity_alias_spelled ON entity_alias (spelled, canonical, entity_id);
CREATE INDEX entity_alias_alias ON entity_alias (alias COLLATE NOCASE);

-- A possible merge: entity_id's name is spelled out, as an alias, by exactly one other entity
-- of the same kind. entity_redirect holds the claims whose entity nobody claims in turn.
CREATE TABLE entity_claim (
    entity_id    TEXT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
    canonical_id TEXT NOT NULL REFERENCES entity (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX entity_claim_canonical ON entity_claim (canonical_id);
CREATE INDEX entity_redirect_canonical ON entity_redirect (canonical_id);

-- Per shown (not redirected) entity: distinct papers linked to it, in all and by relation.
CREATE TABLE entity_stats (
    entity_id       TEXT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
    papers          INTEGER NOT NULL,                -- any relation but derived_from
    compared        INTEGER NOT NULL,                -- compares_with
    built_on        INTEGER NOT NULL,                -- builds_on
    baseline_papers INTEGER NOT NULL,                -- compares_with or builds_on
    aliases         TEXT,                            -- other spellings, sorted, U+001F between
    first_digest    TEXT                             -- the earliest week any edge to it was read
) WITHOUT ROWID;
CREATE INDEX entity_stats_papers ON entity_stats (papers);
CREATE INDEX entity_stats_baseline ON entity_stats (baseline_papers);

-- Lookups by a paper's short name, as `show`, `related` and maps take it.
CREATE INDEX paper_name ON paper (name COLLATE NOCASE);
CREATE INDEX appearance_name ON appearance (name COLLATE NOCASE);

CREATE TABLE topic_stats (
    topic   TEXT PRIMARY KEY,
    papers  INTEGER NOT NULL,
    digests INTEGER NOT NULL,
    first   TEXT NOT NULL,
    last    TEXT NOT NULL
) WITHOUT ROWID;

DROP VIEW graph_edge;
DROP VIEW graph_alias;
DROP VIEW graph_entity;
-- For people reading the database with sqlite3; papergraph's own queries name the r-columns.
CREATE VIEW graph_edge AS
SELECT id, digest_id, rsource AS source, rtarget AS target, relation, line, evidence FROM edge WHERE rsource <> rtarget;
CREATE VIEW graph_alias AS
SELECT rentity AS entity_id, digest_id, alias, kind, canonical FROM entity_alias;
CREATE VIEW graph_entity AS
SELECT e.* FROM entity e WHERE NOT EXISTS (SELECT 1 FROM entity_redirect r WHERE r.entity_id = e.id);

-- The search index keeps no copy of the text (contentless): appearance already stores it.
-- Rows are removed with FTS5's 'delete' command and the same segmented text.
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5 (
    title, heading, summary,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search_index (rowid, title, heading, summary)
SELECT id, pg_segment(title), pg_segment(heading), pg_segment(summary) FROM appearance;

PRAGMA user_version = 4;
