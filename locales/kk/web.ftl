## The staff dashboard: staff words, shown only in HOTLINE_STAFF_LANG (ru or en); this file carries the Russian copy.
# REVIEW: native speaker

# Ответ бота на /web от оператора или администратора.
web-link-message = Ваша ссылка на панель (действует { $minutes } минут, один раз): { $url }
    Не пересылайте её.

web-p-overview = Обзор
web-p-knowledge = База знаний
web-p-checks = Проверки вакансий
web-p-hotline = Горячая линия
web-p-alerts = Оповещения
web-p-content = Актуальность статей
web-p-report = Отчёт за месяц

web-signout = Выйти
web-signin-title = Вход в панель Jol
web-signin-button = Войти
web-signin-needed = Нужно войти
web-signin-needed-text = Отправьте боту /web в личном чате: он ответит одноразовой ссылкой (только для операторов и администраторов).
web-link-bad = Ссылка не работает
web-link-bad-text = Ссылка уже использована, устарела (через 10 минут) или неверна. Отправьте боту /web ещё раз, чтобы получить новую.
web-too-many = Слишком много попыток
web-too-many-text = Слишком много попыток входа отсюда. Подождите минуту и откройте новую ссылку.
web-admins-only = Только для администраторов
web-admins-only-text = Эта страница для администраторов (TELEGRAM_ADMIN_IDS).

web-from = С
web-to = По
web-month = Месяц
web-show = Показать
web-print = Печать
web-csv = CSV
web-empty = За этот период ничего нет.

web-note-people = Людей считаем, не храня, кто они (HyperLogLog от хеша с ключом); «люди по дням» считают человека один раз в день. Числа от 1 до 4 показаны как <5.
web-note-sla = Взяты в срок: { $minutes } минут от начала рабочего времени (HOTLINE_SLA_MINUTES).
web-note-review = Статьи, проверенные более { $days } дней назад (CONTENT_REVIEW_DAYS), или без даты проверки.
web-report-title = Jol — отчёт за { $month }
web-report-note = Только сводные числа: без имён, телефонов и сообщений. Числа от 1 до 4 показаны как <5.

web-f-today = человек сегодня
web-f-week = человек за 7 дней
web-f-month = человек в этом месяце
web-f-period = человек за период
web-f-messages = сообщений за период
web-f-articles-read = прочитано статей
web-f-misses = вопросов без ответа
web-f-checks = проверок вакансий
web-f-agency = проверок агентств
web-f-opened = открыто обращений
web-f-avg-take = минут до взятия, в среднем
web-f-within-sla = взято в срок
web-f-open-now = открыто сейчас
web-f-feedback = средняя оценка (1–5)
web-f-alert-sent = оповещений доставлено
web-f-alert-blocked = оповещений заблокировано
web-f-unsub = отписок
web-f-articles = статей
web-f-due = пора проверить

web-c-daily = Люди и сообщения по дням
web-c-hours = Самые загруженные часы (сообщения по местному времени)
web-c-checks = Проверки вакансий по неделям и уровню риска
web-c-cases = Обращения по дням

web-s-people = люди
web-s-messages = сообщения
web-s-opened = открыто
web-s-taken = взято
web-s-closed = закрыто
web-s-risk-high = высокий риск
web-s-risk-medium = средний риск
web-s-risk-low = низкий риск

web-t-languages = Люди по языкам
web-t-channels = Люди по каналам
web-t-sources = Откуда пришли (ссылки и плакаты)
web-t-hours = Сообщения по часам
web-t-articles = Самые читаемые статьи
web-t-questions = Вопросы без ответа (по словам)
web-t-langs = Ответы по языкам
web-t-weeks = Проверки вакансий по неделям
web-t-modes = Проверки по виду и риску
web-t-flags = Самые частые тревожные признаки
web-t-cases = Обращения по дням
web-t-take = Время до взятия
web-t-open = Открытые обращения сейчас
web-t-outcomes = Итоги
web-t-feedback = Оценки
web-t-consultants = По консультантам
web-t-alerts = Оповещения по дням
web-t-due = Статьи, которые пора проверить

web-h-language = Язык
web-h-channel = Канал
web-h-source = Источник
web-h-people = Люди
web-h-people-days = Люди по дням
web-h-hour = Час
web-h-messages = Сообщения
web-h-article = Статья
web-h-id = Id
web-h-reads = Прочтения
web-h-words = Слова
web-h-times = Раз
web-h-misses = Без ответа
web-h-miss-share = Доля без ответа
web-h-week = Неделя с
web-h-risk-high = Высокий
web-h-risk-medium = Средний
web-h-risk-low = Низкий
web-h-mode = Вид:риск
web-h-checks = Проверки
web-h-flag = Тревожный признак
web-h-day = День
web-h-opened = Открыто
web-h-taken = Взято
web-h-closed = Закрыто
web-h-minutes = Минуты
web-h-cases = Обращения
web-h-case = Обращение
web-h-status = Статус
web-h-age = Возраст (минуты)
web-h-outcome = Итог
web-h-score = Оценка
web-h-answers = Ответы
web-h-consultant = Консультант
web-h-feedback = Оценка
web-h-sent = Доставлено
web-h-blocked = Заблокировано
web-h-unsub = Отписки
web-h-reviewed = Проверено
web-h-days = Дней прошло
