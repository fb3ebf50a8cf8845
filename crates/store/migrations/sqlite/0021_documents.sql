-- Issue 17: decisions as documents. Each decision a person receives — an approval, a refusal, a
-- request for information, a permit, its cancellation, a kandas assignment — can be downloaded
-- as a PDF that carries a verification code; anyone can check the code at /verify/{code}. A
-- document is recorded the first time it is downloaded, under (kind, subject): downloading it
-- again gives the same code; a permit renewed is a new document. What the verification shows is
-- frozen here at issue; only a permit's cancellation, read from case_permits, changes what its
-- document's check answers.
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,     -- 12 characters of Crockford base32, no dashes
    kind          TEXT NOT NULL,            -- approval | refusal | request | permit | cancellation | kandas_assignment
    subject_id    INTEGER NOT NULL,         -- a decision's case event; a permit's term (permit event); the permit cancelled; the kandas application
    reference     TEXT NOT NULL,            -- the case's reference, the permit's number, the application's reference
    programme     TEXT,                     -- the programme of a case or permit; NULL for kandas
    region        TEXT NOT NULL,            -- the region whose officers decided
    decided_on    TEXT NOT NULL,            -- ISO date of the decision
    holder        TEXT NOT NULL,            -- the holder's name masked: initials and surname
    valid_from    TEXT,                     -- the term, where there is one (ISO dates)
    valid_until   TEXT,
    issued_by     TEXT NOT NULL,            -- the account that first downloaded it
    issued_at_us  INTEGER NOT NULL,
    UNIQUE (kind, subject_id)
);
