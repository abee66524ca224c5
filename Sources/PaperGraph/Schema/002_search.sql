-- papergraph schema, version 2: full-text search.
-- Full-text search over each appearance. CJK text is stored one character a token
-- (see TextSegmenter), so unicode61 handles Chinese and one-character queries work.
CREATE VIRTUAL TABLE search_index USING fts5 (
    title, heading, summary,
    tokenize = 'unicode61 remove_diacritics 2'
);

PRAGMA user_version = 2;
