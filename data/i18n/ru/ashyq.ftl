# ashyq — сообщения интерфейса, русский язык.

app-name = ashyq
app-tagline = Открытая платформа миграционной политики Казахстана
skip-to-content = Перейти к содержанию
nav-label = Главное меню
nav-home = Главная
nav-api = Справочник API
nav-account = Мой профиль
nav-users = Пользователи
nav-audit = Журнал аудита
nav-login = Войти
nav-logout = Выйти
lang-label = Язык
signed-in-as = Вы вошли как { $name } ({ $role })
footer-text = ashyq — свободное программное обеспечение для миграционной политики Республики Казахстан.

role-public = Общественность
role-applicant = Заявитель
role-analyst = Аналитик рынка труда
role-coordinator = Согласующий орган
role-officer = Сотрудник миграционной службы
role-border = Сотрудник пограничной службы
role-admin = Администратор

home-title = Добро пожаловать в ashyq
home-intro-public = Здесь публикуется перечень востребованных профессий и можно проверить, на какое разрешение или визу вы можете претендовать. Сотрудники и заявители входят в систему, чтобы продолжить.
home-intro-applicant = Здесь будут ваши заявления на разрешения, визы и статусы.
home-intro-analyst = Здесь вы формируете перечень востребованных профессий и рейтинг ценных навыков по данным рынка труда.
home-intro-coordinator = Здесь вы даёте заключение вашего органа по проекту перечня востребованных профессий.
home-intro-officer = Здесь вы рассматриваете заявления вашего региона и следите за разрешениями и сроками пребывания.
home-intro-border = Здесь вы регистрируете въезд и выезд и проверяете статус путешественника.
home-intro-admin = Здесь вы управляете учётными записями и проверяете журнал аудита.
home-region = Регион: { $region }

login-title = Вход
login-username = Имя пользователя
login-password = Пароль
login-submit = Войти
login-failed = Неверное имя пользователя или пароль.
login-throttled = Слишком много неудачных попыток. Повторите через { $count ->
        [one] { $count } минуту
        [few] { $count } минуты
        [many] { $count } минут
       *[other] { $count } минуты
    }.
login-already = Вы уже вошли как { $name }.
signup-link = Нет учётной записи? Зарегистрируйтесь
signup-title = Регистрация
signup-intro = Учётная запись позволяет подавать заявления на разрешения и визы и следить за их рассмотрением. Учётные записи должностных лиц создаёт администратор.
signup-already = Вы вошли как { $name }. После регистрации вы войдёте под новой учётной записью.
signup-username-hint = От 3 до 64 символов: латинские буквы a–z, цифры, точка, дефис, подчёркивание или @. Это имя для входа.
signup-display-name = Фамилия, имя и отчество
signup-repeat = Повторите пароль
signup-submit = Зарегистрироваться
signup-have-account = Уже есть учётная запись? Войдите
signup-throttled = С вашего адреса создано слишком много учётных записей. Повторите через { $count ->
        [one] { $count } минуту
        [few] { $count } минуты
        [many] { $count } минут
       *[other] { $count } минуты
    }.

account-title = Мой профиль
account-username = Имя пользователя
account-display-name = Имя
account-role = Роль
account-region = Регион
account-none = —
password-title = Смена пароля
password-current = Текущий пароль
password-new = Новый пароль
password-repeat = Повторите новый пароль
password-hint = Не менее 12 символов. Фраза из нескольких слов и надёжна, и легко запоминается.
password-submit = Сменить пароль
password-changed = Пароль изменён. Другие ваши сеансы завершены.
password-mismatch = Новые пароли не совпадают.
password-wrong-current = Текущий пароль неверен.

users-title = Пользователи
users-add = Добавить пользователя
users-username = Имя пользователя
users-display-name = Имя
users-role = Роль
users-region = Регион
users-region-none = Без региона
users-password = Начальный пароль
users-status = Статус
users-actions = Действия
users-active = Активна
users-disabled = Отключена
users-disable = Отключить
users-enable = Включить
users-submit = Создать учётную запись
users-created = Учётная запись { $username } создана.
users-updated = Учётная запись { $username } изменена.
users-self = Ваша учётная запись
users-err-own-account = Нельзя отключить собственную учётную запись: обратитесь к другому администратору.

audit-title = Журнал аудита
audit-intact = Цепочка из { $count ->
        [one] { $count } записи
        [few] { $count } записей
        [many] { $count } записей
       *[other] { $count } записи
    } не нарушена.
audit-broken = Цепочка нарушена: { $reason }
audit-seq = №
audit-at = Когда
audit-actor = Кто
audit-role = Роль
audit-action = Действие
audit-object = Объект
audit-request = Запрос

err-username = Имя пользователя: от 3 до 64 символов из a–z, 0–9, точки, дефиса, подчёркивания или @, начиная с буквы или цифры.
err-password-short = Пароль должен содержать не менее 12 символов.
err-password-long = Пароль должен содержать не более 256 символов.
err-password-username = Пароль не должен совпадать с именем пользователя.
err-display-name = Имя должно содержать от 1 до 200 символов в одну строку, без управляющих символов и невидимых знаков направления текста.
err-region = Неизвестный регион.
err-region-role = Регион назначается только согласующим органам и сотрудникам миграционной службы.
err-role = Выберите роль.
err-conflict = Учётная запись с таким именем уже существует.
err-csrf = Срок действия формы истёк или она отправлена с другого сайта. Обновите страницу и повторите.

