# Alerts (src/alerts/): the line every alert ends with, in the user's language.
# native review
alert-optout = /stop — мындан ары билдирүү албоо

## Кызматкерлер үчүн /alert устасы (src/alerts/wizard/) жана жөнөтүү картасы (card.ts).
# native review
alw-cancel = ✖ Жокко чыгаруу
# native review
alw-cancelled = Жокко чыгарылды: кабарлама жөнөтүлгөн жок. /alert — жаңысын баштоо.
# native review
alw-audience-choose = Жаңы кабарлама. 1/4-кадам: кимге? Сегментти тандаңыз.
# native review
alw-all-langs = Бардык тилдер
# native review
alw-all-channels = Бардык каналдар
# REVIEW: native speaker
alw-all-sources = Бардык булактар
# native review
alw-next-texts = Андан ары: тексттер ▶
# native review
alw-audience =
    Аудитория: { $audience }
    Алуучулар: { $count }
    { $breakdown }

    Тил, канал же булак (кайдан келгени) боюнча тарытыңыз, же андан ары өтүңүз.
# native review
alw-texts-ask = 2/4-кадам: текстти жазыңыз, ар бир тилге бир билдирүү ({ $langs }). Билдирүүнү тил коду менен баштаңыз, мисалы «uz: ...». Кодсуз бул { $lang } тексти.
# native review
alw-texts-missing = { $lang } үчүн азырынча текст жок: аны жазыңыз («{ $lang }: » менен баштаңыз) же бул топко башка тилдеги текстти жөнөтүңүз.
# native review
alw-text-own = ✅ { $lang }: өз тексти
# native review
alw-text-borrowed = ↪️ { $lang }: { $from } текстин алат
# native review
alw-text-missing = ❌ { $lang }: текст жок
# native review
alw-use = { $lang } { $from } текстин алат
# native review
alw-texts-ready = Ар бир тилдин тексти бар. Жаңы билдирүү менен каалаганын алмаштырса болот.
# native review
alw-preview = Андан ары: алдын ала көрүү ▶
# native review
alw-too-long = { $lang } тексти өтө узун: жазылуудан баш тартуу сабы менен { $length } белги, чеги { $limit }. Кыскартып, кайра жөнөтүңүз.
# native review
alw-preview-head = 3/4-кадам: { $lang } · { $count } алуучу так ушуну алат:
# native review
alw-preview-next = Кабарлама толугу менен ушул. Өзүңүзгө текшерип, качан жөнөтөөрүн тандаңыз.
# native review
alw-test = 📨 Мага сыноо
# native review
alw-tested = Сыноо жогоруда сизге жөнөтүлдү. Качан жөнөтүү керек?
# native review
alw-now = Азыр жөнөтүү
# native review
alw-later = Белгиленген убакта…
# native review
alw-when-ask = 4/4-кадам: качан? Убакытты жазыңыз ({ $tz }), мисалы 18:30 же 2026-12-03 09:00.
# native review
alw-when-bad = Убакытты мындай жазыңыз: 18:30 же 2026-12-03 09:00 ({ $tz }).
# native review
alw-when-past = Бул убакыт өтүп кетти ({ $tz }): кечирээк убакыт жазыңыз.
# native review
alw-when-now = азыр
# native review
alw-confirm =
    Кабарламаны жөнөтөбүзбү?
    Аудитория: { $audience }
    Алуучулар: { $count }
    Качан: { $when }
# native review
alw-send = ✅ { $count } алуучуга жөнөтүү
# native review
alc-pause = ⏸ Тыныгуу
# native review
alc-resume = ▶ Улантуу
# native review
alc-cancel = ✖ Токтотуу
# native review
alc-not-now = Азыр мүмкүн эмес.
# native review
alc-state-queued = күтүүдө
# native review
alc-state-sending = жөнөтүлүүдө
# native review
alc-state-paused = тыныгууда
# native review
alc-state-cancelled = токтотулду
# native review
alc-state-done = бүттү
# native review
alc-card =
    Кабарлама { $id } · { $state }
    { $bar }
    Жөнөтүлдү { $sent } · ката { $failed } · бөгөттөгөн { $blocked } · калды { $left } / { $total }
    { $rate }/с · бүтүшү { $eta ->
        [0] —
       *[other] ~{ $eta } мүн
    }
# native review
alc-report =
    Кабарлама { $id }: { $state }
    Аудитория: { $audience }
    Жөнөтүлдү { $sent } / { $total } · ката { $failed } · бөгөттөгөн { $blocked } · жөнөтүлгөн жок { $left }
    { $minutes } мүнөттө
