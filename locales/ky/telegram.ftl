# Telegram каналы (src/channels/telegram): буйруктар менюсу жана баскычтарга жооптор.

## Telegramдагы «/» менюсундагы буйруктардын сүрөттөмөсү (setMyCommands).
tg-cmd-start = Кайра баштоо
tg-cmd-menu = Башкы меню
tg-cmd-language = Тилди алмаштыруу
tg-cmd-help = Жардам
tg-cmd-human = Кеңешчи менен сүйлөшүү
# REVIEW: native speaker
tg-cmd-stop = Учурдагы сүйлөшүүнү токтотуу
tg-cmd-forget = Маалыматтарымды өчүрүү

## Басылган баскычка кыска жооптор (answerCallbackQuery, 200 белгиден ашпайт).
# REVIEW: native speaker
tg-callback-invalid = Бул баскыч иштебейт. Менюну ачуу үчүн /menu жөнөтүңүз.
# REVIEW: native speaker
tg-callback-expired = Бул баскыч эскирип калган. Менюну ачуу үчүн /menu жөнөтүңүз.

## Бот кошулган топто бир жолу айтылат (бот жеке баарлашууда гана иштейт).
# REVIEW: native speaker
tg-private-only = Мен жеке баарлашууда гана иштейм. Мага түз жазыңыз: @{ $bot }
