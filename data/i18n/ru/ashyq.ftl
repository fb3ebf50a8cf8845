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
login-throttled = Слишком много неудачных попыток. Повторите через { $minutes } мин.
login-already = Вы уже вошли как { $name }.

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

audit-title = Журнал аудита
audit-intact = Цепочка из { $count } записей не нарушена.
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
err-display-name = Имя должно содержать от 1 до 200 символов.
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
occ-intro = Введите название должности на казахском, русском или английском — «инженер-химик», «бағдарламашы», “chemical engineer” — чтобы найти её группу в национальном классификаторе занятий (на основе МСКЗ-08) и узнать, входит ли она в действующий сегодня список востребованных профессий.
occ-query = Название должности
occ-search = Найти
occ-none = Ни одна профессия не подходит. Попробуйте более короткое или распространённое название.
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
diff-unchanged = Без изменений: { $count }.

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
reason-too_few_vacancies = Размещено лишь { $posted } вакансий; для оценки нужно не менее { $minimum }.
reason-too_few_criteria = Выполнено критериев: { $passed }; требуется { $required }.
reason-score_below_cutoff = Балл { $score } ниже порога { $cutoff }.
reason-beyond_max_entries = Место { $rank } — за пределами { $max } позиций списка.
reason-meets_all = Выполнены все условия: { $passed } из { $of } критериев, балл { $score }.

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
an-imported = { $file }: прочитано строк { $rows } — новых { $inserted }, обновлено { $updated }, без изменений { $unchanged }, отложено { $rejected }.
an-refused = { $file }: неверных строк { $bad } из { $rows }, поэтому ничего не записано. Строки и причины перечислены ниже.
an-err-source = Выберите источник данных.
an-err-file = Выберите файл для загрузки.
an-err-period = Год данных должен быть годом, например 2025.
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
