# Explanations of decisions (crates/core/src/rules/explain.rs), English.
# A check's message id is RULE--RESULT or RULE--RESULT--NOTE, the rule id with "." as "-":
# pr.solvency.applicant failed short → pr-solvency-applicant--failed--short. RULE--title is the
# rule's short name. Arguments are formatted before they arrive (money, dates, words).

## Outcomes

outcome--eligible = Eligible for { $programme }.
outcome--eligible-until = Eligible for { $programme }, valid until { $until }.
outcome--ineligible = Not eligible for { $programme }: see the conditions not met.
outcome--needs_officer = { $programme }: an officer must decide; see the points referred.
outcome--keep = The permit meets the rule and is kept.
outcome--cancel = The permit no longer meets the rule and must be cancelled.
outcome--review = An officer must decide whether the permit is kept or cancelled.

## Shared

rule--repealed = { $title }: repealed on the date of the decision, so not applied.
rule--not_in_force = { $title }: not yet in force on the date of the decision, so not applied.
waived--waive = This condition is set aside by an exception: { $exception }.
waived--refer = Whether the exception holds is for an officer to judge: { $exception }.

## Permanent residence

pr--title = permanent residence
pr-passport--title = Valid passport
pr-passport--passed = The passport is valid on the date of application (it expires on { $passport_expiry }).
pr-passport--failed = The passport expired on { $passport_expiry }, before the date of application.
pr-criminal_record--title = Criminal record
pr-criminal_record--passed = No criminal record is declared.
pr-criminal_record--needs_officer = A criminal record is declared: an officer must weigh it against the grounds for refusal.
pr-solvency-applicant--title = Applicant's solvency
pr-solvency-applicant--passed = The applicant holds { $held } on an account in a Kazakh bank (certificate of { $certified_on }); at least { $required } is required ({ $amount_mci } MCI × { $mci }).
pr-solvency-applicant--failed--no_funds = The applicant shows no funds on an account in a Kazakh bank; at least { $required } is required ({ $amount_mci } MCI × { $mci }).
pr-solvency-applicant--failed--not_kazakh_bank = The applicant's funds are not in a bank of Kazakhstan; only an account in a Kazakh bank proves solvency.
pr-solvency-applicant--failed--certificate_after = The bank's certificate is dated { $certified_on }, after the date of application.
pr-solvency-applicant--failed--certificate_old = The bank's certificate of { $certified_on } is more than { $certificate_days ->
        [one] { $certificate_days } day
       *[other] { $certificate_days } days
    } old on the date of application.
