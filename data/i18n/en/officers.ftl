# The officers' and administrators' tools: pages of long lists, sorting, searching, exports,
# the register's alerts by region, accounts' roles and the audit log's actions in words.

## Paging
of-paging-label = Pages
of-paging-summary = { $from }–{ $to } of { $total }
of-paging-prev = ← Previous
of-paging-next = Next →

## Bad parameters
of-err-param = “{ $value }” is not a valid value for “{ $field }”; it was left out.
of-err-search = The search must be at most { $max } characters without control characters; it was left out.
of-field-programme = Programme
of-field-status = Status
of-field-age = Waiting at least (days)
of-field-sort = Sort by
of-field-order = Order
of-field-page = Page
of-field-days = Days ahead
of-field-from = From
of-field-to = To
of-field-actor = Who
of-field-action = Action
of-field-object-type = Object type
of-field-object-id = Object

## The case queue
of-search = Search
of-search-hint = Name, reference or passport
of-sort-label = Sort by
of-order-label = Order
of-order-asc = Ascending
of-order-desc = Descending
of-sort-submitted = Submitted
of-sort-waiting = Days waiting
of-sort-programme = Programme
of-sort-status = Status
of-sort-reference = Reference
of-sort-holder = Applicant
of-sort-region = Region

## The register's alerts
of-alerts-scoped = Your account is scoped to { $region }: you see the alerts of persons placed there (by their latest registration, or else their latest crossing) and of registrations made there.
of-alerts-summary-region = { $region }: { $count ->
        [one] { $count } person
       *[other] { $count } people
    } overstaying now.
of-all-regions = Whole country
of-download-csv = Download as CSV
of-csv-person = Person no.
of-field-region = Region
of-field-list = List
of-err-title = The request cannot be read

## Accounts: role and region
of-users-change-role = Change role
of-users-role-hint = Only coordinators and officers have a region (an officer without one works for the whole country). A new role ends the account's sessions and revokes its API tokens.
of-users-err-own-role = You cannot change your own role: ask another administrator.

## The audit log
of-audit-search = Search
of-audit-any-action = Any action
of-audit-empty = No record matches this search.
of-audit-code = Code
of-audit-detail = Details
of-action-other = Other action