error-forbidden-title = Доступ запрещён
error-forbidden-text = Вашей роли ({ $role }) эта страница недоступна.
error-notfound-title = Страница не найдена
error-notfound-text = По этому адресу страницы нет.
error-internal-title = Что-то пошло не так
error-internal-text = Ошибка записана в журнал. Повторите попытку позже. Запрос: { $request }
back-home = На главную

# Список востребованных профессий (задача 3)
nav-occupations = Профессии
nav-lists = Список востребованных профессий
nav-analysis = Анализ
nav-coordination = Согласование
yes = да
no = нет
err-date = «{ $value }» — не дата: укажите ГГГГ-ММ-ДД.

occ-title = Найдите свою профессию
occ-intro = Введите название должности на казахском, русском или английском — «инженер-химик», «бағдарламашы» — чтобы найти её группу в национальном классификаторе занятий (на основе МСКЗ-08) и узнать, входит ли она в действующий сегодня список востребованных профессий.
occ-query = Название должности
occ-search = Найти
occ-none = Ни одна профессия не подходит. Попробуйте более короткое или распространённое название.
occ-err-long = Название должности — не более { $max } знаков.
occ-matched = Совпавшее название
occ-score = Совпадение
occ-on-list = В списке сегодня

lists-title = Список востребованных профессий
lists-intro = Список востребованных профессий для иностранцев, утверждаемый Министерством труда и социальной защиты населения. Иностранец, чья профессия входит в действующий список, получает разрешение на постоянное проживание без подтверждения платёжеспособности. Выберите дату, чтобы увидеть список, действовавший в этот день.
lists-on = Дата
lists-show = Показать
lists-in-force-on = Список, действующий на { $date }
lists-order = Утверждён приказом № { $order } от { $date }; действует с { $effective }.
lists-none = На { $date } список востребованных профессий не действовал.
lists-versions = Опубликованные версии
lists-version = Версия
lists-period = Год данных
lists-order-no = № приказа
lists-order-date = Дата приказа
lists-effective = Действует с

list-title = Список востребованных профессий, версия { $id }
list-rank = Место
list-code = Код
list-occupation = Профессия
list-sector = Отрасль
list-score = Балл
list-criteria = Критериев выполнено
list-on-list = В списке
list-justification = Обоснование
list-download = Скачать
list-methodology = Методика действует с
list-entries = Профессии списка
list-ranking = Рейтинг ценных навыков
list-ranking-hint = Все профессии специалистов-профессионалов (основная группа 2 МСКЗ-08), упорядоченные по тому же баллу, независимо от того, вошли ли они в список.
list-ranking-link = рейтинг ценных навыков

entry-reasons = Почему
entry-checks = Показатели в сравнении с ориентирами
entry-indicator = Показатель
entry-value = Значение
entry-benchmark = Ориентир
entry-threshold = Должно превышать
entry-weight = Вес
entry-passed = Выполнен
entry-charts = Графики
entry-chart-percentiles = Положение профессии среди всех профессий специалистов (процентиль, 0–100)
entry-chart-percentiles-caption = Каждая полоса — процентиль профессии по одному показателю; линия — медианная профессия.
entry-chart-median = медиана
entry-chart-regions = { $indicator } по регионам

diff-title = Сравнить две версии
diff-from = С
diff-to = По
diff-compare = Сравнить
diff-added = Добавлены
diff-removed = Исключены
diff-moved = Изменилось место
diff-unchanged = Без изменений { $count ->
        [one] осталась { $count } профессия
        [few] остались { $count } профессии
        [many] осталось { $count } профессий
       *[other] осталось { $count } профессии
    }.

sector-healthcare = Здравоохранение
sector-education = Образование
sector-science_and_technology = Наука и технологии
sector-information_technology = Информационные технологии

ind-forecast_need = Прогнозная дополнительная потребность
ind-vacancies_posted = Размещено вакансий
ind-open_at_end = Открыто на конец периода
ind-median_duration_days = Медианная длительность вакансии, дней
ind-hard_to_fill_share = Доля трудно заполняемых
ind-vacancy_growth = Рост вакансий за год
ind-median_salary_kzt = Медианная предлагаемая зарплата
ind-salary_growth_relative = Рост зарплаты выше, чем по всем профессиям
ind-work_permits = Разрешения иностранцам на работу
ind-work_permit_growth = Рост числа разрешений за год

reason-not_priority_sector = Не относится ни к одной из четырёх приоритетных отраслей.
reason-too_few_vacancies = { $count ->
        [one] Размещена лишь { $count } вакансия
        [few] Размещены лишь { $count } вакансии
        [many] Размещено лишь { $count } вакансий
       *[other] Размещено лишь { $count } вакансии
    }; для оценки нужно не менее { $minimum }.
reason-too_few_criteria = { $count ->
        [one] Выполнен { $count } критерий
        [few] Выполнено { $count } критерия
        [many] Выполнено { $count } критериев
       *[other] Выполнено { $count } критерия
    }; требуется { $required }.
