# The officer's side of the case workflow: the queue, decisions, permits, quotas and rounds.
nav-cases = Дела
nav-permits = Разрешения
nav-rounds = Квоты и раунды

co-yes = да
co-no = нет
co-none = —
co-all = все
co-bytes = { $count ->
        [one] { $count } байт
        [few] { $count } байта
        [many] { $count } байт
       *[other] { $count } байта
    }

co-queue-title = Дела
co-queue-intro = Заявления, ожидающие решения, — сначала самые давние. Фильтры: программа, статус, регион и срок ожидания; поиск по ФИО заявителя, номеру дела или паспорта; сортировка — по заголовку столбца.
co-queue-scoped = Ваша учётная запись относится к региону { $region }: вы видите только его дела.
co-queue-empty = Нет дел, отвечающих этим фильтрам.
co-programme = Программа
co-status = Статус
co-status-waiting = ожидают сотрудника
co-region = Регион
co-age = Поданы более (дней) назад
co-filter = Показать
co-reference = Номер
co-holder = Владелец
co-automatic = Автоматический результат
co-points = Баллы
co-invited = Приглашён
co-err-other-region = Это относится к региону «{ $region }», а ваша учётная запись закреплена за регионом «{ $mine }».
co-err-not-allowed = Вашей учётной записи это не разрешено.
co-facts-family = Члены семьи
co-facts-languages = Языки
co-facts-investments = Инвестиции

co-status-draft = черновик
co-status-submitted = подано
co-status-information_requested = запрошены сведения
co-status-awaiting_confirmation = ожидает подтверждения вторым сотрудником
co-status-approved = одобрено
co-status-refused = отказано
co-status-withdrawn = отозвано

co-case-title = Дело
co-applicant = Учётная запись заявителя
co-created = Создано
co-submitted = Подано
co-sector = Приоритетная отрасль
co-approved-by = Одобрил
co-confirmed-by = Подтвердил
co-decided-by = Решение принял
co-holder-surname = Фамилия
co-holder-given = Имя
co-holder-birth = Дата рождения
co-holder-sex = Пол
co-holder-nationality = Гражданство
co-holder-passport = Паспорт
co-holder-passport-expiry = Паспорт действителен до
co-facts = Ответы заявления
co-automatic-title = Автоматическое решение
co-stored-outcome = При подаче правила дали: { $outcome } (решено на { $date }, редакция политики { $edition }).
co-automatic-today = Ниже — решение правил на сегодня со всеми проверками; ваше решение сверяется с ним.
co-evidence = Документы
co-document = Документ
co-number = Номер
co-issuer = Кем выдан
co-issued-on = Дата выдачи
co-file = Файл
co-history = История
co-override-of = Решение вопреки автоматическому результату: { $outcome }
co-permit-issued = Выдано разрешение:

co-doc-passport = Паспорт
co-doc-bank_certificate = Справка банка
co-doc-diploma = Диплом
co-doc-employment_contract = Трудовой договор
co-doc-criminal_record_certificate = Справка о судимости
co-doc-housing_document = Документ о жилье
co-doc-investment_proof = Подтверждение инвестиций
co-doc-business_proof = Подтверждение бизнеса
co-doc-training_plan = План обучения
co-doc-birth_certificate = Свидетельство о рождении
co-doc-marriage_certificate = Свидетельство о браке
co-doc-other = Иной документ

co-event-created = Создано
co-event-submitted = Подано
co-event-withdrawn = Отозвано
co-event-replied = Заявитель ответил
co-event-returned = Одобрение возвращено в очередь
co-event-message = Сообщение
co-event-approved = Одобрено
co-event-refused = Отказано
co-event-info_requested = Запрошены сведения
co-event-confirmed = Одобрение подтверждено
co-event-invited = Приглашён в раунде
co-event-evidence = Добавлен документ
co-event-permit_issued = Выдано разрешение

co-act = Решение
co-decision = Решение
co-action-approve = Одобрить
co-action-refuse = Отказать
co-action-request_info = Запросить сведения
co-reason = Основание
co-override-note = Каждое решение требует обоснования. Решение вопреки автоматическому результату (одобрить то, в чём правила отказывают, или отказать в том, что они допускают) — это переопределение: оно требует обоснования не короче { $count ->
        [one] { $count } символа
        [few] { $count } символов
        [many] { $count } символов
       *[other] { $count } символа
    } и фиксируется в журнале аудита.
co-four-eyes-note = Постоянное проживание: одобрение вступает в силу после подтверждения вторым сотрудником.
co-decide = Записать решение
co-note-optional = Примечание (необязательно)
co-confirm = Подтвердить одобрение
co-same-officer-note = Вы одобрили это дело: подтвердить его должен второй сотрудник.
co-return = Вернуть в очередь
co-message = Сообщение заявителю
co-send = Отправить
co-read-only = Вы можете просматривать это дело; решение принимает сотрудник его региона.

co-done-approved = Дело одобрено.
co-done-awaiting_confirmation = Одобрение записано; дело ожидает подтверждения вторым сотрудником, до того разрешение не выдаётся.
co-done-refused = В деле отказано.
co-done-info_requested = У заявителя запрошены дополнительные сведения.
co-done-confirmed = Одобрение подтверждено, разрешение выдано.
co-done-returned = Одобрение возвращено в очередь.
co-done-message = Сообщение отправлено.
co-done-renewed = Разрешение продлено.
co-done-cancelled = Разрешение аннулировано.

