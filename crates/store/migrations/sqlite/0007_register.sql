-- The unified register of migrants' movements (issue 5): persons, the documents they travel on,
-- border crossings (entries, exits, refusals), registrations at the place of stay and of migrant
-- workers, visas and permits, and officers' merges of persons. Every event row is keyed by the
-- client's id, so a retried event is stored once.

-- A person: the identity the register has settled on. Documents are matched to a person by
-- `match_key` (normalised surname, given names, birth date, nationality); an officer may merge two
-- persons the key did not join, or split a document off one wrongly joined.
CREATE TABLE register_persons (
    id            INTEGER PRIMARY KEY,
    match_key     TEXT NOT NULL,
    surname       TEXT NOT NULL,
    given_names   TEXT NOT NULL,
    birth_date    TEXT NOT NULL,
    sex           TEXT NOT NULL,
    nationality   TEXT NOT NULL,
    created_at_us INTEGER NOT NULL
);
CREATE INDEX register_persons_match ON register_persons (match_key);
CREATE INDEX register_persons_birth ON register_persons (birth_date, nationality);

-- A travel or identity document, as read from its MRZ. `last_*` is the latest entry or exit made
-- with it (refusals not counted): "present" is a document whose last crossing is an entry.
CREATE TABLE register_documents (
    id              INTEGER PRIMARY KEY,
    doc_key         TEXT NOT NULL UNIQUE,  -- issuing_state ':' number
    issuing_state   TEXT NOT NULL,
    number          TEXT NOT NULL,
    document_type   TEXT NOT NULL,
    person_id       INTEGER NOT NULL REFERENCES register_persons (id),
    surname         TEXT NOT NULL,
    given_names     TEXT NOT NULL,
    birth_date      TEXT NOT NULL,
    sex             TEXT NOT NULL,
    nationality     TEXT NOT NULL,
    expiry_date     TEXT NOT NULL,
    last_kind       TEXT,
    last_at_us      INTEGER,
    last_day        TEXT,
    last_checkpoint TEXT,
    created_at_us   INTEGER NOT NULL
);
CREATE INDEX register_documents_person ON register_documents (person_id);
CREATE INDEX register_documents_present ON register_documents (person_id) WHERE last_kind = 'entry';

CREATE TABLE register_crossings (
    event_id    TEXT PRIMARY KEY,          -- the client's id
    document_id INTEGER NOT NULL REFERENCES register_documents (id),
    kind        TEXT NOT NULL CHECK (kind IN ('entry', 'exit', 'refusal')),
    at_us       INTEGER NOT NULL,          -- the instant, microseconds since the epoch
    day         TEXT NOT NULL,             -- the date in Kazakhstan (UTC+5)
    checkpoint  TEXT NOT NULL,
    reason      TEXT,                      -- refusals: why
    import_id   INTEGER                    -- the register import that brought it, if any
);
CREATE INDEX register_crossings_document ON register_crossings (document_id, at_us);

-- Crossings counted by month, checkpoint, kind and nationality, kept as crossings arrive, for the
-- analysts' dashboard (counting ten million rows on every page view would not do).
CREATE TABLE register_crossing_counts (
    month       TEXT NOT NULL,             -- YYYY-MM
    checkpoint  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    nationality TEXT NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (month, checkpoint, kind, nationality)
);

CREATE TABLE register_registrations (
    registration_id TEXT PRIMARY KEY,      -- the registering office's id
    kind            TEXT NOT NULL CHECK (kind IN ('stay', 'work')),
    document_id     INTEGER NOT NULL REFERENCES register_documents (id),
    region          TEXT NOT NULL,
    address         TEXT NOT NULL,
    host            TEXT NOT NULL,
    from_day        TEXT NOT NULL,
    until_day       TEXT NOT NULL,
    notified_on     TEXT,
    due_on          TEXT,                  -- stays over the threshold: the last day to notify
    late            INTEGER NOT NULL,      -- 1 when notified after due_on
    employer_bin    TEXT,
    permit_number   TEXT,
    import_id       INTEGER
);
CREATE INDEX register_registrations_document ON register_registrations (document_id);
CREATE INDEX register_registrations_late ON register_registrations (from_day) WHERE late = 1;

-- Visas and permits (from the case workflow or another issuer), by number; a renewal or a
-- cancellation replaces the row.
CREATE TABLE register_permits (
    permit_number TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    document_id   INTEGER NOT NULL REFERENCES register_documents (id),
    valid_from    TEXT NOT NULL,
    valid_until   TEXT NOT NULL,
    cancelled_on  TEXT,
    import_id     INTEGER
);
CREATE INDEX register_permits_document ON register_permits (document_id);
CREATE INDEX register_permits_until ON register_permits (valid_until);

-- Officers' merges of two persons (kind 'merge': the documents of `from_person` moved to
-- `into_person`) and splits of a document wrongly joined (kind 'split': moved from `from_person`
-- to a new `into_person`), and their undoing.
CREATE TABLE register_merges (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    into_person   INTEGER NOT NULL,
    from_person   INTEGER NOT NULL,
    documents     TEXT NOT NULL,           -- JSON array of the document ids moved
    reason        TEXT NOT NULL,
    merged_by     TEXT NOT NULL,
    merged_at_us  INTEGER NOT NULL,
    undone_by     TEXT,
    undone_at_us  INTEGER
);
