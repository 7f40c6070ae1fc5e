-- The audit ledger (docs/ledger.md): every stored event as a leaf of an RFC 9162 Merkle tree, in the order the
-- events became visible, with the tree's nodes and the signed checkpoints. Rows are only ever inserted (the compose
-- deployment's grant script, docker/ledger-grants.sql, takes UPDATE and DELETE away from the application).

-- One row per leaf. log_index is dense from 0; global_index is the event's row in domainevententry;
-- previous_log_index is the leaf of the same aggregate's previous event (its hash is part of this leaf).
CREATE TABLE ledger_leaf (
    log_index            BIGINT       PRIMARY KEY,
    global_index         BIGINT       NOT NULL UNIQUE,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    previous_log_index   BIGINT
);
CREATE INDEX ledger_leaf_aggregate ON ledger_leaf (aggregate_identifier, log_index);

-- The hash of every complete, aligned subtree: level 0 is the leaf hash of leaf idx, level k covers the leaves
-- [idx * 2^k, (idx + 1) * 2^k). Any proof is made of these without reading a leaf.
CREATE TABLE ledger_node (
    level SMALLINT NOT NULL,
    idx   BIGINT   NOT NULL,
    hash  BYTEA    NOT NULL,
    PRIMARY KEY (level, idx)
);

-- Every checkpoint the registry signed: a C2SP signed note holding a tlog-checkpoint.
CREATE TABLE ledger_checkpoint (
    id        BIGSERIAL   PRIMARY KEY,
    tree_size BIGINT      NOT NULL,
    root_hash BYTEA       NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    note      TEXT        NOT NULL
);
CREATE INDEX ledger_checkpoint_size ON ledger_checkpoint (tree_size);

-- How far the checkpoint topic is: the last checkpoint acknowledged by the broker (one row, updated).
CREATE TABLE ledger_checkpoint_publication (
    singleton     BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
    checkpoint_id BIGINT  NOT NULL
);
INSERT INTO ledger_checkpoint_publication (checkpoint_id) VALUES (0);