co-err-action = Выберите решение: одобрить, отказать или запросить дополнительные сведения.
co-err-reason = Решение требует письменного обоснования.
co-err-override-reason = Это противоречит автоматическому результату: переопределение требует письменного обоснования не короче { $min } символов.
co-err-message = Сообщение не должно быть пустым и длиннее 4000 символов.
co-err-date = Укажите новую дату окончания в виде даты (ГГГГ-ММ-ДД).
co-err-not-invited = Дело по визе для ценных специалистов одобряется только после приглашения в раунде отбора.
co-err-same-officer = Вы одобрили это дело: подтвердить его должен второй сотрудник.
co-err-conflict = Дело тем временем изменилось: обновите страницу и повторите.
co-err-refused = Сейчас это сделать нельзя.
co-err-evaluation = Правила не смогли заново оценить дело: { $detail }

co-permits-title = Разрешения
co-permits-all = Выданные разрешения
co-alerts-title = Просроченные отчёты об обучении
co-alerts-none = Просроченных отчётов об обучении нет.
co-overdue = { $reports } с { $due }; сообщено об обучении { $count ->
        [one] { $count } человека
        [few] { $count } человек
        [many] { $count } человек
       *[other] { $count } человека
    } (требуется не менее { $min } в год).
co-overdue-reports = { $count ->
        [one] отчёт за период { $periods } просрочен
        [few] отчёты за периоды { $periods } просрочены
        [many] отчёты за периоды { $periods } просрочены
       *[other] отчёты за периоды { $periods } просрочены
    }
co-kind = Вид
co-valid-from = Действует с
co-valid-until = Действует до
co-cancelled = Аннулировано
co-issued = Выдано
co-ground = Правовое основание
co-min-trainees = Местных специалистов обучать в год
co-permit-title = Разрешение
co-rights = Права
co-conditions = Условия
co-event = Событие
co-when = Когда
co-by = Кто
co-term = Срок
co-periods = Отчётные периоды
co-due = Срок отчёта
co-period-filed = сдан
co-period-overdue = просрочен
co-period-open = срок не наступил
co-reports = Отчёты об обучении
co-solvency = Подтверждения платёжеспособности
co-solvency-hint = Банковские справки, поданные владельцем; ежегодная проверка (статья 49) решает по последней из них, а если справок нет — по справке из заявления.
co-solvency-none = Владелец не подал ни одной справки.
co-solvency-certified-on = Дата справки
co-solvency-amount = Сумма
co-solvency-kazakh-bank = Банк в Казахстане
co-solvency-filed-by = Кем подана
co-trainees = Обучено
co-summary = Содержание
co-renew = Продлить
co-new-until = Новый срок действия до
co-cancel = Аннулировать разрешение
co-ground-not-applicable = не применяется к этому разрешению

co-permit-event-issued = Выдано
co-permit-event-renewed = Продлено
co-permit-event-cancelled = Аннулировано

co-ground-solvency_not_confirmed = Платёжеспособность не подтверждена
co-ground-training_obligation_unmet = Обязательство по обучению не выполнено
co-ground-false_information = Ложные сведения или поддельные документы
co-ground-investment_withdrawn = Инвестиции отозваны
co-ground-refugee_status_ceased = Статус беженца прекращён
co-ground-holder_request = По просьбе владельца

co-right-reside-permanently = Постоянно проживать в Казахстане
co-right-reside = Проживать в Казахстане в течение срока разрешения
co-right-work-without-permit = Работать без разрешения на трудоустройство
co-right-social-services = Пользоваться социальными услугами
co-right-family-reunification = Привезти членов семьи
co-right-register-business = Регистрировать бизнес
co-right-own-property = Владеть имуществом
co-right-hire-staff = Нанимать работников
co-right-financial-transactions = Совершать финансовые операции
co-right-conduct-operations = Вести хозяйственную деятельность
co-right-run-business = Заниматься предпринимательством
co-right-paryz-contest = Участвовать в конкурсе «Парыз»
co-right-non-refoulement = Защита от возвращения в страну преследования

co-condition-keep-solvency = Сохранять подтверждённую платёжеспособность (перепроверяется; неподтверждённая влечёт аннулирование)
co-condition-register-residence = Регистрироваться по месту жительства
co-condition-train-local-personnel = Обучать местных специалистов
co-condition-report-training = Периодически отчитываться об обучении
co-condition-keep-investment = Сохранять инвестиции
co-condition-run-business-in-kazakhstan = Вести бизнес в Казахстане
co-condition-inform-of-changes = Сообщать уполномоченному органу об изменениях

co-rounds-title = Квоты и раунды
co-rounds-intro = Годовые квоты программ и раунды приглашений по визе для ценных специалистов: кандидаты ранжируются по баллам, при равенстве — по времени подачи анкеты. Каждый раунд публикуется и может быть воспроизведён по сохранённым данным.
co-quotas = Квоты
co-year = Год
co-places = Мест
co-used = Занято
co-left = Осталось
co-rounds-held = Проведённые раунды
co-held-on = Дата
co-size = Предложено мест
co-considered = Рассмотрено кандидатов
co-cut-off = Проходной балл
co-tie-break = Время разграничения при равенстве
co-invited-count = Приглашено
co-sector-any = любая отрасль
co-hold = Провести раунд
co-hold-hint = Приглашает лучших по рейтингу допущенных кандидатов, ещё не приглашённых, в пределах числа мест, при желании — только одной приоритетной отрасли.
co-round-title = Раунд
co-verified = Воспроизводится по сохранённым кандидатам
co-invitations = Приглашения
co-rank = Место
co-renew-suggested = Срок по программе, отсчитанный с сегодняшнего дня, истекает { $until } (или раньше — с истечением паспорта).
