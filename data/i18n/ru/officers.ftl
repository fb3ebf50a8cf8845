# Инструменты сотрудников и администраторов: постраничный вывод длинных списков, сортировка,
# поиск, выгрузки, оповещения реестра по регионам, роли учётных записей и действия журнала аудита.

## Страницы
of-paging-label = Страницы
of-paging-summary = { $from }–{ $to } из { $total }
of-paging-prev = ← Назад
of-paging-next = Далее →

## Неверные параметры
of-err-param = «{ $value }» — недопустимое значение поля «{ $field }»; оно не учтено.
of-err-search = Строка поиска должна быть не длиннее { $max } символов и без управляющих символов; она не учтена.
of-field-programme = Программа
of-field-status = Статус
of-field-age = Ожидает не менее (дней)
of-field-sort = Сортировка
of-field-order = Порядок
of-field-page = Страница
of-field-days = Дней вперёд
of-field-from = С
of-field-to = По
of-field-actor = Кто
of-field-action = Действие
of-field-object-type = Тип объекта
of-field-object-id = Объект

## Очередь дел
of-search = Поиск
of-search-hint = ФИО, номер дела или паспорта
of-sort-label = Сортировать по
of-order-label = Порядок
of-order-asc = По возрастанию
of-order-desc = По убыванию
of-sort-submitted = Подано
of-sort-waiting = Дней ожидания
of-sort-programme = Программа
of-sort-status = Статус
of-sort-reference = Номер дела
of-sort-holder = Заявитель
of-sort-region = Регион

## Оповещения реестра
of-alerts-scoped = Ваша учётная запись относится к региону { $region }: вы видите оповещения о лицах, отнесённых к нему (по последней регистрации, а без неё — по последнему пересечению границы), и о регистрациях в нём.
of-alerts-summary-region = { $region }: сейчас срок пребывания { $count ->
        [one] нарушает { $count } человек
        [few] нарушают { $count } человека
        [many] нарушают { $count } человек
       *[other] нарушают { $count } человека
    }.
of-all-regions = Вся страна
of-download-csv = Скачать CSV
of-csv-person = № лица
of-field-region = Регион
of-field-list = Список
of-err-title = Запрос не удалось прочитать

## Учётные записи: роль и регион
of-users-change-role = Изменить роль
of-users-role-hint = Регион бывает только у координаторов и сотрудников (сотрудник без региона работает по всей стране). Новая роль завершает сеансы учётной записи и отзывает её API-токены.
of-users-err-own-role = Нельзя изменить собственную роль: обратитесь к другому администратору.

## Журнал аудита
of-audit-search = Найти
of-audit-any-action = Любое действие
of-audit-empty = Нет записей, отвечающих поиску.
of-audit-code = Код
of-audit-detail = Подробности
of-action-other = Другое действие

