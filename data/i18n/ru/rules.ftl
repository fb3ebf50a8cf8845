# Пояснения к решениям (crates/core/src/rules/explain.rs), русский язык.
# Id сообщения проверки — ПРАВИЛО--РЕЗУЛЬТАТ или ПРАВИЛО--РЕЗУЛЬТАТ--ПРИМЕЧАНИЕ, где в id правила «.» заменена на «-»:
# pr.solvency.applicant failed short → pr-solvency-applicant--failed--short. ПРАВИЛО--title — краткое
# название правила. Аргументы приходят уже отформатированными (суммы, даты, слова).
# Названия программ (pr--title, vs--title, inv--title, az--title, rf--title) даны в винительном
# падеже: они подставляются после «получить» в сообщения outcome--*.

## Итоги

outcome--eligible = Заявитель может получить { $programme }.
outcome--eligible-until = Заявитель может получить { $programme } со сроком действия до { $until }.
outcome--ineligible = Заявитель не может получить { $programme }: см. невыполненные условия.
outcome--needs_officer = Может ли заявитель получить { $programme }, решает сотрудник: см. вопросы, переданные на его рассмотрение.
outcome--keep = Разрешение соответствует требованиям и сохраняется.
outcome--cancel = Разрешение больше не соответствует требованиям и подлежит аннулированию.
outcome--review = Сохранить разрешение или аннулировать его, решает сотрудник.

## Общие

rule--repealed = { $title }: на дату решения правило утратило силу и не применяется.
rule--not_in_force = { $title }: на дату решения правило ещё не вступило в силу и не применяется.
waived--waive = Это условие не применяется в силу исключения: «{ $exception }».
waived--refer = Применимо ли исключение, решает сотрудник: «{ $exception }».

## Разрешение на постоянное проживание

pr--title = разрешение на постоянное проживание
pr-passport--title = Действительный паспорт
pr-passport--passed = Паспорт действителен на дату подачи заявления (срок действия истекает { $passport_expiry }).
pr-passport--failed = Срок действия паспорта истёк { $passport_expiry }, до даты подачи заявления.
pr-criminal_record--title = Судимость
pr-criminal_record--passed = Судимость не заявлена.
pr-criminal_record--needs_officer = Заявлена судимость: сотрудник должен оценить её с учётом оснований для отказа.
pr-solvency-applicant--title = Платежеспособность заявителя
pr-solvency-applicant--passed = На счёте заявителя в казахстанском банке { $held } (справка от { $certified_on }); требуется не менее { $required } ({ $amount_mci } МРП × { $mci }).
pr-solvency-applicant--failed--no_funds = Заявитель не подтвердил наличие средств на счёте в казахстанском банке; требуется не менее { $required } ({ $amount_mci } МРП × { $mci }).
pr-solvency-applicant--failed--not_kazakh_bank = Средства заявителя находятся не в банке Казахстана; платежеспособность подтверждается только счётом в казахстанском банке.
pr-solvency-applicant--failed--certificate_after = Справка банка датирована { $certified_on }, то есть позже даты подачи заявления.
pr-solvency-applicant--failed--certificate_old = Со дня выдачи справки банка от { $certified_on } до даты подачи заявления прошло более { $certificate_days ->
        [one] { $certificate_days } дня
        [few] { $certificate_days } дней
        [many] { $certificate_days } дней
       *[other] { $certificate_days } дня
    }.
pr-solvency-applicant--failed--short = На счёте заявителя в казахстанском банке { $held }: до требуемых { $required } ({ $amount_mci } МРП × { $mci }) не хватает { $missing }.
pr-solvency-family--title = Платежеспособность членов семьи
pr-solvency-family--passed = У каждого из членов семьи в возрасте от { $min_age ->
        [one] { $min_age } года
        [few] { $min_age } лет
        [many] { $min_age } лет
       *[other] { $min_age } года
    } (всего их { $of_age }) на счёте в казахстанском банке не менее { $required }.
pr-solvency-family--failed = Наличие { $required } на счёте в казахстанском банке не подтверждено у { $short } из { $of_age ->
        [one] { $of_age } члена семьи
        [few] { $of_age } членов семьи
        [many] { $of_age } членов семьи
       *[other] { $of_age } члена семьи
    } в возрасте от { $min_age ->
        [one] { $min_age } года
        [few] { $min_age } лет
        [many] { $min_age } лет
       *[other] { $min_age } года
    }: { $members_short }.
