# The demo's own texts (`ashyq demo --language kk`): names of the demo accounts, officers'
# reasons, coordinators' opinions, list notes, Paryz nominations, interstate agreements,
# citizens abroad and invented companies. Written into the database once, in the chosen
# language; everything here is FICTIONAL or ILLUSTRATIVE.

## The marker after an invented person's surname.
demo-fictional-person = (ойдан шығарылған тұлға)

## Accounts: one per role.
demo-account-applicant = Өтініш беруші (демо)
demo-account-analyst = ЕХӘҚМ талдаушысы (демо)
demo-account-coordinator = Астана қаласы әкімдігінің үйлестірушісі (демо)
demo-account-atameken = «Атамекен» ҰКП үйлестірушісі (демо)
demo-account-officer = Алматы қаласы көші-қон қызметінің қызметкері (демо)
demo-account-border = Шекара қызметінің қызметкері (демо)
demo-account-admin = Әкімші (демо)
## The case workflow's accounts.
demo-account-officer-almaty = Алматы қаласы көші-қон қызметінің қызметкері
demo-account-officer-astana = Астана қаласы көші-қон қызметінің қызметкері
demo-account-case-applicant = Өтініш беруші { $number } (демо)
## Kandas resettlement's accounts.
demo-account-officer-petropavl = Солтүстік Қазақстан облысы қандастар істері жөніндегі қызметінің қызметкері
demo-account-kandas-applicant = Қандас өтініш беруші { $number } (демо)

## The list of occupations in demand: notes of revisions, opinions, proposals.
demo-list-draft = { $year } жылғы деректер бойынша жоба
demo-list-revision = Келісу қорытындысы бойынша редакция: Денсаулық сақтау министрлігінің ұсынысы қабылданды
demo-list-autumn = Өзектендіру: { $year } жылғы деректер, күзгі қайта қарау
demo-list-justification = Денсаулық сақтау министрлігінің ұсынысы: өңірлік тапшылықты әкімдіктердің есептері растайды.
demo-opinion-moh = Келісілді; өңірлік тапшылығы құжатпен расталған кәсіпті тізбеге қосуды ұсынамыз.
demo-proposal-moh = Аудандық ауруханалардағы бос жұмыс орындары айлар бойы толмай тұр.

## Cases: evidence, facts, officers' reasons, an applicant's withdrawal.
demo-passport-issuer = Ішкі істер министрлігі
demo-investment-recipient = «Дала Роботикс» ЖШС
demo-business-abroad = «Алтай жүні» ЖШҚ
demo-reason-confirmed = Тексерілді: растаймын.
demo-reason-bank-balance = Шоттағы қаражат қалдығы туралы банк анықтамасын жүктеуіңізді сұраймыз: қоса берілген үзінді көшірмеде тек операциялар көрсетілген.
demo-reason-no-funds = Төлем қабілеттілігі расталмады: Қазақстан банкінің қаражаттың бар екені туралы анықтамасы жоқ (49-бап).
demo-reason-withdrawn = Басқа жерден жұмыс ұсынысын қабылдадым.
demo-reason-pr-approved = Төлем қабілеттілігі мен тұрғын үйдің бар екені расталды; сотталғандығы жоқ.
demo-reason-no-training-plan = Құнды мамандар визасы үшін міндетті жергілікті кадрларды оқыту жоспары жоқ.
demo-reason-invited = Іріктеу раундында шақыру алынды; диплом мен жұмыс ұсынысы тексерілді.
demo-reason-investment = Инвестиция «Заңды тұлғалар» мемлекеттік дерекқорының мәліметтері бойынша расталды.
demo-reason-ata-zholy = Шетелдегі бизнестің бар екені және қазақ ұлтынан екені расталды.
demo-reason-business-certificate = Шетелдегі бизнесті тіркеу туралы куәлікті аудармасымен бірге жүктеуіңізді сұраймыз.
demo-reason-refugee = Әңгімелесу өткізілді: қудалауға ұшырау қаупі негізді.
demo-reason-exclusion = Босқын деп тануды жоққа шығаратын негіздер анықталды (12-бап).

## The Paryz contest.
demo-paryz-business-textiles = «Дала Текстиль» ЖШС
demo-paryz-business-agro = «Сарыарқа Агротех» ЖШС
demo-paryz-business-logistics = «Керуен Логистикс» ЖШС
demo-paryz-business-software = «Бағдар Софт» ЖШС
demo-paryz-sector-manufacturing = өңдеу өнеркәсібі
demo-paryz-sector-agriculture = ауыл шаруашылығы
demo-paryz-sector-transport = көлік және логистика
demo-paryz-sector-it = ақпараттық технологиялар
demo-paryz-contribution = Ойдан шығарылған демонстрациялық номинация: Қазақстанда { $count } жұмыс орны ашылды.
demo-paryz-reason = Қазылар алқасының демонстрациялық шешімі (ойдан шығарылған).

## Citizens working abroad: illustrative agreements, fictional employers, a complaint.
demo-agreement-note = Демонстрациялық мысал: мәтіні, мәртебесі мен күндері ресми емес.
demo-agreement-kor = Азаматтарды уақытша жұмысқа орналастыру туралы келісім (мысал)
demo-agreement-rus = ЕАЭО шеңберіндегі еңбек көші-қоны (мысал)
demo-agreement-tur = Әлеуметтік қамсыздандыру туралы келісім (мысал)
demo-agreement-are = Үй қызметкерлері туралы меморандум (мысал)
demo-agreement-deu = Білікті мамандар туралы келісім (мысал)
demo-abroad-employer = Жұмыс беруші компания (ойдан шығарылған)
demo-abroad-agency = «Үлгі» кадр агенттігі (ойдан шығарылған)
demo-abroad-complaint = Ойдан шығарылған демонстрациялық шағым: екі айлық жалақы төленбеген.
