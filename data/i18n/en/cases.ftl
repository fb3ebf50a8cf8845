# The officer's side of the case workflow: the queue, decisions, permits, quotas and rounds.
nav-cases = Cases
nav-permits = Permits
nav-rounds = Quotas and rounds

co-yes = yes
co-no = no
co-none = —
co-all = all
co-bytes = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }

co-queue-title = Cases
co-queue-intro = Applications waiting for a decision, oldest first. Filter by programme, status, region and how long they have waited; search by the applicant's name, the case reference or the passport number; sort by a column heading.
co-queue-scoped = Your account is scoped to { $region }: you see its cases only.
co-queue-empty = No case matches these filters.
co-programme = Programme
co-status = Status
co-status-waiting = waiting for an officer
co-region = Region
co-age = Submitted more than (days) ago
co-filter = Show
co-reference = Reference
co-holder = Holder
co-automatic = Automatic outcome
co-points = Points
co-invited = Invited
co-err-other-region = This belongs to { $region }; your account serves { $mine }.
co-err-not-allowed = You may not do this with your account.
co-facts-family = Family members
co-facts-languages = Languages
co-facts-investments = Investments

co-status-draft = draft
co-status-submitted = submitted
co-status-information_requested = information requested
co-status-awaiting_confirmation = awaiting confirmation by a second officer
co-status-approved = approved
co-status-refused = refused
co-status-withdrawn = withdrawn

co-case-title = Case
co-applicant = Applicant's account
co-created = Created
co-submitted = Submitted
co-sector = Priority sector
co-approved-by = Approved by
co-confirmed-by = Confirmed by
co-decided-by = Decided by
co-holder-surname = Surname
co-holder-given = Given names
co-holder-birth = Date of birth
co-holder-sex = Sex
co-holder-nationality = Nationality
co-holder-passport = Passport
co-holder-passport-expiry = Passport valid until
co-facts = Answers of the application
co-automatic-title = Automatic decision
co-stored-outcome = At submission the rules gave: { $outcome } (decided on { $date }, policy edition { $edition }).
co-automatic-today = Below, the rules' decision for today with every check — the decision you make is checked against it.
co-evidence = Evidence
co-document = Document
co-number = Number
co-issuer = Issued by
co-issued-on = Issued on
co-file = File
co-history = History
co-override-of = Override of the automatic outcome: { $outcome }
co-permit-issued = Permit issued:

co-doc-passport = Passport
co-doc-bank_certificate = Bank certificate
co-doc-diploma = Diploma
co-doc-employment_contract = Employment contract
co-doc-criminal_record_certificate = Criminal record certificate
co-doc-housing_document = Housing document
co-doc-investment_proof = Proof of investment
co-doc-business_proof = Proof of business
co-doc-training_plan = Training plan
co-doc-birth_certificate = Birth certificate
co-doc-marriage_certificate = Marriage certificate
co-doc-other = Other document

co-event-created = Created
co-event-submitted = Submitted
co-event-withdrawn = Withdrawn
co-event-replied = The applicant replied
co-event-returned = Approval returned to the queue
co-event-message = Message
co-event-approved = Approved
co-event-refused = Refused
co-event-info_requested = Information requested
co-event-confirmed = Approval confirmed
co-event-invited = Invited in a round
co-event-evidence = Evidence added
co-event-permit_issued = Permit issued

co-act = Decide
co-decision = Decision
co-action-approve = Approve
co-action-refuse = Refuse
co-action-request_info = Request more information
co-reason = Reason
co-override-note = Every decision needs a reason. Going against the automatic outcome (approving what the rules refuse, refusing what they grant) is an override: it needs a reason of at least { $count ->
        [one] { $count } character
       *[other] { $count } characters
    } and is audited.
co-four-eyes-note = Permanent residence: an approval waits until a second officer confirms it.
co-decide = Record the decision
co-note-optional = Note (optional)
co-confirm = Confirm the approval
co-same-officer-note = You approved this case: a second officer must confirm it.
co-return = Return to the queue
co-message = Message to the applicant
co-send = Send
co-read-only = You can read this case; only an officer of its region decides it.

co-done-approved = The case is approved.
co-done-awaiting_confirmation = The approval is recorded; the case awaits confirmation by a second officer, and no permit is issued until then.
co-done-refused = The case is refused.
co-done-info_requested = More information was requested from the applicant.
co-done-confirmed = The approval is confirmed and the permit issued.
co-done-returned = The approval was returned to the queue.
co-done-message = The message was sent.
co-done-renewed = The permit is renewed.
co-done-cancelled = The permit is cancelled.

