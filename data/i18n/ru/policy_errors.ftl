# Почему файл правил (проект, загруженный для моделирования реформы) отклонён: каждая причина
# следует за адресом ключа с неверным значением («parameters.mci.values[2].from: …»). Коды и
# аргументы дают проверки правил в ядре (PolicyError).

## Файл целиком
policy-not-utf8 = файл не в кодировке UTF-8: первый нечитаемый байт — в строке { $line }
policy-syntax = файл не является корректным TOML: ошибка в строке { $line }, столбец { $column }
policy-syntax-somewhere = файл не является корректным TOML

## Значения не той формы, что у файла
policy-field-missing = здесь не хватает поля «{ $field }»
policy-field-unknown = поля «{ $field }» здесь быть не может; допустимые поля: { $allowed }
policy-field-none = поля «{ $field }» здесь быть не может: у этого значения нет полей
policy-name-unknown = «{ $value }» здесь не допускается; допустимые значения: { $allowed }
policy-type = здесь ожидается { $expected }, а записано { $found }
policy-type-other = значение здесь должно быть другого вида: записано { $found }
policy-form = «{ $value }» здесь не подходит: значение не того вида, который ожидается
policy-form-here = значение здесь не того вида, который ожидается
policy-kind-string = строка
policy-kind-integer = целое число
policy-kind-float = дробное число
policy-kind-boolean = логическое значение (true или false)
policy-kind-array = список
policy-kind-table = таблица
policy-kind-date = дата (ГГГГ-ММ-ДД)

## Редакции и датированные значения
policy-no-version = нужна хотя бы одна редакция
policy-version-order = { $date } — не позже даты предыдущей редакции ({ $previous })
policy-no-value = нужно хотя бы одно значение
policy-value-order = { $date } — не позже даты предыдущего значения ({ $previous })
policy-negative = { $value } — отрицательное число

## Параметры и региональные параметры
policy-parameter-required = отсутствует: параметр { $name } используется правилами
policy-parameter-name = «{ $name }»: имена параметров пишутся строчными латинскими буквами и цифрами, слова соединяются знаком «_»
policy-regional-required = отсутствует: региональный параметр { $name } используется правилом о постоянном проживании
policy-region-missing = нет значения для региона: { $region } ({ $code })
policy-region-code = «{ $code }» — не код региона

## Правила и основания аннулирования
policy-rule-no-basis = у правила { $rule } нет правового основания в этом файле правил
policy-rule-unknown = «{ $rule }» — нет такого правила; правила: { $rules }
policy-ground-unknown = «{ $ground }» — не основание аннулирования; основания: { $grounds }
policy-ground-missing = отсутствует: разрешение может быть аннулировано по основанию { $ground }

## Шкала баллов визы для ценных специалистов
policy-factor-twice = фактор «{ $factor }» указан дважды
policy-factor-scoring = фактор «{ $factor }» так не оценивается (используйте «{ $scoring }»)
policy-points-cap = баллы ({ $points }) превышают предел фактора ({ $cap })
policy-points-range = баллы ({ $points }) должны быть от 1 до предела фактора ({ $cap })
policy-no-bracket = нужен хотя бы один интервал
policy-bracket-bounds = у интервала должна быть граница at_least, up_to или обе
policy-bracket-order = нижняя граница at_least ({ $at_least }) больше верхней границы up_to ({ $up_to })
policy-level-unknown = «{ $level }» — не уровень; уровни: { $levels }
policy-minimum-range = минимум ({ $minimum }) должен быть от 1 до максимума шкалы ({ $maximum })

## Занятия, отрасли и методика списка
policy-not-a-group = { $code } — такой группы нет в классификаторе занятий
policy-sectors-none = не указана ни одна отрасль
policy-sector-name = «{ $name }»: названия отраслей пишутся строчными латинскими буквами, слова соединяются знаком «_»
policy-sector-no-group = не указана ни одна группа занятий
policy-no-sector-map = на { $date } не действует ни один перечень отраслей
policy-sector-not-in-map = отрасли «{ $sector }» нет в перечне отраслей, действующем на { $date }
policy-universe-empty = не указана ни одна группа занятий
policy-indicators-empty = не указан ни один показатель
policy-weight = { $weight } — не вес: вес должен быть не меньше 0
policy-not-a-number = не является числом
policy-indicator-twice = показатель { $indicator } указан дважды
policy-weights-zero = сумма весов равна нулю
policy-k-range = k равно { $k }, а должно быть от 1 до числа показателей ({ $n })
policy-cutoff-range = { $cutoff } — не балл от 0 до 100
policy-at-least-one = должно быть не меньше 1

## Группы гражданства для правил пребывания
policy-nationality-unknown = { $code } — такого кода гражданства нет в перечне стран
policy-nationality-citizens = { $code }: граждане Казахстана не являются иностранцами
policy-nationality-twice = { $code } уже указан в { $first }

## Праздничные дни
policy-holidays-until = { $date } — раньше первого дня перечня ({ $from })
policy-holiday-outside = { $date } — вне периода, который охватывает перечень (с { $from } по { $until })
policy-holiday-order = { $date } — не позже предыдущего дня ({ $previous }): дни перечисляются по порядку, каждый один раз
policy-working-weekday = { $date } — не суббота и не воскресенье
policy-working-day-off = { $date } указан также как выходной день