pr-solvency-family--not_applicable--none_of_age = Среди членов семьи нет лиц в возрасте от { $min_age } лет, поэтому подтверждать платежеспособность никому из них не нужно.
pr-housing--title = Средства на жильё
pr-housing--passed = Средств на жильё ({ $held }) достаточно на { $area } м² для { $persons ->
        [one] { $persons } человека
        [few] { $persons } человек
        [many] { $persons } человек
       *[other] { $persons } человека
    } по средней цене { $price_m2 } за м² (регион: { $region }): нужно { $required }.
pr-housing--failed = Средств на жильё ({ $held }) недостаточно на { $area } м² для { $persons ->
        [one] { $persons } человека
        [few] { $persons } человек
        [many] { $persons } человек
       *[other] { $persons } человека
    } по средней цене { $price_m2 } за м² (регион: { $region }): нужно { $required }.
pr-housing--failed--no_funds = Средства на жильё не подтверждены; на { $area } м² для { $persons ->
        [one] { $persons } человека
        [few] { $persons } человек
        [many] { $persons } человек
       *[other] { $persons } человека
    } по средней цене { $price_m2 } за м² (регион: { $region }) нужно { $required }.
pr-housing-by_contract--title = Жильё по договору
pr-housing-by_contract--passed = Жильё предоставляется по договору, поэтому подтверждать средства на жильё не требуется.
pr-housing-by_contract--failed = Жильё по договору не предоставляется.
pr-exempt-in_demand--title = Исключение: востребованная профессия
pr-exempt-in_demand--passed = Профессия { $occupation } входит в перечень востребованных профессий, действующий на дату решения (перечень № { $list_id }, действует с { $list_from }): подтверждать платежеспособность заявителю не нужно.
pr-exempt-in_demand--failed = Профессия { $occupation } не входит в перечень востребованных профессий, действующий на дату решения (перечень № { $list_id }, действует с { $list_from }).
pr-exempt-in_demand--failed--no_occupation = Профессия не указана, поэтому исключение для востребованных профессий применить нельзя.
pr-exempt-in_demand--failed--no_list = На дату решения не действовал ни один перечень востребованных профессий, поэтому исключение к профессии { $occupation } применить нельзя.
pr-exempt-kandas--title = Исключение: кандас
pr-exempt-kandas--passed = Заявитель — кандас (этнический казах), поэтому подтверждать платежеспособность ему не нужно.
pr-exempt-kandas--failed = Не указано, что заявитель — кандас (этнический казах).
pr-exempt-former_citizen--title = Исключение: бывший гражданин
pr-exempt-former_citizen--passed = Заявитель — бывший гражданин Казахстана, поэтому подтверждать платежеспособность ему не нужно.
pr-exempt-former_citizen--failed = Не указано, что заявитель — бывший гражданин Казахстана.
pr-exempt-simplified_citizenship--title = Исключение: приём в гражданство в упрощённом порядке
pr-exempt-simplified_citizenship--passed = Заявитель имеет право на приём в гражданство в упрощённом порядке, поэтому подтверждать платежеспособность ему не нужно.
pr-exempt-simplified_citizenship--failed = Не указано, что заявитель имеет право на приём в гражданство в упрощённом порядке.
pr-validity--title = Срок действия разрешения
pr-validity--passed = Разрешение действует с { $from } по { $until }, то есть в течение { $years ->
        [one] { $years } года
        [few] { $years } лет
        [many] { $years } лет
       *[other] { $years } года
    }.
pr-validity--passed--passport = Разрешение действует с { $from } по { $until }, до истечения срока действия паспорта, то есть меньше { $years ->
        [one] { $years } года
        [few] { $years } лет
        [many] { $years } лет
       *[other] { $years } года
    }.
pr-cancellation--title = Ранее выданное разрешение
pr-cancellation--passed = Разрешение { $permit } от { $issued_on } по-прежнему соответствует требованиям и сохраняется.
pr-cancellation--failed = Разрешение { $permit } от { $issued_on } больше не соответствует требованиям и подлежит аннулированию.
pr-cancellation--needs_officer = Разрешение { $permit } от { $issued_on }: сохранить его или аннулировать, решает сотрудник.

## Виза для лиц с ценными навыками

