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
