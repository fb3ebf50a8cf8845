# Электрондық кестелерге арналған жүктемелер (CSV және XLSX): сілтемелер, баған тақырыптары және
# файлдағы кодтардың атаулары. Файлдағы сандар мен күндер машинаға оқылатын күйінде қалады
# (docs/exports.md).

exports-csv-machines = Бағдарламаларға арналған CSV
exports-csv-machines-hint = Бағандар API-дегідей аталады, тек кодтар
exports-list-download = Тізім
exports-candidates-download = Барлық үміткерлер
exports-code-of = { $column } (коды)

exports-col-rank = Рейтингтегі орны
exports-col-occupation = Кәсіп
exports-col-sector = Сала
exports-col-score = Балл
exports-col-on-list = Тізімде (1 = иә)
exports-col-basis = Негіз
exports-col-justification = Негіздеме
exports-col-criteria-passed = Орындалған өлшемдер
exports-col-fact = Мәлімет
exports-col-value = Мәні
exports-fact-list = Тізім №
exports-fact-policy-edition = Ережелер редакциясы

exports-col-figure = Көрсеткіш
exports-col-code = Коды
exports-col-name = Атауы
exports-col-kind = Түрі
exports-col-count = Саны
exports-figure-present_by_region = Қазір елде, өңір бойынша
exports-figure-present_by_citizenship = Қазір елде, азаматтығы бойынша
exports-figure-month = Айлар бойынша шекарадан өту
exports-figure-checkpoint = Өткізу пункттері бойынша шекарадан өту

exports-col-registration = Тіркеу №
