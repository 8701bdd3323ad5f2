## Core texts: language, main menu, help, privacy, errors.
## Variables available everywhere: $hotlinePhone, $hotlineHours, $emergency, $sessionDays, $retentionDays.

language-name = English
language-choose = Choose your language · Выберите язык · Тілді таңдаңыз · Tilni tanlang · Тилди тандаңыз · Забонро интихоб кунед
# Telegram shows buttons; WhatsApp and the console show numbered lists.
language-hint = { $channel ->
    [telegram] Press a button or type the number of a language.
   *[other] Type the number of a language from the list.
}
language-set = OK, I will write in English. To change the language: /language

main-menu = Jol is a help desk for labour migrants. Choose a section or just type your question.
main-coming = 🇰🇿 Coming to Kazakhstan
main-abroad = ✈️ Working abroad
main-job = 🔍 Check a job offer
main-consultant = 💬 Talk to a consultant
main-alerts = 🔔 Alerts
main-language = 🌐 Language · Язык · Til
main-about = ℹ️ About the bot and your data

about-text =
    Jol is a free help desk for labour migrants in Kazakhstan and for Kazakhstanis going to work abroad. A non-profit organisation runs it.

    What we keep: your language, where you are in the menu, and your answers while you do a check. All of it is deleted after { $sessionDays } days without activity. A conversation with a consultant is kept for { $retentionDays } days after the case is closed.
    The consultant does not see your phone number unless you agree.
    To delete everything now: /forget

    The bot is not a lawyer. Laws change — check with a consultant.

help-text =
    How to use:
    • { $channel ->
        [telegram] press the buttons or type the number of an option;
       *[other] type the number of an option from the list;
    }
    • you can also just type your question in your own words;
    • /menu — main menu, /language — language, /human — a consultant;
    • /forget — delete your data, /stop — unsubscribe and finish.

stop-text = You are unsubscribed from alerts. To start again, type /start.
forget-done = All your data in the bot has been deleted. To start again, type /start.
unknown-command = There is no such command. Commands: /menu, /language, /human, /help.
stale-button = That button is from an old message. Here is where we are now:
# Telegram shows buttons; WhatsApp and the console show numbered lists.
miss-hint = { $channel ->
    [telegram] I did not understand. Press a button or type the number of an option.
   *[other] I did not understand. Type the number of an option from the list.
}
miss-offer-help = It seems I cannot understand you. Go back to the main menu or call a consultant?
choice-main-menu = 🏠 Main menu
choice-consultant = 💬 Consultant
choice-back = ⬅️ Back

answer-yes = Yes
answer-no = No
answer-unsure = Not sure
answer-skip = Skip
hint-yesno = Answer "Yes" or "No" — with a button or a word.
hint-yesnounsure = Answer "Yes", "No" or "Not sure".
hint-number = Type a number from { $min } to { $max }.
hint-text = Please type your answer as text.

media-unsupported = I understand only text and buttons. I cannot read voice messages, photos, stickers or files — please write in words.
edited-unsupported = I only answer new messages. Please write it again.
input-too-long = That message is very long: I will read the first { $max } characters.
error-generic = Something went wrong. I am taking you back to the main menu.
section-preparing = This section is coming soon. Meanwhile you can ask a consultant: /human
delivery-failed = Your message could not be delivered. Please try again a little later.

alerts-menu = Alerts: short messages about law changes and new scams. What should we tell you about?
alerts-kz = 🇰🇿 Work and life in Kazakhstan
alerts-abroad = ✈️ Working abroad
alerts-off = 🔕 Unsubscribe from everything
alerts-subscribed = Done, you are subscribed. To unsubscribe: /stop
alerts-unsubscribed = You are unsubscribed from alerts.
