# ashyq — interface messages, English.
# Every key here must exist in kk/ashyq.ftl and ru/ashyq.ftl (a test holds this).

app-name = ashyq
app-tagline = Open platform for Kazakhstan's migration policy
skip-to-content = Skip to content
nav-label = Main menu
nav-home = Home
nav-api = API reference
nav-account = My account
nav-users = Users
nav-audit = Audit log
nav-login = Log in
nav-logout = Log out
lang-label = Language
signed-in-as = Signed in as { $name } ({ $role })
footer-text = ashyq is free software for the migration policy of the Republic of Kazakhstan.

role-public = Public
role-applicant = Applicant
role-analyst = Labour-market analyst
role-coordinator = Coordinating body
role-officer = Migration officer
role-border = Border officer
role-admin = Administrator

home-title = Welcome to ashyq
home-intro-public = Here you will find the published list of professions in demand and can check which permit or visa you may qualify for. Staff and applicants log in to continue.
home-intro-applicant = Your applications for permits, visas and statuses will appear here.
home-intro-analyst = Here you form the list of professions in demand and the ranking of valuable skills from labour-market data.
home-intro-coordinator = Here you give your body's opinion on the draft list of professions in demand.
home-intro-officer = Here you decide the applications of your region and watch permits and stays.
home-intro-border = Here you record entries and exits and check a traveller's status.
home-intro-admin = Here you manage accounts and check the audit log.
home-region = Region: { $region }

login-title = Log in
login-username = Username
login-password = Password
login-submit = Log in
login-failed = Wrong username or password.
login-throttled = Too many failed attempts. Try again in { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }.
login-already = You are already signed in as { $name }.
signup-link = No account yet? Create an account
signup-title = Create an account
signup-intro = An account lets you apply for permits and visas and follow your applications. Accounts of officials are opened by an administrator.
signup-already = You are signed in as { $name }. Creating an account signs you in to the new one.
signup-username-hint = 3 to 64 characters: letters a–z, digits, dot, dash, underscore or @. You log in with it.
signup-display-name = Your full name
signup-repeat = Repeat the password
signup-submit = Create account
signup-have-account = Already have an account? Log in
signup-throttled = Too many accounts were created from your address. Try again in { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }.

account-title = My account
account-username = Username
account-display-name = Name
account-role = Role
account-region = Region
account-none = —
password-title = Change password
password-current = Current password
password-new = New password
password-repeat = Repeat the new password
password-hint = At least 12 characters. A phrase of several words is both strong and easy to remember.
password-submit = Change password
password-changed = Your password was changed. Your other sessions were logged out.
password-mismatch = The new passwords do not match.
password-wrong-current = The current password is wrong.

users-title = Users
users-add = Add a user
users-username = Username
users-display-name = Name
users-role = Role
users-region = Region
users-region-none = No region
users-password = Initial password
users-status = Status
users-actions = Actions
users-active = Active
users-disabled = Disabled
users-disable = Disable
users-enable = Enable
users-submit = Create the account
users-created = The account { $username } was created.
users-updated = The account { $username } was updated.
users-self = Your own account
users-err-own-account = You cannot disable your own account: ask another administrator.

audit-title = Audit log
audit-intact = The chain of { $count ->
        [one] { $count } record
       *[other] { $count } records
    } is intact.
audit-broken = The chain is broken: { $reason }
audit-seq = No.
audit-at = When
audit-actor = Who
audit-role = Role
audit-action = Action
audit-object = Object
audit-request = Request

err-username = The username must be 3 to 64 characters of a–z, 0–9, dot, dash, underscore or @, starting with a letter or digit.
err-password-short = The password must be at least 12 characters.
err-password-long = The password must be at most 256 characters.
err-password-username = The password must not be the username.
err-display-name = The name must be 1 to 200 characters on one line, without control characters or invisible text-direction marks.
err-region = Unknown region.
err-region-role = Only coordinators and officers are assigned to a region.
err-role = Choose a role.
err-conflict = An account with this username already exists.
err-csrf = The form has expired or was sent from another site. Reload the page and try again.

error-forbidden-title = Access denied
error-forbidden-text = Your role ({ $role }) may not open this page.
error-notfound-title = Page not found
error-notfound-text = There is no page at this address.
error-internal-title = Something went wrong
error-internal-text = The error was logged. Please try again later. Request: { $request }
back-home = Back to the home page

