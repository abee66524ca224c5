-- papergraph schema, version 3: one node per entity across digests.
-- An entity whose name is, in some digest, the spelled-out name of exactly one other entity
-- of the same kind ("LiveCodeBench" here, "LCB (LiveCodeBench)" there) is shown as that
-- entity. A name claimed by several entities is ambiguous and stays separate. The table is
-- recomputed from all stored aliases after every write, so the graph does not depend on
-- the order digests were ingested in; rows stay as each digest wrote them.
CREATE TABLE entity_redirect (
    entity_id    TEXT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
    canonical_id TEXT NOT NULL REFERENCES entity (id) ON DELETE CASCADE
) WITHOUT ROWID;

-- What queries read: edges, aliases and entities with redirects applied.
CREATE VIEW graph_edge AS
SELECT e.id, e.digest_id,
       COALESCE(rs.canonical_id, e.source) AS source,
       COALESCE(rt.canonical_id, e.target) AS target,
       e.relation, e.line, e.evidence
FROM edge e
LEFT JOIN entity_redirect rs ON rs.entity_id = e.source
LEFT JOIN entity_redirect rt ON rt.entity_id = e.target
WHERE COALESCE(rs.canonical_id, e.source) <> COALESCE(rt.canonical_id, e.target);

CREATE VIEW graph_alias AS
SELECT COALESCE(r.canonical_id, a.entity_id) AS entity_id, a.digest_id, a.alias, a.kind, a.canonical
FROM entity_alias a LEFT JOIN entity_redirect r ON r.entity_id = a.entity_id;

CREATE VIEW graph_entity AS
SELECT e.* FROM entity e WHERE NOT EXISTS (SELECT 1 FROM entity_redirect r WHERE r.entity_id = e.id);

PRAGMA user_version = 3;
