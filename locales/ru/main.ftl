## Core texts: language, main menu, help, privacy, errors.
## Variables available everywhere: $hotlinePhone, $hotlineHours, $emergency, $sessionDays, $retentionDays.

language-name = Русский
language-choose = Выберите язык · Тілді таңдаңыз · Tilni tanlang · Тилди тандаңыз · Забонро интихоб кунед · Choose your language
# Telegram shows buttons; WhatsApp and the console show numbered lists.
language-hint = { $channel ->
    [telegram] Нажмите кнопку или напишите номер языка.
   *[other] Напишите номер языка из списка.
}
language-set = Хорошо, пишу по-русски. Сменить язык: /language

main-menu = Jol — справочная для трудовых мигрантов. Выберите раздел или просто напишите свой вопрос.
main-coming = 🇰🇿 Приезд в Казахстан
main-abroad = ✈️ Работа за границей
main-job = 🔍 Проверить предложение о работе
main-consultant = 💬 Поговорить с консультантом
main-alerts = 🔔 Оповещения
main-language = 🌐 Язык · Тіл · Til
main-about = ℹ️ О боте и ваших данных

about-text =
    Jol — бесплатная справочная для трудовых мигрантов в Казахстане и для казахстанцев, которые едут работать за границу. Её ведёт некоммерческая организация.

    Что мы храним: язык, место в меню и ответы, пока вы проходите проверку. Всё это удаляется через { $sessionDays } дн. без активности. Переписка с консультантом хранится { $retentionDays } дн. после закрытия обращения.
    Ваш номер телефона консультант не видит без вашего согласия.
    Удалить всё сразу: /forget

    Бот не заменяет юриста. Законы меняются — проверяйте у консультанта.

help-text =
    Как пользоваться:
    • { $channel ->
        [telegram] нажимайте кнопки или пишите номер варианта;
       *[other] пишите номер варианта из списка;
    }
    • можно просто написать вопрос своими словами;
    • /menu — главное меню, /language — язык, /human — консультант;
    • /forget — удалить ваши данные, /stop — отписаться и закончить.

stop-text = Вы отписаны от оповещений. Чтобы начать снова, напишите /start.
forget-done = Все ваши данные в боте удалены. Чтобы начать заново, напишите /start.
unknown-command = Такой команды нет. Команды: /menu, /language, /human, /help.
stale-button = Эта кнопка из старого сообщения. Вот где мы сейчас:
# Telegram shows buttons; WhatsApp and the console show numbered lists.
miss-hint = { $channel ->
    [telegram] Не понял. Нажмите кнопку или напишите номер варианта.
   *[other] Не понял. Напишите номер варианта из списка.
}
miss-offer-help = Похоже, я вас не понимаю. Вернуться в главное меню или позвать консультанта?
choice-main-menu = 🏠 Главное меню
choice-consultant = 💬 Консультант
choice-back = ⬅️ Назад

answer-yes = Да
answer-no = Нет
answer-unsure = Не знаю
answer-skip = Пропустить
hint-yesno = Ответьте «Да» или «Нет» — кнопкой или словом.
hint-yesnounsure = Ответьте «Да», «Нет» или «Не знаю».
hint-number = Напишите число от { $min } до { $max }.
hint-text = Напишите ответ текстом.

media-unsupported = Я понимаю только текст и кнопки. Голосовые, фото, стикеры и файлы я прочитать не могу — напишите, пожалуйста, словами.
edited-unsupported = Я отвечаю только на новые сообщения. Напишите, пожалуйста, ещё раз.
input-too-long = Сообщение очень длинное: я прочитаю первые { $max } символов.
error-generic = Что-то пошло не так. Возвращаю вас в главное меню.
section-preparing = Этот раздел скоро появится. Пока вы можете спросить консультанта: /human
delivery-failed = Ваше сообщение не удалось доставить. Попробуйте ещё раз чуть позже.

alerts-menu = Оповещения: короткие сообщения о смене законов и о новых схемах обмана. О чём сообщать?
alerts-kz = 🇰🇿 Работа и жизнь в Казахстане
alerts-abroad = ✈️ Работа за границей
alerts-off = 🔕 Отписаться от всего
alerts-subscribed = Готово, вы подписаны. Отписаться: /stop
alerts-unsubscribed = Вы отписаны от оповещений.