# The list of professions in demand (issue 3)
nav-occupations = Occupations
nav-lists = List of professions in demand
nav-analysis = Analysis
nav-coordination = Coordination
yes = yes
no = no
err-date = “{ $value }” is not a date: use YYYY-MM-DD.

occ-title = Find your occupation
occ-intro = Type a job title in Kazakh, Russian or English — “chemical engineer”, «инженер-химик», «бағдарламашы» — to find its group in the national classifier of occupations (based on ISCO-08), and whether it is on the list of professions in demand in force today.
occ-query = Job title
occ-search = Search
occ-none = No occupation matches this title. Try a shorter or more common title.
occ-err-long = A job title has at most { $max } characters.
occ-matched = Matched title
occ-score = Match
occ-on-list = On the list today

lists-title = List of professions in demand
lists-intro = The list of professions in demand for foreigners, approved by the Ministry of Labour and Social Protection of the Population. A foreigner whose occupation is on the list in force obtains permanent residence without proving solvency. Choose a date to see the list in force on that day.
lists-on = Date
lists-show = Show
lists-in-force-on = The list in force on { $date }
lists-order = Approved by order No. { $order } of { $date }; in force from { $effective }.
lists-none = No list of professions in demand was in force on { $date }.
lists-versions = Published versions
lists-version = Version
lists-period = Data year
lists-order-no = Order No.
lists-order-date = Order date
lists-effective = In force from

list-title = List of professions in demand, version { $id }
list-rank = Rank
list-code = Code
list-occupation = Occupation
list-sector = Sector
list-score = Score
list-criteria = Criteria met
list-on-list = On the list
list-justification = Justification
list-download = Download
list-methodology = Methodology in force since
list-entries = Occupations on the list
list-ranking = Ranking of valuable skills
list-ranking-hint = Every professional occupation (ISCO-08 major group 2) ranked by the same score, whether or not it is on the list.
list-ranking-link = ranking of valuable skills

entry-reasons = Why
entry-checks = The indicators against their benchmarks
entry-indicator = Indicator
entry-value = Value
entry-benchmark = Benchmark
entry-threshold = Must exceed
entry-weight = Weight
entry-passed = Met
entry-charts = Charts
entry-chart-percentiles = Where the occupation stands among all professional occupations (percentile, 0–100)
entry-chart-percentiles-caption = Each bar is the occupation's percentile on one indicator; the line marks the median occupation.
entry-chart-median = median
entry-chart-regions = { $indicator } by region

diff-title = Compare two versions
diff-from = From
diff-to = To
diff-compare = Compare
diff-added = Added
diff-removed = Removed
diff-moved = Rank changed
diff-unchanged = { $count ->
        [one] { $count } occupation
       *[other] { $count } occupations
    } unchanged.

sector-healthcare = Healthcare
sector-education = Education
sector-science_and_technology = Science and technology
sector-information_technology = Information technology

ind-forecast_need = Forecast additional need
ind-vacancies_posted = Vacancies posted
ind-open_at_end = Open at the period's end
ind-median_duration_days = Median vacancy duration, days
ind-hard_to_fill_share = Hard-to-fill share
ind-vacancy_growth = Vacancy growth, year on year
ind-median_salary_kzt = Median offered salary
ind-salary_growth_relative = Salary growth above all occupations
ind-work_permits = Work permits to foreigners
ind-work_permit_growth = Work-permit growth, year on year

reason-not_priority_sector = Not in one of the four priority sectors.
reason-too_few_vacancies = Only { $count ->
        [one] { $count } vacancy
       *[other] { $count } vacancies
    } posted; at least { $minimum } are needed to judge.
reason-too_few_criteria = Meets { $count ->
        [one] { $count } criterion
       *[other] { $count } criteria
    }; { $required } needed.
reason-score_below_cutoff = Score { $score } is below the cut-off { $cutoff }.
reason-beyond_max_entries = Ranked { $rank }, beyond the { $count ->
        [one] { $count } entry
       *[other] { $count } entries
    } the list may have.
reason-meets_all = Meets every condition: { $passed } of { $count ->
        [one] { $count } criterion
       *[other] { $count } criteria
    }, score { $score }.