pr-solvency-applicant--failed--short = The applicant holds { $held } on an account in a Kazakh bank, { $missing } short of the { $required } required ({ $amount_mci } MCI × { $mci }).
pr-solvency-family--title = Family members' solvency
pr-solvency-family--passed = Every family member aged { $min_age } or over ({ $of_age } in all) holds at least { $required } on an account in a Kazakh bank.
pr-solvency-family--failed = Of the family members aged { $min_age } or over ({ $of_age } in all), { $short } do not prove { $required } on an account in a Kazakh bank: { $members_short }.
pr-solvency-family--not_applicable--none_of_age = No family member is aged { $min_age } or over, so none has to prove solvency.
pr-housing--title = Funds for housing
pr-housing--passed = Funds for housing, { $held }, cover { $area } m², the norm for a household of { $persons }, at the average price of { $price_m2 } per m² in { $region }: { $required } is needed.
pr-housing--failed = Funds for housing, { $held }, do not cover { $area } m², the norm for a household of { $persons }, at the average price of { $price_m2 } per m² in { $region }: { $required } is needed.
pr-housing--failed--no_funds = No funds for housing are shown; { $area } m², the norm for a household of { $persons }, at the average price of { $price_m2 } per m² in { $region } needs { $required }.
pr-housing-by_contract--title = Housing provided by contract
pr-housing-by_contract--passed = Housing is provided under a contract, so funds for housing are not required.
pr-housing-by_contract--failed = Housing is not provided under a contract.
pr-exempt-in_demand--title = Exemption: profession in demand
pr-exempt-in_demand--passed = The occupation { $occupation } is on the list of professions in demand in force on the date (list { $list_id }, in force from { $list_from }): the applicant need not prove solvency.
pr-exempt-in_demand--failed = The occupation { $occupation } is not on the list of professions in demand in force on the date (list { $list_id }, in force from { $list_from }).
pr-exempt-in_demand--failed--no_occupation = No occupation is declared, so the exemption for professions in demand cannot apply.
pr-exempt-in_demand--failed--no_list = No list of professions in demand was in force on the date, so the exemption cannot apply to { $occupation }.
pr-exempt-kandas--title = Exemption: ethnic Kazakh (kandas)
pr-exempt-kandas--passed = The applicant is an ethnic Kazakh (kandas) and need not prove solvency.
pr-exempt-kandas--failed = The applicant is not declared an ethnic Kazakh (kandas).
pr-exempt-former_citizen--title = Exemption: former citizen
pr-exempt-former_citizen--passed = The applicant is a former citizen of Kazakhstan and need not prove solvency.
pr-exempt-former_citizen--failed = The applicant is not declared a former citizen of Kazakhstan.
pr-exempt-simplified_citizenship--title = Exemption: simplified citizenship
pr-exempt-simplified_citizenship--passed = The applicant is entitled to citizenship in the simplified procedure and need not prove solvency.
pr-exempt-simplified_citizenship--failed = The applicant is not declared entitled to citizenship in the simplified procedure.
pr-validity--title = Term of the permit
pr-validity--passed = The permit is valid from { $from } to { $until }: { $years ->
        [one] { $years } year
       *[other] { $years } years
    }.
pr-validity--passed--passport = The permit is valid from { $from } to { $until }, when the passport expires, sooner than { $years ->
        [one] { $years } year
       *[other] { $years } years
    }.
pr-cancellation--title = Permit already issued
pr-cancellation--passed = Permit { $permit } of { $issued_on } still meets the rule and is kept.
pr-cancellation--failed = Permit { $permit } of { $issued_on } no longer meets the rule and must be cancelled.
pr-cancellation--needs_officer = Permit { $permit } of { $issued_on }: an officer must decide whether it is kept or cancelled.

## Valuable-skills visa

vs--title = the valuable-skills visa
vs-passport--title = Valid passport
vs-passport--passed = The passport is valid on the date of application (it expires on { $passport_expiry }).
vs-passport--failed = The passport expired on { $passport_expiry }, before the date of application.
vs-criminal_record--title = Criminal record
vs-criminal_record--passed = No criminal record is declared.
vs-criminal_record--needs_officer = A criminal record is declared: an officer must weigh it against the grounds for refusal.
vs-occupation--title = Professional occupation
vs-occupation--passed = { $occupation } is a professional occupation (major group 2 of the classifier).
vs-occupation--failed = { $occupation } is not a professional occupation (major group 2 of the classifier); the visa is for professionals.
vs-points-factor--title = Points
vs-points-factor--passed--ranking = Place in the ranking of valuable skills: { $value } of { $ranked }; { $points } points (at most { $cap }).
vs-points-factor--passed--education = Education: { $value }; { $points } points (at most { $cap }).
vs-points-factor--passed--experience = Experience: { $value } years; { $points } points (at most { $cap }).
vs-points-factor--passed--age = Age: { $value }; { $points } points (at most { $cap }).
vs-points-factor--passed--languages = Languages: { $value }; { $points } points (at most { $cap }).
vs-points-factor--passed--publications = Publications: { $value }; { $points } points (at most { $cap }).
vs-points-factor--passed--patents = Patents: { $value }; { $points } points (at most { $cap }).
vs-points-factor--passed--awards = Awards: { $value }; { $points } points (at most { $cap }).
vs-points-factor--passed--job_offer = Job offer in Kazakhstan: { $value }; { $points } points (at most { $cap }).
vs-points--title = Score on the points grid
vs-points--passed = Score { $score } of { $maximum } points; at least { $minimum } is needed (grid in force from { $grid_from }).
vs-points--failed = Score { $score } of { $maximum } points, below the { $minimum } needed (grid in force from { $grid_from }).
vs-training--title = Training of local personnel
vs-training--passed = The plan trains { $trainees ->
        [one] { $trainees } local specialist
       *[other] { $trainees } local specialists
    } a year; at least { $minimum } is required.
