-- Every index a digest's rows go into costs a write one page per row wherever its key is
-- scattered (entity ids are): on a large archive that page churn, not the SQL, was most of
-- a new digest's write. Four such indexes are served as well by others:
--   - entity_alias_alias (alias COLLATE NOCASE): two spellings equal but for ASCII case spell
--     the same entity id, so a lookup by alias reads the entity's own rows (primary key) or
--     the other entities' spellings of that id (entity_alias_spelled);
--   - entity_alias_rentity: an entity's rows with merges applied are its own (primary key)
--     and those of the entities redirected to it (entity_redirect_canonical);
--   - entity_alias_spelled needs only the aliases that are not an entity's own name (a row
--     whose alias is its entity's name spells its entity_id), about one row in fifteen;
--   - edge_target: the edges to an entity are found through edge_rtarget, as the resolved
--     id a write knows they hold.
DROP INDEX entity_alias_alias;
DROP INDEX entity_alias_rentity;
DROP INDEX entity_alias_spelled;
CREATE INDEX entity_alias_spelled ON entity_alias (spelled, entity_id) WHERE canonical = 0;
DROP INDEX edge_target;
PRAGMA user_version = 6;
