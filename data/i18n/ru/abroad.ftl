# Граждане, работающие за рубежом: реестр, межгосударственные соглашения и дела о защите прав.
nav-abroad = Граждане за рубежом

ab-title = Граждане, работающие за рубежом
ab-intro = Граждане Казахстана, работающие за рубежом: где они работают, какие межгосударственные соглашения защищают их права и какие дела открыты для их защиты.
ab-countries = Страны по числу работающих там граждан
ab-countries-hint = Граждане, чей договор не истёк на { $on }; первыми идут страны, где работает больше всего граждан.
ab-citizens = Граждан
ab-citizens-total = За рубежом { $count ->
        [one] работает { $count } гражданин
        [few] работают { $count } гражданина
        [many] работают { $count } граждан
       *[other] работают { $count } гражданина
    }
ab-country = Страна
ab-open-cases = Открытые дела
ab-agreements = Соглашения
ab-all = Все
ab-none = Пока нет.
ab-reference = Номер
ab-citizen = Гражданин
ab-kind = Жалоба
ab-status = Статус
ab-counts-only = Вы видите только числа: имена и ИИН видят сотрудники, ведущие дела.
ab-agreements-title = Межгосударственные соглашения
ab-agreements-intro = Соглашения Казахстана со странами, где работают его граждане: что они охватывают и в каком они состоянии. Строки с пометкой «пример» — иллюстрации, а не официальные тексты.
ab-agreement = Соглашение
ab-signed-on = Подписано
ab-in-force-from = Действует с
ab-covers = Охватывает
ab-note = Примечание
ab-illustrative = пример
ab-registry-title = Реестр граждан за рубежом
ab-registry-intro = Каждая запись — один трудовой договор за рубежом. Каждый просмотр реестра записывается в журнал аудита.
ab-search = ИИН или имя
ab-search-button = Найти
ab-name = Имя
ab-iin = ИИН
ab-sector = Отрасль
ab-employer = Работодатель
ab-contract = Договор
ab-add = Зарегистрировать гражданина
ab-surname = Фамилия
ab-given-names = Имя (имена)
ab-agency = Частное агентство занятости
ab-agency-licence = Номер лицензии агентства
ab-contract-from = Договор с
ab-contract-until = Договор по
ab-birth-date = Дата рождения
ab-registered-by = Зарегистрировал
ab-cases = Дела о защите прав
ab-opened = Открыто
ab-open-case = Открыть дело о защите прав
ab-complaint = Жалоба
ab-case-title = Дело о защите прав
ab-history = Что сделано
ab-add-action = Записать действие
ab-action = Действие
ab-taken-on = Дата
ab-what = Что сделано
ab-change-status = Изменить статус
ab-reason = Основание

ab-err-field = Исправьте, пожалуйста: { $detail }
ab-err-refused = Это сделать нельзя: { $detail }
ab-err-conflict = Дело тем временем изменилось; откройте его заново: { $detail }
ab-err-forbidden = Вам это не разрешено: { $detail }
ab-err-notfound = Не найдено: { $detail }

ab-sector-domestic_work = Домашний труд
ab-sector-construction = Строительство
ab-sector-agriculture = Сельское хозяйство
ab-sector-hospitality = Гостиницы и общепит
ab-sector-healthcare = Здравоохранение
ab-sector-it = ИТ
ab-sector-transport = Транспорт
ab-sector-other = Другое

ab-astatus-negotiating = на переговорах
ab-astatus-signed = подписано
ab-astatus-in_force = действует
ab-astatus-suspended = приостановлено

ab-cover-employment = трудоустройство
ab-cover-social_security = социальное обеспечение
ab-cover-pensions = пенсии
ab-cover-domestic_workers = домашние работники
ab-cover-health_care = медицинская помощь
ab-cover-qualifications = признание квалификаций
ab-cover-readmission = реадмиссия

ab-kind-unpaid_wages = Невыплата заработной платы
ab-kind-confiscated_passport = Изъят паспорт
ab-kind-unsafe_conditions = Опасные условия труда
ab-kind-trafficking_signs = Признаки торговли людьми
ab-kind-contract_breach = Нарушение договора
ab-kind-other = Другое

ab-status-open = открыто
ab-status-in_progress = в работе
ab-status-resolved = решено
ab-status-closed = закрыто

ab-action-opened = Дело открыто
ab-action-status = Статус изменён
ab-action-consulate_contacted = Обращение в консульство
ab-action-employer_contacted = Связь с работодателем
ab-action-agency_licence_checked = Проверена лицензия агентства
ab-action-authorities_notified = Уведомлены местные органы
ab-action-legal_aid = Оказана юридическая помощь
ab-action-returned_home = Возвращён на родину
ab-action-other = Другое
# Форма межгосударственного соглашения (сотрудники, issue 16).
ab-ag-add = Добавить соглашение
ab-ag-edit = Изменить
ab-ag-new-title = Новое межгосударственное соглашение
ab-ag-edit-title = Изменение межгосударственного соглашения
ab-ag-form-intro = Соглашение в его нынешнем состоянии: пока идут переговоры, дат нет; после подписания — дата подписания; после вступления в силу — дата вступления в силу.
ab-ag-reference-hint = Собственный ключ соглашения в ashyq, от 1 до 80 символов; позже его нельзя изменить.
ab-ag-illustrative = Иллюстративный пример, не официальный текст
ab-ag-save = Сохранить соглашение
ab-ag-err-reference = Укажите номер от 1 до 80 символов.
ab-ag-err-exists = Соглашение с таким номером уже есть: измените его из списка.
ab-ag-err-country = Выберите страну соглашения.
ab-ag-err-title = Укажите название; в нём не может быть управляющих символов, и оно не может быть длиннее допустимого.
ab-ag-err-status = Выберите статус. У соглашения, по которому идут переговоры, нет даты подписания и вступления в силу.
ab-ag-err-signed-on = Укажите дату подписания в виде год-месяц-день: она есть у подписанного, действующего или приостановленного соглашения.
ab-ag-err-in-force-from = Укажите дату вступления в силу в виде год-месяц-день, не раньше подписания: она есть у действующего или приостановленного соглашения.
ab-ag-err-covers = Выберите из списка, что охватывает соглашение.
ab-ag-err-note = В примечании не может быть управляющих символов, и оно не может быть длиннее допустимого.
ab-ag-err-field = Поле заполнено неверно.
