-- Applications to the five programmes, as submitted: the facts the rules decide on, the date
-- of application and the decision made then. The reform simulation (`ashyq simulate`)
-- re-evaluates every one under a draft policy beside the policy in force. The case workflow
-- (issue 6) builds on this table.
CREATE TABLE applications (
    id             INTEGER PRIMARY KEY,
    reference      TEXT NOT NULL UNIQUE,   -- the client's key: a re-submission is the same row
    programme      TEXT NOT NULL,          -- permanent-residence | valuable-skills-visa | ...
    applied_on     TEXT NOT NULL,          -- ISO date
    facts          TEXT NOT NULL,          -- JSON, as the rules read it
    outcome        TEXT NOT NULL,          -- eligible | ineligible | needs_officer, when submitted
    policy_edition TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    created_at_us  INTEGER NOT NULL
);

CREATE INDEX applications_programme ON applications (programme, applied_on);