reason-score_below_cutoff = Балл { $score } ниже порога { $cutoff }.
reason-beyond_max_entries = Место { $rank } — за пределами { $count ->
        [one] { $count } позиции
        [few] { $count } позиций
        [many] { $count } позиций
       *[other] { $count } позиции
    } списка.
reason-meets_all = Выполнены все условия: { $passed } из { $count ->
        [one] { $count } критерия
        [few] { $count } критериев
        [many] { $count } критериев
       *[other] { $count } критерия
    }, балл { $score }.

basis-computed = рассчитано
basis-added = добавлено редакцией
basis-removed = исключено редакцией

status-draft = проект
status-in_coordination = на согласовании
status-approved = утверждён
status-published = опубликован

verdict-agree = согласовано
verdict-agree_with_remarks = согласовано с замечаниями
verdict-object = возражение

change-label = Предложение
change-add = включить в список
change-remove = исключить из списка
changes-legend = Профессии для включения или исключения (код, предложение, обоснование)

an-title = Анализ рынка труда
an-upload = Загрузить файл данных
an-upload-hint = CSV (UTF-8) или XLSX со строкой заголовков; столбцы описаны в руководстве по форматам данных. Сначала проверяется каждая строка: если хоть одна неверна, ничего не записывается, если только вы не решите отложить неверные строки.
an-source = Источник
an-file = Файл
an-skip-invalid = Записать верные строки, неверные отложить
an-upload-submit = Загрузить
an-imported = { $file }: { $count ->
        [one] прочитана { $count } строка
        [few] прочитано { $count } строки
        [many] прочитано { $count } строк
       *[other] прочитано { $count } строки
    }; из них новых { $inserted }, обновлено { $updated }, без изменений { $unchanged }, отложено { $rejected }.
an-refused = { $file }: неверных строк { $bad } из { $rows }, поэтому ничего не записано. Строки и причины перечислены ниже.
an-err-source = Выберите источник данных.
an-err-file = Выберите файл для загрузки.
an-err-period = Год данных должен быть годом, например 2025.
an-err-revision = У этого списка нет редакции { $revision }.
an-err-too-large = Файл слишком большой: не более { $max } МБ.
an-err-upload = Загрузка прервалась. Попробуйте ещё раз.
an-err-long-cell = { $file }: в строке { $row }, столбце { $column } { $chars } символов; в ячейке может быть не более { $max }.
an-err-long-record = { $file }: запись, начинающаяся в строке { $row }, длиннее { $max } МБ. Возможно, не закрыта кавычка?
an-err-book-cell = { $file }: ячейка { $cell } в { $part } больше { $max } МБ; она не читается.
an-err-book-string = { $file }: общий текст № { $index } книги ({ $part }) больше { $max } МБ; он не читается.
an-err-book-strings = { $file }: в книге больше { $max } разных текстов ({ $part }). Сохраните её как CSV и импортируйте его.
an-err-book-part = { $file }: часть книги { $part } распаковывается более чем в { $max } МБ. Сохраните книгу как CSV и импортируйте его.
an-err-book-total = { $file }: книга распаковывается более чем в { $max } МБ. Сохраните её как CSV и импортируйте его.
an-err-book-entries = { $file }: внутри книги больше { $max } файлов.
an-err-book-broken = { $file }: книга повреждена или создана не табличной программой ({ $part }). Откройте её и сохраните заново.
an-err-not-book = { $file }: это не читаемая книга Excel. Сохраните её в формате .xlsx или CSV.
an-err-empty-file = { $file }: файл пуст, в нём нет строки заголовков.
an-err-unreadable = { $file }: файл не удалось прочитать после получения. Загрузите его ещё раз.
an-err-unreadable-row = { $file }, строка { $row }: { $reason }
an-imports = Последние загрузки
an-rows = Строк
an-inserted = Новых
an-updated = Обновлено
an-unchanged = Без изменений
an-rejected = Отложено
an-by = Кем
an-compute = Рассчитать проект списка
an-period = Год данных
an-note = Примечание
an-compute-submit = Рассчитать проект
an-lists = Списки
an-status = Статус
an-revision = Редакция

source-forecast = Прогноз потребности в кадрах
source-vacancies = Вакансии (Электронная биржа труда)
source-work-permits = Разрешения на привлечение иностранной рабочей силы
source-rates = Курсы валют
source-register-crossings = Реестр: пересечения границы
source-register-registrations = Реестр: регистрации по месту пребывания
source-register-permits = Реестр: визы и разрешения

draft-title = Список { $id }
draft-send = Направить на согласование
draft-revise = Подготовить новую редакцию
draft-approve = Утвердить приказом
draft-publish = Опубликовать
draft-entries = Профессии-кандидаты

done-drafted = Проект рассчитан по загруженным данным.
done-sent = Проект направлен на согласование.
done-revised = Подготовлена новая редакция.
done-approved = Список утверждён.
done-published = Список опубликован.

