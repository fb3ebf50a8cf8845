# The demo's own texts (`ashyq demo --language en`): names of the demo accounts, officers'
# reasons, coordinators' opinions, list notes, Paryz nominations, interstate agreements,
# citizens abroad and invented companies. Written into the database once, in the chosen
# language; everything here is FICTIONAL or ILLUSTRATIVE.

## The marker after an invented person's surname.
demo-fictional-person = (fictional)

## Accounts: one per role.
demo-account-applicant = Demo Applicant
demo-account-analyst = Demo Analyst (MLSPP)
demo-account-coordinator = Demo Coordinator (Astana akimat)
demo-account-atameken = Demo Coordinator (Atameken)
demo-account-officer = Demo Officer (Almaty)
demo-account-border = Demo Border Officer
demo-account-admin = Demo Administrator
## The case workflow's accounts.
demo-account-officer-almaty = Officer, Almaty migration service
demo-account-officer-astana = Officer, Astana migration service
demo-account-case-applicant = Demo applicant { $number }
## Kandas resettlement's accounts.
demo-account-officer-petropavl = Officer, North Kazakhstan kandas service
demo-account-kandas-applicant = Demo kandas applicant { $number }

## The list of occupations in demand: notes of revisions, opinions, proposals.
demo-list-draft = Draft from { $year } data
demo-list-revision = Revision after coordination: the Ministry of Health's proposal accepted
demo-list-autumn = Update: { $year } data, autumn review
demo-list-justification = Proposed by the Ministry of Health: regional shortage confirmed by the akimats' reports.
demo-opinion-moh = Agreed; we propose adding an occupation with a documented regional shortage.
demo-proposal-moh = Vacancies in district hospitals stay open for months.

## Cases: evidence, facts, officers' reasons, an applicant's withdrawal.
demo-passport-issuer = Ministry of Internal Affairs
demo-investment-recipient = Steppe Robotics LLP
demo-business-abroad = Altai Wool LLC
demo-reason-confirmed = Checked: confirmed.
demo-reason-bank-balance = Please upload the bank's certificate of the balance itself: the statement attached shows transactions only.
demo-reason-no-funds = Solvency is not proven: no bank certificate of funds in a bank of Kazakhstan (Article 49).
demo-reason-withdrawn = I have accepted a job offer elsewhere.
demo-reason-pr-approved = Solvency and housing proven; no criminal record.
demo-reason-no-training-plan = No plan to train local personnel, which the valuable-skills visa requires.
demo-reason-invited = Invited; diploma and job offer verified.
demo-reason-investment = Investment verified with the registry of legal entities.
demo-reason-ata-zholy = Business abroad and ethnicity confirmed.
demo-reason-business-certificate = Please upload the certificate of registration of the business abroad, with a translation.
demo-reason-refugee = Interviewed: fear of persecution well founded.
demo-reason-exclusion = Grounds for exclusion established (Article 12).

## The Paryz contest.
demo-paryz-business-textiles = Example Textiles
demo-paryz-business-agro = Sample Agro Tech
demo-paryz-business-logistics = Placeholder Logistics
demo-paryz-business-software = Mock Software
demo-paryz-sector-manufacturing = manufacturing
demo-paryz-sector-agriculture = agriculture
demo-paryz-sector-transport = transport
demo-paryz-sector-it = information technology
demo-paryz-contribution = Fictional demo nomination: { $count ->
        [one] { $count } job
       *[other] { $count } jobs
    } created in Kazakhstan.
demo-paryz-reason = Demo decision of the jury (fictional).

## Citizens working abroad: illustrative agreements, fictional employers, a complaint.
demo-agreement-note = Illustrative demo row: not the official text, status or dates.
demo-agreement-kor = Agreement on temporary employment of citizens (illustrative)
demo-agreement-rus = Labour migration within the EAEU (illustrative)
demo-agreement-tur = Agreement on social security (illustrative)
demo-agreement-are = Memorandum on domestic workers (illustrative)
demo-agreement-deu = Agreement on skilled workers (illustrative)
demo-abroad-employer = Example Employer (fictional)
demo-abroad-agency = Example Recruiting (fictional)
demo-abroad-complaint = Fictional demo complaint: two months' wages unpaid.
