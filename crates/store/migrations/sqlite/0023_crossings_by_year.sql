-- PostgreSQL partitions the border crossings by year (see postgres/0023_crossings_by_year.sql);
-- SQLite keeps them in one table, keyed by the event id as before. Nothing to change here.
SELECT 1;
