-- Issue 18: the staging of an import was written into four B-trees (the rowid table, its
-- (import_id, seq) key, a unique (import_id, key) index and a (key) index) and deleted from all
-- four again when the rows were published: most of a SQLite import's writes. Now the table is
-- kept in its key's order (WITHOUT ROWID: one B-tree for the rows), and one index on the client
-- key holds only the rows that have one (register rows; labour rows have none). The key's
-- uniqueness within an import was already checked before staging (crate::staging).
CREATE TABLE import_staging_lean (
    import_id INTEGER NOT NULL REFERENCES imports (id),
    seq       INTEGER NOT NULL,               -- order of the good rows in the file
    row_no    INTEGER NOT NULL,               -- the row in the file, for messages
    key       TEXT,                           -- a register row's client key (unique per import)
    digest    TEXT,                           -- a register row's content, repeat or conflict
    fields    TEXT    NOT NULL,               -- JSON array of the row's fields as read
    PRIMARY KEY (import_id, seq)
) WITHOUT ROWID;
INSERT INTO import_staging_lean (import_id, seq, row_no, key, digest, fields)
    SELECT import_id, seq, row_no, key, digest, fields FROM import_staging;
DROP TABLE import_staging;
ALTER TABLE import_staging_lean RENAME TO import_staging;
CREATE INDEX import_staging_by_key ON import_staging (key) WHERE key IS NOT NULL;
