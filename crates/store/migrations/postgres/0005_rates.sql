-- The official exchange rates of the National Bank of Kazakhstan: tenge per one unit of a
-- currency, set for a date (working days). Imported from files (`ashyq import rates`), never
-- fetched; each import is recorded in `imports` with source `rates`.
-- A rate is a ratio with up to 28 significant digits, not an amount of money: it is kept as
-- its exact decimal text (normalised, e.g. `470.52`), which both backends read the same way.

CREATE TABLE exchange_rates (
    currency     TEXT    NOT NULL,           -- ISO 4217, upper case, never KZT
    date         TEXT    NOT NULL,           -- YYYY-MM-DD, the day the rate was set for
    kzt_per_unit TEXT    NOT NULL,           -- decimal text: tenge for one unit
    import_id    BIGINT  NOT NULL,           -- the import that last changed it
    PRIMARY KEY (currency, date)
);
