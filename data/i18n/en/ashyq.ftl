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