vs-training--failed = The plan trains { $trainees ->
        [one] { $trainees } local specialist
       *[other] { $trainees } local specialists
    } a year; at least { $minimum } is required.
vs-training--failed--no_plan = No plan to train local personnel is given; the holder must train at least { $minimum ->
        [one] { $minimum } local specialist
       *[other] { $minimum } local specialists
    } a year.
vs-validity--title = Term of the visa
vs-validity--passed = The visa is valid from { $from } to { $until }: { $years ->
        [one] { $years } year
       *[other] { $years } years
    }.
vs-validity--passed--passport = The visa is valid from { $from } to { $until }, when the passport expires, sooner than { $years ->
        [one] { $years } year
       *[other] { $years } years
    }.

## Investor visa

inv--title = the investor visa
inv-passport--title = Valid passport
inv-passport--passed = The passport is valid on the date of application (it expires on { $passport_expiry }).
inv-passport--failed = The passport expired on { $passport_expiry }, before the date of application.
inv-criminal_record--title = Criminal record
inv-criminal_record--passed = No criminal record is declared.
inv-criminal_record--needs_officer = A criminal record is declared: an officer must weigh it against the grounds for refusal.
inv-investment--title = Investment
inv-investment--passed = { $amount } in { $kind } of { $recipient } on { $date } counts in full.
inv-investment--passed--converted = { $amount } in { $kind } of { $recipient } on { $date } counts as { $usd } at the official rate of { $usd_rate_date } (1 US dollar = { $usd_rate }).
inv-investment--passed--cross = { $amount } in { $kind } of { $recipient } on { $date } counts as { $usd } at the official rates of { $rate_date } (1 unit = { $rate }; 1 US dollar = { $usd_rate }).
inv-investment--failed--foreign = { $amount } in { $recipient } does not count: it is not a Kazakh company or issuer (no BIN).
inv-investment--failed--after_application = { $amount } in { $recipient } on { $date } does not count: it was made after the date of application.
inv-threshold--title = Amount invested
inv-threshold--passed = Investments counted: { $total }; at least { $threshold } is required.
inv-threshold--failed = Investments counted: { $total }, { $missing } short of the { $threshold } required.
inv-threshold--failed--none = No investment is declared; at least { $threshold } in Kazakh companies or securities is required.
inv-validity--title = Term of the visa
inv-validity--passed = The visa is valid from { $from } to { $until }: { $years ->
        [one] { $years } year
       *[other] { $years } years
    }.
inv-validity--passed--passport = The visa is valid from { $from } to { $until }, when the passport expires, sooner than { $years ->
        [one] { $years } year
       *[other] { $years } years
    }.
inv-rights--title = Rights of the holder
inv-rights--passed--register_business = The holder may register a business.
inv-rights--passed--own_property = The holder may own property.
inv-rights--passed--hire_staff = The holder may hire staff.
inv-rights--passed--financial_transactions = The holder may make financial transactions and conduct operations freely.

## Ata zholy card

