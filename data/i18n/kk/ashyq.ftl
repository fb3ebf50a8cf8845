# ashyq — интерфейс хабарламалары, қазақ тілі.

app-name = ashyq
app-tagline = Қазақстанның көші-қон саясатының ашық платформасы
skip-to-content = Мазмұнға өту
nav-label = Басты мәзір
nav-home = Басты бет
nav-api = API анықтамалығы
nav-account = Менің профилім
nav-users = Пайдаланушылар
nav-audit = Аудит журналы
nav-login = Кіру
nav-logout = Шығу
lang-label = Тіл
signed-in-as = Сіз { $name } ретінде кірдіңіз ({ $role })
footer-text = ashyq — Қазақстан Республикасының көші-қон саясатына арналған еркін бағдарламалық қамтамасыз ету.

role-public = Жұртшылық
role-applicant = Өтініш беруші
role-analyst = Еңбек нарығының талдаушысы
role-coordinator = Келісуші орган
role-officer = Көші-қон қызметінің қызметкері
role-border = Шекара қызметінің қызметкері
role-admin = Әкімші

home-title = ashyq жүйесіне қош келдіңіз
home-intro-public = Мұнда сұранысқа ие кәсіптер тізбесі жарияланады және қандай рұқсатқа немесе визаға үміткер бола алатыныңызды тексеруге болады. Жалғастыру үшін қызметкерлер мен өтініш берушілер жүйеге кіреді.
home-intro-applicant = Мұнда рұқсаттарға, визаларға және мәртебелерге берген өтініштеріңіз көрсетіледі.
home-intro-analyst = Мұнда сіз еңбек нарығының деректері бойынша сұранысқа ие кәсіптер тізбесін және құнды дағдылар рейтингін қалыптастырасыз.
home-intro-coordinator = Мұнда сіз сұранысқа ие кәсіптер тізбесінің жобасы бойынша органыңыздың қорытындысын бересіз.
home-intro-officer = Мұнда сіз өңіріңіздің өтініштерін қарайсыз, рұқсаттар мен болу мерзімдерін қадағалайсыз.
home-intro-border = Мұнда сіз келу мен кетуді тіркейсіз және жолаушының мәртебесін тексересіз.
home-intro-admin = Мұнда сіз есептік жазбаларды басқарасыз және аудит журналын тексересіз.
home-region = Өңір: { $region }

login-title = Жүйеге кіру
login-username = Пайдаланушы аты
login-password = Құпиясөз
login-submit = Кіру
login-failed = Пайдаланушы аты немесе құпиясөз қате.
login-throttled = Сәтсіз әрекеттер тым көп. { $minutes } минуттан кейін қайталаңыз.
login-already = Сіз { $name } ретінде кіріп тұрсыз.

account-title = Менің профилім
account-username = Пайдаланушы аты
account-display-name = Аты-жөні
account-role = Рөлі
account-region = Өңір
account-none = —
password-title = Құпиясөзді өзгерту
password-current = Ағымдағы құпиясөз
password-new = Жаңа құпиясөз
password-repeat = Жаңа құпиясөзді қайталаңыз
password-hint = Кемінде 12 таңба. Бірнеше сөзден тұратын тіркес әрі берік, әрі есте оңай сақталады.
password-submit = Құпиясөзді өзгерту
password-changed = Құпиясөз өзгертілді. Басқа сеанстарыңыз аяқталды.
password-mismatch = Жаңа құпиясөздер сәйкес келмейді.
password-wrong-current = Ағымдағы құпиясөз қате.

users-title = Пайдаланушылар
users-add = Пайдаланушы қосу
users-username = Пайдаланушы аты
users-display-name = Аты-жөні
users-role = Рөлі
users-region = Өңір
users-region-none = Өңірсіз
users-password = Бастапқы құпиясөз
users-status = Күйі
users-actions = Әрекеттер
users-active = Белсенді
users-disabled = Өшірілген
users-disable = Өшіру
users-enable = Қосу
users-submit = Есептік жазба құру
users-created = { $username } есептік жазбасы құрылды.
users-updated = { $username } есептік жазбасы өзгертілді.

audit-title = Аудит журналы
audit-intact = { $count } жазбадан тұратын тізбек бұзылмаған.
audit-broken = Тізбек бұзылған: { $reason }
audit-seq = №
audit-at = Уақыты
audit-actor = Кім
audit-role = Рөлі
audit-action = Әрекет
audit-object = Объект
audit-request = Сұрау

err-username = Пайдаланушы аты: a–z, 0–9, нүкте, сызықша, астыңғы сызық немесе @ таңбаларынан тұратын 3–64 таңба, әріппен немесе цифрмен басталады.
err-password-short = Құпиясөз кемінде 12 таңбадан тұруы керек.
err-password-long = Құпиясөз 256 таңбадан аспауы керек.
err-password-username = Құпиясөз пайдаланушы атымен бірдей болмауы керек.
err-display-name = Аты-жөні 1–200 таңбадан тұруы керек.
err-region = Белгісіз өңір.
err-region-role = Өңір тек келісуші органдар мен көші-қон қызметкерлеріне беріледі.
err-role = Рөлді таңдаңыз.
err-conflict = Мұндай атпен есептік жазба бар.
err-csrf = Форманың мерзімі өтіп кетті немесе ол басқа сайттан жіберілді. Бетті жаңартып, қайталаңыз.

