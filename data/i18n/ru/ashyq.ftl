# ashyq — сообщения интерфейса, русский язык.

app-name = ashyq
app-tagline = Открытая платформа миграционной политики Казахстана
skip-to-content = Перейти к содержанию
nav-label = Главное меню
nav-home = Главная
nav-api = Справочник API
nav-account = Мой профиль
nav-users = Пользователи
nav-audit = Журнал аудита
nav-login = Войти
nav-logout = Выйти
lang-label = Язык
signed-in-as = Вы вошли как { $name } ({ $role })
footer-text = ashyq — свободное программное обеспечение для миграционной политики Республики Казахстан.

role-public = Общественность
role-applicant = Заявитель
role-analyst = Аналитик рынка труда
role-coordinator = Согласующий орган
role-officer = Сотрудник миграционной службы
role-border = Сотрудник пограничной службы
role-admin = Администратор

home-title = Добро пожаловать в ashyq
home-intro-public = Здесь публикуется перечень востребованных профессий и можно проверить, на какое разрешение или визу вы можете претендовать. Сотрудники и заявители входят в систему, чтобы продолжить.
home-intro-applicant = Здесь будут ваши заявления на разрешения, визы и статусы.
home-intro-analyst = Здесь вы формируете перечень востребованных профессий и рейтинг ценных навыков по данным рынка труда.
home-intro-coordinator = Здесь вы даёте заключение вашего органа по проекту перечня востребованных профессий.
home-intro-officer = Здесь вы рассматриваете заявления вашего региона и следите за разрешениями и сроками пребывания.
home-intro-border = Здесь вы регистрируете въезд и выезд и проверяете статус путешественника.
home-intro-admin = Здесь вы управляете учётными записями и проверяете журнал аудита.
home-region = Регион: { $region }

login-title = Вход
login-username = Имя пользователя
login-password = Пароль
login-submit = Войти
login-failed = Неверное имя пользователя или пароль.
login-throttled = Слишком много неудачных попыток. Повторите через { $minutes } мин.
login-already = Вы уже вошли как { $name }.

account-title = Мой профиль
account-username = Имя пользователя
account-display-name = Имя
account-role = Роль
account-region = Регион
account-none = —
password-title = Смена пароля
password-current = Текущий пароль
password-new = Новый пароль
password-repeat = Повторите новый пароль
password-hint = Не менее 12 символов. Фраза из нескольких слов и надёжна, и легко запоминается.
password-submit = Сменить пароль
password-changed = Пароль изменён. Другие ваши сеансы завершены.
password-mismatch = Новые пароли не совпадают.
password-wrong-current = Текущий пароль неверен.

users-title = Пользователи
users-add = Добавить пользователя
users-username = Имя пользователя
users-display-name = Имя
users-role = Роль
users-region = Регион
users-region-none = Без региона
users-password = Начальный пароль
users-status = Статус
users-actions = Действия
users-active = Активна
users-disabled = Отключена
users-disable = Отключить
users-enable = Включить
users-submit = Создать учётную запись
users-created = Учётная запись { $username } создана.
users-updated = Учётная запись { $username } изменена.

audit-title = Журнал аудита
audit-intact = Цепочка из { $count } записей не нарушена.
audit-broken = Цепочка нарушена: { $reason }
audit-seq = №
audit-at = Когда
audit-actor = Кто
audit-role = Роль
audit-action = Действие
audit-object = Объект
audit-request = Запрос

err-username = Имя пользователя: от 3 до 64 символов из a–z, 0–9, точки, дефиса, подчёркивания или @, начиная с буквы или цифры.
err-password-short = Пароль должен содержать не менее 12 символов.
err-password-long = Пароль должен содержать не более 256 символов.
err-password-username = Пароль не должен совпадать с именем пользователя.
err-display-name = Имя должно содержать от 1 до 200 символов.
err-region = Неизвестный регион.
err-region-role = Регион назначается только согласующим органам и сотрудникам миграционной службы.
err-role = Выберите роль.
err-conflict = Учётная запись с таким именем уже существует.
err-csrf = Срок действия формы истёк или она отправлена с другого сайта. Обновите страницу и повторите.

error-forbidden-title = Доступ запрещён
error-forbidden-text = Вашей роли ({ $role }) эта страница недоступна.
error-notfound-title = Страница не найдена
error-notfound-text = По этому адресу страницы нет.
error-internal-title = Что-то пошло не так
error-internal-text = Ошибка записана в журнал. Повторите попытку позже. Запрос: { $request }
back-home = На главную