basis-computed = computed
basis-added = added by revision
basis-removed = removed by revision

status-draft = draft
status-in_coordination = in coordination
status-approved = approved
status-published = published

verdict-agree = agree
verdict-agree_with_remarks = agree with remarks
verdict-object = object

change-label = Proposal
change-add = add to the list
change-remove = remove from the list
changes-legend = Occupations to add or remove (code, proposal, justification)

an-title = Labour-market analysis
an-upload = Import a data file
an-upload-hint = CSV (UTF-8) or XLSX with a header row; the columns are described in the data formats guide. Every row is checked first: if any row is wrong nothing is written, unless you choose to set bad rows aside.
an-source = Source
an-file = File
an-skip-invalid = Write the good rows and set the bad ones aside
an-upload-submit = Import
an-imported = { $file }: { $count ->
        [one] { $count } row
       *[other] { $count } rows
    } read — { $inserted } new, { $updated } updated, { $unchanged } unchanged, { $rejected } set aside.
an-refused = { $file }: { $bad } of { $rows } rows are wrong, so nothing was written. The rows and reasons are listed below.
an-err-source = Choose the data source.
an-err-file = Choose a file to import.
an-err-period = The data year must be a year such as 2025.
an-err-revision = This list has no revision { $revision }.
an-err-too-large = The file is too large: at most { $max } MB.
an-err-upload = The upload was cut short. Try again.
an-err-long-cell = { $file }: row { $row }, column { $column } holds { $chars } characters; a cell may hold at most { $max }.
an-err-long-record = { $file }: the record starting on line { $row } is longer than { $max } MB. Is a quote left open?
an-err-book-cell = { $file }: cell { $cell } in { $part } is larger than { $max } MB; it is not read.
an-err-book-string = { $file }: shared text no. { $index } of the workbook ({ $part }) is larger than { $max } MB; it is not read.
an-err-book-strings = { $file }: the workbook holds more than { $max } different texts ({ $part }). Save it as CSV and import that.
an-err-book-part = { $file }: the part { $part } of the workbook unpacks to more than { $max } MB. Save it as CSV and import that.
an-err-book-total = { $file }: the workbook unpacks to more than { $max } MB. Save it as CSV and import that.
an-err-book-entries = { $file }: the workbook holds more than { $max } files inside it.
an-err-book-broken = { $file }: the workbook is damaged or was not made by a spreadsheet program ({ $part }). Open it and save it again.
an-err-not-book = { $file }: not a readable Excel workbook. Save it as .xlsx or as CSV.
an-err-empty-file = { $file }: the file is empty: it has no header row.
an-err-unreadable = { $file }: the file could not be read back after it was received. Please upload it again.
an-err-unreadable-row = { $file }, row { $row }: { $reason }
an-imports = Recent imports
an-rows = Rows
an-inserted = New
an-updated = Updated
an-unchanged = Unchanged
an-rejected = Set aside
an-by = By
an-compute = Compute a draft list
an-period = Data year
an-note = Note
an-compute-submit = Compute the draft
an-lists = Lists
an-status = Status
an-revision = Revision

source-forecast = Forecast of labour needs
source-vacancies = Vacancies (Electronic Labour Exchange)
source-work-permits = Work permits for foreign labour
source-rates = Exchange rates
source-register-crossings = Register: border crossings
source-register-registrations = Register: registrations at the place of stay
source-register-permits = Register: visas and permits

draft-title = List { $id }
draft-send = Send to the coordinating organisations
draft-revise = Make a new revision
draft-approve = Approve by order
draft-publish = Publish
draft-entries = Candidate occupations

done-drafted = The draft was computed from the imported data.
done-sent = The draft was sent to the coordinating organisations.
done-revised = A new revision was made.
done-approved = The list was approved.
done-published = The list was published.

