# The analyst's uploads (issue 16): the preview of a data file before anything is written, the
# upload history's times, and the warning before a second draft for a year.
up-upload-hint = Nothing is written when you upload: you first see what the file would change, then confirm or cancel.
up-upload-submit = Check the file
up-title = Check before writing
up-hint = Nothing of this file is written yet. Look at what it would change, then write it or cancel. The preview is kept for an hour and only you can confirm it.
up-uploaded = Uploaded
up-expires = Kept until
up-rejected = Rejected
up-superseded = { $count ->
        [one] { $count } row is repeated
       *[other] { $count } rows are repeated
    } later in the file with the same key; the last one counts.
up-errors = Rejected rows
up-more-errors = … and { $count } more errors not shown.
up-updates = Rows that change stored records (a sample)
up-row = Row
up-key = Record
up-changes = Old → new
up-change = { $field }: { $old } → { $new }
up-none = (empty)
up-confirm = Write the data
up-cancel = Cancel
up-blocked = The file has rejected rows, so it cannot be written. Correct them and upload the file again, or upload it again with "set the bad ones aside".
up-expired-title = The preview has expired
up-expired = This preview was kept for an hour and has been discarded; nothing was written. Upload the file again.
up-not-yours = This preview belongs to the analyst who uploaded the file; only they can see, write or cancel it.
up-confirmed-already = This preview has already been written, so it cannot be cancelled or written again.
up-bad-header = { $file }: the header row does not have the columns of this source; nothing was checked or written.
up-error-field = { $file }: row { $row }, column { $column } ({ $field }): { $reason }
up-error-named = { $file }: row { $row }, field { $field }: { $reason }
up-error-row = { $file }: row { $row }: { $reason }
up-why-empty = is empty
up-why-date = “{ $value }” is not a date; write it as YYYY-MM-DD
up-why-number = “{ $value }” is not a whole number
up-why-negative = “{ $value }” is negative
up-why-range = { $value } is outside the allowed range { $range }
up-why-region = “{ $value }” is not a region; write an ISO code such as KZ-75 or a KATO code
up-why-status = “{ $value }” is not a vacancy status: open, filled, cancelled or expired
up-why-country = “{ $value }” is not a three-letter country code (ISO 3166-1 alpha-3)
up-why-category = “{ $value }” is not a permit category: 1, 2, 3, 4, seasonal or ict
up-why-occupation = { $value } is not an occupation unit group: write 4 digits, such as 2512
up-why-unknown-occupation = { $value } is not a unit group of the classifier of occupations
up-why-bin = is not a valid BIN (12 digits with a correct check digit)
done-previewcancelled = The preview was cancelled; nothing was written.
up-when-column = When
up-open-list = list #{ $id } ({ $status })
up-second-draft = { $period } already has a list being formed: { $lists }. Nothing was computed. Compute another draft beside it only if that is what you mean.
up-compute-anyway = Compute another draft all the same
