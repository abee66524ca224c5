-- The search index merges its segments less eagerly: FTS5's default (automerge 4) rewrote
-- each digest's postings into larger segments again and again, a large part of the pages a
-- write puts into the log. With 16 segments a level before a merge, 10× ingest took 5% less
-- (three interleaved pairs on this VM: 40.5 → 37.3, 43.1 → 42.9, 44.7 → 41.8 s); the index
-- ends the same size, and search answers and their p50 at 10× are unchanged (bm25 reads
-- whole-index statistics, not segments).
INSERT INTO search_index (search_index, rank) VALUES ('automerge', 16);
PRAGMA user_version = 7;
