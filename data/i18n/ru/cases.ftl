# The officer's side of the case workflow: the queue, decisions, permits, quotas and rounds.
