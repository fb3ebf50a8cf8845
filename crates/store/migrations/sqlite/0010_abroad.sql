-- Citizens of Kazakhstan working abroad (issue 7): the registry of citizens working abroad,
-- the interstate agreements by country (public), and the rights-protection cases with their
-- dated actions. The registry and the cases hold personal data; every read of them is audited.

-- A citizen working abroad under one contract. `reference` is the client's key: registering
-- the same reference again returns the stored entry. Birth date and sex come from the IIN.
CREATE TABLE abroad_workers (
    id             INTEGER PRIMARY KEY,
    reference      TEXT NOT NULL UNIQUE,
    iin            TEXT NOT NULL,
    surname        TEXT NOT NULL,
    given_names    TEXT NOT NULL,
    birth_date     TEXT NOT NULL,
    sex            TEXT NOT NULL,
    country        TEXT NOT NULL,          -- ISO 3166-1 alpha-3
    employer       TEXT NOT NULL,
    agency         TEXT,
    agency_licence TEXT,
    contract_from  TEXT NOT NULL,
    contract_until TEXT NOT NULL,
    sector         TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    created_at_us  INTEGER NOT NULL
);
CREATE INDEX abroad_workers_country ON abroad_workers (country, contract_until);
CREATE INDEX abroad_workers_iin ON abroad_workers (iin);

-- An interstate agreement with one country. `covers` is a comma-separated list of coverage ids.
CREATE TABLE abroad_agreements (
    id             INTEGER PRIMARY KEY,
    reference      TEXT NOT NULL UNIQUE,
    country        TEXT NOT NULL,
    title          TEXT NOT NULL,
    signed_on      TEXT,
    in_force_from  TEXT,
    status         TEXT NOT NULL,
    covers         TEXT NOT NULL,
    note           TEXT,
    illustrative   INTEGER NOT NULL DEFAULT 0,
    updated_by     TEXT NOT NULL,
    updated_at_us  INTEGER NOT NULL
);
CREATE INDEX abroad_agreements_country ON abroad_agreements (country);

-- A rights-protection case of one registered citizen.
CREATE TABLE abroad_cases (
    id             INTEGER PRIMARY KEY,
    reference      TEXT NOT NULL UNIQUE,
    worker_id      INTEGER NOT NULL REFERENCES abroad_workers (id),
    country        TEXT NOT NULL,
    kind           TEXT NOT NULL,
    complaint      TEXT NOT NULL,
    status         TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    opened_by      TEXT NOT NULL,
    opened_at_us   INTEGER NOT NULL,
    updated_at_us  INTEGER NOT NULL
);
CREATE INDEX abroad_cases_status ON abroad_cases (status, country);
CREATE INDEX abroad_cases_worker ON abroad_cases (worker_id);

-- What was done on a case, dated, with who: actions taken and status changes.
CREATE TABLE abroad_case_actions (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES abroad_cases (id),
    at_us          INTEGER NOT NULL,
    actor          TEXT NOT NULL,
    kind           TEXT NOT NULL,          -- an action kind, or "status"
    taken_on       TEXT NOT NULL,          -- the day it was done
    body           TEXT NOT NULL,
    from_status    TEXT,
    to_status      TEXT
);
CREATE INDEX abroad_case_actions_case ON abroad_case_actions (case_id, id);
