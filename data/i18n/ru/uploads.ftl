# Загрузки аналитика (задача 16): предпросмотр файла данных до записи, время в истории загрузок и
# предупреждение перед вторым проектом списка за год.
up-upload-hint = При загрузке ничего не записывается: сначала вы увидите, что изменит файл, затем подтвердите или отмените.
up-upload-submit = Проверить файл
up-title = Проверка перед записью
up-hint = Из этого файла пока ничего не записано. Посмотрите, что он изменит, затем запишите данные или отмените. Предпросмотр хранится час, подтвердить его можете только вы.
up-uploaded = Загружен
up-expires = Хранится до
up-rejected = Отклонено
up-superseded = { $count ->
        [one] { $count } строка повторяется
        [few] { $count } строки повторяются
        [many] { $count } строк повторяются
       *[other] { $count } строки повторяются
    } ниже в файле с тем же ключом; учитывается последняя.
up-errors = Отклонённые строки
up-more-errors = … и ещё { $count } ошибок не показано.
up-updates = Строки, изменяющие записанные данные (выборка)
up-row = Строка
up-key = Запись
up-changes = Было → станет
up-change = { $field }: { $old } → { $new }
up-none = (пусто)
up-confirm = Записать данные
up-cancel = Отменить
up-blocked = В файле есть отклонённые строки, поэтому его нельзя записать. Исправьте их и загрузите файл снова или загрузите его с отметкой «отложить ошибочные строки».
up-expired-title = Срок предпросмотра истёк
up-expired = Этот предпросмотр хранился час и удалён; ничего не записано. Загрузите файл снова.
up-not-yours = Этот предпросмотр принадлежит аналитику, загрузившему файл; только он может его просмотреть, записать или отменить.
up-confirmed-already = Этот предпросмотр уже записан, поэтому его нельзя отменить или записать ещё раз.
up-bad-header = { $file }: в строке заголовков нет столбцов этого источника; ничего не проверено и не записано.
up-error-field = { $file }: строка { $row }, столбец { $column } ({ $field }): { $reason }
up-error-named = { $file }: строка { $row }, поле { $field }: { $reason }
up-error-row = { $file }: строка { $row }: { $reason }
up-why-empty = не заполнено
up-why-date = «{ $value }» — не дата; пишите в виде ГГГГ-ММ-ДД
up-why-number = «{ $value }» — не целое число
up-why-negative = «{ $value }» — отрицательное число
up-why-region = «{ $value }» — не регион; укажите код ISO, например KZ-75, или код КАТО
up-why-status = «{ $value }» — не статус вакансии: open, filled, cancelled или expired
up-why-country = «{ $value }» — не трёхбуквенный код страны (ISO 3166-1 alpha-3)
up-why-category = «{ $value }» — не категория разрешения: 1, 2, 3, 4, seasonal или ict
up-why-occupation = { $value } — не начальная группа занятий: укажите 4 цифры, например 2512
up-why-unknown-occupation = { $value } — нет такой начальной группы в классификаторе занятий
up-why-range = { $value } вне допустимого диапазона { $min }–{ $max }
up-why-bin-length = не БИН: в БИН 12 цифр, а здесь { $count ->
        [one] { $count } символ
        [few] { $count } символа
        [many] { $count } символов
       *[other] { $count } символа
    }
