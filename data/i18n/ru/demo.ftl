# The demo's own texts (`ashyq demo --language ru`): names of the demo accounts, officers'
# reasons, coordinators' opinions, list notes, Paryz nominations, interstate agreements,
# citizens abroad and invented companies. Written into the database once, in the chosen
# language; everything here is FICTIONAL or ILLUSTRATIVE.

## The marker after an invented person's surname.
demo-fictional-person = (вымышленное лицо)

## Accounts: one per role.
demo-account-applicant = Заявитель (демо)
demo-account-analyst = Аналитик МТСЗН (демо)
demo-account-coordinator = Координатор акимата г. Астаны (демо)
demo-account-atameken = Координатор НПП «Атамекен» (демо)
demo-account-officer = Сотрудник миграционной службы г. Алматы (демо)
demo-account-border = Сотрудник пограничной службы (демо)
demo-account-admin = Администратор (демо)
## The case workflow's accounts.
demo-account-officer-almaty = Сотрудник миграционной службы г. Алматы
demo-account-officer-astana = Сотрудник миграционной службы г. Астаны
demo-account-case-applicant = Заявитель { $number } (демо)
## Kandas resettlement's accounts.
demo-account-officer-petropavl = Сотрудник службы по делам кандасов Северо-Казахстанской области
demo-account-kandas-applicant = Заявитель-кандас { $number } (демо)

## The list of occupations in demand: notes of revisions, opinions, proposals.
demo-list-draft = Проект по данным за { $year } год
demo-list-revision = Редакция по итогам согласования: принято предложение Министерства здравоохранения
demo-list-autumn = Актуализация: данные за { $year } год, осенний пересмотр
demo-list-justification = Предложено Министерством здравоохранения: региональный дефицит подтверждён отчётами акиматов.
demo-opinion-moh = Согласовано; предлагаем включить профессию с документально подтверждённым региональным дефицитом.
demo-proposal-moh = Вакансии в районных больницах остаются незаполненными месяцами.

## Cases: evidence, facts, officers' reasons, an applicant's withdrawal.
demo-passport-issuer = Министерство внутренних дел
demo-investment-recipient = ТОО «Дала Роботикс»
demo-business-abroad = ООО «Алтайская шерсть»
demo-reason-confirmed = Проверено: подтверждаю.
demo-reason-bank-balance = Просим загрузить справку банка об остатке средств на счёте: приложенная выписка отражает только операции.
demo-reason-no-funds = Платёжеспособность не подтверждена: нет справки банка Казахстана о наличии средств (статья 49).
demo-reason-withdrawn = Мною принято предложение о работе в другом месте.
demo-reason-pr-approved = Платёжеспособность и наличие жилья подтверждены; судимости нет.
demo-reason-no-training-plan = Нет плана обучения местных кадров, обязательного для визы для ценных специалистов.
demo-reason-invited = Приглашение в раунде отбора получено; диплом и предложение о работе проверены.
demo-reason-investment = Инвестиция подтверждена по сведениям государственной базы данных «Юридические лица».
demo-reason-ata-zholy = Наличие бизнеса за рубежом и казахская национальность подтверждены.
demo-reason-business-certificate = Просим загрузить свидетельство о регистрации бизнеса за рубежом с переводом.
demo-reason-refugee = Проведено собеседование: опасения стать жертвой преследования обоснованны.
demo-reason-exclusion = Установлены основания, исключающие признание беженцем (статья 12).

## The Paryz contest.
demo-paryz-business-textiles = ТОО «Дала Текстиль»
demo-paryz-business-agro = ТОО «Сарыарка Агротех»
demo-paryz-business-logistics = ТОО «Керуен Логистикс»
demo-paryz-business-software = ТОО «Бағдар Софт»
demo-paryz-sector-manufacturing = обрабатывающая промышленность
demo-paryz-sector-agriculture = сельское хозяйство
demo-paryz-sector-transport = транспорт и логистика
demo-paryz-sector-it = информационные технологии
demo-paryz-contribution = Вымышленная демонстрационная номинация: в Казахстане { $count ->
        [one] создано { $count } рабочее место
        [few] создано { $count } рабочих места
        [many] создано { $count } рабочих мест
       *[other] создано { $count } рабочего места
    }.
demo-paryz-reason = Демонстрационное решение жюри (вымышленное).

## Citizens working abroad: illustrative agreements, fictional employers, a complaint.
demo-agreement-note = Демонстрационный пример: текст, статус и даты не являются официальными.
demo-agreement-kor = Соглашение о временном трудоустройстве граждан (пример)
demo-agreement-rus = Трудовая миграция в рамках ЕАЭС (пример)
demo-agreement-tur = Соглашение о социальном обеспечении (пример)
demo-agreement-are = Меморандум о домашних работниках (пример)
demo-agreement-deu = Соглашение о квалифицированных работниках (пример)
demo-abroad-employer = Компания-работодатель (вымышленная)
demo-abroad-agency = Кадровое агентство «Пример» (вымышленное)
demo-abroad-complaint = Вымышленная демонстрационная жалоба: заработная плата не выплачена за два месяца.
