-- Money in one encoding (issue 18): a whole number of tiyn (1 tenge = 100 tiyn) in a BIGINT
-- column named `*_tiyn`, the currency (KZT) named by the column. Until now money was kept three
-- ways: whole tenge in BIGINT (`vacancies.salary_kzt`, `paryz_nominations.investment_kzt`),
-- decimal text (`solvency_confirmations.amount_kzt`, `kandas_applications.total_kzt`), and sums
-- of that text done in Rust. Every stored amount is kept; see README.md, "Money".
--
-- Conversion rules (the same as the SQLite migration's):
-- * whole tenge: multiplied by 100 (the column renamed in place);
-- * decimal text: read as NUMERIC, exactly, and rounded to the tiyn half away from zero
--   (`ROUND(numeric)` rounds ties away from zero): the third decimal decides. Solvency amounts
--   were checked to the tiyn when filed (at most two decimals), so none of them changes. A
--   kandas total is the exact product of the policy's figures (MCI × multiples); with the whole
--   figures of the policy file it is whole tenge, and only a policy with fractional figures
--   could have left digits below the tiyn: those are rounded, and the exact figures stay in
--   `kandas_applications.subsidies` (JSON).
-- * text that is not a number, or an amount past the range of BIGINT tiyn, stops the
--   migration (the cast fails) instead of being stored wrong; nothing is changed then.
-- NUMERIC is used only in these expressions; no column is NUMERIC.

ALTER TABLE vacancies RENAME COLUMN salary_kzt TO salary_tiyn;
UPDATE vacancies SET salary_tiyn = salary_tiyn * 100 WHERE salary_tiyn IS NOT NULL;

ALTER TABLE paryz_nominations RENAME COLUMN investment_kzt TO investment_tiyn;
UPDATE paryz_nominations SET investment_tiyn = investment_tiyn * 100;

ALTER TABLE kandas_applications ADD COLUMN total_tiyn BIGINT;
UPDATE kandas_applications SET total_tiyn = ROUND(total_kzt::NUMERIC * 100)::BIGINT WHERE total_kzt IS NOT NULL;
ALTER TABLE kandas_applications DROP COLUMN total_kzt;

ALTER TABLE solvency_confirmations ADD COLUMN amount_tiyn BIGINT;
UPDATE solvency_confirmations SET amount_tiyn = ROUND(amount_kzt::NUMERIC * 100)::BIGINT;
ALTER TABLE solvency_confirmations ALTER COLUMN amount_tiyn SET NOT NULL;
ALTER TABLE solvency_confirmations DROP COLUMN amount_kzt;