## Действия журнала аудита, по одному на код
of-action-abroad-agreement-save = Соглашение со страной пребывания сохранено
of-action-abroad-case-action = Принята мера по делу о защите за рубежом
of-action-abroad-case-list = Просмотрен список дел о защите за рубежом
of-action-abroad-case-open = Открыто дело о защите за рубежом
of-action-abroad-case-read = Просмотрено дело о защите за рубежом
of-action-abroad-case-status = Изменён статус дела о защите за рубежом
of-action-abroad-worker-read = Просмотрена запись гражданина, работающего за рубежом
of-action-abroad-worker-register = Зарегистрирован гражданин, работающий за рубежом
of-action-abroad-worker-search = Выполнен поиск граждан, работающих за рубежом
of-action-account-signup = Учётная запись создана при самостоятельной регистрации
of-action-account-contact = Изменены контактные данные
of-action-account-email_verified = Адрес электронной почты подтверждён по ссылке
of-action-account-link_refused = Отклонена использованная, просроченная или неизвестная ссылка
of-action-account-password_reset = Пароль установлен по ссылке восстановления
of-action-account-reset_requested = Запрошена ссылка для восстановления пароля
of-action-account-verification_sent = Ссылка для подтверждения отправлена повторно
of-action-kandas-file = Заявление кандаса подано самим заявителем
of-action-kandas-queue = Просмотрен список заявлений кандасов
of-action-kandas-read = Просмотрено заявление кандаса
of-action-labour-preview = Файл данных рынка труда проверен для предпросмотра
of-action-labour-preview-cancel = Предпросмотр файла данных рынка труда отменён
of-action-applications-submit = Подано заявление после самопроверки
of-action-audit-export = Журнал аудита выгружен
of-action-case-approved = Дело одобрено
of-action-case-confirmed = Одобрение подтверждено вторым сотрудником
of-action-case-create = Дело открыто
of-action-case-evidence = К делу приложен документ
of-action-case-evidence-read = Скачан документ дела
of-action-case-info_requested = По делу запрошены дополнительные сведения
of-action-case-message = В деле оставлено сообщение
of-action-case-override = Решение принято вопреки автоматической оценке
of-action-case-queue = Просмотрена очередь дел
of-action-case-read = Дело просмотрено
of-action-case-refused = В деле отказано
of-action-case-replied = Дан ответ на запрос сведений
of-action-case-returned = Одобрение возвращено в очередь
of-action-case-submit = Дело подано
of-action-case-withdrawn = Дело отозвано
of-action-coordination-body_add = Добавлена согласующая организация
of-action-coordination-body_disable = Согласующая организация отключена
of-action-coordination-body_enable = Согласующая организация снова включена
of-action-coordination-member = Координатор закреплён за организацией
of-action-document-download = Документ решения (PDF) скачан
of-action-kandas-assign = Кандас распределён в регион
of-action-kandas-create = Зарегистрировано заявление кандаса
of-action-kandas-pay = Выплачена поддержка кандасу
of-action-kandas-refuse = В заявлении кандаса отказано
of-action-labour-import = Импортированы данные рынка труда
of-action-list-approve = Перечень профессий утверждён
of-action-list-draft = Рассчитан проект перечня профессий
of-action-list-opinion = Дано заключение по перечню профессий
of-action-list-publish = Перечень профессий опубликован
of-action-list-revise = Перечень профессий доработан
of-action-list-send = Перечень профессий направлен на согласование
of-action-paryz-decide = Принято решение по номинации «Парыз»
of-action-paryz-nominate = Выдвинута кандидатура на «Парыз»
of-action-paryz-read = Просмотрена номинация «Парыз»
of-action-paryz-year-close = Год конкурса «Парыз» закрыт
of-action-paryz-year-open = Год конкурса «Парыз» открыт
of-action-paryz-year-publish = Итоги конкурса «Парыз» опубликованы
of-action-permit-cancel = Разрешение аннулировано
of-action-permit-issue = Разрешение выдано
of-action-permit-list = Просмотрен список разрешений
of-action-permit-read = Разрешение просмотрено
of-action-permit-renew = Разрешение продлено
of-action-permit-report = Подан отчёт владельца разрешения
of-action-permit-solvency = Подтверждена платёжеспособность по разрешению
of-action-policy-simulate = Смоделирована реформа на сохранённых заявлениях
of-action-quota-set = Установлена квота
of-action-rates-import = Импортированы ставки
of-action-register-alerts = Просмотрены оповещения реестра
of-action-register-alerts-export = Оповещения реестра выгружены
of-action-register-check = Документ проверен на границе
of-action-register-crossings = Получены пересечения границы
of-action-register-days_corrected = Исправлены даты пересечений
of-action-register-import = Импортированы данные реестра
of-action-register-overstayers = Просмотрен список нарушителей срока пребывания
of-action-register-person-merge = Лица объединены в реестре
of-action-register-person-read = Просмотрена запись о лице
of-action-register-person-split = Документ выделен в новое лицо
of-action-register-person-unmerge = Объединение лиц отменено
of-action-register-person-unsplit = Разделение лица отменено
of-action-register-search = Выполнен поиск в реестре
of-action-round-hold = Проведён раунд приглашений
of-action-session-login = Вход в систему
of-action-session-login_failed = Неудачная попытка входа
of-action-session-logout = Выход из системы
of-action-token-create = Создан API-токен
of-action-token-revoke = API-токен отозван
of-action-user-create = Учётная запись создана
of-action-user-disable = Учётная запись отключена
of-action-user-enable = Учётная запись включена
of-action-user-list = Список учётных записей просмотрен
of-action-user-read = Учётная запись просмотрена
of-action-user-set_password = Пароль изменён
of-action-user-set_role = Изменены роль или регион учётной записи

# What an audit record is about, in words (the object column of the audit log).
of-object-abroad-agreement = соглашение
of-object-abroad-case = обращение гражданина за рубежом
of-object-abroad-worker = гражданин, работающий за рубежом
of-object-applications = заявления
of-object-case = заявление
of-object-import = загрузка
of-object-kandas-application = заявление кандаса
of-object-list = перечень
of-object-paryz-nomination = номинация «Парыз»
of-object-paryz-year = конкурс «Парыз»
of-object-permit = разрешение
of-object-person = лицо
of-object-round = раунд
of-object-scan = проверка
of-object-user = учётная запись
of-object-token = API-токен
of-object-document = документ
of-object-notification = уведомление
of-object-opinion = заключение
of-object-agreement = соглашение
of-object-rates = курсы валют
of-object-checkpoint = контрольная точка журнала
of-object-all = все
of-object-id-queue = очередь
of-object-id-list = список
of-object-id-batch = пакет
of-object-api-token = API-токен
of-object-audit = журнал аудита
of-object-batch = пакет
of-object-body = согласующий орган
of-object-data-fix = исправление данных
of-object-policy = политика
of-object-query = поиск
of-object-quota = квота
of-object-id-log = журнал
of-object-id-api = API
