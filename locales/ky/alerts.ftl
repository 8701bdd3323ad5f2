# Alerts (src/alerts/): the line every alert ends with, in the user's language.
# REVIEW: native speaker
alert-optout = /stop — мындан ары билдирүү албоо

## Кызматкерлер үчүн /alert устасы (src/alerts/wizard/) жана жөнөтүү картасы (card.ts).
# REVIEW: native speaker
alw-cancel = ✖ Жокко чыгаруу
# REVIEW: native speaker
alw-cancelled = Жокко чыгарылды: кабарлама жөнөтүлгөн жок. /alert — жаңысын баштоо.
# REVIEW: native speaker
alw-audience-choose = Жаңы кабарлама. 1/4-кадам: кимге? Сегментти тандаңыз.
# REVIEW: native speaker
alw-all-langs = Бардык тилдер
# REVIEW: native speaker
alw-all-channels = Бардык каналдар
# REVIEW: native speaker
alw-all-sources = Бардык булактар
# REVIEW: native speaker
alw-next-texts = Андан ары: тексттер ▶
# REVIEW: native speaker
alw-audience =
    Аудитория: { $audience }
    Алуучулар: { $count }
    { $breakdown }

    Тил, канал же булак (кайдан келгени) боюнча тарытыңыз, же андан ары өтүңүз.
# REVIEW: native speaker
alw-texts-ask = 2/4-кадам: текстти жазыңыз, ар бир тилге бир билдирүү ({ $langs }). Билдирүүнү тил коду менен баштаңыз, мисалы «uz: ...». Кодсуз бул { $lang } тексти.
# REVIEW: native speaker
alw-texts-missing = { $lang } үчүн азырынча текст жок: аны жазыңыз («{ $lang }: » менен баштаңыз) же бул топко башка тилдеги текстти жөнөтүңүз.
# REVIEW: native speaker
alw-text-own = ✅ { $lang }: өз тексти
# REVIEW: native speaker
alw-text-borrowed = ↪️ { $lang }: { $from } текстин алат
# REVIEW: native speaker
alw-text-missing = ❌ { $lang }: текст жок
# REVIEW: native speaker
alw-use = { $lang } { $from } текстин алат
# REVIEW: native speaker
alw-texts-ready = Ар бир тилдин тексти бар. Жаңы билдирүү менен каалаганын алмаштырса болот.
# REVIEW: native speaker
alw-preview = Андан ары: алдын ала көрүү ▶
# REVIEW: native speaker
alw-too-long = { $lang } тексти өтө узун: жазылуудан баш тартуу сабы менен { $length } белги, чеги { $limit }. Кыскартып, кайра жөнөтүңүз.
# REVIEW: native speaker
alw-preview-head = 3/4-кадам: { $lang } · { $count } алуучу так ушуну алат:
# REVIEW: native speaker
alw-preview-next = Кабарлама толугу менен ушул. Өзүңүзгө текшерип, качан жөнөтөөрүн тандаңыз.
# REVIEW: native speaker
alw-preview-wa-template = WhatsApp: ушул { $count } адамдын 24 саат жазбагандары аны { $name } эскертүү шаблону катары алышат.
# REVIEW: native speaker
alw-preview-wa-no-template = WhatsApp: { $lang } тили үчүн эскертүү шаблону жок (WHATSAPP_ALERT_TEMPLATES). Ушул { $count } адамдын 24 саат жазбагандары жазуу өтүнүчүн гана, ал эми эскертүүнү жазганда алышат.
# REVIEW: native speaker
alw-test = 📨 Мага сыноо
# REVIEW: native speaker
alw-tested = Сыноо жогоруда сизге жөнөтүлдү. Качан жөнөтүү керек?
# REVIEW: native speaker
alw-now = Азыр жөнөтүү
# REVIEW: native speaker
alw-later = Белгиленген убакта…
# REVIEW: native speaker
alw-when-ask = 4/4-кадам: качан? Убакытты жазыңыз ({ $tz }), мисалы 18:30 же 2026-12-03 09:00.
# REVIEW: native speaker
alw-when-bad = Убакытты мындай жазыңыз: 18:30 же 2026-12-03 09:00 ({ $tz }).
# REVIEW: native speaker
alw-when-past = Бул убакыт өтүп кетти ({ $tz }): кечирээк убакыт жазыңыз.
# REVIEW: native speaker
alw-when-now = азыр
# REVIEW: native speaker
alw-confirm =
    Кабарламаны жөнөтөбүзбү?
    Аудитория: { $audience }
    Алуучулар: { $count }
    Качан: { $when }
# REVIEW: native speaker
alw-send = ✅ { $count } алуучуга жөнөтүү
# REVIEW: native speaker
alc-pause = ⏸ Тыныгуу
# REVIEW: native speaker
alc-resume = ▶ Улантуу
# REVIEW: native speaker
alc-cancel = ✖ Токтотуу
# REVIEW: native speaker
alc-not-now = Азыр мүмкүн эмес.
# REVIEW: native speaker
alc-state-queued = күтүүдө
# REVIEW: native speaker
alc-state-sending = жөнөтүлүүдө
# REVIEW: native speaker
alc-state-paused = тыныгууда
# REVIEW: native speaker
alc-state-cancelled = токтотулду
# REVIEW: native speaker
alc-state-done = бүттү
# REVIEW: native speaker
alc-card =
    Кабарлама { $id } · { $state }
    { $bar }
    Жөнөтүлдү { $sent } · ката { $failed } · бөгөттөгөн { $blocked } · калды { $left } / { $total }
    { $rate }/с · бүтүшү { $eta ->
        [0] —
       *[other] ~{ $eta } мүн
    }
# REVIEW: native speaker
alc-report =
    Кабарлама { $id }: { $state }
    Аудитория: { $audience }
    Жөнөтүлдү { $sent } / { $total } · ката { $failed } · бөгөттөгөн { $blocked } · жөнөтүлгөн жок { $left }
    { $minutes } мүнөттө