## Actions of the audit log, one per code
of-action-abroad-agreement-save = Agreement with a host country saved
of-action-abroad-case-action = Action taken on a protection case abroad
of-action-abroad-case-list = Protection cases abroad listed
of-action-abroad-case-open = Protection case abroad opened
of-action-abroad-case-read = Protection case abroad viewed
of-action-abroad-case-status = Status of a protection case abroad changed
of-action-abroad-worker-read = Record of a citizen working abroad viewed
of-action-abroad-worker-register = Citizen working abroad registered
of-action-abroad-worker-search = Citizens working abroad searched
of-action-account-signup = Account opened by sign-up
of-action-account-contact = Contact details changed
of-action-account-email_verified = E-mail address confirmed by its link
of-action-account-link_refused = A used, expired or unknown link was refused
of-action-account-password_reset = Password set through a reset link
of-action-account-reset_requested = Password-reset link asked for
of-action-account-verification_sent = Confirmation link sent again
of-action-kandas-file = Kandas application filed by the applicant
of-action-kandas-queue = Kandas applications listed
of-action-kandas-read = Kandas application viewed
of-action-labour-preview = Labour market file checked for a preview
of-action-labour-preview-cancel = Labour market file preview cancelled
of-action-applications-submit = Self-check application submitted
of-action-audit-export = Audit log downloaded
of-action-case-approved = Case approved
of-action-case-confirmed = Approval confirmed by a second officer
of-action-case-create = Case opened
of-action-case-evidence = Document attached to a case
of-action-case-evidence-read = Document of a case downloaded
of-action-case-info_requested = More information requested for a case
of-action-case-message = Message written on a case
of-action-case-override = Automatic evaluation overridden
of-action-case-queue = Case queue viewed
of-action-case-read = Case viewed
of-action-case-refused = Case refused
of-action-case-replied = Request for information answered
of-action-case-returned = Approval returned to the queue
of-action-case-submit = Case submitted
of-action-case-withdrawn = Case withdrawn
of-action-coordination-body_add = Coordinating organisation added
of-action-coordination-body_disable = Coordinating organisation deactivated
of-action-coordination-body_enable = Coordinating organisation reactivated
of-action-coordination-member = Coordinator assigned to an organisation
of-action-document-download = Decision document (PDF) downloaded
of-action-kandas-assign = Kandas assigned to a region
of-action-kandas-create = Kandas application registered
of-action-kandas-pay = Kandas support paid
of-action-kandas-refuse = Kandas application refused
of-action-labour-import = Labour market data imported
of-action-list-approve = Occupation list approved
of-action-list-draft = Draft occupation list computed
of-action-list-opinion = Opinion on an occupation list given
of-action-list-publish = Occupation list published
of-action-list-revise = Occupation list revised
of-action-list-send = Occupation list sent for coordination
of-action-paryz-decide = Paryz nomination decided
of-action-paryz-nominate = Nominated for Paryz
of-action-paryz-read = Paryz nomination viewed
of-action-paryz-year-close = Paryz year closed
of-action-paryz-year-open = Paryz year opened
of-action-paryz-year-publish = Paryz results published
of-action-permit-cancel = Permit cancelled
of-action-permit-issue = Permit issued
of-action-permit-list = Permits listed
of-action-permit-read = Permit viewed
of-action-permit-renew = Permit renewed
of-action-permit-report = Permit holder's report filed
of-action-permit-solvency = Solvency confirmed for a permit
of-action-policy-simulate = Reform simulated on stored applications
of-action-quota-set = Quota set
of-action-rates-import = Rates imported
of-action-register-alerts = Register alerts viewed
of-action-register-alerts-export = Register alerts downloaded
of-action-register-check = Document checked at the border
of-action-register-crossings = Border crossings received
of-action-register-days_corrected = Days of crossings corrected
of-action-register-import = Register data imported
of-action-register-overstayers = Overstayers listed
of-action-register-person-merge = Persons merged in the register
of-action-register-person-read = Person's record viewed
of-action-register-person-split = Document split off to a new person
of-action-register-person-unmerge = Merge of persons undone
of-action-register-person-unsplit = Split of a person undone
of-action-register-search = Register searched
of-action-round-hold = Invitation round held
of-action-session-login = Logged in
of-action-session-login_failed = Failed login attempt
of-action-session-logout = Logged out
of-action-token-create = API token created
of-action-token-revoke = API token revoked
of-action-user-create = Account opened
of-action-user-disable = Account disabled
of-action-user-enable = Account enabled
of-action-user-list = Accounts listed
of-action-user-read = Account viewed
of-action-user-set_password = Password changed
of-action-user-set_role = Role or region of an account changed

# What an audit record is about, in words (the object column of the audit log).
of-object-abroad-agreement = agreement
of-object-abroad-case = citizen-abroad case
of-object-abroad-worker = citizen working abroad
of-object-applications = applications
of-object-case = case
of-object-import = import
of-object-kandas-application = kandas application
of-object-list = list
of-object-paryz-nomination = Paryz nomination
of-object-paryz-year = Paryz contest
of-object-permit = permit
of-object-person = person
of-object-round = round
of-object-scan = scan
of-object-user = account
of-object-token = API token
of-object-document = document
of-object-notification = notification
of-object-opinion = opinion
of-object-agreement = agreement
of-object-rates = exchange rates
of-object-checkpoint = audit checkpoint
of-object-all = all
of-object-id-queue = queue
of-object-id-list = list
of-object-id-batch = batch
of-object-api-token = API token
of-object-audit = audit log
of-object-batch = batch
of-object-body = coordinating body
of-object-data-fix = data correction
of-object-policy = policy
of-object-query = search
of-object-quota = quota
of-object-id-log = the log
of-object-id-api = the API
