-- Ownership (issue #9): every transcript belongs to who made it; a null owner is an old one, or a
-- command-line replay's, and belongs to nobody (readable only through its share link).
-- stored_chars keeps a running count of the text kept, so a per-client storage cap is one SUM.
ALTER TABLE transcript ADD COLUMN owner VARCHAR(64);
ALTER TABLE transcript ADD COLUMN stored_chars BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX transcript_by_owner ON transcript (owner, started_at);
