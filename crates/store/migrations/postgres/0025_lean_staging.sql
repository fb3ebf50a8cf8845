-- Issue 18: one index on the staged rows' client key, holding only the rows that have one
-- (register rows; labour rows have none), instead of two (see sqlite/0025_lean_staging.sql:
-- there the table also keeps its rows in its key's order). The key's uniqueness within an
-- import was already checked before staging (crate::staging).
DROP INDEX import_staging_key;
DROP INDEX import_staging_by_key;
CREATE INDEX import_staging_by_key ON import_staging (key) WHERE key IS NOT NULL;