vs--title = визу для лиц с ценными навыками
vs-passport--title = Действительный паспорт
vs-passport--passed = Паспорт действителен на дату подачи заявления (срок действия истекает { $passport_expiry }).
vs-passport--failed = Срок действия паспорта истёк { $passport_expiry }, до даты подачи заявления.
vs-criminal_record--title = Судимость
vs-criminal_record--passed = Судимость не заявлена.
vs-criminal_record--needs_officer = Заявлена судимость: сотрудник должен оценить её с учётом оснований для отказа.
vs-occupation--title = Специалист-профессионал
vs-occupation--passed = Занятие { $occupation } относится к специалистам-профессионалам (основная группа 2 классификатора занятий).
vs-occupation--failed = Занятие { $occupation } не относится к специалистам-профессионалам (основная группа 2 классификатора занятий); виза предназначена для специалистов-профессионалов.
vs-points-factor--title = Баллы
vs-points-factor--passed--ranking = Место в рейтинге ценных навыков: { $value } (всего в рейтинге: { $ranked }); баллов: { $points } (не более { $cap }).
vs-points-factor--passed--education = Образование: { $value }; баллов: { $points } (не более { $cap }).
vs-points-factor--passed--experience = Опыт работы (лет): { $value }; баллов: { $points } (не более { $cap }).
vs-points-factor--passed--age = Возраст: { $value }; баллов: { $points } (не более { $cap }).
vs-points-factor--passed--languages = Языки: { $value }; баллов: { $points } (не более { $cap }).
vs-points-factor--passed--publications = Публикации: { $value }; баллов: { $points } (не более { $cap }).
vs-points-factor--passed--patents = Патенты: { $value }; баллов: { $points } (не более { $cap }).
vs-points-factor--passed--awards = Награды: { $value }; баллов: { $points } (не более { $cap }).
vs-points-factor--passed--job_offer = Предложение о работе в Казахстане: { $value }; баллов: { $points } (не более { $cap }).
vs-points--title = Сумма баллов по балльной шкале
vs-points--passed = Набрано баллов: { $score } из { $maximum }; требуется не менее { $minimum } (шкала действует с { $grid_from }).
vs-points--failed = Набрано баллов: { $score } из { $maximum }, это меньше требуемых { $minimum } (шкала действует с { $grid_from }).
vs-training--title = Обучение местных кадров
vs-training--passed = План предусматривает обучение { $trainees ->
        [one] { $trainees } местного специалиста
        [few] { $trainees } местных специалистов
        [many] { $trainees } местных специалистов
       *[other] { $trainees } местного специалиста
    } в год; требуется не менее { $minimum }.
vs-training--failed = План предусматривает обучение лишь { $trainees ->
        [one] { $trainees } местного специалиста
        [few] { $trainees } местных специалистов
        [many] { $trainees } местных специалистов
       *[other] { $trainees } местного специалиста
    } в год, а требуется не менее { $minimum }.
vs-training--failed--no_plan = План обучения местных кадров не представлен; владелец визы обязан ежегодно обучать не менее { $minimum ->
        [one] { $minimum } местного специалиста
        [few] { $minimum } местных специалистов
        [many] { $minimum } местных специалистов
       *[other] { $minimum } местного специалиста
    }.
vs-validity--title = Срок действия визы
vs-validity--passed = Виза действует с { $from } по { $until }, то есть в течение { $years ->
        [one] { $years } года
        [few] { $years } лет
        [many] { $years } лет
       *[other] { $years } года
    }.
vs-validity--passed--passport = Виза действует с { $from } по { $until }, до истечения срока действия паспорта, то есть меньше { $years ->
        [one] { $years } года
        [few] { $years } лет
        [many] { $years } лет
       *[other] { $years } года
    }.

## Инвесторская виза

