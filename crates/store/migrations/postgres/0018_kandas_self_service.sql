-- Kandas self-service (issue 16): an applicant files their own application from their account,
-- and follows it there. `applicant_id` is the account that filed it (NULL: registered by an
-- officer on the family's behalf). The reference of a self-filed application is made from the
-- account and the form's key, so the same form sent twice is one application.
ALTER TABLE kandas_applications ADD COLUMN applicant_id BIGINT REFERENCES users (id);
CREATE INDEX kandas_applications_applicant ON kandas_applications (applicant_id, id);
