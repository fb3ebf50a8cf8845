# Contact details, one-time links (e-mail verification, password reset) and notifications.

err-email = Enter an e-mail address such as name@example.kz.
err-phone = Enter a telephone number of 10 to 15 digits, such as +7 701 234 56 78, or leave it empty.

contact-title = Contact details
contact-email = E-mail address
contact-phone = Telephone (optional)
contact-phone-hint = With the country code, such as +7 701 234 56 78.
contact-language = Language of notifications
contact-submit = Save contact details
contact-saved = Contact details saved. If you changed the address, open the link we sent to it.
contact-link-sent = We sent a new confirmation link. It is valid for 48 hours.
contact-link-throttled = Too many links were sent to this account. Try again later.
contact-nothing-to-verify = Your address is already confirmed, or you have not given one.
contact-verified = confirmed
contact-unverified = not confirmed yet
contact-no-email = not given
contact-unverified-hint = Open the link we sent to { $email } to receive notifications by e-mail. Until then they appear only here, under Notifications.
contact-resend = Send the link again
signup-email-hint = We will send a link to confirm it. Notifications about your applications go to this address.

signup-welcome = Your account is open.
signup-welcome-link = We sent a confirmation link to { $email }. Open it to receive notifications by e-mail.
signup-welcome-apply = Go to your applications

verify-title = Confirming the e-mail address
verify-done = The address { $email } is confirmed. Notifications will be sent to it.
verify-ask-again = Ask for a new link on your account page

link-dead = This link has already been used or has expired. Ask for a new one.

reset-link = Forgot your password?
reset-title = Forgotten password
reset-intro = Enter your username or the e-mail address you confirmed. We will send a link to set a new password to that address.
reset-login = Username or e-mail address
reset-ask = Send the link
reset-sent = If an account with a confirmed address matches, we have sent a link to it. The link is valid for one hour. Check your mailbox, including the spam folder.
reset-back-to-login = Back to login
reset-no-address = If your account has no confirmed e-mail address, ask the service centre or the administrator to set a new password.
reset-throttled = Too many links were asked for from your address. Try again in { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }.
reset-login-required = Enter your username or e-mail address.
reset-new-title = Set a new password
reset-submit = Set the password
reset-ends-sessions = After the change, every session of the account ends; log in with the new password.
reset-ask-again = Ask for a new link
reset-done = Your password has been changed. Log in with the new password.

nav-notifications = Notifications
notifications-title = Notifications
notifications-confirm-hint = Notifications are sent by e-mail once your address is confirmed.
notifications-confirm-link = Confirm it in your profile
notifications-none = You have no notifications yet.
notifications-pages = Pages of notifications
notifications-previous = ← Newer
notifications-next = Older →
notifications-position = Page { $page } of { $pages } ({ $count ->
        [one] { $count } notification
       *[other] { $count } notifications
    } in all)
notification-sent = Sent to { $email }
notification-pending = Waiting to be sent by e-mail
notification-failed = The mail server refused the message
notification-unaddressed = Not sent by e-mail: no confirmed address
notification-expired = The link expired before it could be sent

notice-email_verify-title = Confirm your e-mail address
notice-email_verify-text = To confirm that { $email } is your address for ashyq, open the link below within 48 hours. If you did not sign up, ignore this message.
notice-password_reset-title = Setting a new password
notice-password_reset-text = A new password was asked for your ashyq account. Open the link below within one hour to set it. If you did not ask for it, ignore this message: your password stays as it is.
notice-info_requested-title = Information requested on application { $reference }
notice-info_requested-text = The officer asks for more information on your application { $reference } ({ $programme }): “{ $reason }”. Answer and attach the documents on the application's page.
notice-decision-title = Decision on application { $reference }
notice-decision-text = Your application { $reference } ({ $programme }) has been { $outcome ->
        [approved] approved
       *[refused] refused
    }. Reason: “{ $reason }”.
notice-permit_issued-title = Permit { $number } issued
notice-permit_issued-text = Your permit { $number } ({ $programme }) has been issued. It is valid until { $until }.
notice-renewal_due-title = Permit { $number } ends on { $until }
notice-renewal_due-text = The term of your permit { $number } ({ $programme }) ends on { $until }. Apply to renew it in good time.
notice-report_due-title = Training report for period { $period } is due
notice-report_due-text = The training report for period { $period } of your visa { $number } is due by { $due }. File it on the application's page.
notice-report_overdue-title = Training report for period { $period } is overdue
notice-report_overdue-text = The training report for period { $period } of your visa { $number } was due by { $due } and has not been filed. File it now: an unfiled report may lead to the visa's cancellation.
notice-kandas_assigned-title = Your resettlement region: { $region }
notice-kandas_assigned-text = Your kandas application has been assigned to { $region }. The subsidies and the next steps are on your application's page.
notice-draft_received-title = Draft list no. { $list } awaits your opinion
notice-draft_received-text = Revision { $revision } of draft list no. { $list } of professions in demand has been sent to your organisation for its opinion.

mail-greeting = Hello, { $name }!
mail-footer = All your notifications: { $url }. This message was sent automatically; please do not reply to it.