inv--title = инвесторскую визу
inv-passport--title = Действительный паспорт
inv-passport--passed = Паспорт действителен на дату подачи заявления (срок действия истекает { $passport_expiry }).
inv-passport--failed = Срок действия паспорта истёк { $passport_expiry }, до даты подачи заявления.
inv-criminal_record--title = Судимость
inv-criminal_record--passed = Судимость не заявлена.
inv-criminal_record--needs_officer = Заявлена судимость: сотрудник должен оценить её с учётом оснований для отказа.
inv-investment--title = Инвестиция
inv-investment--passed = Вложение { $amount } в { $kind } { $recipient }, сделанное { $date }, учитывается полностью.
inv-investment--passed--converted = Вложение { $amount } в { $kind } { $recipient }, сделанное { $date }, учитывается как { $usd } по официальному курсу на { $usd_rate_date } (1 доллар США = { $usd_rate }).
inv-investment--passed--cross = Вложение { $amount } в { $kind } { $recipient }, сделанное { $date }, учитывается как { $usd } по официальным курсам на { $rate_date } (1 единица валюты = { $rate }; 1 доллар США = { $usd_rate }).
inv-investment--failed--foreign = Вложение { $amount } в { $recipient } не учитывается: это не казахстанская компания или эмитент (нет БИН).
inv-investment--failed--after_application = Вложение { $amount } в { $recipient }, сделанное { $date }, не учитывается: оно сделано позже даты подачи заявления.
inv-threshold--title = Сумма инвестиций
inv-threshold--passed = Учтено инвестиций: { $total }; требуется не менее { $threshold }.
inv-threshold--failed = Учтено инвестиций: { $total }; до требуемых { $threshold } не хватает { $missing }.
inv-threshold--failed--none = Инвестиции не заявлены; требуется не менее { $threshold } в уставный капитал или ценные бумаги казахстанских компаний.
inv-validity--title = Срок действия визы
inv-validity--passed = Виза действует с { $from } по { $until }, то есть в течение { $years ->
        [one] { $years } года
        [few] { $years } лет
        [many] { $years } лет
       *[other] { $years } года
    }.
inv-validity--passed--passport = Виза действует с { $from } по { $until }, до истечения срока действия паспорта, то есть меньше { $years ->
        [one] { $years } года
        [few] { $years } лет
        [many] { $years } лет
       *[other] { $years } года
    }.
inv-rights--title = Права владельца визы
inv-rights--passed--register_business = Владелец визы вправе регистрировать бизнес.
inv-rights--passed--own_property = Владелец визы вправе иметь имущество в собственности.
inv-rights--passed--hire_staff = Владелец визы вправе нанимать работников.
inv-rights--passed--financial_transactions = Владелец визы вправе свободно совершать финансовые сделки и проводить операции.

## Карта «Ата жолы»

az--title = карту «Ата жолы»
az-passport--title = Действительный паспорт
az-passport--passed = Паспорт действителен на дату подачи заявления (срок действия истекает { $passport_expiry }).
az-passport--failed = Срок действия паспорта истёк { $passport_expiry }, до даты подачи заявления.
az-criminal_record--title = Судимость
az-criminal_record--passed = Судимость не заявлена.
az-criminal_record--needs_officer = Заявлена судимость: сотрудник должен оценить её с учётом оснований для отказа.
az-ethnic_kazakh--title = Этнический казах
az-ethnic_kazakh--passed = Заявитель — этнический казах.
az-ethnic_kazakh--failed = Не указано, что заявитель — этнический казах; карта выдаётся этническим казахам, проживающим за рубежом.
az-lives_abroad--title = Проживание за рубежом
az-lives_abroad--passed = Заявитель проживает за рубежом ({ $country }).
az-lives_abroad--failed = Заявитель проживает в Казахстане; карта выдаётся тем, кто проживает за рубежом.
az-ground--title = Основание для выдачи карты
az-ground--passed = Есть хотя бы одно основание для выдачи карты.
az-ground--failed = Нет ни одного из оснований: востребованная профессия, профессия из перечня для приёма в гражданство в упрощённом порядке или бизнес, зарегистрированный за рубежом.
az-ground-in_demand--title = Основание: востребованная профессия
az-ground-in_demand--passed = Профессия { $occupation } входит в перечень востребованных профессий, действующий на дату решения (перечень № { $list_id }, действует с { $list_from }).
az-ground-in_demand--failed = Профессия { $occupation } не входит в перечень востребованных профессий, действующий на дату решения (перечень № { $list_id }, действует с { $list_from }).
az-ground-in_demand--failed--no_occupation = Профессия не указана.
az-ground-in_demand--failed--no_list = На дату решения не действовал ни один перечень востребованных профессий.
az-ground-simplified_citizenship--title = Основание: профессия для приёма в гражданство в упрощённом порядке
az-ground-simplified_citizenship--passed = Профессия { $occupation } входит в перечень для приёма в гражданство в упрощённом порядке (действует с { $list_from }).
az-ground-simplified_citizenship--failed = Профессия { $occupation } не входит в перечень для приёма в гражданство в упрощённом порядке (действует с { $list_from }).
az-ground-simplified_citizenship--failed--no_occupation = Профессия не указана.
az-ground-simplified_citizenship--failed--no_list = На дату решения не действовал ни один перечень для приёма в гражданство в упрощённом порядке.
az-ground-business_abroad--title = Основание: бизнес за рубежом
az-ground-business_abroad--passed = Бизнес заявителя { $business } зарегистрирован за рубежом ({ $country }) с { $registered_on }.
az-ground-business_abroad--failed--none = Бизнес, зарегистрированный за рубежом, не заявлен.
az-ground-business_abroad--failed--in_kazakhstan = Бизнес { $business } зарегистрирован в Казахстане, а не за рубежом.
az-ground-business_abroad--failed--not_yet = Бизнес { $business } зарегистрирован { $registered_on }, то есть после даты подачи заявления.
az-validity--title = Срок действия карты
az-validity--passed = Карта действует с { $from } по { $until }, то есть в течение { $years ->
        [one] { $years } года
        [few] { $years } лет
        [many] { $years } лет
       *[other] { $years } года
    }.
