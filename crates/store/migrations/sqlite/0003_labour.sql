-- The three data sources of the list of professions in demand, and the imports that loaded them.
-- Records are keyed by their own identifiers, so importing the same records again changes nothing.

CREATE TABLE imports (
    id            INTEGER PRIMARY KEY,
    source        TEXT    NOT NULL,          -- forecast | vacancies | work-permits
    file_name     TEXT    NOT NULL,
    sha256        TEXT    NOT NULL,
    rows_read     INTEGER NOT NULL,
    inserted      INTEGER NOT NULL,
    updated       INTEGER NOT NULL,
    unchanged     INTEGER NOT NULL,
    rejected      INTEGER NOT NULL,
    user_id       INTEGER,
    username      TEXT    NOT NULL,
    started_at_us INTEGER NOT NULL,
    finished_at_us INTEGER NOT NULL
);

-- Rows refused by an import run with --skip-invalid, with every reason.
CREATE TABLE import_rejects (
    import_id INTEGER NOT NULL REFERENCES imports (id),
    row_no    INTEGER NOT NULL,
    reasons   TEXT    NOT NULL,              -- JSON: [{"column": …, "reason": …}]
    raw       TEXT    NOT NULL,              -- JSON array of the row's fields
    PRIMARY KEY (import_id, row_no)
);

CREATE TABLE forecast (
    year            INTEGER NOT NULL,
    region          TEXT    NOT NULL,        -- ISO 3166-2, e.g. KZ-75
    occupation      TEXT    NOT NULL,        -- 4-digit unit group, or with a national suffix
    additional_need INTEGER NOT NULL,
    import_id       INTEGER NOT NULL,
    PRIMARY KEY (year, region, occupation)
);

CREATE TABLE vacancies (
    vacancy_id   TEXT    PRIMARY KEY,
    posted_on    TEXT    NOT NULL,
    closed_on    TEXT,
    status       TEXT    NOT NULL,
    region       TEXT    NOT NULL,
    occupation   TEXT    NOT NULL,
    positions    INTEGER NOT NULL,
    salary_kzt   INTEGER,
    employer_bin TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    import_id    INTEGER NOT NULL
);
CREATE INDEX vacancies_posted_on ON vacancies (posted_on);
CREATE INDEX vacancies_occupation ON vacancies (occupation, posted_on);

CREATE TABLE work_permits (
    permit_id    TEXT    PRIMARY KEY,
    issued_on    TEXT    NOT NULL,
    valid_until  TEXT    NOT NULL,
    region       TEXT    NOT NULL,
    occupation   TEXT    NOT NULL,
    employer_bin TEXT    NOT NULL,
    citizenship  TEXT    NOT NULL,
    category     TEXT    NOT NULL,
    workers      INTEGER NOT NULL,
    import_id    INTEGER NOT NULL
);
CREATE INDEX work_permits_issued_on ON work_permits (issued_on);
