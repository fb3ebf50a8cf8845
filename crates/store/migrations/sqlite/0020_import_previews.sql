-- Issue 16: an analyst's upload of labour-market data is first checked and staged as a preview
-- (`imports.state` = 'previewing' while it is read, then 'preview'), shown with its counts of new,
-- updated, unchanged and rejected rows, and written only when the analyst who uploaded it
-- confirms (state 'publishing', then 'done'). A preview not confirmed is discarded once it
-- expires. Its staged rows are in `import_staging`, its rejected rows in `import_rejects`.

ALTER TABLE imports ADD COLUMN expires_at_us INTEGER;  -- a preview's end; NULL for an import
ALTER TABLE imports ADD COLUMN preview TEXT;           -- JSON: the counts, the first errors, a sample of updates
CREATE INDEX imports_by_state ON imports (state, expires_at_us);