co-title = Согласование списка
co-speaking-for = Вы представляете: { $body }.
co-nothing = Вашей организации пока не направлено ни одного проекта.
co-answered = Ответ дан
co-no-body = Эта учётная запись не представляет ни одну согласующую организацию. Обратитесь к администратору.
co-organisation = Организация
co-recipients = Направлено
co-opinions = Заключения
co-give = Заключение вашей организации
co-verdict = Решение
co-remarks = Замечания (обязательны, кроме простого согласия)
co-submit = Дать заключение
co-regional = Показатели вашего региона: { $region }
co-err-verdict = Выберите: согласовано, согласовано с замечаниями или возражение.
co-remarks-hint = Выбор заключения обязателен. Замечания обязательны при согласовании с замечаниями и при возражении; при простом согласии их можно не заполнять.
co-err-remarks-required = При заключении «{ $verdict }» замечания обязательны: укажите, против чего вы возражаете или что замечаете.
co-err-remarks-long = Замечания длиннее 10 000 символов.
co-err-proposal-justification = Предложение { $row } ({ $code }): нужно обоснование.
co-err-proposal-long = Предложение { $row } ({ $code }): обоснование длиннее 2 000 символов.
co-err-proposal-twice = Предложение { $row }: { $code } названа дважды.
co-err-proposal-outside = Предложение { $row }: { $code } не входит в число кандидатов этого перечня.
co-err-proposal-included = Предложение { $row }: { $code } уже в перечне.
co-err-proposal-absent = Предложение { $row }: { $code } нет в перечне.
changes-err-code = Строка { $row }: «{ $value }» — не код профессии (четыре цифры или четыре цифры, дефис и до трёх цифр).
changes-err-change = Строка { $row }: выберите, включить профессию или исключить.

