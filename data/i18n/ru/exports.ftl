# Выгрузки для электронных таблиц (CSV и XLSX): ссылки, заголовки столбцов и слова для кодов в
# файле. Числа и даты в файле остаются машиночитаемыми (docs/exports.md).

exports-csv-machines = CSV для программ
exports-csv-machines-hint = Названия столбцов как в API, только коды
exports-list-download = Перечень
exports-candidates-download = Все кандидаты
exports-code-of = { $column } (код)

exports-col-rank = Место в рейтинге
exports-col-occupation = Занятие
exports-col-sector = Отрасль
exports-col-score = Балл
exports-col-on-list = В перечне (1 = да)
exports-col-basis = Основание
exports-col-justification = Обоснование
exports-col-criteria-passed = Выполнено критериев
exports-col-fact = Сведение
exports-col-value = Значение
exports-fact-list = Перечень №
exports-fact-policy-edition = Редакция правил

exports-col-figure = Показатель
exports-col-code = Код
exports-col-name = Название
exports-col-kind = Вид
exports-col-count = Число
exports-figure-present_by_region = Находятся в стране, по региону
exports-figure-present_by_citizenship = Находятся в стране, по гражданству
exports-figure-month = Пересечения по месяцам
exports-figure-checkpoint = Пересечения по пунктам пропуска

exports-col-registration = № регистрации