az--title = the Ata zholy card
az-passport--title = Valid passport
az-passport--passed = The passport is valid on the date of application (it expires on { $passport_expiry }).
az-passport--failed = The passport expired on { $passport_expiry }, before the date of application.
az-criminal_record--title = Criminal record
az-criminal_record--passed = No criminal record is declared.
az-criminal_record--needs_officer = A criminal record is declared: an officer must weigh it against the grounds for refusal.
az-ethnic_kazakh--title = Ethnic Kazakh
az-ethnic_kazakh--passed = The applicant is an ethnic Kazakh.
az-ethnic_kazakh--failed = The applicant is not declared an ethnic Kazakh; the card is for ethnic Kazakhs living abroad.
az-lives_abroad--title = Living abroad
az-lives_abroad--passed = The applicant lives abroad ({ $country }).
az-lives_abroad--failed = The applicant lives in Kazakhstan; the card is for those living abroad.
az-ground--title = Ground for the card
az-ground--passed = At least one ground for the card holds.
az-ground--failed = None of the grounds holds: an occupation in demand, an occupation on the list for simplified citizenship, or a business registered abroad.
az-ground-in_demand--title = Ground: profession in demand
az-ground-in_demand--passed = The occupation { $occupation } is on the list of professions in demand in force on the date (list { $list_id }, in force from { $list_from }).
az-ground-in_demand--failed = The occupation { $occupation } is not on the list of professions in demand in force on the date (list { $list_id }, in force from { $list_from }).
az-ground-in_demand--failed--no_occupation = No occupation is declared.
az-ground-in_demand--failed--no_list = No list of professions in demand was in force on the date.
az-ground-simplified_citizenship--title = Ground: occupation for simplified citizenship
az-ground-simplified_citizenship--passed = The occupation { $occupation } is on the list for simplified citizenship (in force from { $list_from }).
az-ground-simplified_citizenship--failed = The occupation { $occupation } is not on the list for simplified citizenship (in force from { $list_from }).
az-ground-simplified_citizenship--failed--no_occupation = No occupation is declared.
az-ground-simplified_citizenship--failed--no_list = No list for simplified citizenship was in force on the date.
az-ground-business_abroad--title = Ground: business abroad
az-ground-business_abroad--passed = The applicant's business { $business } is registered in { $country } since { $registered_on }.
az-ground-business_abroad--failed--none = No business registered abroad is declared.
az-ground-business_abroad--failed--in_kazakhstan = The business { $business } is registered in Kazakhstan, not abroad.
az-ground-business_abroad--failed--not_yet = The business { $business } is registered on { $registered_on }, after the date of application.
az-validity--title = Term of the card
az-validity--passed = The card is valid from { $from } to { $until }: { $years ->
        [one] { $years } year
       *[other] { $years } years
    }.
az-validity--passed--passport = The card is valid from { $from } to { $until }, when the passport expires, sooner than { $years ->
        [one] { $years } year
       *[other] { $years } years
    }.
az-rights--title = Rights of the holder
az-rights--passed = The holder may run a business in Kazakhstan.

## Refugee status

rf--title = refugee status
rf-grounds--title = Grounds of persecution
rf-grounds--needs_officer = Persecution is feared for { $grounds }: whether the fear is well-founded is for an officer to judge.
rf-grounds--failed--none = No ground the law names is claimed (race, religion, nationality, membership of a particular social group, political opinion).
rf-deadline--title = Time limit for applying
rf-deadline--passed = The application came within { $days ->
        [one] { $days } calendar day
       *[other] { $days } calendar days
    } of arrival on { $arrival } (by { $deadline }).
rf-deadline--failed = The application came { $late_by ->
        [one] { $late_by } day
       *[other] { $late_by } days
    } after the time limit of { $deadline } ({ $days ->
        [one] { $days } calendar day
       *[other] { $days } calendar days
    } from arrival on { $arrival }).
rf-deadline-good_reason--title = Good reason for the delay
rf-deadline-good_reason--passed = A reason for the delay is given: “{ $reason }”.
rf-deadline-good_reason--failed = No reason for the delay is given.
rf-exclusion--title = Grounds for exclusion
rf-exclusion--passed = No grounds for exclusion are declared.
rf-exclusion--needs_officer = Grounds for exclusion are declared: an officer must examine them.
rf-certificate--title = Asylum-seeker's certificate
rf-certificate--passed = While the claim is examined the applicant holds an asylum-seeker's certificate from { $from } to { $until }, renewable.
rf-residence--title = Residence if recognised
rf-residence--passed = If refugee status is granted: a temporary residence permit, then permanent residence.

## Words

word--unranked = not ranked
word--yes = yes
word--no = no
word--none = none
word--secondary = secondary
word--vocational = vocational
word--bachelor = bachelor's degree
word--master = master's degree
word--doctorate = doctorate
word--charter_capital = the charter capital
word--securities = the securities
word--race = race
word--religion = religion
word--nationality = nationality
word--social_group = membership of a particular social group
word--political_opinion = political opinion
word--run_business = run a business