# Самопроверка права (для всех) и моделирование реформы (аналитики)
nav-eligibility = Проверить своё право
ec-title = Проверьте своё право
ec-intro = Ответьте на несколько вопросов о себе и узнайте, можете ли вы получить разрешение на постоянное проживание, долгосрочную визу, карту «Ата жолы» или статус беженца. Решают те же правила, что применяет миграционная служба, и каждое условие объясняется со ссылкой на закон.
ec-disclaimer = Это лишь ориентир, а не решение государственного органа. Введённые данные нигде не сохраняются. Решение по заявлению принимает только миграционная служба на основании документов.
ec-start = Начать проверку
ec-check-title = Самопроверка: { $programme }
ec-prog-permanent-residence = Постоянное проживание
ec-prog-permanent-residence-about = Чтобы постоянно жить в Казахстане. Нужно подтвердить платёжеспособность — деньги на счёте в казахстанском банке у вас и у каждого совершеннолетнего члена семьи, который переезжает с вами, — и средства на жильё. Этнические казахи (кандасы), бывшие граждане, лица, имеющие право на гражданство в упрощённом порядке, и те, чья профессия входит в список востребованных, платёжеспособность не подтверждают.
ec-prog-valuable-skills-visa = Виза для ценных специалистов
ec-prog-valuable-skills-visa-about = Долгосрочная виза для специалистов, которые входят в число лучших в своей области. Профессия, образование, опыт, языки, публикации, патенты, награды и предложение о работе дают баллы; нужно набрать достаточно баллов и иметь план обучения местных специалистов.
ec-prog-investor-visa = Инвесторская виза
ec-prog-investor-visa-about = Долгосрочная виза для тех, кто вложил не менее установленной законом суммы в долларах США в уставный капитал казахстанских компаний или в казахстанские ценные бумаги.
ec-prog-ata-zholy = Карта «Ата жолы»
ec-prog-ata-zholy-about = Упрощённая виза на десять лет с правом вести бизнес — для этнических казахов, живущих за рубежом, чья профессия востребована или входит в перечень для упрощённого гражданства, либо у которых есть бизнес за рубежом.
ec-prog-refugee = Статус беженца
ec-prog-refugee-about = Защита для тех, кто опасается преследования в своей стране по признаку расы, вероисповедания, гражданства, принадлежности к определённой социальной группе или политических убеждений. Само ходатайство всегда рассматривает сотрудник; проверка показывает срок подачи и то, что он будет оценивать.
ec-errors = Некоторые ответы требуют внимания
ec-outcome-eligible = Право есть
ec-outcome-ineligible = Права нет
ec-outcome-needs_officer = Решает сотрудник
ec-outcome-error = Решить не удалось
ec-programme-basis = Правовое основание программы
ec-checks = Условия по порядку
ec-mark-passed = Выполнено
ec-mark-failed = Не выполнено
ec-mark-set-aside = Не требуется
ec-mark-officer = На усмотрение сотрудника
ec-mark-not-applicable = Не применяется
ec-basis = Правовое основание
ec-basis-from = { $basis } (действует с { $from })
ec-basis-none = на эту дату не действует
ec-rule-ref = Справка для специалистов
passport-of = { $country }, № { $number }
sex-m = мужской
sex-f = женский
sex-x = не указан
ec-params = Установленные законом значения, которые применены
ec-param = Параметр
ec-param-value = Значение
ec-param-from = Действует с
ec-change = Изменить ответы
ec-answers = Ваши ответы
ec-answers-hint = Незаполненные группы вопросов (член семьи, инвестиция, язык) не учитываются.
ec-submit = Проверить
ec-choose = — выберите —
ec-decided = Решено на { $date } по редакции правил { $edition }.
ec-validity = Если право будет предоставлено: действует с { $from } по { $until }.
ec-validity-passport = Если право будет предоставлено: действует с { $from } по { $until }, до окончания срока паспорта.
ec-unit-MCI = МРП
ec-unit-KZT = ₸
ec-unit-USD = долл. США
ec-unit-days = дн.
ec-unit-months = мес.
ec-unit-years = лет
ec-unit-m2 = м²
ec-unit-percent = %
ec-err-required = Ответьте на этот вопрос.
ec-err-after-on = Эта дата позже даты подачи заявления.
ec-err-amount = «{ $value }» — не сумма: укажите цифры, например 5000000 или 5000000,50.
ec-err-whole = Укажите целое число от 0 до { $max }.
ec-err-long = Не более { $max } символов.
ec-err-occupation = «{ $value }» — не код классификатора занятий. Найдите свой в разделе «Профессии».
ec-err-bin = «{ $value }» — неверный БИН: 12 цифр с правильной контрольной цифрой.
ec-err-choice = Выберите один из вариантов.
ec-err-facts = Этот ответ нельзя использовать: { $reason }
facts-empty = поле пустое
facts-missing = ответ не дан
facts-unreadable = значение не подходит к этому вопросу
facts-not-json = текст не является JSON (строка { $line }, столбец { $column })
facts-date = «{ $value }» — не дата: пишите ГГГГ-ММ-ДД, например 2025-03-01
facts-after-decision = дата позже дня решения, { $on }
facts-after-application = дата позже дня подачи заявления, { $on }
facts-occupation = { $value } нет в классификаторе занятий
facts-country = «{ $value }» — не код страны (три буквы, например UZB)
facts-region = «{ $value }» — не регион Казахстана
facts-twice = указано дважды
facts-language = «{ $value }» — не код языка (две буквы, например kk)
facts-experience = стаж больше { $max } лет
ec-err-on = На эту дату программа не может быть применена: { $reason }
ec-err-cannot-decide = Проверку сейчас выполнить нельзя: { $reason }
eval-not-yet = программа действует только с { $first }, а не на { $on }
eval-not-in-force = на { $on } программа не действует
eval-repealed = программа отменена с { $from }
eval-parameter-missing = в правилах не хватает одного из показателей; сообщите об этом администратору сервиса
eval-parameter-not-yet = один из показателей правил действует только с { $first }, а не на { $on }
eval-parameter-no-region = у одного из показателей правил нет значения для региона «{ $region }» на { $on }
eval-rate-stale = нет официального курса { $currency } на { $on }: последний известный — на { $latest }
eval-rate-missing = нет официального курса { $currency } на { $on }
eval-rate-overflow = сумма { $amount } слишком велика, чтобы пересчитать её точно
ecg-application = Заявление
ecg-you = О вас
ecg-funds = Деньги на вашем счёте
ecg-funds-hint = Оставьте сумму пустой, если счёта нет.
ecg-member-funds = Деньги на счёте этого члена семьи
ecg-family = Член семьи { $n }
ecg-home = Где вы будете жить
ecg-housing = Жильё
ecg-work = Ваша работа
ecg-training = Обучение местных специалистов
ecg-training-hint = Оставьте пустым, если вы не предлагаете никого обучать.
ecg-language = Язык { $n }
ecg-investment = Инвестиция { $n }
ecg-business = Ваш бизнес за рубежом
ecg-business-hint = Оставьте название пустым, если бизнеса нет.
ecg-claim = Ваше ходатайство
ecf-on = Дата подачи заявления
ecf-on-hint = Применяются правила, действующие на эту дату. По умолчанию — сегодня.
ecf-birth_date = Дата рождения
ecf-passport_expiry = Паспорт действителен до
ecf-occupation = Профессия (код)
ecf-occupation-hint = Код вашей профессии в классификаторе, например 2512 для разработчиков программного обеспечения. Найдите его в разделе «Профессии». Оставьте пустым, если профессии нет.
ecf-ethnic_kazakh = Я этнический казах (кандас)
ecf-former_citizen = Я был гражданином Казахстана
ecf-simplified_citizenship = Я имею право на гражданство в упрощённом порядке
ecf-criminal_record = У меня есть судимость
ecf-criminal_record-hint = Судимость оценивает сотрудник; сама по себе она не означает отказ.
ecf-amount_kzt = Сумма, тенге
ecf-amount_kzt-hint = Как указано в справке банка.
ecf-kazakh_bank = Счёт открыт в банке Казахстана
ecf-certified_on = Дата справки банка
ecf-relation = Кем приходится вам
ecf-region = Регион
ecf-provided_by_contract = Жильё предоставляется по договору (работодатель, аренда)
ecf-provided_by_contract-hint = Тогда средства на жильё не нужны.
ecf-funds_kzt = Средства на жильё, тенге
ecf-funds_kzt-hint = Оставьте пустым, если средств нет.
ecf-education = Высшее полученное образование
ecf-experience_years = Стаж работы по профессии, лет
ecf-publications = Публикации
ecf-patents = Патенты
ecf-awards = Награды
ecf-job_offer = У меня есть предложение о работе от работодателя в Казахстане
ecf-trainees_per_year = Сколько местных специалистов вы будете обучать в год
ecf-language = Язык
ecf-level = Уровень
ecf-level-hint = По европейской шкале, от A1 (начальный) до C2 (в совершенстве).
ecf-kind = Вид инвестиции
ecf-recipient = Компания или эмитент
ecf-bin = БИН
ecf-bin-hint = Бизнес-идентификационный номер казахстанской компании; для иностранной оставьте пустым.
ecf-amount = Сумма
ecf-currency = Валюта
ecf-date = Дата инвестиции
ecf-country_of_residence = Страна проживания
ecf-name = Название бизнеса
ecf-country = Страна регистрации
ecf-registered_on = Дата регистрации
ecf-arrival_date = Дата прибытия в Казахстан
ecf-grounds = Почему вы опасаетесь преследования
ecf-grounds-hint = Отметьте все подходящие основания.
ecf-delay_reason = Почему вы не обратились раньше
ecf-delay_reason-hint = Только если вы обращаетесь после истечения срока.
ecf-exclusion_grounds = Я совершил тяжкое неполитическое преступление, преступление против мира или деяния, противоречащие целям ООН
ecf-exclusion_grounds-hint = Это должен рассмотреть сотрудник.
ecv-relation-spouse = супруг(а)
ecv-relation-child = ребёнок
ecv-relation-parent = родитель
ecv-relation-other = другой родственник
ecv-education-none = нет
ecv-education-secondary = среднее
ecv-education-vocational = профессиональное
ecv-education-bachelor = бакалавр
ecv-education-master = магистр
ecv-education-doctorate = доктор наук (PhD)
ecv-language-kk = казахский
ecv-language-ru = русский
ecv-language-en = английский
ecv-language-zh = китайский
ecv-language-de = немецкий
ecv-language-fr = французский
ecv-language-tr = турецкий
ecv-language-uz = узбекский
ecv-language-ar = арабский
ecv-language-ko = корейский
ecv-kind-charter_capital = уставный капитал компании
ecv-kind-securities = ценные бумаги (акции, облигации)
ecv-grounds-race = раса
ecv-grounds-religion = вероисповедание
ecv-grounds-nationality = гражданство или национальность
ecv-grounds-social_group = принадлежность к определённой социальной группе
ecv-grounds-political_opinion = политические убеждения

