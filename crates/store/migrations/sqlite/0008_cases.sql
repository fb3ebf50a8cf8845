-- The case workflow (issue 6): applications made by applicants and decided by officers, their
-- history and evidence, the permits they issue with their own history, the valuable-skills
-- holders' training reports, annual quotas, and invitation rounds.

-- A case: one application by one applicant account to one programme, for one region (the
-- officers of that region decide it). `reference` is the client's key: creating the same case
-- again returns the stored one. `outcome`/`evaluation` are the rules' automatic decision, made
-- when the case is created and again when it is submitted; NULL only before the first.
CREATE TABLE cases (
    id              INTEGER PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE,
    applicant_id    INTEGER NOT NULL REFERENCES users (id),
    programme       TEXT NOT NULL,
    region          TEXT NOT NULL,
    status          TEXT NOT NULL,
    holder          TEXT NOT NULL,          -- JSON: the passport identity
    facts           TEXT NOT NULL,          -- JSON, as the rules read it
    applied_on      TEXT NOT NULL,          -- ISO date the evaluation was made for
    outcome         TEXT,                   -- eligible | ineligible | needs_officer
    evaluation      TEXT,                   -- JSON: the decision with its checks
    policy_edition  TEXT,
    points          INTEGER,                -- valuable-skills visa: the score on the grid
    sector          TEXT,                   -- the priority sector of the occupation, if any
    invited_round   INTEGER,                -- valuable-skills visa: the round that invited it
    approved_by     TEXT,                   -- the first officer of a four-eyes approval
    decided_by      TEXT,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at_us   INTEGER NOT NULL,
    submitted_at_us INTEGER,
    updated_at_us   INTEGER NOT NULL
);
CREATE INDEX cases_queue ON cases (status, region, programme, submitted_at_us);
CREATE INDEX cases_applicant ON cases (applicant_id, id);

-- Everything that happened to a case, in order: moves with their reason, messages, evidence.
CREATE TABLE case_events (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    at_us       INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    actor_role  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT,
    body        TEXT,                       -- the reason or the message
    override_of TEXT,                       -- the automatic outcome an officer went against
    detail      TEXT                        -- JSON
);
CREATE INDEX case_events_case ON case_events (case_id, id);

-- Evidence: the document described and the file, typed by its content. A file is stored once
-- per case (by its SHA-256): uploading it again changes nothing.
CREATE TABLE case_evidence (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES cases (id),
    document_type  TEXT NOT NULL,
    number         TEXT NOT NULL,
    issuer         TEXT NOT NULL,
    issued_on      TEXT NOT NULL,
    file_name      TEXT NOT NULL,
    media_type     TEXT NOT NULL,
    size_bytes     INTEGER NOT NULL,
    sha256         TEXT NOT NULL,
    content        BLOB NOT NULL,
    uploaded_by    TEXT NOT NULL,
    uploaded_at_us INTEGER NOT NULL,
    UNIQUE (case_id, sha256)
);

-- Annual quotas: `used` never passes `places`; an approval takes its place in the same
-- transaction, by a conditional update.
CREATE TABLE quotas (
    programme TEXT NOT NULL,
    year      INTEGER NOT NULL,
    places    INTEGER NOT NULL CHECK (places >= 0),
    used      INTEGER NOT NULL DEFAULT 0,
    set_by    TEXT NOT NULL,
    set_at_us INTEGER NOT NULL,
    PRIMARY KEY (programme, year),
    CHECK (used >= 0 AND used <= places)
);

-- The last permit number given per programme and year.
CREATE TABLE permit_numbers (
    prefix TEXT NOT NULL,
    year   INTEGER NOT NULL,
    last   INTEGER NOT NULL,
    PRIMARY KEY (prefix, year)
);

-- A permit issued by a case: one per case (no double issue).
CREATE TABLE case_permits (
    id            INTEGER PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,
    case_id       INTEGER NOT NULL UNIQUE REFERENCES cases (id),
    programme     TEXT NOT NULL,
    kind          TEXT NOT NULL,
    holder_id     INTEGER NOT NULL REFERENCES users (id),
    holder        TEXT NOT NULL,            -- JSON: the passport identity
    region        TEXT NOT NULL,
    valid_from    TEXT NOT NULL,
    valid_until   TEXT NOT NULL,
    cancelled_on  TEXT,
    cancel_ground TEXT,
    rights        TEXT NOT NULL,            -- JSON array of right ids
    conditions    TEXT NOT NULL,            -- JSON array of condition ids
    min_trainees  INTEGER,                  -- valuable-skills visa: trainees a year
    issued_at_us  INTEGER NOT NULL
);
CREATE INDEX case_permits_holder ON case_permits (holder_id);
CREATE INDEX case_permits_programme ON case_permits (programme, valid_until);

-- The history of each permit: issued, renewed, cancelled.
CREATE TABLE permit_events (
    id          INTEGER PRIMARY KEY,
    permit_id   INTEGER NOT NULL REFERENCES case_permits (id),
    at_us       INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('issued', 'renewed', 'cancelled')),
    valid_from  TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    ground      TEXT,
    reason      TEXT,
    detail      TEXT
);
CREATE INDEX permit_events_permit ON permit_events (permit_id, id);

-- Valuable-skills holders' reports on training local personnel, one per period.
CREATE TABLE training_reports (
    id          INTEGER PRIMARY KEY,
    permit_id   INTEGER NOT NULL REFERENCES case_permits (id),
    period      INTEGER NOT NULL,
    trainees    INTEGER NOT NULL CHECK (trainees >= 0),
    summary     TEXT NOT NULL,
    filed_by    TEXT NOT NULL,
    filed_at_us INTEGER NOT NULL,
    UNIQUE (permit_id, period)
);

-- Permanent-residence holders' confirmations of solvency (Article 49): the bank's certificate
-- of the funds on their own account, filed for the annual re-check, which decides on the latest
-- one instead of the certificate of the application.
CREATE TABLE solvency_confirmations (
    id           INTEGER PRIMARY KEY,
    permit_id    INTEGER NOT NULL REFERENCES case_permits (id),
    amount_kzt   TEXT NOT NULL,            -- decimal, as written
    kazakh_bank  INTEGER NOT NULL,          -- 1: a second-tier bank of Kazakhstan
    certified_on TEXT NOT NULL,
    filed_by     TEXT NOT NULL,
    filed_at_us  INTEGER NOT NULL,
    UNIQUE (permit_id, certified_on)
);

-- Invitation rounds of the valuable-skills visa: what was asked, what came out, and the
-- candidates considered (so the round can be re-derived).
CREATE TABLE rounds (
    id              INTEGER PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE,
    programme       TEXT NOT NULL,
    held_on         TEXT NOT NULL,
    size            INTEGER NOT NULL,
    sector          TEXT,
    considered      INTEGER NOT NULL,
    cut_off         INTEGER,
    tie_break_at_us INTEGER,
    candidates      TEXT NOT NULL,          -- JSON array of the candidates considered
    held_by         TEXT NOT NULL,
    held_at_us      INTEGER NOT NULL
);

CREATE TABLE round_invitations (
    round_id        INTEGER NOT NULL REFERENCES rounds (id),
    case_id         INTEGER NOT NULL UNIQUE REFERENCES cases (id),
    rank            INTEGER NOT NULL,
    points          INTEGER NOT NULL,
    submitted_at_us INTEGER NOT NULL,
    PRIMARY KEY (round_id, case_id)
);
