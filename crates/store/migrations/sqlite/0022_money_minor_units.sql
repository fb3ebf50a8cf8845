-- Money in one encoding (issue 18): a whole number of tiyn (1 tenge = 100 tiyn) in an INTEGER
-- column named `*_tiyn`, the currency (KZT) named by the column. Until now money was kept three
-- ways: whole tenge in INTEGER (`vacancies.salary_kzt`, `paryz_nominations.investment_kzt`),
-- decimal text (`solvency_confirmations.amount_kzt`, `kandas_applications.total_kzt`), and sums
-- of that text done in Rust. Every stored amount is kept; see README.md, "Money".
--
-- Conversion rules:
-- * whole tenge: multiplied by 100 (the column renamed in place);
-- * decimal text: read exactly as written (`[-]digits[.digits]`) and rounded to the tiyn, half
--   away from zero: the third decimal decides (5–9 rounds the amount away from zero), later
--   digits do not matter. Solvency amounts were checked to the tiyn when filed (at most two
--   decimals), so none of them changes. A kandas total is the exact product of the policy's
--   figures (MCI × multiples); with the whole figures of the policy file it is whole tenge, and
--   only a policy with fractional figures could have left digits below the tiyn: those are
--   rounded, and the exact figures stay in `kandas_applications.subsidies` (JSON).
-- * text that is not such a decimal, or an amount past the range of a 64-bit count of tiyn
--   (92 233 720 368 547 758.07 tenge), stops the migration (a CHECK fails) instead of being
--   stored wrong; nothing is changed then.

-- The amounts converted, checked before anything is changed. A temporary table: gone with the
-- connection. `tiyn` has no declared type, so a sum that overflowed into a REAL stays one and
-- its CHECK fails.
CREATE TEMP TABLE money_0022 (
    tbl  TEXT NOT NULL,
    id   INTEGER NOT NULL,
    ok   INTEGER NOT NULL CHECK (ok = 1),
    tiyn CHECK (typeof(tiyn) = 'integer'),
    PRIMARY KEY (tbl, id)
);

INSERT INTO money_0022 (tbl, id, ok, tiyn)
SELECT tbl, id,
       digits <> '' AND digits <> '.' AND digits NOT GLOB '*[^0-9.]*'
           AND length(digits) - length(replace(digits, '.', '')) <= 1,
       sign * (CAST(whole AS INTEGER) * 100 + CAST(substr(frac, 1, 2) AS INTEGER)
               + (substr(frac, 3, 1) >= '5'))
FROM (
    SELECT tbl, id, sign, digits,
           CASE WHEN instr(digits, '.') > 0 THEN substr(digits, 1, instr(digits, '.') - 1) ELSE digits END AS whole,
           CASE WHEN instr(digits, '.') > 0 THEN substr(digits, instr(digits, '.') + 1) ELSE '' END || '000' AS frac
    FROM (
        SELECT 'solvency' AS tbl, id,
               CASE WHEN substr(trim(amount_kzt), 1, 1) = '-' THEN -1 ELSE 1 END AS sign,
               ltrim(trim(amount_kzt), '-+') AS digits
        FROM solvency_confirmations
        UNION ALL
        SELECT 'kandas', id,
               CASE WHEN substr(trim(total_kzt), 1, 1) = '-' THEN -1 ELSE 1 END,
               ltrim(trim(total_kzt), '-+')
        FROM kandas_applications WHERE total_kzt IS NOT NULL
    )
);

-- Whole tenge to tiyn, checked the same way first.
INSERT INTO money_0022 (tbl, id, ok, tiyn)
SELECT 'paryz', id, 1, investment_kzt * 100 FROM paryz_nominations;

-- Vacancies: salaries are at most 100 000 000 tenge (the import's bound), far inside the range.
ALTER TABLE vacancies RENAME COLUMN salary_kzt TO salary_tiyn;
UPDATE vacancies SET salary_tiyn = salary_tiyn * 100 WHERE salary_tiyn IS NOT NULL;

ALTER TABLE paryz_nominations RENAME COLUMN investment_kzt TO investment_tiyn;
UPDATE paryz_nominations
SET investment_tiyn = (SELECT m.tiyn FROM money_0022 m WHERE m.tbl = 'paryz' AND m.id = paryz_nominations.id);

ALTER TABLE kandas_applications ADD COLUMN total_tiyn INTEGER;
UPDATE kandas_applications
SET total_tiyn = (SELECT m.tiyn FROM money_0022 m WHERE m.tbl = 'kandas' AND m.id = kandas_applications.id);
ALTER TABLE kandas_applications DROP COLUMN total_kzt;

-- A column cannot be made NOT NULL in place: the table is rebuilt (nothing refers to it).
CREATE TABLE solvency_confirmations_0022 (
    id           INTEGER PRIMARY KEY,
    permit_id    INTEGER NOT NULL REFERENCES case_permits (id),
    kazakh_bank  INTEGER NOT NULL,          -- 1: a second-tier bank of Kazakhstan
    certified_on TEXT NOT NULL,
    filed_by     TEXT NOT NULL,
    filed_at_us  INTEGER NOT NULL,
    amount_tiyn  INTEGER NOT NULL,
    UNIQUE (permit_id, certified_on)
);
-- A LEFT JOIN: a row without its amount fails the NOT NULL instead of being left out.
INSERT INTO solvency_confirmations_0022 (id, permit_id, kazakh_bank, certified_on, filed_by, filed_at_us, amount_tiyn)
SELECT s.id, s.permit_id, s.kazakh_bank, s.certified_on, s.filed_by, s.filed_at_us, m.tiyn
FROM solvency_confirmations s LEFT JOIN money_0022 m ON m.tbl = 'solvency' AND m.id = s.id;
DROP TABLE solvency_confirmations;
ALTER TABLE solvency_confirmations_0022 RENAME TO solvency_confirmations;

DROP TABLE money_0022;
