# Канали Telegram (src/channels/telegram): менюи фармонҳо ва ҷавобҳо ба тугмаҳо.

## Тавсифи фармонҳо дар менюи «/»-и Telegram (setMyCommands).
tg-cmd-start = Аз нав оғоз кардан
tg-cmd-menu = Менюи асосӣ
tg-cmd-language = Иваз кардани забон
tg-cmd-help = Кӯмак
tg-cmd-human = Бо мушовир гап задан
# REVIEW: native speaker
tg-cmd-stop = Қатъ кардани сӯҳбати ҷорӣ
tg-cmd-forget = Нест кардани маълумоти ман

## Ҷавобҳои кӯтоҳ ба тугмаи пахшшуда (answerCallbackQuery, на зиёда аз 200 аломат).
# REVIEW: native speaker
tg-callback-invalid = Ин тугма кор намекунад. Барои кушодани меню /menu фиристед.
# REVIEW: native speaker
tg-callback-expired = Ин тугма кӯҳна шудааст. Барои кушодани меню /menu фиристед.

## Дар гурӯҳе, ки ботро илова карданд, як бор гуфта мешавад (бот танҳо дар чатҳои шахсӣ кор мекунад).
# REVIEW: native speaker
tg-private-only = Ман танҳо дар чатҳои шахсӣ кор мекунам. Лутфан ба ман бевосита нависед: @{ $bot }
