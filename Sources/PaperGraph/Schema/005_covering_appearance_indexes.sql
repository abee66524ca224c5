-- What reads appearances by topic (a write's topic counts, `papers --topic`) or by paper
-- (a paper's weeks) needs only the topic, digest and paper of each: indexes that hold them
-- answer without reading the appearance rows, whose summaries make them large.
DROP INDEX appearance_topic;
CREATE INDEX appearance_topic ON appearance (topic, digest_id, paper_id);
DROP INDEX appearance_paper;
CREATE INDEX appearance_paper ON appearance (paper_id, digest_id);
PRAGMA user_version = 5;
