# Telegram арнасы (src/channels/telegram): командалар мәзірі және түймелерге жауаптар.

## Telegram-дағы «/» мәзіріндегі командалар сипаттамасы (setMyCommands).
tg-cmd-start = Қайта бастау
tg-cmd-menu = Басты мәзір
tg-cmd-language = Тілді ауыстыру
tg-cmd-help = Көмек
tg-cmd-human = Кеңесшімен сөйлесу
# REVIEW: native speaker
tg-cmd-stop = Ағымдағы сөйлесуді тоқтату
tg-cmd-forget = Деректерімді жою

## Басылған түймеге қысқа жауаптар (answerCallbackQuery, 200 таңбадан аспайды).
tg-callback-invalid = Бұл түйме жұмыс істемейді. Мәзірді ашу үшін /menu жіберіңіз.
# REVIEW: native speaker
tg-callback-expired = Бұл түйме ескірген. Мәзірді ашу үшін /menu жіберіңіз.

## Бот қосылған топта бір рет айтылады (бот тек жеке чаттарда жұмыс істейді).
# REVIEW: native speaker
tg-private-only = Мен тек жеке чаттарда жұмыс істеймін. Маған тікелей жазыңыз: @{ $bot }