co-title = Coordination of the list
co-speaking-for = You speak for: { $body }.
co-nothing = No draft has been sent to your organisation yet.
co-answered = Answered
co-no-body = This account speaks for no coordinating organisation. Ask an administrator to assign one.
co-organisation = Organisation
co-recipients = Sent to
co-opinions = Opinions
co-give = Your organisation's opinion
co-verdict = Verdict
co-remarks = Remarks (required unless you simply agree)
co-submit = Give the opinion
co-regional = Figures of your region: { $region }
co-err-verdict = Choose agree, agree with remarks or object.
co-remarks-hint = Choosing a verdict is required. Remarks are required when you agree with remarks or object; with a simple agreement they may stay empty.
co-err-remarks-required = remarks: required with the verdict “{ $verdict }”; say what you object to or remark on.
co-err-remarks-long = The remarks are longer than 10,000 characters.
co-err-proposal-justification = Proposal { $row } ({ $code }): a justification is required.
co-err-proposal-long = Proposal { $row } ({ $code }): the justification is longer than 2,000 characters.
co-err-proposal-twice = Proposal { $row }: { $code } is named twice.
co-err-proposal-outside = Proposal { $row }: { $code } is not a candidate of this list.
co-err-proposal-included = Proposal { $row }: { $code } is already on the list.
co-err-proposal-absent = Proposal { $row }: { $code } is not on the list.
changes-err-code = Row { $row }: “{ $value }” is not an occupation code (four digits, or four digits, a hyphen and up to three more).
changes-err-change = Row { $row }: choose whether to add or to remove the occupation.

