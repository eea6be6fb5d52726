-- Hosted workshops (issue #10). Portable SQL: H2 2.4 and PostgreSQL 15.
CREATE TABLE workshop (
    code        VARCHAR(16)   NOT NULL PRIMARY KEY,
    title       VARCHAR(200)  NOT NULL,
    capacity    INTEGER       NOT NULL,
    protocols   VARCHAR(100)  NOT NULL,
    targets     VARCHAR(4000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE
);

-- An attendee: the identity cookie's hash (never the cookie), a practice mailbox made for them,
-- and what the instructor's roster shows, written by the instance that holds their WebSocket.
CREATE TABLE attendee (
    id               VARCHAR(32)   NOT NULL PRIMARY KEY,
    workshop_code    VARCHAR(16)   NOT NULL REFERENCES workshop (code) ON DELETE CASCADE,
    name             VARCHAR(80)   NOT NULL,
    token_hash       VARCHAR(32)   NOT NULL UNIQUE,
    mailbox_user     VARCHAR(64)   NOT NULL UNIQUE,
    mailbox_password VARCHAR(64)   NOT NULL,
    joined_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_at       TIMESTAMP WITH TIME ZONE,
    online_until     TIMESTAMP WITH TIME ZONE,
    protocol         VARCHAR(8),
    target           VARCHAR(300),
    last_line        VARCHAR(300),
    last_at          TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(500)
);
CREATE INDEX attendee_by_workshop ON attendee (workshop_code, joined_at);

-- A walkthrough move an attendee has done (hello, identify, ask, answers, goodbye per protocol).
CREATE TABLE attendee_step (
    attendee_id VARCHAR(32) NOT NULL REFERENCES attendee (id) ON DELETE CASCADE,
    protocol    VARCHAR(8)  NOT NULL,
    step        VARCHAR(16) NOT NULL,
    done_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (attendee_id, protocol, step)
);

-- A follow view catches up from the transcript: lines keep the event sequence number they had live.
ALTER TABLE transcript_line ADD COLUMN event_seq BIGINT;