error-forbidden-title = Кіруге тыйым салынған
error-forbidden-text = Сіздің рөліңізге ({ $role }) бұл бет қолжетімсіз.
error-notfound-title = Бет табылмады
error-notfound-text = Бұл мекенжайда бет жоқ.
error-internal-title = Бірдеңе дұрыс болмады
error-internal-text = Қате журналға жазылды. Кейінірек қайталаңыз. Сұрау: { $request }
back-home = Басты бетке

# Сұранысқа ие кәсіптер тізбесі (3-міндет)
nav-occupations = Кәсіптер
nav-lists = Сұранысқа ие кәсіптер тізбесі
nav-analysis = Талдау
nav-coordination = Келісу
yes = иә
no = жоқ
err-date = «{ $value }» — күн емес: ЖЖЖЖ-АА-КК түрінде жазыңыз.

occ-title = Кәсібіңізді табыңыз
occ-intro = Лауазым атауын қазақ, орыс немесе ағылшын тілінде жазыңыз — «бағдарламашы», «инженер-химик», “chemical engineer” — сонда оның ұлттық кәсіптер жіктеуішіндегі (ХСКЖ-08 негізіндегі) тобын және бүгін қолданыстағы сұранысқа ие кәсіптер тізбесінде бар-жоғын көресіз.
occ-query = Лауазым атауы
occ-search = Іздеу
occ-none = Бұл атауға сәйкес кәсіп табылмады. Қысқарақ не жиі қолданылатын атауды жазып көріңіз.
occ-matched = Сәйкес келген атау
occ-score = Сәйкестік
occ-on-list = Бүгін тізбеде

lists-title = Сұранысқа ие кәсіптер тізбесі
lists-intro = Еңбек және халықты әлеуметтік қорғау министрлігі бекітетін шетелдіктер үшін сұранысқа ие кәсіптер тізбесі. Кәсібі қолданыстағы тізбеде бар шетелдік тұрақты тұруға рұқсатты төлем қабілетін растамай алады. Сол күні қолданыста болған тізбені көру үшін күнді таңдаңыз.
lists-on = Күні
lists-show = Көрсету
lists-in-force-on = { $date } күнгі қолданыстағы тізбе
lists-order = { $date } № { $order } бұйрықпен бекітілген; { $effective } бастап қолданылады.
lists-none = { $date } күні сұранысқа ие кәсіптер тізбесі қолданыста болмаған.
lists-versions = Жарияланған нұсқалар
lists-version = Нұсқа
lists-period = Деректер жылы
lists-order-no = Бұйрық №
lists-order-date = Бұйрық күні
lists-effective = Қолданылу басталуы

list-title = Сұранысқа ие кәсіптер тізбесі, { $id }-нұсқа
list-rank = Орны
list-code = Коды
list-occupation = Кәсіп
list-sector = Сала
list-score = Балл
list-criteria = Орындалған өлшемдер
list-on-list = Тізбеде
list-justification = Негіздеме
list-download = Жүктеп алу
list-methodology = Әдістеме қолданылып жүр
list-entries = Тізбедегі кәсіптер
list-ranking = Құнды дағдылар рейтингі
list-ranking-hint = Кәсіби мамандардың барлық кәсіптері (ХСКЖ-08 2-негізгі тобы) тізбеге енген-енбегеніне қарамастан сол баллмен реттелген.
list-ranking-link = құнды дағдылар рейтингі

entry-reasons = Неліктен
entry-checks = Көрсеткіштер бағдарлармен салыстырғанда
entry-indicator = Көрсеткіш
entry-value = Мәні
entry-benchmark = Бағдар
entry-threshold = Асуы тиіс
entry-weight = Салмағы
entry-passed = Орындалды
entry-charts = Диаграммалар
entry-chart-percentiles = Кәсіптің барлық кәсіби мамандық кәсіптерінің арасындағы орны (перцентиль, 0–100)
entry-chart-percentiles-caption = Әр жолақ — кәсіптің бір көрсеткіш бойынша перцентилі; сызық — медианалық кәсіп.
entry-chart-median = медиана
entry-chart-regions = { $indicator } өңірлер бойынша

diff-title = Екі нұсқаны салыстыру
diff-from = Бастап
diff-to = Дейін
diff-compare = Салыстыру
diff-added = Қосылғандар
diff-removed = Алынғандар
diff-moved = Орны өзгергендер
diff-unchanged = Өзгермегендер: { $count }.

sector-healthcare = Денсаулық сақтау
sector-education = Білім беру
sector-science_and_technology = Ғылым және технологиялар
sector-information_technology = Ақпараттық технологиялар

