# The Paryz contest: nominations, the jury's decisions and the winners.
nav-paryz = Конкурс «Парыз»
pz-title = Конкурс «Парыз»
pz-intro = Премия Президента в ежегодном конкурсе «Парыз» отмечает вклад обладателей карты «Ата жолы» и других высококвалифицированных специалистов с успешным бизнесом. Победители и шорт-лист каждого года публикуются здесь после решения жюри.
pz-years = Годы конкурса
pz-no-years = Итоги ещё не опубликованы.
pz-year-n = «Парыз» { $year }
pz-winners = Лауреаты премии Президента
pz-shortlist = Шорт-лист
pz-nominations = Номинации
pz-staff-hint = До публикации итогов видны только координаторам и секретариату конкурса. Каждый просмотр записывается в журнал аудита.
pz-nominee = Номинант
pz-country = Страна проживания
pz-business = Бизнес
pz-contribution = Вклад
pz-jobs = Создано рабочих мест
pz-jobs-created = { $count ->
        [one] Создано { $count } рабочее место
        [few] Создано { $count } рабочих места
        [many] Создано { $count } рабочих мест
       *[other] Создано { $count } рабочего места
    }
pz-investment = Инвестиции
pz-nominated-by = Выдвинул
pz-verdict = Решение жюри
pz-reason = Обоснование жюри
pz-decide = Записать решение
pz-undecided = решение ещё не принято
pz-verdict-winner = лауреат
pz-verdict-shortlisted = в шорт-листе
pz-verdict-not-selected = не отобран
pz-status = Этап
pz-status-open = приём номинаций
pz-status-closed = приём закрыт, решает жюри
pz-status-published = итоги опубликованы
pz-prizes = Премий
pz-none = —
pz-open = Открыть год конкурса
pz-open-hint = После открытия года координаторы (акиматы, «Атамекен») могут выдвигать номинантов.
pz-secretariat = Секретариат конкурса
pz-close = Закрыть приём номинаций
pz-publish = Опубликовать итоги
pz-nominate = Выдвинуть номинанта
pz-nominate-hint = Номер карты «Ата жолы» необязателен; если указан, карта должна быть выдана и не аннулирована. БИН нужен только для бизнеса, зарегистрированного в Казахстане.
pz-field-year = Год
pz-field-reference = Референс
pz-field-nominee = ФИО номинанта
pz-field-country = Страна проживания
pz-field-card-number = Номер карты «Ата жолы»
pz-field-business = Название бизнеса
pz-field-sector = Отрасль
pz-field-bin = БИН
pz-field-contribution = Вклад в развитие Казахстана
pz-field-jobs-created = Создано рабочих мест
pz-field-investment-kzt = Инвестиции в Казахстан, тенге
pz-field-verdict = Решение
pz-field-reason = Обоснование
pz-err-field = { $field }: { $detail }
pz-err-prizes = Все премии года уже присуждены: { $detail }
pz-err-undecided = Итоги пока нельзя опубликовать: { $detail }
pz-err-final = Итоги этого года опубликованы и окончательны: { $detail }
pz-err-state = Невозможно на этом этапе конкурса: { $detail }
pz-err-conflict = Уже существует: { $detail }
pz-err-not-found = Не найдено: { $detail }
