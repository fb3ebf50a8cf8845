# Decisions as documents (issue 17): the PDF of a decision, a permit, its cancellation or a kandas
# assignment, and the public check of a document's verification code.
doc-authority = Migration Committee of the Ministry of Labour and Social Protection of the Population of the Republic of Kazakhstan
doc-title-approval = Decision to approve the application
doc-title-refusal = Decision to refuse the application
doc-title-request = Request for further information
doc-title-permit = Permit
doc-title-cancellation = Decision to cancel the permit
doc-title-kandas_assignment = Decision to assign a kandas family to a region
doc-reference = Reference
doc-permit-number = Permit number
doc-permit-kind = Permit
doc-date = Date of the decision
doc-department = Regional department
doc-holder = Name
doc-passport = Passport
doc-programme = Programme
doc-family-size = Family members
doc-outcome = Outcome
doc-outcome-approval = The application is approved
doc-outcome-refusal = The application is refused
doc-outcome-request = Further information is requested: the application waits for your answer
doc-outcome-permit = { $kind } issued
doc-outcome-cancellation = The permit is cancelled from { $date }
doc-outcome-kandas_assignment = The family is assigned to { $region }
doc-statement = The officer's reasons
doc-term = Term
doc-term-value = valid from { $from } until { $until }
doc-term-cancelled = issued for { $from } to { $until }; valid until the day before { $date }
doc-reasons = Reasons: the conditions of the programme
doc-reasons-intro = { $summary } Each condition as the rules decided it on { $date } (policy { $edition }; the programme rests on { $basis }), with its legal basis and the figures used.
doc-basis = Legal basis
doc-basis-from = { $basis } (applies from { $from })
doc-figures = Figures used
doc-figure = { $name }: { $value } (from { $from })
doc-rights = Rights and conditions
doc-right = Right
doc-condition = Condition
doc-grounds = Legal ground
doc-ground = Ground
doc-subsidies = Subsidies due
doc-subsidies-intro = Reckoned on { $date } with the figures in force that day.
doc-relocation = Relocation subsidy
doc-relocation-text = { $count ->
        [one] For { $count } family member
       *[other] For { $count } family members
    }, a sum in monthly calculation indices (MCI) per member.
doc-rent = Rent subsidy
doc-rent-text = { $monthly } a month for { $count ->
        [one] { $count } month
       *[other] { $count } months
    }.
doc-rent-none = None: the region is not designated for kandas settlement.
doc-total = Total
doc-appeal = How to appeal
doc-appeal-text = You may appeal this decision within { $count ->
        [one] { $count } month
       *[other] { $count } months
    } of the day you received it: by a complaint to the superior body (the Migration Committee), and after that in court. If you received it on { $date }, the last day to complain is { $deadline }. Basis: { $basis }.
doc-foot = Verification code: { $code }. Anyone can check this document at { $url }
doc-page-of = Page { $n } of { $total }
doc-none-title = No such document
doc-none = There is no such document yet: the decision it would record has not been made.
doc-download = Download PDF
doc-download-decision = Download the decision (PDF)
doc-download-permit = Download the permit (PDF)
doc-download-cancellation = Download the cancellation (PDF)
doc-download-assignment = Download the assignment (PDF)
doc-verify-title = Check a document
doc-verify-intro = Every decision, permit and assignment ashyq issues carries a verification code at the foot of its pages. Type the code to see what the document says.
doc-verify-code = Verification code
doc-verify-button = Check
doc-verify-kind = Document
doc-verify-valid = Valid: this document was issued by ashyq
doc-verify-cancelled = Cancelled on { $date }: this permit no longer holds
doc-verify-outcome-approval = Approved
doc-verify-outcome-refusal = Refused
doc-verify-outcome-request = Further information requested
doc-verify-outcome-permit = Permit issued
doc-verify-outcome-cancellation = Permit cancelled
doc-verify-outcome-kandas_assignment = Assigned to the region, with subsidies
doc-verify-compare = Compare these with the paper: a document that says otherwise is not genuine.
doc-verify-none-title = Not valid
doc-verify-none = No document was issued with this code. Check that it is typed as printed; a document whose code is not found is not valid.
