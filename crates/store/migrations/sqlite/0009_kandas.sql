-- Kandas resettlement (issue 7): applications of ethnic Kazakhs to resettle with their family
-- in a region, their assignment to the region (which consumes its annual quota) with the
-- subsidies due and paid, and each region's quota used per year.

-- An application: `facts` is the core's Application (JSON); amounts are exact decimal strings.
CREATE TABLE kandas_applications (
    id              INTEGER PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE,
    region          TEXT NOT NULL,
    status          TEXT NOT NULL,          -- submitted | assigned | refused
    applicant       TEXT NOT NULL,          -- the applicant's name
    origin          TEXT NOT NULL,
    family_size     INTEGER NOT NULL,
    facts           TEXT NOT NULL,
    filed_on        TEXT NOT NULL,
    filed_by        TEXT NOT NULL,
    assigned_year   INTEGER,
    assigned_on     TEXT,
    subsidies       TEXT,                   -- JSON: the core's Subsidies, with the values used
    total_kzt       TEXT,
    paid_on         TEXT,
    paid_by         TEXT,
    refusal         TEXT,
    decided_by      TEXT,
    created_at_us   INTEGER NOT NULL,
    updated_at_us   INTEGER NOT NULL
);
CREATE INDEX kandas_applications_queue ON kandas_applications (region, status, id);

-- A region's quota for a year: places (from the policy when first taken) and places used.
CREATE TABLE kandas_quotas (
    region  TEXT NOT NULL,
    year    INTEGER NOT NULL,
    places  INTEGER NOT NULL,
    used    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (region, year)
);
