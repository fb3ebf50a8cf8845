-- Vacancies, work permits and registrations partitioned by the year of their date (issue 18):
-- vacancies by posted_on, work permits by issued_on, registrations by from_day; one partition
-- per calendar year, <table>_yYYYY covering ['YYYY-01-01', 'YYYY+1-01-01') of the date written
-- YYYY-MM-DD. PostgreSQL only: SQLite keeps one table each (its 0024 is empty).
--
-- A partitioned table's keys must hold the partition key, so each key becomes (id, date), and a
-- key table (vacancy_ids, work_permit_ids, register_registration_ids) keeps the id unique across
-- the partitions with the date its row has now. These tables are upserted — a later file may
-- correct a date — so the writers' upsert moves a row whose date changed
-- (crates/store/src/partitioned.rs). Partitions for the years in the data are made here; ashyq
-- makes this year's and the next at start, and any other a batch brings before it writes.

CREATE FUNCTION pg_temp.partition_by_year(t TEXT, id TEXT, day TEXT, ids TEXT) RETURNS void AS $$
DECLARE
    old TEXT := t || '_unpartitioned';
    y INT;
BEGIN
    EXECUTE format('ALTER TABLE %I RENAME TO %I', t, old);
    EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', old, t || '_pkey', old || '_pkey');
    EXECUTE format(
        'CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS, PRIMARY KEY (%I, %I)) '
        'PARTITION BY RANGE (%I)', t, old, id, day, day);
    EXECUTE format('CREATE TABLE %I (%I TEXT PRIMARY KEY, %I TEXT NOT NULL)', ids, id, day);
    FOR y IN EXECUTE format('SELECT DISTINCT substr(%I, 1, 4)::INT FROM %I', day, old) LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
            t || '_y' || lpad(y::TEXT, 4, '0'), t,
            lpad(y::TEXT, 4, '0') || '-01-01', lpad((y + 1)::TEXT, 4, '0') || '-01-01');
    END LOOP;
    EXECUTE format('INSERT INTO %I SELECT * FROM %I', t, old);
    EXECUTE format('INSERT INTO %I (%I, %I) SELECT %I, %I FROM %I', ids, id, day, id, day, old);
    EXECUTE format('DROP TABLE %I', old);
END
$$ LANGUAGE plpgsql;

SELECT pg_temp.partition_by_year('vacancies', 'vacancy_id', 'posted_on', 'vacancy_ids');
CREATE INDEX vacancies_posted_on ON vacancies (posted_on);
CREATE INDEX vacancies_occupation ON vacancies (occupation, posted_on);

SELECT pg_temp.partition_by_year('work_permits', 'permit_id', 'issued_on', 'work_permit_ids');
CREATE INDEX work_permits_issued_on ON work_permits (issued_on);

SELECT pg_temp.partition_by_year('register_registrations', 'registration_id', 'from_day', 'register_registration_ids');
ALTER TABLE register_registrations
    ADD FOREIGN KEY (document_id) REFERENCES register_documents (id);
CREATE INDEX register_registrations_document ON register_registrations (document_id);
CREATE INDEX register_registrations_late ON register_registrations (from_day) WHERE late = 1;
