# Транспорт WhatsApp Cloud API (src/channels/whatsapp-cloud, docs/whatsapp.md).

## Кнопка, открывающая список вариантов (не больше 20 символов).
wa-cloud-list-button = Выбрать

## Ответ на кнопку или список, которые не наши или устарели.
wa-cloud-button-invalid = Эта кнопка не работает. Отправьте /menu, чтобы открыть меню.
wa-cloud-button-expired = Эта кнопка устарела. Отправьте /menu, чтобы открыть меню.

## Текст шаблона для одобрения в Meta (категория Utility, без переменных): отправляется, когда
## горячая линия пишет больше чем через 24 часа после последнего сообщения пользователя.
## Ожидающее сообщение придёт, как только пользователь ответит.
wa-cloud-template-body = У вас новое сообщение от горячей линии. Чтобы прочитать его, ответьте на это сообщение любым словом.

## Сотрудникам: почему сообщение пользователю WhatsApp ждёт.
wa-cloud-staff-window-closed = Пока не доставлено: пользователь писал больше 24 часов назад, а тогда WhatsApp разрешает только одобренный шаблон. Для языка «{ $lang }» шаблон не задан (WHATSAPP_TEMPLATES). Сообщение ждёт и уйдёт, когда пользователь напишет снова.

## `jol whatsapp templates`
wa-cloud-templates-intro = Создайте по одному шаблону на язык в WhatsApp Manager (Шаблоны сообщений → Создать шаблон), категория Utility, с текстом ниже и без переменных. После одобрения перечислите их в WHATSAPP_TEMPLATES, например ru=jol_message,en=jol_message@en_US.
wa-cloud-templates-configured = задан: { $name } ({ $code })
wa-cloud-templates-missing = не задан: сообщения этим пользователям вне 24-часового окна ждут

## Alerts outside the 24-hour window (WHATSAPP_ALERT_TEMPLATES): the body to submit, its one variable the alert's text.
wa-cloud-alert-template-body = Предупреждение горячей линии Jol: { "{{1}}" }
wa-cloud-alert-templates-intro = Шаблоны предупреждений (WHATSAPP_ALERT_TEMPLATES): по одному на язык, с текстом ниже и одной переменной — текстом предупреждения, чтобы подписчики вне 24-часового окна получили само предупреждение. Категорию определяет Meta. После одобрения перечислите их, например ru=jol_alert,en=jol_alert@en_US.