az-validity--passed--passport = Карта действует с { $from } по { $until }, до истечения срока действия паспорта, то есть меньше { $years ->
        [one] { $years } года
        [few] { $years } лет
        [many] { $years } лет
       *[other] { $years } года
    }.
az-rights--title = Права владельца карты
az-rights--passed = Владелец карты вправе вести предпринимательскую деятельность в Казахстане.

## Статус беженца

rf--title = статус беженца
rf-grounds--title = Основания преследования
rf-grounds--needs_officer = Заявлено опасение стать жертвой преследования по признаку: { $grounds }. Обоснованность опасений оценивает сотрудник.
rf-grounds--failed--none = Не заявлено ни одного из оснований, названных в законе (раса, вероисповедание, гражданство или национальность, принадлежность к определённой социальной группе, политические убеждения).
rf-deadline--title = Срок подачи ходатайства
rf-deadline--passed = Ходатайство подано в течение { $days ->
        [one] { $days } календарного дня
        [few] { $days } календарных дней
        [many] { $days } календарных дней
       *[other] { $days } календарного дня
    } после прибытия { $arrival } (не позднее { $deadline }).
rf-deadline--failed = Ходатайство подано с опозданием на { $late_by ->
        [one] { $late_by } день
        [few] { $late_by } дня
        [many] { $late_by } дней
       *[other] { $late_by } дня
    }: срок истёк { $deadline } ({ $days ->
        [one] { $days } календарный день
        [few] { $days } календарных дня
        [many] { $days } календарных дней
       *[other] { $days } календарного дня
    } после прибытия { $arrival }).
rf-deadline-good_reason--title = Уважительная причина пропуска срока
rf-deadline-good_reason--passed = Указана причина пропуска срока: «{ $reason }».
rf-deadline-good_reason--failed = Причина пропуска срока не указана.
rf-exclusion--title = Основания, исключающие признание беженцем
rf-exclusion--passed = Основания, исключающие признание беженцем, не заявлены.
rf-exclusion--needs_officer = Заявлены основания, исключающие признание беженцем: их должен рассмотреть сотрудник.
rf-certificate--title = Свидетельство лица, ищущего убежище
rf-certificate--passed = На время рассмотрения ходатайства заявителю выдаётся свидетельство лица, ищущего убежище, на срок с { $from } по { $until } с возможностью продления.
rf-residence--title = Проживание после признания беженцем
rf-residence--passed = Если статус беженца будет присвоен: сначала разрешение на временное проживание, затем — на постоянное проживание.

## Слова
# word--charter_capital и word--securities подставляются как «в { $kind } { $recipient }» (inv-investment--*).

word--unranked = вне рейтинга
word--yes = да
word--no = нет
word--none = нет
word--secondary = среднее
word--vocational = техническое и профессиональное
word--bachelor = степень бакалавра
word--master = степень магистра
word--doctorate = докторская степень
word--charter_capital = уставный капитал
word--securities = ценные бумаги
word--race = раса
word--religion = вероисповедание
word--nationality = гражданство или национальность
word--social_group = принадлежность к определённой социальной группе
word--political_opinion = политические убеждения
word--run_business = вести предпринимательскую деятельность