sim-title = Моделирование реформы
sim-intro = Загрузите проект файла правил: все сохранённые заявления будут заново решены по действующим правилам и по проекту, и вы увидите, сколько решений изменится, как и по каким делам. Ничего не меняется; запуск записывается в журнал аудита, так как читает данные заявителей.
sim-link-hint = Проверьте проект правил на сохранённых заявлениях до его принятия.
sim-open = Открыть моделирование реформы
sim-file = Проект файла правил (TOML)
sim-file-hint = Файл правил в формате data/policy/kz.toml с предлагаемыми изменениями.
sim-date = Решить все дела на эту дату (необязательно)
sim-date-hint = Оставьте пустым, чтобы решать каждое заявление на дату его подачи.
sim-submit = Запустить моделирование
sim-result = Результат
sim-summary = По правилам { $baseline } (действующие) и { $draft } (проект) { $count ->
        [one] решено { $count } заявление
        [few] решено { $count } заявления
        [many] решено { $count } заявлений
       *[other] решено { $count } заявления
    }, { $on }; решение изменится в { $changed } из них.
sim-on-date = все на { $date }
sim-on-own = каждое на дату подачи
sim-unreadable = Не удалось прочитать { $count ->
        [one] { $count } сохранённое заявление; оно не учтено
        [few] { $count } сохранённых заявления; они не учтены
        [many] { $count } сохранённых заявлений; они не учтены
       *[other] { $count } сохранённого заявления; они не учтены
    }:
sim-by-programme = По программам
sim-programme = Программа
sim-cases = Дел
sim-changed = Изменится
sim-transitions = Как изменится
sim-affected = Затронутые дела
sim-none = По проекту ни одно дело не изменится.
sim-more = Показаны первые { $shown } из { $count ->
        [one] { $count } затронутого дела
        [few] { $count } затронутых дел
        [many] { $count } затронутых дел
       *[other] { $count } затронутого дела
    }.
sim-reference = Номер
sim-applied = Дата
sim-before = Действующие
sim-after = Проект
sim-failing-before = Отказ по (действующие)
sim-failing-after = Отказ по (проект)
sim-err-file = Выберите файл проекта правил.
sim-err-policy = Проект правил не читается: { $error }

## Реестр перемещений (issue 5)
nav-border = Пограничная проверка
nav-register = Реестр
nav-alerts = Оповещения
nav-register-stats = Перемещения
reg-border-title = Пограничная проверка
reg-border-intro = Отсканируйте или вставьте машиносчитываемую зону документа либо введите государство выдачи и номер.
reg-mrz = Машиносчитываемая зона
reg-mrz-hint = Две строки по 44 или 36 знаков либо три по 30 — как их читает сканер.
reg-or-type = Или введите документ:
reg-issuing-state = Государство выдачи
reg-document-number = Номер документа
reg-check = Проверить
reg-err-mrz = Машиносчитываемая зона не прошла проверку: { $error }
reg-err-missing = Отсканируйте машиносчитываемую зону или введите государство выдачи и номер.
reg-err-both = Отсканируйте машиносчитываемую зону или введите государство выдачи и номер, но не то и другое сразу: очистите одно из них.
reg-err-refused = Не выполнено: { $error }
reg-status-unknown = НЕТ В РЕЕСТРЕ
reg-status-absent = Не находится в стране
reg-status-unrecorded = Въезд и выезд не зарегистрированы
reg-status-lawful = Законное пребывание
reg-status-lawful-until = Законно до { $date }
reg-status-overstay = ПРЕВЫШЕНИЕ СРОКА с { $since }: { $count ->
        [one] { $count } день
        [few] { $count } дня
        [many] { $count } дней
       *[other] { $count } дня
    }
