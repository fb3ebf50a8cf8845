-- Contact details of an account, one-time links (e-mail verification, password reset), and the
-- outbox of notifications (docs/notifications.md).

-- The address is kept as typed (normalised); it receives notifications only once verified.
ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN email_verified_at_us INTEGER;
ALTER TABLE users ADD COLUMN phone TEXT;
-- The language notifications are written in (kk, ru, en); none: Kazakh.
ALTER TABLE users ADD COLUMN language TEXT;

-- A one-time link's token: only its SHA-256 is kept. purpose: verify (the address in email)
-- or reset (a new password). Used once, before it expires.
CREATE TABLE account_tokens (
    token_hash    TEXT    PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose       TEXT    NOT NULL,
    email         TEXT    NOT NULL,
    created_at_us INTEGER NOT NULL,
    expires_at_us INTEGER NOT NULL,
    used_at_us    INTEGER
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);

-- The outbox: one row per notification, written in the transaction of the event it tells of.
-- dedupe_key names the event (a case's move, a permit's period), so the same event never
-- makes two. state: pending (to send), sent, failed (refused by the mail server for good),
-- unaddressed (no verified address: shown in the application only), expired (a one-time link
-- that expired before it could be sent). secret: a one-time link's token, kept only until the
-- message is sent or expires. A sender holds a row by lease_until_us while it sends.
CREATE TABLE notifications (
    id                 INTEGER PRIMARY KEY,
    user_id            INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind               TEXT    NOT NULL,
    subject_type       TEXT    NOT NULL,
    subject_id         TEXT    NOT NULL,
    args               TEXT    NOT NULL,
    dedupe_key         TEXT    NOT NULL UNIQUE,
    secret             TEXT,
    state              TEXT    NOT NULL,
    attempts           INTEGER NOT NULL DEFAULT 0,
    next_attempt_at_us INTEGER NOT NULL,
    lease_until_us     INTEGER,
    last_error         TEXT,
    sent_to            TEXT,
    sent_at_us         INTEGER,
    read_at_us         INTEGER,
    created_at_us      INTEGER NOT NULL
);
CREATE INDEX notifications_due ON notifications (state, next_attempt_at_us);
CREATE INDEX notifications_user ON notifications (user_id, id);

-- Cases submitted before the fix of submitted_at_us carry the update time before submission;
-- the submission's own event has the right instant.
UPDATE cases SET submitted_at_us = (
    SELECT MAX(e.at_us) FROM case_events e WHERE e.case_id = cases.id AND e.kind = 'submitted'
) WHERE EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = cases.id AND e.kind = 'submitted');
