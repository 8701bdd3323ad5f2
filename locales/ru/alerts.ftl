# Alerts (src/alerts/): the line every alert ends with, in the user's language.
alert-optout = /stop — больше не получать оповещения

## Мастер /alert для сотрудников в Telegram (src/alerts/wizard/) и карточка хода рассылки (card.ts).
alw-cancel = ✖ Отмена
alw-cancelled = Отменено: оповещение не отправлено. /alert — начать новое.
alw-audience-choose = Новое оповещение. Шаг 1 из 4: кому? Выберите сегмент.
alw-all-langs = Все языки
alw-all-channels = Все каналы
alw-all-sources = Все источники
alw-next-texts = Далее: тексты ▶
alw-audience =
    Аудитория: { $audience }
    Получателей: { $count }
    { $breakdown }

    Можно сузить по языку, каналу или источнику (откуда пришли), или идти дальше.
alw-texts-ask = Шаг 2 из 4: напишите текст, одно сообщение на язык ({ $langs }). Начните сообщение с кода языка, например «uz: ...». Без кода это текст для { $lang }.
alw-texts-missing = Для { $lang } пока нет текста: напишите его (начните с «{ $lang }: ») или отправьте этой группе текст другого языка.
alw-text-own = ✅ { $lang }: свой текст
alw-text-borrowed = ↪️ { $lang }: получит текст { $from }
alw-text-missing = ❌ { $lang }: нет текста
alw-use = { $lang } получит текст { $from }
alw-texts-ready = У каждого языка есть текст. Новым сообщением можно заменить любой.
alw-preview = Далее: просмотр ▶
alw-too-long = Текст { $lang } слишком длинный: { $length } знаков вместе со строкой отписки, предел { $limit }. Сократите и пришлите снова.
alw-preview-head = Шаг 3 из 4: { $lang } · { $count } получателей получат ровно это:
alw-preview-next = Это всё оповещение. Проверьте на себе и выберите, когда отправить.
alw-preview-wa-template = WhatsApp: те из этих { $count }, кто не писал 24 часа, получат его шаблоном предупреждения { $name }.
alw-preview-wa-no-template = WhatsApp: для языка { $lang } нет шаблона предупреждения (WHATSAPP_ALERT_TEMPLATES). Те из этих { $count }, кто не писал 24 часа, получат только просьбу написать, а предупреждение — когда напишут.
alw-test = 📨 Тест себе
alw-tested = Тест отправлен вам выше. Когда отправить?
alw-now = Отправить сейчас
alw-later = В указанное время…
alw-when-ask = Шаг 4 из 4: когда? Напишите время ({ $tz }), например 18:30 или 2026-12-03 09:00.
alw-when-bad = Напишите время так: 18:30 или 2026-12-03 09:00 ({ $tz }).
alw-when-past = Это время прошло ({ $tz }): напишите более позднее.
alw-when-now = сейчас
alw-confirm =
    Отправить оповещение?
    Аудитория: { $audience }
    Получателей: { $count }
    Когда: { $when }
alw-send = ✅ Отправить { $count }
alc-pause = ⏸ Пауза
alc-resume = ▶ Продолжить
alc-cancel = ✖ Остановить
alc-not-now = Сейчас это невозможно.
alc-state-queued = ожидает
alc-state-sending = идёт отправка
alc-state-paused = на паузе
alc-state-cancelled = остановлено
alc-state-done = завершено
alc-card =
    Оповещение { $id } · { $state }
    { $bar }
    Отправлено { $sent } · ошибки { $failed } · заблокировали { $blocked } · осталось { $left } из { $total }
    { $rate }/с · конец через { $eta ->
        [0] —
       *[other] ~{ $eta } мин
    }
alc-report =
    Оповещение { $id }: { $state }
    Аудитория: { $audience }
    Отправлено { $sent } из { $total } · ошибки { $failed } · заблокировали { $blocked } · не отправлено { $left }
    За { $minutes } мин
