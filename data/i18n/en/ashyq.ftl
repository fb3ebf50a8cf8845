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
login-throttled = Too many failed attempts. Try again in { $minutes } min.
login-already = You are already signed in as { $name }.

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

audit-title = Audit log
audit-intact = The chain of { $count } records is intact.
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
err-display-name = The name must be 1 to 200 characters.
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
diff-unchanged = { $count } occupations unchanged.

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
reason-too_few_vacancies = Only { $posted } vacancies posted; at least { $minimum } are needed to judge.
reason-too_few_criteria = Meets { $passed } criteria; { $required } are required.
reason-score_below_cutoff = Score { $score } is below the cut-off { $cutoff }.
reason-beyond_max_entries = Ranked { $rank }, beyond the { $max } entries the list may have.
reason-meets_all = Meets every condition: { $passed } of { $of } criteria, score { $score }.

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
an-imported = { $file }: { $rows } rows read — { $inserted } new, { $updated } updated, { $unchanged } unchanged, { $rejected } set aside.
an-refused = { $file }: { $bad } of { $rows } rows are wrong, so nothing was written. The rows and reasons are listed below.
an-err-source = Choose the data source.
an-err-file = Choose a file to import.
an-err-period = The data year must be a year such as 2025.
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
