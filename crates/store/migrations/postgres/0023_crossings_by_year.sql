-- The border crossings partitioned by time (issue 18): one partition per calendar year (UTC) of
-- the instant, so that a national register grows by adding partitions rather than one table
-- without bound, and a year can be archived or dropped whole. PostgreSQL only: SQLite keeps one
-- table (its 0023 is empty).
--
-- A partitioned table's unique keys must hold the partition key, so the crossings' key becomes
-- (event_id, at_us); `register_crossing_ids` keeps the client's event id unique across the
-- partitions (an event id names one event). Writers insert the crossing, then its id; an id
-- refused there is an event stored at another instant — a conflict, and the transaction is
-- rolled back (crates/store/src/register/partitions.rs, bulk.rs, write.rs).
--
-- Partitions are made ahead by ashyq (this year and the next at start, and the years a file
-- or batch brings before it writes), each named register_crossings_yYYYY and covering
-- [1 January YYYY, 1 January YYYY+1) in microseconds since the epoch, UTC.

ALTER TABLE register_crossings RENAME TO register_crossings_unpartitioned;
ALTER INDEX register_crossings_document RENAME TO register_crossings_unpartitioned_document;
ALTER TABLE register_crossings_unpartitioned
    RENAME CONSTRAINT register_crossings_pkey TO register_crossings_unpartitioned_pkey;

CREATE TABLE register_crossings (
    event_id    TEXT NOT NULL,             -- the client's id (unique: register_crossing_ids)
    document_id BIGINT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('entry', 'exit', 'refusal')),
    at_us       BIGINT NOT NULL,           -- the instant, microseconds since the epoch
    day         TEXT NOT NULL,             -- the date in Kazakhstan
    checkpoint  TEXT NOT NULL,
    reason      TEXT,                      -- refusals: why
    import_id   BIGINT,                    -- the register import that brought it, if any
    PRIMARY KEY (event_id, at_us)
) PARTITION BY RANGE (at_us);
CREATE INDEX register_crossings_document ON register_crossings (document_id, at_us);

CREATE TABLE register_crossing_ids (
    event_id TEXT PRIMARY KEY,
    at_us    BIGINT NOT NULL
);

DO $$
DECLARE
    y INT;
BEGIN
    FOR y IN
        SELECT DISTINCT EXTRACT(YEAR FROM to_timestamp(at_us / 1000000.0) AT TIME ZONE 'UTC')::INT
        FROM register_crossings_unpartitioned
    LOOP
        EXECUTE format(
            'CREATE TABLE register_crossings_y%s PARTITION OF register_crossings FOR VALUES FROM (%s) TO (%s)',
            y,
            EXTRACT(EPOCH FROM make_timestamptz(y, 1, 1, 0, 0, 0, 'UTC'))::BIGINT * 1000000,
            EXTRACT(EPOCH FROM make_timestamptz(y + 1, 1, 1, 0, 0, 0, 'UTC'))::BIGINT * 1000000);
    END LOOP;
END
$$;

INSERT INTO register_crossings SELECT * FROM register_crossings_unpartitioned;
INSERT INTO register_crossing_ids (event_id, at_us) SELECT event_id, at_us FROM register_crossings_unpartitioned;
DROP TABLE register_crossings_unpartitioned;
