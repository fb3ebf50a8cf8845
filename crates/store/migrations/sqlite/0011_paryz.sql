-- The annual "Paryz" contest (issue 7, DOMAIN.md §3): contest years, the nominations filed by
-- coordinators, and the jury's decisions recorded by the contest secretariat (administrators).

-- A contest year: open (nominations accepted) → closed (the jury decides) → published (final).
CREATE TABLE paryz_years (
    year            INTEGER PRIMARY KEY,
    status          TEXT NOT NULL CHECK (status IN ('open', 'closed', 'published')),
    opened_by       TEXT NOT NULL,
    opened_at_us    INTEGER NOT NULL,
    closed_at_us    INTEGER,
    published_at_us INTEGER,
    -- The prizes of the year (policy `paryz_prizes_per_year`), fixed when the year is published.
    prizes          INTEGER
);

-- A nomination. `reference` is the client's key: filing the same nomination again returns the
-- stored one. `verdict` is the jury's decision (NULL until decided).
CREATE TABLE paryz_nominations (
    id              INTEGER PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE,
    year            INTEGER NOT NULL REFERENCES paryz_years (year),
    nominee         TEXT NOT NULL,
    country         TEXT NOT NULL,
    card_number     TEXT,
    business        TEXT NOT NULL,
    sector          TEXT NOT NULL,
    bin             TEXT,
    contribution    TEXT NOT NULL,
    jobs_created    INTEGER NOT NULL,
    investment_kzt  INTEGER NOT NULL,
    nominated_by_id INTEGER REFERENCES users (id),
    nominated_by    TEXT NOT NULL,
    created_at_us   INTEGER NOT NULL,
    verdict         TEXT CHECK (verdict IN ('winner', 'shortlisted', 'not_selected')),
    reason          TEXT,
    decided_by      TEXT,
    decided_at_us   INTEGER
);
CREATE INDEX paryz_nominations_year ON paryz_nominations (year, verdict);
