# Citizens working abroad: the registry, interstate agreements and rights-protection cases.
nav-abroad = Citizens abroad

ab-title = Citizens working abroad
ab-intro = Citizens of Kazakhstan working abroad: where they work, the interstate agreements that protect their rights, and the cases opened to protect them.
ab-countries = Countries by number of citizens working there
ab-countries-hint = Citizens whose contract has not ended on { $on }; the countries where most work come first.
ab-citizens = Citizens
ab-citizens-total = { $count ->
        [one] { $count } citizen works
       *[other] { $count } citizens work
    } abroad
ab-country = Country
ab-open-cases = Open cases
ab-agreements = Agreements
ab-all = All
ab-none = None yet.
ab-reference = Reference
ab-citizen = Citizen
ab-kind = Complaint
ab-status = Status
ab-counts-only = You see counts only: names and IINs are shown to the officers who handle the cases.
ab-agreements-title = Interstate agreements
ab-agreements-intro = Kazakhstan's agreements with the countries where its citizens work: what they cover and where they stand. Rows marked illustrative are examples, not the official texts.
ab-agreement = Agreement
ab-signed-on = Signed on
ab-in-force-from = In force from
ab-covers = Covers
ab-note = Note
ab-illustrative = illustrative
ab-registry-title = Registry of citizens abroad
ab-registry-intro = Each entry is one contract abroad. Every look at this registry is recorded in the audit log.
ab-search = IIN or name
ab-search-button = Search
ab-name = Name
ab-iin = IIN
ab-sector = Sector
ab-employer = Employer
ab-contract = Contract
ab-add = Register a citizen
ab-surname = Surname
ab-given-names = Given names
ab-agency = Recruiting agency
ab-agency-licence = Agency licence number
ab-contract-from = Contract from
ab-contract-until = Contract until
ab-birth-date = Birth date
ab-registered-by = Registered by
ab-cases = Protection cases
ab-opened = Opened
ab-open-case = Open a protection case
ab-complaint = Complaint
ab-case-title = Protection case
ab-history = What was done
ab-add-action = Record an action
ab-action = Action
ab-taken-on = Done on
ab-what = What was done
ab-change-status = Change the status
ab-reason = Reason

ab-err-field = Please correct this: { $detail }
ab-err-refused = This cannot be done: { $detail }
ab-err-conflict = The case was changed meanwhile; look at it again: { $detail }
ab-err-forbidden = You may not do this: { $detail }
ab-err-notfound = Not found: { $detail }

ab-sector-domestic_work = Domestic work
ab-sector-construction = Construction
ab-sector-agriculture = Agriculture
ab-sector-hospitality = Hospitality
ab-sector-healthcare = Healthcare
ab-sector-it = IT
ab-sector-transport = Transport
ab-sector-other = Other

ab-astatus-negotiating = being negotiated
ab-astatus-signed = signed
ab-astatus-in_force = in force
ab-astatus-suspended = suspended

ab-cover-employment = employment
ab-cover-social_security = social security
ab-cover-pensions = pensions
ab-cover-domestic_workers = domestic workers
ab-cover-health_care = health care
ab-cover-qualifications = recognition of qualifications
ab-cover-readmission = readmission

ab-kind-unpaid_wages = Unpaid wages
ab-kind-confiscated_passport = Passport confiscated
ab-kind-unsafe_conditions = Unsafe conditions
ab-kind-trafficking_signs = Signs of trafficking
ab-kind-contract_breach = Breach of contract
ab-kind-other = Other

ab-status-open = open
ab-status-in_progress = in progress
ab-status-resolved = resolved
ab-status-closed = closed

ab-action-opened = Case opened
ab-action-status = Status changed
ab-action-consulate_contacted = Consulate contacted
ab-action-employer_contacted = Employer contacted
ab-action-agency_licence_checked = Agency licence checked
ab-action-authorities_notified = Local authorities notified
ab-action-legal_aid = Legal aid arranged
ab-action-returned_home = Returned home
ab-action-other = Other
# The form of an interstate agreement (officers, issue 16).
ab-ag-add = Add an agreement
ab-ag-edit = Edit
ab-ag-new-title = New interstate agreement
ab-ag-edit-title = Edit the interstate agreement
ab-ag-form-intro = The agreement as it now stands: while negotiated it has no dates; once signed, the date of signature; once in force, the date it entered into force.
ab-ag-reference-hint = The agreement's own key in ashyq, 1 to 80 characters; it cannot be changed later.
ab-ag-illustrative = An illustrative example, not the official text
ab-ag-save = Save the agreement
ab-ag-err-reference = Enter a reference of 1 to 80 characters.
ab-ag-err-exists = An agreement with this reference exists already: edit it from the list instead.
ab-ag-err-country = Choose the country of the agreement.
ab-ag-err-title = Enter the title; it may not have control characters or be longer than allowed.
ab-ag-err-status = Choose the status. An agreement being negotiated has no date of signature or entry into force.
ab-ag-err-signed-on = Enter the date of signature as year-month-day: a signed, in-force or suspended agreement has one.
ab-ag-err-in-force-from = Enter the date of entry into force as year-month-day, not before the signature: an agreement in force or suspended has one.
ab-ag-err-covers = Choose what the agreement covers from the list.
ab-ag-err-note = The note may not have control characters or be longer than allowed.
ab-ag-err-field = This field is not valid.
