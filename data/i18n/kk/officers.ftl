# Қызметкерлер мен әкімшілердің құралдары: ұзын тізімдерді беттерге бөлу, сұрыптау, іздеу,
# экспорт, тізілімнің өңірлер бойынша ескертулері, есептік жазбалардың рөлдері және аудит журналы.

## Беттер
of-paging-label = Беттер
of-paging-summary = { $total } ішінен { $from }–{ $to }
of-paging-prev = ← Алдыңғы
of-paging-next = Келесі →

## Жарамсыз параметрлер
of-err-param = «{ $value }» — «{ $field }» өрісінің жарамсыз мәні; ескерілмеді.
of-err-search = Іздеу жолы басқару таңбаларынсыз { $max } таңбадан аспауы керек; ескерілмеді.
of-field-programme = Бағдарлама
of-field-status = Мәртебе
of-field-age = Кемінде күтуде (күн)
of-field-sort = Сұрыптау
of-field-order = Реті
of-field-page = Бет
of-field-days = Алдағы күндер
of-field-from = Бастап
of-field-to = Дейін
of-field-actor = Кім
of-field-action = Әрекет
of-field-object-type = Нысан түрі
of-field-object-id = Нысан

## Істер кезегі
of-search = Іздеу
of-search-hint = Аты-жөні, іс немесе паспорт нөмірі
of-sort-label = Сұрыптау
of-order-label = Реті
of-order-asc = Өсу бойынша
of-order-desc = Кему бойынша
of-sort-submitted = Берілген уақыты
of-sort-waiting = Күту күндері
of-sort-programme = Бағдарлама
of-sort-status = Мәртебе
of-sort-reference = Іс нөмірі
of-sort-holder = Өтініш беруші
of-sort-region = Өңір

## Тізілім ескертулері
of-alerts-scoped = Сіздің есептік жазбаңыз { $region } өңіріне бекітілген: соған жатқызылған тұлғалар (соңғы тіркеуі бойынша, ол болмаса — шекарадан соңғы өтуі бойынша) мен сонда жасалған тіркеулер туралы ескертулерді көресіз.
of-alerts-summary-region = { $region }: қазір болу мерзімін бұзып отырғандар — { $overstayers }.
of-all-regions = Бүкіл ел
of-download-csv = CSV жүктеп алу
of-csv-person = Тұлға №
of-field-region = Өңір
of-field-list = Тізім
of-err-title = Сұрауды оқу мүмкін болмады

## Есептік жазбалар: рөл және өңір
of-users-change-role = Рөлді өзгерту
of-users-role-hint = Өңір тек үйлестірушілер мен қызметкерлерде болады (өңірі жоқ қызметкер бүкіл ел бойынша жұмыс істейді). Жаңа рөл есептік жазбаның сеанстарын аяқтап, оның API-токендерін кері қайтарады.
of-users-err-own-role = Өз рөліңізді өзгерте алмайсыз: басқа әкімшіге жүгініңіз.

## Аудит журналы
of-audit-search = Іздеу
of-audit-any-action = Кез келген әрекет
of-audit-empty = Іздеуге сәйкес жазба жоқ.
of-audit-code = Коды
of-audit-detail = Толығырақ
of-action-other = Басқа әрекет

