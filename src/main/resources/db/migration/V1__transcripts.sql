-- Transcripts: one row per conversation, one row per line. Portable SQL: runs on H2 2.4 and PostgreSQL 15.
CREATE TABLE transcript (
    id            VARCHAR(32)  NOT NULL PRIMARY KEY,
    protocol      VARCHAR(8)   NOT NULL,
    origin        VARCHAR(16)  NOT NULL,
    target_host   VARCHAR(255),
    target_port   INTEGER,
    remote        VARCHAR(300),
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at      TIMESTAMP WITH TIME ZONE,
    closed_by     VARCHAR(16),
    closed_reason VARCHAR(2000),
    line_count    INTEGER      NOT NULL
);

CREATE INDEX transcript_by_start ON transcript (started_at);
CREATE INDEX transcript_by_protocol ON transcript (protocol, started_at);

CREATE TABLE transcript_line (
    transcript_id VARCHAR(32)  NOT NULL REFERENCES transcript (id) ON DELETE CASCADE,
    seq           INTEGER      NOT NULL,
    kind          VARCHAR(8)   NOT NULL,
    direction     CHAR(1),
    sent_at       TIMESTAMP WITH TIME ZONE,
    content       VARCHAR(600000) NOT NULL,
    terminator    VARCHAR(4)   NOT NULL,
    secure        BOOLEAN      NOT NULL,
    PRIMARY KEY (transcript_id, seq)
);