ind-forecast_need = Болжамды қосымша қажеттілік
ind-vacancies_posted = Орналастырылған бос жұмыс орындары
ind-open_at_end = Кезең соңында ашық
ind-median_duration_days = Бос орынның медианалық ұзақтығы, күн
ind-hard_to_fill_share = Толтыруы қиындардың үлесі
ind-vacancy_growth = Бос орындардың жылдық өсімі
ind-median_salary_kzt = Ұсынылған жалақының медианасы
ind-salary_growth_relative = Жалақы өсімі барлық кәсіптерден жоғары
ind-work_permits = Шетелдіктерге жұмысқа рұқсаттар
ind-work_permit_growth = Рұқсаттардың жылдық өсімі

reason-not_priority_sector = Төрт басым саланың ешқайсысына жатпайды.
reason-too_few_vacancies = Небәрі { $posted } бос орын орналастырылған; бағалау үшін кемінде { $minimum } қажет.
reason-too_few_criteria = Орындалған өлшемдер: { $passed }; { $required } қажет.
reason-score_below_cutoff = { $score } балл { $cutoff } шегінен төмен.
reason-beyond_max_entries = { $rank }-орын тізбенің { $max } позициясынан тыс.
reason-meets_all = Барлық шарт орындалды: { $of } өлшемнің { $passed }, балл { $score }.

basis-computed = есептелген
basis-added = редакциямен қосылған
basis-removed = редакциямен алынған

status-draft = жоба
status-in_coordination = келісуде
status-approved = бекітілген
status-published = жарияланған

verdict-agree = келісілді
verdict-agree_with_remarks = ескертулермен келісілді
verdict-object = қарсылық

change-label = Ұсыныс
change-add = тізбеге қосу
change-remove = тізбеден алу
changes-legend = Қосылатын не алынатын кәсіптер (код, ұсыныс, негіздеме)

an-title = Еңбек нарығын талдау
an-upload = Деректер файлын жүктеу
an-upload-hint = Тақырып жолы бар CSV (UTF-8) немесе XLSX; бағандар деректер форматтары нұсқаулығында сипатталған. Алдымен әр жол тексеріледі: бір жол қате болса, қате жолдарды бөлек қоюды таңдамасаңыз, ештеңе жазылмайды.
an-source = Дереккөз
an-file = Файл
an-skip-invalid = Дұрыс жолдарды жазу, қателерін бөлек қою
an-upload-submit = Жүктеу
an-imported = { $file }: { $rows } жол оқылды — жаңа { $inserted }, жаңартылған { $updated }, өзгермеген { $unchanged }, бөлек қойылған { $rejected }.
an-refused = { $file }: { $rows } жолдың { $bad } қате, сондықтан ештеңе жазылмады. Жолдар мен себептер төменде.
an-err-source = Дереккөзді таңдаңыз.
an-err-file = Жүктейтін файлды таңдаңыз.
an-err-period = Деректер жылы 2025 сияқты жыл болуы тиіс.
an-imports = Соңғы жүктеулер
an-rows = Жолдар
an-inserted = Жаңа
an-updated = Жаңартылған
an-unchanged = Өзгермеген
an-rejected = Бөлек қойылған
an-by = Кім
an-compute = Тізбе жобасын есептеу
an-period = Деректер жылы
an-note = Ескертпе
an-compute-submit = Жобаны есептеу
an-lists = Тізбелер
an-status = Мәртебесі
an-revision = Редакция

source-forecast = Кадрларға қажеттілік болжамы
source-vacancies = Бос жұмыс орындары (Электрондық еңбек биржасы)
source-work-permits = Шетелдік жұмыс күшін тартуға рұқсаттар

draft-title = { $id }-тізбе
draft-send = Келісуге жіберу
draft-revise = Жаңа редакция жасау
draft-approve = Бұйрықпен бекіту
draft-publish = Жариялау
draft-entries = Үміткер кәсіптер

done-drafted = Жоба жүктелген деректер бойынша есептелді.
done-sent = Жоба келісуге жіберілді.
done-revised = Жаңа редакция жасалды.
done-approved = Тізбе бекітілді.
done-published = Тізбе жарияланды.

co-title = Тізбені келісу
co-speaking-for = Сіз өкілсіз: { $body }.
co-nothing = Ұйымыңызға әлі бірде-бір жоба жіберілмеген.
co-answered = Жауап берілді
co-no-body = Бұл тіркелгі ешбір келісуші ұйымның атынан әрекет етпейді. Әкімшіге хабарласыңыз.
co-organisation = Ұйым
co-recipients = Жіберілді
co-opinions = Қорытындылар
co-give = Ұйымыңыздың қорытындысы
co-verdict = Шешім
co-remarks = Ескертулер (жай келіскенде ғана міндетті емес)
co-submit = Қорытынды беру
co-regional = Өңіріңіздің көрсеткіштері: { $region }
co-err-verdict = Таңдаңыз: келісілді, ескертулермен келісілді немесе қарсылық.
