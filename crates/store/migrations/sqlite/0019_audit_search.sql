-- The administrators' search of the audit log (flows/accounts/audit): by who acted and by what
-- they did, newest first. The object's index is in 0002.
CREATE INDEX audit_log_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