# Self-check of eligibility (public) and the reform simulation (analysts)
nav-eligibility = Check your eligibility
ec-title = Check your eligibility
ec-intro = Answer a few questions about yourself and see whether you may qualify for permanent residence, a long-term visa, the Ata zholy card or refugee status. The same rules the migration service applies decide, and each condition is explained with its legal basis.
ec-disclaimer = This is an indication only, not a decision of the authority. Nothing you enter is stored. Only the migration service decides an application, on documents.
ec-start = Start the check
ec-check-title = Self-check: { $programme }
ec-prog-permanent-residence = Permanent residence
ec-prog-permanent-residence-about = To live in Kazakhstan permanently. You show that you can support yourself — money on an account in a Kazakh bank for you and for each adult family member moving with you — and that you have funds for housing. Ethnic Kazakhs (kandas), former citizens, people entitled to simplified citizenship and people whose occupation is on the list of professions in demand need not show the money.
ec-prog-valuable-skills-visa = Valuable-skills visa
ec-prog-valuable-skills-visa-about = A long-term visa for professionals who are among the best in their field. Your occupation, education, experience, languages, publications, patents, awards and a job offer earn points; you need enough points and a plan to train local specialists.
ec-prog-investor-visa = Investor visa
ec-prog-investor-visa-about = A long-term visa for people who have invested at least the amount the law sets, in US dollars, in the charter capital of Kazakh companies or in Kazakh securities.
ec-prog-ata-zholy = Ata zholy card
ec-prog-ata-zholy-about = A simplified ten-year visa with the right to run a business, for ethnic Kazakhs living abroad whose occupation is in demand or on the list for simplified citizenship, or who own a business abroad.
ec-prog-refugee = Refugee status
ec-prog-refugee-about = Protection for people who fear persecution in their country because of race, religion, nationality, membership of a particular social group or political opinion. An officer always examines the claim itself; this check shows the time limit for applying and what the officer will consider.
ec-errors = Some answers need your attention
ec-outcome-eligible = Eligible
ec-outcome-ineligible = Not eligible
ec-outcome-needs_officer = An officer must decide
ec-outcome-error = Could not be decided
ec-programme-basis = Legal basis of the programme
ec-checks = The conditions, one by one
ec-mark-passed = Met
ec-mark-failed = Not met
ec-mark-set-aside = Set aside
ec-mark-officer = For an officer
ec-mark-not-applicable = Does not apply
ec-basis = Legal basis
ec-basis-from = { $basis } (applies from { $from })
ec-basis-none = none in force on the date
ec-rule-ref = Reference for specialists
passport-of = { $country }, No. { $number }
sex-m = male
sex-f = female
sex-x = unspecified
ec-params = Values the law sets, as used
ec-param = Parameter
ec-param-value = Value
ec-param-from = Applies from
ec-change = Change your answers
ec-answers = Your answers
ec-answers-hint = Questions in a group you leave empty (a family member, an investment, a language) are skipped.
ec-submit = Check
ec-choose = — choose —
ec-decided = Decided for { $date } under policy edition { $edition }.
ec-validity = If granted: valid from { $from } to { $until }.
ec-validity-passport = If granted: valid from { $from } to { $until }, when your passport expires.
ec-unit-MCI = MCI
ec-unit-KZT = ₸
ec-unit-USD = US$
ec-unit-days = days
ec-unit-months = months
ec-unit-years = years
ec-unit-m2 = m²
ec-unit-percent = %
ec-err-required = Please answer this question.
ec-err-after-on = This date is after the date of application.
ec-err-amount = “{ $value }” is not an amount: write digits, e.g. 5000000 or 5000000.50.
ec-err-whole = Write a whole number from 0 to { $max }.
ec-err-long = Write at most { $max } characters.
ec-err-occupation = “{ $value }” is not a code of the classifier of occupations. Find yours under Occupations.
ec-err-bin = “{ $value }” is not a valid BIN: 12 digits with a correct check digit.
ec-err-choice = Choose one of the options.
ec-err-facts = This answer cannot be used: { $reason }
facts-empty = it is empty
facts-missing = it is missing
facts-unreadable = it is not a value of the kind this question asks for
facts-not-json = the text is not JSON (line { $line }, column { $column })
facts-date = “{ $value }” is not a date: write it as YYYY-MM-DD, e.g. 2025-03-01
facts-after-decision = the date is after the day of the decision, { $on }
facts-after-application = the date is after the day of the application, { $on }
facts-occupation = { $value } is not in the classifier of occupations
facts-country = “{ $value }” is not a country code (three letters, such as UZB)
facts-region = “{ $value }” is not a region of Kazakhstan
facts-twice = declared twice
facts-language = “{ $value }” is not a language code (two letters, such as kk)
facts-experience = more than { $max } years of experience
ec-err-on = The programme cannot be decided on this date: { $reason }
ec-err-cannot-decide = The check cannot be made now: { $reason }
eval-not-yet = the programme applies only from { $first }, not on { $on }
eval-not-in-force = the programme is not in force on { $on }
eval-repealed = the programme was repealed from { $from }
eval-parameter-missing = the rules lack one of their figures; please tell the service's administrator
eval-parameter-not-yet = one of the rules' figures applies only from { $first }, not on { $on }
eval-parameter-no-region = one of the rules' figures has no value for { $region } on { $on }
eval-rate-stale = there is no official { $currency } rate for { $on }: the latest is for { $latest }
eval-rate-missing = there is no official { $currency } rate for { $on }
eval-rate-overflow = the amount { $amount } is too large to convert exactly
ecg-application = The application
ecg-you = About you
ecg-funds = Money on your account
ecg-funds-hint = Leave the amount empty if you have no account to show.
ecg-member-funds = Money on this family member's account
ecg-family = Family member { $n }
ecg-home = Where you will live
ecg-housing = Housing
ecg-work = Your work
ecg-training = Training of local specialists
ecg-training-hint = Leave empty if you do not offer to train anyone.
ecg-language = Language { $n }
ecg-investment = Investment { $n }
ecg-business = A business you own abroad
ecg-business-hint = Leave the name empty if you own none.
ecg-claim = Your claim
ecf-on = Date of application
ecf-on-hint = The rules in force on this date are applied. Today by default.
ecf-birth_date = Date of birth
ecf-passport_expiry = Passport valid until
ecf-occupation = Occupation (code)
ecf-occupation-hint = The code of your occupation in the classifier, e.g. 2512 for software developers. Find it under Occupations. Leave empty if none.
ecf-ethnic_kazakh = I am an ethnic Kazakh (kandas)
ecf-former_citizen = I was a citizen of Kazakhstan
ecf-simplified_citizenship = I am entitled to citizenship in the simplified procedure
ecf-criminal_record = I have a criminal record
ecf-criminal_record-hint = An officer weighs a criminal record; it does not by itself refuse.
ecf-amount_kzt = Amount, tenge
ecf-amount_kzt-hint = As the bank's certificate states it.
ecf-kazakh_bank = The account is in a bank of Kazakhstan
ecf-certified_on = Date of the bank's certificate
ecf-relation = Relation to you
ecf-region = Region
ecf-provided_by_contract = Housing is provided under a contract (employer, lease)
ecf-provided_by_contract-hint = Then you need no funds for housing.
ecf-funds_kzt = Funds for housing, tenge
ecf-funds_kzt-hint = Leave empty if you have none.
ecf-education = Highest education
ecf-experience_years = Years of work in the occupation
ecf-publications = Publications
ecf-patents = Patents
ecf-awards = Awards
ecf-job_offer = I have a job offer from an employer in Kazakhstan
ecf-trainees_per_year = Local specialists you will train each year
ecf-language = Language
ecf-level = Level
ecf-level-hint = On the European scale, from A1 (beginner) to C2 (mastery).
ecf-kind = Kind of investment
ecf-recipient = Company or issuer
ecf-bin = BIN
ecf-bin-hint = The business identification number of a Kazakh company; leave empty for a foreign one.
ecf-amount = Amount
ecf-currency = Currency
ecf-date = Date of the investment
ecf-country_of_residence = Country where you live
ecf-name = Name of the business
ecf-country = Country of registration
ecf-registered_on = Date of registration
ecf-arrival_date = Date you arrived in Kazakhstan
ecf-grounds = Why you fear persecution
ecf-grounds-hint = Tick every ground that applies.
ecf-delay_reason = Why you did not apply sooner
ecf-delay_reason-hint = Only if you are applying after the time limit.
ecf-exclusion_grounds = I have committed a serious non-political crime, a crime against peace, or acts contrary to the purposes of the United Nations
ecf-exclusion_grounds-hint = An officer must consider this.
ecv-relation-spouse = spouse
ecv-relation-child = child
ecv-relation-parent = parent
ecv-relation-other = other relative
ecv-education-none = none
ecv-education-secondary = secondary school
ecv-education-vocational = vocational
ecv-education-bachelor = bachelor's degree
ecv-education-master = master's degree
ecv-education-doctorate = doctorate
ecv-language-kk = Kazakh
ecv-language-ru = Russian
ecv-language-en = English
ecv-language-zh = Chinese
ecv-language-de = German
ecv-language-fr = French
ecv-language-tr = Turkish
ecv-language-uz = Uzbek
ecv-language-ar = Arabic
ecv-language-ko = Korean
ecv-kind-charter_capital = charter capital of a company
ecv-kind-securities = securities (shares, bonds)
ecv-grounds-race = race
ecv-grounds-religion = religion
ecv-grounds-nationality = nationality
ecv-grounds-social_group = membership of a particular social group
ecv-grounds-political_opinion = political opinion

