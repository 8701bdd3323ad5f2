# Alerts (src/alerts/): the line every alert ends with, in the user's language.
# native review
alert-optout = /stop — дигар огоҳинома нагирифтан

## Устоди /alert барои кормандон (src/alerts/wizard/) ва корти фиристодан (card.ts).
# native review
alw-cancel = ✖ Бекор кардан
# native review
alw-cancelled = Бекор шуд: огоҳӣ фиристода нашуд. /alert — оғози огоҳии нав.
# native review
alw-audience-choose = Огоҳии нав. Қадами 1 аз 4: ба кӣ? Сегментро интихоб кунед.
# native review
alw-all-langs = Ҳамаи забонҳо
# native review
alw-all-channels = Ҳамаи каналҳо
# REVIEW: native speaker
alw-all-sources = Ҳамаи манбаъҳо
# native review
alw-next-texts = Минбаъд: матнҳо ▶
# native review
alw-audience =
    Аудитория: { $audience }
    Гирандагон: { $count }
    { $breakdown }

    Аз рӯи забон, канал ё манбаъ (аз куҷо омаданд) маҳдуд кунед, ё идома диҳед.
# native review
alw-texts-ask = Қадами 2 аз 4: матнро нависед, барои ҳар забон як паём ({ $langs }). Паёмро бо рамзи забон оғоз кунед, масалан «uz: ...». Бе рамз ин матни { $lang } аст.
# native review
alw-texts-missing = Барои { $lang } ҳоло матн нест: онро нависед (бо «{ $lang }: » оғоз кунед) ё ба ин гурӯҳ матни забони дигарро фиристед.
# native review
alw-text-own = ✅ { $lang }: матни худ
# native review
alw-text-borrowed = ↪️ { $lang }: матни { $from }-ро мегирад
# native review
alw-text-missing = ❌ { $lang }: матн нест
# native review
alw-use = { $lang } матни { $from }-ро гирад
# native review
alw-texts-ready = Ҳар забон матн дорад. Бо паёми нав ҳар кадомашро иваз кардан мумкин аст.
# native review
alw-preview = Минбаъд: пешнамоиш ▶
# native review
alw-too-long = Матни { $lang } хеле дароз аст: бо сатри бекоркунии обуна { $length } аломат, ҳад { $limit }. Кӯтоҳ карда, аз нав фиристед.
# native review
alw-preview-head = Қадами 3 аз 4: { $lang } · { $count } гиранда маҳз инро мегиранд:
# native review
alw-preview-next = Огоҳӣ пурра ҳамин аст. Дар худатон санҷед ва вақти фиристоданро интихоб кунед.
# native review
alw-test = 📨 Санҷиш ба ман
# native review
alw-tested = Санҷиш дар боло ба шумо фиристода шуд. Кай фиристем?
# native review
alw-now = Ҳозир фиристодан
# native review
alw-later = Дар вақти муайян…
# native review
alw-when-ask = Қадами 4 аз 4: кай? Вақтро нависед ({ $tz }), масалан 18:30 ё 2026-12-03 09:00.
# native review
alw-when-bad = Вақтро чунин нависед: 18:30 ё 2026-12-03 09:00 ({ $tz }).
# native review
alw-when-past = Ин вақт гузаштааст ({ $tz }): вақти дертарро нависед.
# native review
alw-when-now = ҳозир
# native review
alw-confirm =
    Огоҳиро фиристем?
    Аудитория: { $audience }
    Гирандагон: { $count }
    Кай: { $when }
# native review
alw-send = ✅ Ба { $count } нафар фиристодан
# native review
alc-pause = ⏸ Таваққуф
# native review
alc-resume = ▶ Идома додан
# native review
alc-cancel = ✖ Қатъ кардан
# native review
alc-not-now = Ҳоло ин имконнопазир аст.
# native review
alc-state-queued = дар интизорӣ
# native review
alc-state-sending = фиристода мешавад
# native review
alc-state-paused = дар таваққуф
# native review
alc-state-cancelled = қатъ шуд
# native review
alc-state-done = анҷом ёфт
# native review
alc-card =
    Огоҳӣ { $id } · { $state }
    { $bar }
    Фиристода шуд { $sent } · хато { $failed } · бастанд { $blocked } · монд { $left } / { $total }
    { $rate }/с · анҷом { $eta ->
        [0] —
       *[other] ~{ $eta } дақ
    }
# native review
alc-report =
    Огоҳӣ { $id }: { $state }
    Аудитория: { $audience }
    Фиристода шуд { $sent } / { $total } · хато { $failed } · бастанд { $blocked } · фиристода нашуд { $left }
    Дар { $minutes } дақиқа
