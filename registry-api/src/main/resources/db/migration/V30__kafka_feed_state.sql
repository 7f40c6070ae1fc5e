-- The public state last published on the compacted state topics, per key: the Kafka feed folds each event onto it.
-- Written in the feed's batch transaction, with its token, so it is exactly as far as the acknowledged feed.
CREATE TABLE kafka_feed_state (
    topic_kind VARCHAR(16) NOT NULL,
    subject    VARCHAR(12) NOT NULL,
    state      JSONB       NOT NULL,
    PRIMARY KEY (topic_kind, subject)
);