sim-title = Reform simulation
sim-intro = Upload a draft policy file: every stored application is decided again under the policy in force and under the draft, and you see how many outcomes change, how, and which cases. Nothing is changed; the run is recorded in the audit log because it reads applicants' records.
sim-link-hint = Test a draft policy against the stored applications before it is enacted.
sim-open = Open the reform simulation
sim-file = Draft policy file (TOML)
sim-file-hint = A policy file in the format of data/policy/kz.toml, with the changes proposed.
sim-date = Decide every case on this date (optional)
sim-date-hint = Leave empty to decide each application on its own date of application.
sim-submit = Run the simulation
sim-result = Result
sim-summary = { $count ->
        [one] { $count } application
       *[other] { $count } applications
    } decided under policy { $baseline } (in force) and { $draft } (draft), { $on }: the outcome changes for { $changed } of them.
sim-on-date = all on { $date }
sim-on-own = each on its date of application
sim-unreadable = { $count ->
        [one] { $count } stored application could not be read and was left out
       *[other] { $count } stored applications could not be read and were left out
    }:
sim-by-programme = By programme
sim-programme = Programme
sim-cases = Cases
sim-changed = Changed
sim-transitions = How they change
sim-affected = Cases affected
sim-none = No case changes under the draft.
sim-more = The first { $shown } of { $count ->
        [one] { $count } case
       *[other] { $count } cases
    } affected are shown.
sim-reference = Reference
sim-applied = Date
sim-before = In force
sim-after = Draft
sim-failing-before = Refused on (in force)
sim-failing-after = Refused on (draft)
sim-err-file = Choose a draft policy file.
sim-err-policy = The draft policy cannot be read: { $error }

