-- Bulk ownership transfers (a catalogue sold): one request, run in the background like an import (V21), resumable.
-- Every recording it covers is listed when it starts; each gets its outcome as the transfer goes, in order.
CREATE TABLE ownership_transfer_batch (
    id             uuid        PRIMARY KEY,
    actor          text        NOT NULL,
    correlation_id text        NOT NULL,
    from_owner     text,
    new_owner      text        NOT NULL,
    effective_date date        NOT NULL,
    status         text        NOT NULL,
    total          integer     NOT NULL,
    done           integer     NOT NULL DEFAULT 0,
    transferred    integer     NOT NULL DEFAULT 0,
    refused        integer     NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz
);

CREATE TABLE ownership_transfer_item (
    batch_id     uuid     NOT NULL,
    position     integer  NOT NULL,
    isrc         char(12) NOT NULL,
    outcome      text,
    problem_type text,
    field        text,
    detail       text,
    action       text,
    PRIMARY KEY (batch_id, position)
);

