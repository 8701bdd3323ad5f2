# Alerts (src/alerts/): the line every alert ends with, in the user's language.
# REVIEW: native speaker
alert-optout = /stop — дигар огоҳинома нагирифтан

## Устоди /alert барои кормандон (src/alerts/wizard/) ва корти фиристодан (card.ts).
# REVIEW: native speaker
alw-cancel = ✖ Бекор кардан
# REVIEW: native speaker
alw-cancelled = Бекор шуд: огоҳӣ фиристода нашуд. /alert — оғози огоҳии нав.
# REVIEW: native speaker
alw-audience-choose = Огоҳии нав. Қадами 1 аз 4: ба кӣ? Сегментро интихоб кунед.
# REVIEW: native speaker
alw-all-langs = Ҳамаи забонҳо
# REVIEW: native speaker
alw-all-channels = Ҳамаи каналҳо
# REVIEW: native speaker
alw-all-sources = Ҳамаи манбаъҳо
# REVIEW: native speaker
alw-next-texts = Минбаъд: матнҳо ▶
# REVIEW: native speaker
alw-audience =
    Аудитория: { $audience }
    Гирандагон: { $count }
    { $breakdown }

    Аз рӯи забон, канал ё манбаъ (аз куҷо омаданд) маҳдуд кунед, ё идома диҳед.
# REVIEW: native speaker
alw-texts-ask = Қадами 2 аз 4: матнро нависед, барои ҳар забон як паём ({ $langs }). Паёмро бо рамзи забон оғоз кунед, масалан «uz: ...». Бе рамз ин матни { $lang } аст.
# REVIEW: native speaker
alw-texts-missing = Барои { $lang } ҳоло матн нест: онро нависед (бо «{ $lang }: » оғоз кунед) ё ба ин гурӯҳ матни забони дигарро фиристед.
# REVIEW: native speaker
alw-text-own = ✅ { $lang }: матни худ
# REVIEW: native speaker
alw-text-borrowed = ↪️ { $lang }: матни { $from }-ро мегирад
# REVIEW: native speaker
alw-text-missing = ❌ { $lang }: матн нест
# REVIEW: native speaker
alw-use = { $lang } матни { $from }-ро гирад
# REVIEW: native speaker
alw-texts-ready = Ҳар забон матн дорад. Бо паёми нав ҳар кадомашро иваз кардан мумкин аст.
# REVIEW: native speaker
alw-preview = Минбаъд: пешнамоиш ▶
# REVIEW: native speaker
alw-too-long = Матни { $lang } хеле дароз аст: бо сатри бекоркунии обуна { $length } аломат, ҳад { $limit }. Кӯтоҳ карда, аз нав фиристед.
# REVIEW: native speaker
alw-preview-head = Қадами 3 аз 4: { $lang } · { $count } гиранда маҳз инро мегиранд:
# REVIEW: native speaker
alw-preview-next = Огоҳӣ пурра ҳамин аст. Дар худатон санҷед ва вақти фиристоданро интихоб кунед.
# REVIEW: native speaker
alw-preview-wa-template = WhatsApp: аз ин { $count } нафар онҳое, ки 24 соат нанавиштаанд, онро ҳамчун қолаби огоҳии { $name } мегиранд.
# REVIEW: native speaker
alw-preview-wa-no-template = WhatsApp: барои забони { $lang } қолаби огоҳӣ нест (WHATSAPP_ALERT_TEMPLATES). Аз ин { $count } нафар онҳое, ки 24 соат нанавиштаанд, танҳо хоҳиши навиштанро мегиранд, огоҳиро бошад — вақте ки нависанд.
# REVIEW: native speaker
alw-test = 📨 Санҷиш ба ман
# REVIEW: native speaker
alw-tested = Санҷиш дар боло ба шумо фиристода шуд. Кай фиристем?
# REVIEW: native speaker
alw-now = Ҳозир фиристодан
# REVIEW: native speaker
alw-later = Дар вақти муайян…
# REVIEW: native speaker
alw-when-ask = Қадами 4 аз 4: кай? Вақтро нависед ({ $tz }), масалан 18:30 ё 2026-12-03 09:00.
# REVIEW: native speaker
alw-when-bad = Вақтро чунин нависед: 18:30 ё 2026-12-03 09:00 ({ $tz }).
# REVIEW: native speaker
alw-when-past = Ин вақт гузаштааст ({ $tz }): вақти дертарро нависед.
# REVIEW: native speaker
alw-when-now = ҳозир
# REVIEW: native speaker
alw-confirm =
    Огоҳиро фиристем?
    Аудитория: { $audience }
    Гирандагон: { $count }
    Кай: { $when }
# REVIEW: native speaker
alw-send = ✅ Ба { $count } нафар фиристодан
# REVIEW: native speaker
alc-pause = ⏸ Таваққуф
# REVIEW: native speaker
alc-resume = ▶ Идома додан
# REVIEW: native speaker
alc-cancel = ✖ Қатъ кардан
# REVIEW: native speaker
alc-not-now = Ҳоло ин имконнопазир аст.
# REVIEW: native speaker
alc-state-queued = дар интизорӣ
# REVIEW: native speaker
alc-state-sending = фиристода мешавад
# REVIEW: native speaker
alc-state-paused = дар таваққуф
# REVIEW: native speaker
alc-state-cancelled = қатъ шуд
# REVIEW: native speaker
alc-state-done = анҷом ёфт
# REVIEW: native speaker
alc-card =
    Огоҳӣ { $id } · { $state }
    { $bar }
    Фиристода шуд { $sent } · хато { $failed } · бастанд { $blocked } · монд { $left } / { $total }
    { $rate }/с · анҷом { $eta ->
        [0] —
       *[other] ~{ $eta } дақ
    }
# REVIEW: native speaker
alc-report =
    Огоҳӣ { $id }: { $state }
    Аудитория: { $audience }
    Фиристода шуд { $sent } / { $total } · хато { $failed } · бастанд { $blocked } · фиристода нашуд { $left }
    Дар { $minutes } дақиқа