## The register of movements (issue 5)
nav-border = Border check
nav-register = Register
nav-alerts = Alerts
nav-register-stats = Movements
reg-border-title = Border check
reg-border-intro = Scan or paste the machine-readable zone of the document, or type its issuing state and number.
reg-mrz = Machine-readable zone
reg-mrz-hint = Two lines of 44 or 36 characters, or three of 30, as the scanner reads them.
reg-or-type = Or type the document:
reg-issuing-state = Issuing state
reg-document-number = Document number
reg-check = Check
reg-err-mrz = The machine-readable zone does not check: { $error }
reg-err-missing = Scan the machine-readable zone, or type the issuing state and the number.
reg-err-both = Scan the machine-readable zone or type the issuing state and the number, not both: clear one of them.
reg-err-refused = Not done: { $error }
reg-status-unknown = NOT IN THE REGISTER
reg-status-absent = Not in the country
reg-status-unrecorded = No entry or exit recorded
reg-status-lawful = Lawful stay
reg-status-lawful-until = Lawful until { $date }
reg-status-overstay = OVERSTAY since { $since }: { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
reg-status-unlawful = Unlawful stay
reg-status-on = Status on { $date }
reg-basis-citizen = Citizen of Kazakhstan
reg-basis-permit = { $kind } { $number }, valid until { $date }
reg-basis-visa = Visa { $number }, valid until { $date }
reg-basis-short-stay = Short stay: at most { $count ->
        [one] { $count } day
       *[other] { $count } days
    } in any { $window }; { $per_entry }
reg-basis-window = period of { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
reg-basis-per-entry = at most { $count ->
        [one] { $count } day
       *[other] { $count } days
    } per entry
reg-basis-per-entry-none = no limit per entry
reg-basis-no-visa = No visa or permit covered the stay
reg-basis-absent = Left the country
reg-basis-unrecorded = Whether the person is in the country is not known: the register holds no entry or exit
reg-warnings = Warnings
reg-warn-overstay = Overstay since { $since }: { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
reg-warn-expired = Document { $document } expired on { $date }
reg-warn-refused = Refused entry before ({ $count ->
        [one] once
       *[other] { $count } times
    }), last on { $date } at { $checkpoint }: { $reason }
reg-name = Name
reg-nationality = Citizenship
reg-birth-date = Date of birth
reg-sex = Sex
reg-open-record = Open the person's record
reg-documents = Documents
reg-document = Document
reg-document-type = Type
reg-expiry = Valid until
reg-expired = expired
reg-last-crossings = Last crossings
reg-crossings = Crossings
reg-none = None.
reg-day = Day
reg-kind = Kind
reg-checkpoint = Checkpoint
reg-reason = Reason
reg-event = Event id
reg-kind-entry = Entry
reg-kind-exit = Exit
reg-kind-refusal = Refused entry
reg-group = Citizenship group
reg-group-citizen = Citizen of Kazakhstan
reg-group-eaeu = EAEU citizen
reg-group-visa_free = Visa-free
reg-group-visa_required = Visa required
reg-since = In the country since
reg-days-in-window = Days counted in the 180-day window
reg-anomalies = Gaps in the record of crossings
reg-on = Day examined
reg-show = Show
reg-person-title = Person in the register
reg-person = Person
reg-registrations = Registrations
reg-registration-stay = Place of stay
reg-registration-work = Migrant worker
reg-region = Region
reg-address = Address
reg-host = Host
reg-period = Period
reg-notified = Notified on
reg-late = LATE (due { $date })
reg-employer = Employer (BIN)
reg-permits = Visas and permits
reg-number = Number
reg-cancelled = Cancelled on
reg-validity = Validity today
reg-validity-in-force = In force
reg-validity-not-yet = Not yet in force
reg-validity-expired = Expired
reg-validity-cancelled = Cancelled on { $date }
reg-current-registrations = Current registrations
reg-permit-visa = Visa
reg-permit-work-permit = Work permit
reg-permit-temporary-residence = Temporary residence permit
reg-permit-permanent-residence = Permanent residence permit
reg-permit-valuable-skills-visa = Valuable skills visa
reg-permit-investor-visa = Investor visa
reg-permit-ata-zholy = Ata zholy card
reg-permit-refugee-certificate = Refugee certificate
reg-merges = Merges and splits
reg-merge-merge = Person #{ $from } merged into #{ $into } (documents { $documents })
reg-merge-split = Documents { $documents } split off #{ $from } into #{ $into }
reg-merge-undone = undone by { $by } at { $at }
reg-undo = Undo
reg-merge-title = Merge another person into this one
reg-merge-hint = The same person under two records (a new passport, another spelling): their documents and events move here. It can be undone.
reg-merge-candidate = Same birth date and citizenship
reg-merge-from = Or the other person's number
reg-merge = Merge
reg-reason-required = Reason (required)
reg-split-document = Document that belongs to someone else
reg-split = Split off
reg-done-merged = The persons were merged.
reg-done-split = The document was split off to person #{ $person }.
reg-done-undone = Undone.
reg-search-title = Search the register
reg-search-label = Document number or surname (its beginning)
reg-search-submit = Search
reg-alerts-title = Alerts
reg-alerts-summary = { $count ->
        [one] { $count } foreigner
       *[other] { $count } foreigners
    } in the country now: { $lawful } lawfully, { $overstayers } overstaying.
reg-alerts-overstayers = Overstaying on { $date }
reg-overstay-since = Overstay since
reg-overstay-days = Days of overstay
reg-alerts-expiring = Visas and permits expiring within { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
reg-alerts-days = Days ahead
reg-until = Valid until
reg-alerts-late = Stays notified late (last 90 days)
reg-arrival = Arrival
reg-due = Due by
reg-dash-title = Movements of foreigners
reg-dash-present = { $count ->
        [one] { $count } foreigner
       *[other] { $count } foreigners
    } in the country now
reg-dash-totals = The register holds { $persons }, { $documents }, { $crossings }, { $registrations } and { $permits }.
reg-dash-count-persons = { $count ->
        [one] { $count } person
       *[other] { $count } persons
    }
reg-dash-count-documents = { $count ->
        [one] { $count } document
       *[other] { $count } documents
    }
reg-dash-count-crossings = { $count ->
        [one] { $count } crossing
       *[other] { $count } crossings
    }
reg-dash-count-registrations = { $count ->
        [one] { $count } registration
       *[other] { $count } registrations
    }
reg-dash-count-permits = { $count ->
        [one] { $count } visa or permit
       *[other] { $count } visas and permits
    }
reg-dash-by-region = Present now, by region of entry
reg-dash-by-citizenship = Present now, by citizenship (top 15)
reg-dash-months = Entries and exits per month
reg-dash-month = Month
reg-dash-entries = Entries
reg-dash-exits = Exits
reg-dash-refusals = Refusals
reg-dash-persons = Persons
reg-dash-checkpoints = Crossings per checkpoint (last 12 months)

# Boundary text rules (issue 14): why a text from outside was refused
text-control = character { $at } is a control character ({ $char }), which cannot be accepted here.
text-bidi = character { $at } is a text-direction control ({ $char }), which is not allowed in names and file names.
text-too-long = it is too long: { $count ->
        [one] { $count } character
       *[other] { $count } characters
    }, at most { $max }.
error-badinput-title = The request cannot be accepted
text-address-refused = The address cannot be accepted: { $reason }
text-form-refused = The form cannot be accepted: in one of its fields { $reason } Go back and correct it.
reg-err-no-rule = No stay rule of the policy is in force on { $date }; the status is shown for today.
reg-err-too-far = The register answers for days up to a year ahead, not { $date }; the status is shown for today.

# Why a machine-readable zone was refused (core::mrz::MrzError), and its fields.
mrz-err-line-count = the zone has { $count } lines; a passport's has 2, an ID card's 3
mrz-err-unknown-width = line { $line } has { $length } characters; a zone's line has 36 or 44
mrz-err-line-length = line { $line } has { $length } characters; { $format } has { $expected }
mrz-err-character = line { $line }, column { $column }: “{ $found }” is not allowed (only A–Z, 0–9 and <)
mrz-err-check-digit = { $field }: check digit { $found } does not match the computed { $computed }
mrz-err-long-number = document number: a long number without its continuation and check digit
mrz-err-inner-filler = document number: “{ $number }” has a filler < inside it
mrz-err-date = { $field }: { $text } is not a date
mrz-err-sex = sex: “{ $found }” is not M, F, X or <
mrz-field-document-number = document number
mrz-field-birth-date = birth date
mrz-field-expiry-date = expiry date
mrz-field-personal-number = personal number
mrz-field-composite = composite check
mrz-field-sex = sex
