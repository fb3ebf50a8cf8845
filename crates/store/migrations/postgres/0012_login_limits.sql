-- Login and sign-up limits that hold under concurrency (issue 14): one counter per subject
-- ('user:NAME', 'ip:ADDRESS', 'signup:ADDRESS') for the window that began at its first attempt.
-- An attempt is counted by one INSERT … ON CONFLICT DO UPDATE before the password is hashed,
-- so simultaneous attempts are counted one after another. Replaces the log of failures, which
-- was counted first and written after the hashing. Rows of ended windows are deleted as new
-- attempts arrive; the counts are kept for the window only, so nothing is carried over.
CREATE TABLE login_limits (
    subject         TEXT    PRIMARY KEY,
    window_start_us BIGINT  NOT NULL,
    attempts        BIGINT  NOT NULL
);
CREATE INDEX login_limits_window ON login_limits (window_start_us);

DROP TABLE login_failures;