reg-status-unlawful = Незаконное пребывание
reg-status-on = Статус на { $date }
reg-basis-citizen = Гражданин Казахстана
reg-basis-permit = { $kind } { $number }, действует до { $date }
reg-basis-visa = Виза { $number }, действует до { $date }
reg-basis-short-stay = Краткосрочное пребывание: не более { $count ->
        [one] { $count } дня
        [few] { $count } дней
        [many] { $count } дней
       *[other] { $count } дня
    } в любом периоде { $window }; { $per_entry }
reg-basis-window = из { $count ->
        [one] { $count } дня
        [few] { $count } дней
        [many] { $count } дней
       *[other] { $count } дня
    }
reg-basis-per-entry = за один въезд — не более { $count ->
        [one] { $count } дня
        [few] { $count } дней
        [many] { $count } дней
       *[other] { $count } дня
    }
reg-basis-per-entry-none = без ограничения на один въезд
reg-basis-no-visa = Пребывание не покрыто визой или разрешением
reg-basis-absent = Выехал из страны
reg-basis-unrecorded = Находится ли человек в стране, неизвестно: в реестре нет ни въезда, ни выезда
reg-warnings = Предупреждения
reg-warn-overstay = Превышение срока с { $since }: { $count ->
        [one] { $count } день
        [few] { $count } дня
        [many] { $count } дней
       *[other] { $count } дня
    }
reg-warn-expired = Срок действия документа { $document } истёк { $date }
reg-warn-refused = Ранее отказано во въезде { $count ->
        [one] { $count } раз
        [few] { $count } раза
        [many] { $count } раз
       *[other] { $count } раза
    }, последний раз — { $date }, { $checkpoint }: { $reason }
reg-name = Имя
reg-nationality = Гражданство
reg-birth-date = Дата рождения
reg-sex = Пол
reg-open-record = Открыть карточку лица
reg-documents = Документы
reg-document = Документ
reg-document-type = Тип
reg-expiry = Действителен до
reg-expired = истёк
reg-last-crossings = Последние пересечения
reg-crossings = Пересечения границы
reg-none = Нет.
reg-day = День
reg-kind = Вид
reg-checkpoint = Пункт пропуска
reg-reason = Причина
reg-event = Идентификатор события
reg-kind-entry = Въезд
reg-kind-exit = Выезд
reg-kind-refusal = Отказ во въезде
reg-group = Группа гражданства
reg-group-citizen = Гражданин Казахстана
reg-group-eaeu = Гражданин ЕАЭС
reg-group-visa_free = Безвизовый режим
reg-group-visa_required = Визовый режим
reg-since = В стране с
reg-days-in-window = Дней в окне 180 дней
reg-anomalies = Пробелы в записи пересечений
reg-on = Дата
reg-show = Показать
reg-person-title = Лицо в реестре
reg-person = Лицо
reg-registrations = Регистрации
reg-registration-stay = По месту пребывания
reg-registration-work = Трудовой мигрант
reg-region = Регион
reg-address = Адрес
reg-host = Принимающая сторона
reg-period = Период
reg-notified = Уведомление получено
reg-late = С ОПОЗДАНИЕМ (срок { $date })
reg-employer = Работодатель (БИН)
reg-permits = Визы и разрешения
reg-number = Номер
reg-cancelled = Аннулировано
reg-validity = Действие на сегодня
reg-validity-in-force = Действует
reg-validity-not-yet = Ещё не вступило в силу
reg-validity-expired = Срок истёк
reg-validity-cancelled = Аннулировано { $date }
reg-current-registrations = Действующие регистрации
reg-permit-visa = Виза
reg-permit-work-permit = Разрешение на работу
reg-permit-temporary-residence = Разрешение на временное проживание
reg-permit-permanent-residence = Разрешение на постоянное проживание
reg-permit-valuable-skills-visa = Виза для ценных специалистов
reg-permit-investor-visa = Инвесторская виза
reg-permit-ata-zholy = Карта «Ата жолы»
reg-permit-refugee-certificate = Удостоверение беженца
reg-merges = Объединения и разделения
reg-merge-merge = Лицо №{ $from } объединено с №{ $into } (документы { $documents })
reg-merge-split = Документы { $documents } отделены от №{ $from } в №{ $into }
reg-merge-undone = отменено: { $by }, { $at }
reg-undo = Отменить
reg-merge-title = Объединить с этим лицом другое
reg-merge-hint = Одно лицо под двумя записями (новый паспорт, иное написание): его документы и события перейдут сюда. Можно отменить.
reg-merge-candidate = Та же дата рождения и гражданство
reg-merge-from = Или номер другого лица
reg-merge = Объединить
reg-reason-required = Основание (обязательно)
reg-split-document = Документ, принадлежащий другому лицу
reg-split = Отделить
reg-done-merged = Лица объединены.
reg-done-split = Документ отделён в лицо №{ $person }.
reg-done-undone = Отменено.
reg-search-title = Поиск в реестре
reg-search-label = Номер документа или фамилия (начало)
reg-search-submit = Найти
reg-alerts-title = Оповещения
reg-alerts-summary = Сейчас в стране { $count ->
        [one] { $count } иностранец
        [few] { $count } иностранца
        [many] { $count } иностранцев
       *[other] { $count } иностранца
    }: законно — { $lawful }, с превышением срока — { $overstayers }.
