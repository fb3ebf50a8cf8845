# Downloads for spreadsheets (CSV and XLSX): the links, the column headings and the words for
# codes in a file. Numbers and dates in a file stay machine-readable (docs/exports.md).

exports-csv-machines = CSV for machines
exports-csv-machines-hint = Column names as the API has them, codes only
exports-list-download = The list
exports-candidates-download = All candidates
exports-code-of = { $column } (code)

exports-col-rank = Rank
exports-col-occupation = Occupation
exports-col-sector = Sector
exports-col-score = Score
exports-col-on-list = On the list (1 = yes)
exports-col-basis = Basis
exports-col-justification = Justification
exports-col-criteria-passed = Criteria met
exports-col-fact = Item
exports-col-value = Value
exports-fact-list = List no.
exports-fact-policy-edition = Policy edition

exports-col-figure = Figure
exports-col-code = Code
exports-col-name = Name
exports-col-kind = Kind
exports-col-count = Count
exports-figure-present_by_region = Present now, by region
exports-figure-present_by_citizenship = Present now, by citizenship
exports-figure-month = Crossings by month
exports-figure-checkpoint = Crossings by checkpoint

exports-col-registration = Registration no.
