-- papergraph schema, version 1.
-- A digest owns everything extracted from it: appearances, aliases and edges cascade
-- from it, so removing or re-ingesting a digest replaces exactly what it supported.
-- `paper` and `entity` rows are shared across digests; their display fields are
-- recomputed from what the digests say, so the graph does not depend on ingest order.

CREATE TABLE digest (
    id                INTEGER PRIMARY KEY,
    key               TEXT    NOT NULL,            -- ISO week, e.g. 2025-W49
    language          TEXT    NOT NULL,            -- zh-CN, en
    path              TEXT    NOT NULL,
    title             TEXT,
    content_hash      TEXT    NOT NULL,
    extractor_version INTEGER NOT NULL,
    ingested_at       TEXT    NOT NULL,
    UNIQUE (key, language)
);

CREATE TABLE paper (
    id      TEXT PRIMARY KEY,                       -- arxiv:ID | url:NORMALISED | title:NORMALISED
    arxiv   TEXT UNIQUE,                            -- without version
    version INTEGER,                                -- highest version seen
    url     TEXT,
    title   TEXT NOT NULL,
    heading TEXT,
    name    TEXT,                                   -- short name, e.g. FDTA
    topic   TEXT,                                   -- topic of the latest appearance
    month   TEXT                                    -- YYYY-MM from the arXiv id
);
CREATE INDEX paper_month ON paper (month);

-- One paper as featured in one digest.
CREATE TABLE appearance (
    id        INTEGER PRIMARY KEY,
    digest_id INTEGER NOT NULL REFERENCES digest (id) ON DELETE CASCADE,
    paper_id  TEXT    NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    topic     TEXT,
    heading   TEXT    NOT NULL,
    name      TEXT,
    title     TEXT    NOT NULL,
    url       TEXT,
    version   INTEGER,
    line      INTEGER NOT NULL,
    summary   TEXT    NOT NULL,
    UNIQUE (digest_id, paper_id)
);
CREATE INDEX appearance_paper ON appearance (paper_id);
CREATE INDEX appearance_topic ON appearance (topic);

CREATE TABLE entity (
    id   TEXT PRIMARY KEY,                          -- entity:NORMALISED-NAME
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('method', 'dataset', 'metric'))
);

-- A spelling of an entity as one digest wrote it.
CREATE TABLE entity_alias (
    entity_id TEXT    NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    digest_id INTEGER NOT NULL REFERENCES digest (id) ON DELETE CASCADE,
    alias     TEXT    NOT NULL,
    kind      TEXT    NOT NULL,                     -- the kind this digest's context suggests
    canonical INTEGER NOT NULL DEFAULT 0,           -- 1: the name this digest gives the entity
    PRIMARY KEY (entity_id, digest_id, alias)
) WITHOUT ROWID;
CREATE INDEX entity_alias_digest ON entity_alias (digest_id);

-- A typed edge with provenance: the digest, line and sentence that support it.
-- source/target are paper or entity ids; derived_from goes child -> parent.
CREATE TABLE edge (
    id        INTEGER PRIMARY KEY,
    digest_id INTEGER NOT NULL REFERENCES digest (id) ON DELETE CASCADE,
    source    TEXT    NOT NULL,
    target    TEXT    NOT NULL,
    relation  TEXT    NOT NULL CHECK (relation IN
        ('proposes', 'builds_on', 'uses', 'compares_with', 'evaluates_on', 'mentions', 'reports', 'derived_from')),
    line      INTEGER NOT NULL,
    evidence  TEXT    NOT NULL
);
CREATE INDEX edge_source ON edge (source, relation);
CREATE INDEX edge_target ON edge (target, relation);
CREATE INDEX edge_digest ON edge (digest_id);

PRAGMA user_version = 1;
