-- PostgreSQL partitions vacancies, work permits and registrations by the year of their date (see
-- postgres/0024_events_by_year.sql); SQLite keeps one table each, keyed by its id as before.
-- Nothing to change here.
SELECT 1;