reg-alerts-overstayers = Превысившие срок пребывания на { $date }
reg-overstay-since = Превышение с
reg-overstay-days = Дней превышения
reg-alerts-expiring = Визы и разрешения, истекающие { $count ->
        [one] в ближайший { $count } день
        [few] в ближайшие { $count } дня
        [many] в ближайшие { $count } дней
       *[other] в ближайшие { $count } дня
    }
reg-alerts-days = Дней вперёд
reg-until = Действует до
reg-alerts-late = Пребывание, зарегистрированное с опозданием (90 дней)
reg-arrival = Прибытие
reg-due = Срок
reg-dash-title = Перемещения иностранцев
reg-dash-present = Сейчас в стране { $count ->
        [one] { $count } иностранец
        [few] { $count } иностранца
        [many] { $count } иностранцев
       *[other] { $count } иностранца
    }
reg-dash-totals = В реестре { $persons }, { $documents }, { $crossings }, { $registrations } и { $permits }.
reg-dash-count-persons = { $count ->
        [one] { $count } лицо
        [few] { $count } лица
        [many] { $count } лиц
       *[other] { $count } лица
    }
reg-dash-count-documents = { $count ->
        [one] { $count } документ
        [few] { $count } документа
        [many] { $count } документов
       *[other] { $count } документа
    }
reg-dash-count-crossings = { $count ->
        [one] { $count } пересечение границы
        [few] { $count } пересечения границы
        [many] { $count } пересечений границы
       *[other] { $count } пересечения границы
    }
reg-dash-count-registrations = { $count ->
        [one] { $count } регистрация
        [few] { $count } регистрации
        [many] { $count } регистраций
       *[other] { $count } регистрации
    }
reg-dash-count-permits = { $count ->
        [one] { $count } виза или разрешение
        [few] { $count } визы и разрешения
        [many] { $count } виз и разрешений
       *[other] { $count } визы и разрешения
    }
reg-dash-by-region = Находятся в стране, по региону въезда
reg-dash-by-citizenship = Находятся в стране, по гражданству (15 первых)
reg-dash-months = Въезды и выезды по месяцам
reg-dash-month = Месяц
reg-dash-entries = Въезды
reg-dash-exits = Выезды
reg-dash-refusals = Отказы
reg-dash-persons = Лиц
reg-dash-checkpoints = Пересечения по пунктам пропуска (12 месяцев)

# Boundary text rules (issue 14): why a text from outside was refused
text-control = символ { $at } — управляющий ({ $char }), его нельзя принять.
text-bidi = символ { $at } — знак направления текста ({ $char }), он не допускается в именах и названиях файлов.
text-too-long = слишком длинно: { $count ->
        [one] { $count } символ
        [few] { $count } символа
        [many] { $count } символов
       *[other] { $count } символа
    }, допускается не больше { $max }.
error-badinput-title = Запрос не может быть принят
text-address-refused = Адрес не может быть принят: { $reason }
text-form-refused = Форму нельзя принять: в одном из её полей { $reason } Вернитесь и исправьте.
reg-err-no-rule = На { $date } не действует ни одно правило пребывания; статус показан на сегодня.
reg-err-too-far = Реестр отвечает не более чем на год вперёд, а не на { $date }; статус показан на сегодня.

# Почему машиночитаемая зона не принята (core::mrz::MrzError), и её поля.
mrz-err-line-count = в зоне строк: { $count }; у паспорта их 2, у удостоверения личности 3
mrz-err-unknown-width = в строке { $line } символов: { $length }; в строке зоны их 36 или 44
mrz-err-line-length = в строке { $line } символов: { $length }; в формате { $format } их { $expected }
mrz-err-character = строка { $line }, позиция { $column }: символ «{ $found }» недопустим (только A–Z, 0–9 и <)
mrz-err-check-digit = { $field }: контрольная цифра { $found } не совпадает с вычисленной { $computed }
mrz-err-long-number = номер документа: длинный номер без продолжения и контрольной цифры
mrz-err-inner-filler = номер документа: в «{ $number }» заполнитель < стоит внутри номера
mrz-err-date = { $field }: { $text } — не дата
mrz-err-sex = пол: «{ $found }» — не M, F, X и не <
mrz-field-document-number = номер документа
mrz-field-birth-date = дата рождения
mrz-field-expiry-date = срок действия
mrz-field-personal-number = личный номер
mrz-field-composite = общая контрольная цифра
mrz-field-sex = пол
