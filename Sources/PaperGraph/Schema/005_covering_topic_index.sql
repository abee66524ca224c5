-- Topic counts (`topic_stats`, refreshed for the topics a write touches) read only the
-- topic, digest and paper of each appearance: an index that holds all three answers them
-- without reading the appearance rows, whose summaries make them large.
DROP INDEX appearance_topic;
CREATE INDEX appearance_topic ON appearance (topic, digest_id, paper_id);
PRAGMA user_version = 5;