co-err-action = Choose the decision: approve, refuse or request more information.
co-err-reason = A decision needs a written reason.
co-err-override-reason = This goes against the automatic outcome: an override needs a written reason of at least { $min } characters.
co-err-message = The message must not be empty and must be at most 4000 characters.
co-err-date = Give the new end date as a date (YYYY-MM-DD).
co-err-not-invited = A valuable-skills case is approved only after an invitation round has invited it.
co-err-same-officer = You approved this case: a second officer must confirm it.
co-err-conflict = The case changed meanwhile: reload it and try again.
co-err-refused = This cannot be done as things stand.
co-err-evaluation = The rules could not evaluate the case again: { $detail }

co-permits-title = Permits
co-permits-all = Permits issued
co-alerts-title = Overdue training reports
co-alerts-none = No training report is overdue.
co-overdue = { $reports } overdue since { $due }; { $count ->
        [one] { $count } trainee
       *[other] { $count } trainees
    } reported (at least { $min } a year required).
co-overdue-reports = { $count ->
        [one] report for period { $periods }
       *[other] reports for periods { $periods }
    }
co-kind = Kind
co-valid-from = Valid from
co-valid-until = Valid until
co-cancelled = Cancelled on
co-issued = Issued
co-ground = Legal ground
co-min-trainees = Local specialists to train a year
co-permit-title = Permit
co-rights = Rights
co-conditions = Conditions
co-event = Event
co-when = When
co-by = By
co-term = Term
co-periods = Reporting periods
co-due = Report due
co-period-filed = filed
co-period-overdue = overdue
co-period-open = not yet due
co-reports = Training reports
co-solvency = Confirmations of solvency
co-solvency-hint = The bank certificates the holder filed; the annual re-check (Article 49) decides on the latest one, or on the application's certificate if none is filed.
co-solvency-none = The holder has filed no certificate.
co-solvency-certified-on = Date of the certificate
co-solvency-amount = Amount
co-solvency-kazakh-bank = Bank in Kazakhstan
co-solvency-filed-by = Filed by
co-trainees = Trainees
co-summary = Summary
co-renew = Renew
co-new-until = New end of validity
co-cancel = Cancel the permit
co-ground-not-applicable = does not apply to this permit

co-permit-event-issued = Issued
co-permit-event-renewed = Renewed
co-permit-event-cancelled = Cancelled

co-ground-solvency_not_confirmed = Solvency not confirmed
co-ground-training_obligation_unmet = Training obligation not met
co-ground-false_information = False information or forged documents
co-ground-investment_withdrawn = Investment withdrawn
co-ground-refugee_status_ceased = Refugee status ceased
co-ground-holder_request = At the holder's request

co-right-reside-permanently = To reside in Kazakhstan permanently
co-right-reside = To reside in Kazakhstan for the term of the permit
co-right-work-without-permit = To work without a work permit
co-right-social-services = Access to social services
co-right-family-reunification = To bring family members
co-right-register-business = To register a business
co-right-own-property = To own property
co-right-hire-staff = To hire staff
co-right-financial-transactions = To carry out financial transactions
co-right-conduct-operations = To conduct business operations
co-right-run-business = To run a business
co-right-paryz-contest = To take part in the “Paryz” contest
co-right-non-refoulement = Protection from return to the country of persecution

co-condition-keep-solvency = Keep the solvency shown (re-checked; an unconfirmed one cancels the permit)
co-condition-register-residence = Register the place of residence
co-condition-train-local-personnel = Train local specialists
co-condition-report-training = Report on training periodically
co-condition-keep-investment = Keep the investment
co-condition-run-business-in-kazakhstan = Run the business in Kazakhstan
co-condition-inform-of-changes = Inform the authority of changes

co-rounds-title = Quotas and rounds
co-rounds-intro = The annual quotas of the programmes and the invitation rounds of the valuable-skills visa: candidates are ranked by points, ties broken by the time the profile was submitted. Every round is published and can be re-derived from the data it stored.
co-quotas = Quotas
co-year = Year
co-places = Places
co-used = Used
co-left = Left
co-rounds-held = Rounds held
co-held-on = Held on
co-size = Places offered
co-considered = Candidates considered
co-cut-off = Cut-off score
co-tie-break = Tie-break time
co-invited-count = Invited
co-sector-any = any sector
co-hold = Hold a round
co-hold-hint = Invites the best-ranked eligible candidates not yet invited, up to the number of places, optionally only of one priority sector.
co-round-title = Round
co-verified = Re-derived from the stored candidates
co-invitations = Invitations
co-rank = Rank
co-renew-suggested = The programme’s term from today ends on { $until } (or when the passport expires, if sooner).
