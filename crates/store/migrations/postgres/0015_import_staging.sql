-- Issue 14: on SQLite a long import must not hold the one write lock for its whole length. An
-- import's rows are checked and staged here in short transactions, then published into their
-- tables in short slices (each deleting what it published); `imports.state` says how far an
-- import got. A crash while staging leaves nothing published (the staging is discarded); a
-- crash while publishing is finished on the next start, from what is staged
-- (docs/decisions.md, "Imports that do not stop the office"). PostgreSQL imports in one
-- transaction and never stages, but keeps the same tables.

ALTER TABLE imports ADD COLUMN state TEXT NOT NULL DEFAULT 'done';   -- staging | publishing | done
ALTER TABLE imports ADD COLUMN header TEXT;                           -- JSON: the file's header row

CREATE TABLE import_staging (
    import_id BIGINT  NOT NULL REFERENCES imports (id),
    seq       BIGINT  NOT NULL,               -- order of the good rows in the file
    row_no    BIGINT  NOT NULL,               -- the row in the file, for messages
    key       TEXT,                           -- a register row's client key (unique per import)
    digest    TEXT,                           -- a register row's content, repeat or conflict
    fields    TEXT    NOT NULL,               -- JSON array of the row's fields as read
    PRIMARY KEY (import_id, seq)
);
CREATE UNIQUE INDEX import_staging_key ON import_staging (import_id, key);
CREATE INDEX import_staging_by_key ON import_staging (key);