up-why-bin-digits = не БИН: БИН состоит только из цифр
up-why-bin-check-digit = недействительный БИН: контрольная цифра { $found }, а должна быть { $expected } (опечатка в цифре?)
up-why-bin-uncheckable = недействительный БИН: к первым 11 цифрам не подходит ни одна контрольная цифра
up-why-bin-century = недействительный БИН: седьмая цифра { $digit } не обозначает век
up-why-bin-birth-date = недействительный БИН: первые шесть цифр { $value } — не дата
up-why-bin-missing = в регистрации по работе нужно указать БИН работодателя
up-why-too-long = длиннее { $max } символов
up-why-control = содержит управляющие символы
up-why-occupation-code = «{ $value }» — не код занятия: укажите 1–4 цифры или начальную группу с национальным суффиксом, например 2511-1
up-why-before = { $date } — раньше, чем { $other } ({ $other_date })
up-why-closed-open = должно быть пустым, пока вакансия открыта
up-why-closed-missing = не заполнено, хотя вакансия { $status }: укажите день закрытия
up-status-open = открыта
up-status-filled = заполнена
up-status-cancelled = отменена
up-status-expired = истекла
up-why-kzt = KZT — это сам тенге: его курс равен 1 и не загружается
up-why-currency = «{ $value }» — не валюта: укажите трёхбуквенный код ISO 4217, например USD
up-why-rate-positive = «{ $value }» — не положительное число: курс — это тенге за указанное количество единиц
up-why-rate-number = «{ $value }» — не число: пишите цифры и не больше одного десятичного разделителя, например 470,52
up-why-rate-digits = в «{ $value }» больше { $max } цифр
up-why-positive-number = «{ $value }» — не целое положительное число
up-why-per-unit = { $rate } за { $quantity } ед. не делится без остатка: Национальный банк даёт курс за 1, 10, 100 или 1000 единиц
up-why-rates-differ = для { $currency } на { $date } в строках { $rows } даны разные курсы: { $rates } тенге за единицу
up-why-also-row = { $key } встречается и в строке { $row } этого файла, с другими значениями
up-why-importing-otherwise = { $key } одновременно загружается с другими значениями; один идентификатор — одна запись
up-why-stored-otherwise = { $key } уже хранится с другими значениями; один идентификатор события — одно событие
up-why-header-missing = в заголовке нет столбцов: { $columns }
up-why-header-twice = в заголовке дважды указаны столбцы: { $columns }
up-why-header-unknown = в заголовке есть столбец «{ $column }», которого в этом файле быть не должно (столбцы: { $columns })
up-why-csv = строку не удаётся прочитать как CSV (не закрыта кавычка?)
up-why-utf8 = столбец { $column } — не текст в кодировке UTF-8 (сохраните файл как «CSV UTF-8»)
up-why-far-column = ячейка в столбце { $column }; читаются не больше { $max } столбцов
up-why-key-char = символ «{ $char }» недопустим: только латинские буквы, цифры и - _ . :
up-why-name-char = символ «{ $char }» — не буква, не пробел, не дефис и не апостроф
up-why-document-type = «{ $value }» — не код документа машиночитаемой зоны (P, I, A, C, V…)
up-why-document-number = «{ $value }» — не номер документа: 1–20 латинских букв и цифр
up-why-sex = «{ $value }» — не пол: укажите M, F или X
up-why-crossing-kind = «{ $value }» — не вид пересечения: укажите entry (въезд), exit (выезд) или refusal (отказ)
up-why-instant = «{ $value }» — не момент времени со смещением, например 2026-03-01T08:15:00+05:00
up-why-future = { $date } — позже сегодняшнего дня ({ $today })
up-why-checkpoint = «{ $value }» — неизвестный код пункта пропуска
up-why-refusal-reason = при отказе нужно указать причину
up-why-reason-not-refusal = причина указывается только при отказе
up-why-registration-kind = «{ $value }» — не вид регистрации: укажите stay (пребывание) или work (работа)
up-why-notified-missing = в регистрации пребывания нужно указать день уведомления
up-why-permit-kind = «{ $value }» — не вид разрешения: visa, work_permit, temporary_residence, permanent_residence, valuable_skills_visa, investor_visa, ata_zholy или refugee_certificate
done-previewcancelled = Предпросмотр отменён; ничего не записано.
up-when-column = Когда
up-open-list = список № { $id } ({ $status })
up-second-draft = За { $period } год уже формируется список: { $lists }. Ничего не рассчитано. Рассчитайте ещё один проект рядом с ним, только если вы действительно этого хотите.
up-compute-anyway = Всё равно рассчитать ещё один проект
up-why-too-many-rows = в файле курсов может быть не больше { $max } строк
