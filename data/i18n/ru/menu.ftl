# Главное меню, сгруппированное по задачам (crates/server/src/web/page.rs): кнопка, которая
# раскрывает его на телефоне, заголовки групп и ссылки, которые оно добавляет.
menu-toggle = Меню
menu-group-casework = Работа с делами
menu-group-register = Реестр и граница
menu-group-kandas-abroad = Кандасы и граждане за рубежом
menu-group-labour = Рынок труда
menu-group-apply = Проверка и заявления
menu-group-public = Открытые сведения
menu-group-admin = Администрирование
menu-group-account = Личный кабинет
nav-simulate = Моделирование реформы
nav-kandas-report = Переселение по регионам
