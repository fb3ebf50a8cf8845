# Отказы, запреты и ошибки полей по их кодам: что хранилище и сценарии отказывают, словами
# (страницы не цитируют английский текст), и слова, которые они называют.
field-named = { $field }: { $reason }
field-bad = { $field }: это значение принять нельзя.
field-bad-value = Одно из значений формы принять нельзя: проверьте введённое.
refused-exists = Уже есть: { $what } «{ $key }».
refused-not-found = Не найдено: { $what } { $key }.
object-api-token = токен API
object-agreement = соглашение
object-case = дело
object-case-reference = номер обращения дела
object-contest-year = год конкурса
object-body = согласующая организация
object-document = документ
object-evidence = подтверждающий документ
object-import = загрузка
object-kandas-application = заявление кандаса
object-link = ссылка
object-list = перечень
object-merge = объединение
object-nomination = номинация
object-nomination-reference = номер номинации
object-permit = разрешение
object-person = лицо
object-preview = предпросмотр загрузки
object-registry-entry = запись реестра
object-round = раунд
object-solvency = подтверждение платёжеспособности
object-training-report = отчёт об обучении
object-user = учётная запись
field-label-reason = Причина
field-label-message = Сообщение
field-label-reference = Номер обращения
field-label-region = Регион
field-label-year = Год
field-label-status = Статус
field-label-kind = Вид
field-label-file = Файл
field-label-places = Количество мест
field-label-summary = Краткое содержание
field-label-period = Период
field-label-amount-kzt = Сумма в тенге
field-label-certified-on = Дата справки
field-label-valid-until = Действует до
field-label-ground = Правовое основание
field-label-on = Дата
field-label-date = Дата
field-label-card-number = Номер карты
field-label-remarks = Замечания
field-label-note = Примечание
field-label-order-no = Номер приказа
field-label-order-date = Дата приказа
field-label-effective-from = Действует с
field-label-size = Размер
field-label-sector = Отрасль
field-label-limit = Предел
field-label-iin = ИИН
field-label-surname = Фамилия
field-label-given-names = Имя
field-label-country = Страна
field-label-employer = Работодатель
field-label-agency = Агентство
field-label-contract-from = Договор с
field-label-contract-until = Договор до
field-label-signed-on = Дата подписания
field-label-in-force-from = Вступает в силу
field-label-worker-id = Запись реестра
field-label-taken-on = Дата действия
field-label-body = Организация
field-label-user = Учётная запись
field-label-code = Код
field-label-name-en = Название на английском
field-label-name-ru = Название на русском
field-label-name-kk = Название на казахском
field-label-from = Лицо
field-label-document = Документ
field-label-verdict = Решение
field-label-jobs-created = Создано рабочих мест
field-label-investment-kzt = Инвестиции в тенге
field-label-bin = БИН
field-label-nominee = Номинант
field-label-business = Бизнес
field-label-contribution = Вклад
field-label-complaint = Жалоба
field-label-title = Название
field-label-justification = Обоснование
field-label-occupation = Профессия
field-label-change = Изменение
field-label-birth-date = Дата рождения
field-label-origin = Страна происхождения
refused-move-submit = подача
refused-move-request_info = запрос сведений
refused-move-reply = ответ
refused-move-approve = одобрение
refused-move-confirm = подтверждение
refused-move-return = возврат в очередь
refused-move-refuse = отказ
refused-move-withdraw = отзыв
refused-kind-merge = объединение
refused-kind-split = разделение
field-required = Обязательно для заполнения.
field-too-long = Не более { $max } символов.
field-length = От 1 до { $max } символов.
field-reference = От 1 до { $max } символов из A–Z, a–z, 0–9, «-», «_», «.», «:».
field-at-least = Не меньше { $min }.
field-range = От { $min } до { $max }.
field-negative = Не может быть отрицательным.
field-not-a-date = «{ $value }» — не дата: укажите ГГГГ-ММ-ДД.
field-not-a-number = «{ $value }» — не целое число.
field-not-a-year = «{ $value }» — не год.
field-contest-year = { $value } — не год конкурса (от 2000 до 2100).
field-not-a-region = «{ $value }» — не регион Казахстана (например, KZ-75).
field-not-a-status = «{ $value }» — не статус.
field-not-a-kind = «{ $value }» — нет такого вида.
field-not-a-programme = «{ $value }» — нет такой программы.
field-not-a-country = { $value } — не страна.
field-country-code = «{ $value }» — не трёхбуквенный код страны (ISO 3166-1 alpha-3).
field-not-kazakhstan = Укажите страну, кроме Казахстана.
field-not-a-sector = «{ $value }» — нет такой отрасли.
field-not-priority-sector = «{ $value }» — не приоритетная отрасль действующей политики.
field-after-today = { $date } — позже сегодняшнего дня.
field-in-future = Не может быть в будущем.
field-tenge-amount = Укажите неотрицательную сумму в тенге с точностью до тиына.
field-places-taken = { $count ->
    [one] В { $year } году уже занято { $count } место.
    [few] В { $year } году уже заняты { $count } места.
    [many] В { $year } году уже занято { $count } мест.
   *[other] В { $year } году уже занято { $count } места.
}
field-reason-needed = Укажите причину.
field-reason-short = Объясните причину в нескольких словах (не менее { $min } символов).
field-decision-reason = Для решения нужна письменная причина.
field-override-reason = Решение вопреки автоматической оценке требует письменной причины не короче { $min } символов.
field-choose-action = Выберите: одобрить, отказать или запросить сведения.
field-choose-ground = Выберите правовое основание.
field-choose-document = Выберите документ.
field-choose-merge = Выберите объединение.
field-verdict = Выберите: победитель, шорт-лист или не отобран.
field-not-a-person = «{ $value }» — не номер лица.
field-not-their-document = Документ { $document } не принадлежит лицу { $person }.
field-not-their-merge = Объединение { $merge } не касается лица { $person }.
field-merge-self = Лицо нельзя объединить с самим собой.
field-person-or-document = Укажите --person или --document.
field-document-key = «{ $value }»: укажите ГОСУДАРСТВО:НОМЕР, например UZB:FA1234567.
field-drafts-unlisted = Черновики принадлежат заявителям и в список не входят.
field-not-holders = { $value } не совпадает с данными владельца ({ $theirs }).
field-period-open = Период { $period } ещё не закончился (пока { $count ->
    [one] закончился { $count } период
    [few] закончились { $count } периода
    [many] закончилось { $count } периодов
   *[other] закончилось { $count } периода
}).
field-permit-not-longer = Новый срок истекает { $new }, не позже текущего ({ $current }).
field-permit-ground = Это основание не применяется к разрешению по данной программе.
field-permit-before-start = { $on } — раньше начала действия разрешения ({ $from }).
field-file-empty = Файл пустой.
field-file-too-large = Файл больше допустимого размера ({ $max } байт).
field-file-type = Файл не является PDF, PNG или JPEG, как бы он ни назывался.
field-file-malformed = Файл { $kind } повреждён.
field-file-active = Файл { $kind } содержит веб-страницу или скрипт, а подтверждающий документ их содержать не может.
field-document-type = «{ $value }» — нет такого вида документа.
field-document-number = Номер — от 1 до 64 символов без управляющих символов.
field-document-issuer = Кем выдан — от 1 до 200 символов без управляющих символов.
field-too-many-files = { $count ->
    [one] К делу можно приложить не более { $count } файла.
    [few] К делу можно приложить не более { $count } файлов.
    [many] К делу можно приложить не более { $count } файлов.
   *[other] К делу можно приложить не более { $count } файла.
}
field-id-length = { $count ->
    [one] Нужно 12 цифр, указан { $count } символ.
    [few] Нужно 12 цифр, указано { $count } символа.
    [many] Нужно 12 цифр, указано { $count } символов.
   *[other] Нужно 12 цифр, указано { $count } символа.
}
field-id-digits = Должен состоять только из цифр.
field-id-check-digit = Неверная контрольная цифра.
field-id-uncheckable = Для этих первых 11 цифр не существует верной контрольной цифры.
field-id-century = Седьмая цифра — { $digit }: век и пол задают только цифры от 1 до 6.
field-id-birth-date = Дата рождения в цифрах 1–6 ({ $value }) не является календарной датой.
field-bin-check-digit = { $value }: неверная контрольная цифра БИН.
field-card-number = «{ $value }» — не номер карты «Ата жолы» (AZH-ГГГГ-NNNNNN).
field-card-unknown = Карта «Ата жолы» { $value } не выдавалась.
field-card-other = { $value } — не карта «Ата жолы».
field-card-cancelled = Карта «Ата жолы» { $value } аннулирована { $on }.
field-jury-reason = Нужно обоснование жюри (не более { $max } символов).
field-agency-needed = Для номера лицензии укажите название агентства.
field-contract-order = Не может быть раньше начала договора.
field-contract-before-birth = Раньше даты рождения по ИИН.
field-agreement-negotiating = У соглашения на стадии переговоров нет даты подписания и вступления в силу.
field-signed-on-needed = Обязательно, если соглашение подписано.
field-in-force-needed = Обязательно, если соглашение вступило в силу.
field-in-force-before-signing = Не может быть раньше даты подписания.
field-no-worker = Такой записи в реестре нет.
field-kandas-not-kazakh = Заявитель не указан как этнический казах.
field-kandas-citizen = Заявитель уже является гражданином Казахстана.
field-name-needed = Нужно указать имя.
field-born-later = Дата рождения позже даты заявления.
field-reference-used = «{ $value }» уже использован другим заявлением.
field-not-coordinator = { $user } — { $role }, а не согласующий орган.
field-akimat-region = { $body } — акимат региона «{ $region }»: учётная запись согласующего должна относиться к этому региону.
field-body-code = Используйте от 1 до 40 символов из a–z, 0–9 и «-».
field-body-kind = Министерство, акимат, палата или другое.
field-akimat-needs-region = Для акимата нужно указать регион.
field-occupation-twice = { $value } указана дважды.
field-occupation-outside = { $value } не входит в число кандидатов этого перечня.
field-occupation-on-list = { $value } уже есть в перечне.
field-occupation-not-on-list = { $value } нет в перечне.
field-remarks-needed = При таком решении нужны замечания.
field-revision-note = Укажите, что меняет редакция и почему.
field-order-number = Нужен номер приказа (не более { $max } символов).
field-effective-before-order = Дата вступления в силу ({ $effective }) раньше даты приказа ({ $order }).
field-no-methodology = На { $on } в политике нет действующей методики перечня.
field-no-sector-map = На { $on } в политике нет действующей карты отраслей.
field-no-data = За { $period } данные не загружены: сначала загрузите прогноз, вакансии и разрешения на работу.
field-no-stay-rule = На { $on } не действует ни одно правило пребывания.
refused-case-state = Действие «{ $action }» недоступно: дело в состоянии «{ $status }».
refused-case-not-evaluated = У дела нет автоматической оценки: его нужно оценить до решения.
refused-case-same-officer = Сотрудник, одобривший дело, не может его подтвердить: нужен второй сотрудник.
refused-case-not-approved = Дело не одобрено: разрешение выдаётся только после одобрения.
refused-case-not-invited = Дело по визе ценных навыков одобряется только после приглашения в раунде.
refused-case-no-messages = Дело в состоянии «{ $status }»: сообщения больше не принимаются.
refused-case-no-evidence = Дело в состоянии «{ $status }»: документы добавляются к черновику или по запросу сотрудника, пока не принято решение.
refused-permit-issued = По делу уже выдано разрешение ({ $number }): разрешение выдаётся один раз.
refused-permit-once = По делу уже выдано разрешение: разрешение выдаётся один раз.
refused-permit-cancelled = Разрешение аннулировано { $on }.
refused-permit-expired = Срок разрешения истёк { $on }: вместо продления подайте новое заявление.
refused-quota = Квота исчерпана: квота на { $year } год — { $places }, занято { $used }.
refused-register-permit = Реестр иностранцев не принял разрешение.
refused-no-term = На { $on } не действует срок разрешения для этой программы.
refused-no-parameter = На { $on } в политике нет действующего параметра { $name }.
refused-solvency-programme = Платёжеспособность подтверждается только для разрешений на постоянное проживание.
refused-kandas-not-submitted = Заявление в состоянии «{ $status }», а не подано.
refused-kandas-no-subsidies = Субсидии не действуют.
refused-kandas-no-quota = На { $year } год нет квоты для кандасов.
refused-kandas-quota = В квоте кандасов региона «{ $region }» на { $year } год осталось мест: { $left }; семье нужно мест: { $count }.
refused-decided-meanwhile = Тем временем по заявлению уже приняли решение.
refused-kandas-not-payable = Выплата возможна только семье, направленной в регион и ещё не получившей выплату.
refused-abroad-no-actions = Дело в состоянии «{ $status }»: действия больше не добавляются.
refused-abroad-move = Дело в состоянии «{ $status }» нельзя перевести в состояние «{ $to }».
refused-list-send = Перечень в статусе «{ $status }»: на согласование направляется только проект.
refused-list-opinion = Перечень в статусе «{ $status }»: заключения даются, пока он на согласовании.
refused-list-revise = Перечень в статусе «{ $status }»: изменять можно только проект или перечень на согласовании.
refused-list-uncoordinated = Перечень не проходил согласование: сначала направьте его согласующим организациям.
refused-list-approve = Перечень в статусе «{ $status }»: утвердить можно только перечень на согласовании или согласованный проект.
refused-list-publish = Перечень в статусе «{ $status }»: опубликовать можно только утверждённый перечень.
refused-list-changed = Перечень тем временем изменился: обновите страницу и повторите.
refused-paryz-not-open = Этап конкурса — «{ $status }»: номинации принимаются, только пока приём открыт.
refused-paryz-not-closed = Этап конкурса — «{ $status }»: жюри решает только после закрытия приёма номинаций.
refused-paryz-final = Итоги года опубликованы и окончательны.
refused-paryz-undecided = { $count ->
    [one] Не решена { $count } номинация: сначала жюри должно решить по каждой.
    [few] Не решены { $count } номинации: сначала жюри должно решить по каждой.
    [many] Не решено { $count } номинаций: сначала жюри должно решить по каждой.
   *[other] Не решено { $count } номинации: сначала жюри должно решить по каждой.
}
refused-paryz-nothing-decided = Ни по одной номинации нет решения: публиковать нечего.
refused-paryz-no-prize = { $count ->
    [one] Уже присуждена { $count } премия года.
    [few] Уже присуждены все { $count } премии года.
    [many] Уже присуждены все { $count } премий года.
   *[other] Уже присуждены все { $count } премии года.
}
refused-merge-empty = У лица { $person } не осталось документов (уже объединено?).
refused-split-only = Документ { $document } — единственный у лица { $person }.
refused-undone-already = Это действие ({ $kind }, № { $id }) уже отменено.
refused-notification-dates = Политика не позволяет определить сроки уведомлений.
refused-no-unverified-email = У учётной записи нет неподтверждённого адреса электронной почты.
refused-own-account = Администратор не может отключить собственную учётную запись.
refused-own-role = Администратор не может изменить собственную роль.
refused-no-decision = По делу { $case } ещё нет решения сотрудника.
refused-not-cancelled = Разрешение { $number } не аннулировано.
refused-not-assigned = Заявление кандаса { $reference } не направлено в регион.
refused-demo = Не удалось загрузить демонстрационные данные.
refused-world = Не удалось прочитать перечни и курсы.
forbidden-applicant-only = Это действие выполняет только заявитель.
forbidden-officer-decides = Решения по делам принимает только сотрудник.
forbidden-own-cases = Заявитель видит только свои дела.
forbidden-holder-solvency = Платёжеспособность подтверждает сам владелец разрешения.
forbidden-applicant-evidence = Документы прикладывает заявитель.
forbidden-officer-permit = Разрешение изменяет только сотрудник.
forbidden-holder-reports = Отчёты об обучении подаёт владелец разрешения.
forbidden-officer-overdue = Просроченные отчёты видят сотрудники.
forbidden-abroad-read = Реестр граждан за рубежом доступен сотрудникам и администраторам, а не роли «{ $role }».
forbidden-abroad-write = Делами граждан за рубежом занимаются сотрудники; роль «{ $role }» не может их изменять.
forbidden-other-body = Вы представляете { $mine }, а не { $body }.
forbidden-not-sent = Редакция { $revision } перечня { $list } не направлялась { $body }.
