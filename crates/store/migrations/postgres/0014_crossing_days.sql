-- Issue 14: the civil day of a border crossing (`register_crossings.day`, and
-- `register_documents.last_day`) is the date of its instant on the checkpoint's clock, from the
-- tz database (Asia/Almaty was UTC+6 until 1 March 2024, the west UTC+5), no longer in a fixed
-- UTC+5 as 0007's comment says. Stored days were computed with the fixed offset; SQL cannot
-- read the tz database, so the store recomputes them in Rust right after migrating
-- (`register::days::correct_stored`), once, and records here when and what it changed.

-- One-off corrections of stored data that a migration asks for and the store carries out.
CREATE TABLE data_fixes (
    name       TEXT PRIMARY KEY,
    done_at_us BIGINT,                    -- NULL until carried out
    detail     TEXT                       -- JSON: what it changed
);

INSERT INTO data_fixes (name) VALUES ('register.crossing_days.tzdb');