## Аудит журналының әрекеттері, әр кодқа біреу
of-action-abroad-agreement-save = Болу елімен келісім сақталды
of-action-abroad-case-action = Шетелдегі қорғау ісі бойынша шара қабылданды
of-action-abroad-case-list = Шетелдегі қорғау істерінің тізімі қаралды
of-action-abroad-case-open = Шетелдегі қорғау ісі ашылды
of-action-abroad-case-read = Шетелдегі қорғау ісі қаралды
of-action-abroad-case-status = Шетелдегі қорғау ісінің мәртебесі өзгертілді
of-action-abroad-worker-read = Шетелде жұмыс істейтін азаматтың жазбасы қаралды
of-action-abroad-worker-register = Шетелде жұмыс істейтін азамат тіркелді
of-action-abroad-worker-search = Шетелде жұмыс істейтін азаматтар ізделді
of-action-account-signup = Есептік жазба өз бетінше тіркелу арқылы ашылды
of-action-account-contact = Байланыс деректері өзгертілді
of-action-account-email_verified = Электрондық пошта мекенжайы сілтеме арқылы расталды
of-action-account-link_refused = Пайдаланылған, мерзімі өткен немесе белгісіз сілтеме қабылданбады
of-action-account-password_reset = Құпиясөз қалпына келтіру сілтемесі арқылы орнатылды
of-action-account-reset_requested = Құпиясөзді қалпына келтіру сілтемесі сұралды
of-action-account-verification_sent = Растау сілтемесі қайта жіберілді
of-action-kandas-file = Қандастың өтінішін өтініш берушінің өзі берді
of-action-kandas-queue = Қандастар өтініштерінің тізімі қаралды
of-action-kandas-read = Қандастың өтініші қаралды
of-action-labour-preview = Еңбек нарығы деректерінің файлы алдын ала қарау үшін тексерілді
of-action-labour-preview-cancel = Еңбек нарығы деректері файлын алдын ала қарау болдырылмады
of-action-applications-submit = Өзін-өзі тексеруден кейін өтініш берілді
of-action-audit-export = Аудит журналы жүктеп алынды
of-action-case-approved = Іс мақұлданды
of-action-case-confirmed = Мақұлдауды екінші қызметкер растады
of-action-case-create = Іс ашылды
of-action-case-evidence = Іске құжат тіркелді
of-action-case-evidence-read = Іс құжаты жүктеп алынды
of-action-case-info_requested = Іс бойынша қосымша мәліметтер сұралды
of-action-case-message = Іске хабарлама жазылды
of-action-case-override = Шешім автоматты бағалауға қарамастан қабылданды
of-action-case-queue = Істер кезегі қаралды
of-action-case-read = Іс қаралды
of-action-case-refused = Іс бойынша бас тартылды
of-action-case-replied = Мәлімет сұрауына жауап берілді
of-action-case-returned = Мақұлдау кезекке қайтарылды
of-action-case-submit = Іс берілді
of-action-case-withdrawn = Іс кері қайтарылды
of-action-coordination-body_add = Келісуші ұйым қосылды
of-action-coordination-body_disable = Келісуші ұйым өшірілді
of-action-coordination-body_enable = Келісуші ұйым қайта қосылды
of-action-coordination-member = Үйлестіруші ұйымға бекітілді
of-action-document-download = Шешім құжаты (PDF) жүктеп алынды
of-action-kandas-assign = Қандас өңірге бөлінді
of-action-kandas-create = Қандастың өтініші тіркелді
of-action-kandas-pay = Қандасқа қолдау төленді
of-action-kandas-refuse = Қандастың өтінішінен бас тартылды
of-action-labour-import = Еңбек нарығының деректері импортталды
of-action-list-approve = Мамандықтар тізбесі бекітілді
of-action-list-draft = Мамандықтар тізбесінің жобасы есептелді
of-action-list-opinion = Мамандықтар тізбесі бойынша қорытынды берілді
of-action-list-publish = Мамандықтар тізбесі жарияланды
of-action-list-revise = Мамандықтар тізбесі пысықталды
of-action-list-send = Мамандықтар тізбесі келісуге жіберілді
of-action-paryz-decide = «Парыз» номинациясы бойынша шешім қабылданды
of-action-paryz-nominate = «Парызға» кандидатура ұсынылды
of-action-paryz-read = «Парыз» номинациясы қаралды
of-action-paryz-year-close = «Парыз» байқауының жылы жабылды
of-action-paryz-year-open = «Парыз» байқауының жылы ашылды
of-action-paryz-year-publish = «Парыз» байқауының қорытындысы жарияланды
of-action-permit-cancel = Рұқсат жойылды
of-action-permit-issue = Рұқсат берілді
of-action-permit-list = Рұқсаттар тізімі қаралды
of-action-permit-read = Рұқсат қаралды
of-action-permit-renew = Рұқсат ұзартылды
of-action-permit-report = Рұқсат иесінің есебі берілді
of-action-permit-solvency = Рұқсат бойынша төлем қабілеттілігі расталды
of-action-policy-simulate = Сақталған өтініштерде реформа модельденді
of-action-quota-set = Квота белгіленді
of-action-rates-import = Мөлшерлемелер импортталды
of-action-register-alerts = Тізілім ескертулері қаралды
of-action-register-alerts-export = Тізілім ескертулері жүктеп алынды
of-action-register-check = Құжат шекарада тексерілді
of-action-register-crossings = Шекарадан өту деректері алынды
of-action-register-days_corrected = Өту күндері түзетілді
of-action-register-import = Тізілім деректері импортталды
of-action-register-overstayers = Болу мерзімін бұзушылар тізімі қаралды
of-action-register-person-merge = Тізілімде тұлғалар біріктірілді
of-action-register-person-read = Тұлға туралы жазба қаралды
of-action-register-person-split = Құжат жаңа тұлғаға бөлінді
of-action-register-person-unmerge = Тұлғаларды біріктіру болдырылмады
of-action-register-person-unsplit = Тұлғаны бөлу болдырылмады
of-action-register-search = Тізілімде іздеу жүргізілді
of-action-round-hold = Шақыру раунды өткізілді
of-action-session-login = Жүйеге кірді
of-action-session-login_failed = Сәтсіз кіру әрекеті
of-action-session-logout = Жүйеден шықты
of-action-token-create = API-токен жасалды
of-action-token-revoke = API-токен кері қайтарылды
of-action-user-create = Есептік жазба ашылды
of-action-user-disable = Есептік жазба өшірілді
of-action-user-enable = Есептік жазба қосылды
of-action-user-list = Есептік жазбалар тізімі қаралды
of-action-user-read = Есептік жазба қаралды
of-action-user-set_password = Құпиясөз өзгертілді
of-action-user-set_role = Есептік жазбаның рөлі немесе өңірі өзгертілді
