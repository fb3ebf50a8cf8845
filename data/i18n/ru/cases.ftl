# The case workflow: applications, decisions, permits, quotas and invitation rounds.
