# Решения как документы (задача 17): PDF решения, разрешения, его аннулирования или распределения
# кандаса, и открытая проверка кода документа.
doc-authority = Комитет миграции Министерства труда и социальной защиты населения Республики Казахстан
doc-title-approval = Решение об одобрении заявления
doc-title-refusal = Решение об отказе в заявлении
doc-title-request = Запрос дополнительных сведений
doc-title-permit = Разрешение
doc-title-cancellation = Решение об аннулировании разрешения
doc-title-kandas_assignment = Решение о распределении семьи кандаса в регион
doc-reference = Номер дела
doc-permit-number = Номер разрешения
doc-permit-kind = Разрешение
doc-date = Дата решения
doc-department = Региональный департамент
doc-holder = Фамилия и имя
doc-passport = Паспорт
doc-programme = Программа
doc-family-size = Членов семьи
doc-outcome = Итог
doc-outcome-approval = Заявление одобрено
doc-outcome-refusal = В заявлении отказано
doc-outcome-request = Запрошены дополнительные сведения: заявление ждёт вашего ответа
doc-outcome-permit = Выдано: { $kind }
doc-outcome-cancellation = Разрешение аннулировано с { $date }
doc-outcome-kandas_assignment = Семья распределена: { $region }
doc-statement = Обоснование сотрудника
doc-term = Срок
doc-term-value = действует с { $from } по { $until }
doc-term-cancelled = выдано на срок с { $from } по { $until }; действовало до дня, предшествующего { $date }
doc-reasons = Основания: условия программы
doc-reasons-intro = { $summary } Каждое условие, как его решили правила на { $date } (политика { $edition }; программа основана на: { $basis }), с правовым основанием и использованными значениями.
doc-basis = Правовое основание
doc-basis-from = { $basis } (действует с { $from })
doc-figures = Использованные значения
doc-figure = { $name }: { $value } (с { $from })
doc-rights = Права и условия
doc-right = Право
doc-condition = Условие
doc-grounds = Правовое основание
doc-ground = Основание
doc-subsidies = Положенные субсидии
doc-subsidies-intro = Рассчитаны на { $date } по значениям, действовавшим в тот день.
doc-relocation = Субсидия на переезд
doc-relocation-text = На { $count ->
        [one] { $count } члена семьи
        [few] { $count } членов семьи
        [many] { $count } членов семьи
       *[other] { $count } члена семьи
    }: сумма в месячных расчётных показателях (МРП) на каждого.
doc-rent = Субсидия на аренду жилья
doc-rent-text = { $monthly } в месяц в течение { $count ->
        [one] { $count } месяца
        [few] { $count } месяцев
        [many] { $count } месяцев
       *[other] { $count } месяца
    }.
doc-rent-none = Нет: регион не определён для расселения кандасов.
doc-total = Итого
doc-appeal = Как обжаловать
doc-appeal-text = Вы можете обжаловать это решение в течение { $count ->
        [one] { $count } месяца
        [few] { $count } месяцев
        [many] { $count } месяцев
       *[other] { $count } месяца
    } со дня его получения: жалобой в вышестоящий орган (Комитет миграции), а затем в суде. Если вы получили его { $date }, последний день для жалобы — { $deadline }. Основание: { $basis }.
doc-foot = Код проверки: { $code }. Проверить этот документ может любой: { $url }
doc-page-of = Страница { $n } из { $total }
doc-none-title = Такого документа нет
doc-none = Такого документа пока нет: решение, которое он бы закрепил, ещё не принято.
doc-download = Скачать PDF
doc-download-decision = Скачать решение (PDF)
doc-download-permit = Скачать разрешение (PDF)
doc-download-cancellation = Скачать решение об аннулировании (PDF)
doc-download-assignment = Скачать решение о распределении (PDF)
doc-verify-title = Проверка документа
doc-verify-intro = Каждое решение, разрешение и распределение, выданное ashyq, содержит код проверки внизу страниц. Введите код, чтобы увидеть, что сказано в документе.
doc-verify-code = Код проверки
doc-verify-button = Проверить
doc-verify-kind = Документ
doc-verify-valid = Действителен: этот документ выдан ashyq
doc-verify-cancelled = Аннулировано { $date }: это разрешение больше не действует
doc-verify-outcome-approval = Одобрено
doc-verify-outcome-refusal = Отказано
doc-verify-outcome-request = Запрошены дополнительные сведения
doc-verify-outcome-permit = Разрешение выдано
doc-verify-outcome-cancellation = Разрешение аннулировано
doc-verify-outcome-kandas_assignment = Семья распределена в регион, с субсидиями
doc-verify-compare = Сравните эти сведения с бумагой: документ, в котором сказано иное, не подлинный.
doc-verify-none-title = Недействителен
doc-verify-none = Документ с таким кодом не выдавался. Проверьте, что код введён так, как напечатан; документ, код которого не найден, недействителен.
