# The applicant's side of the case workflow: applying, evidence, following the case, reports.
