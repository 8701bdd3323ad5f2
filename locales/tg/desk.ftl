## Мизи мушовирон: нишонаи паёми мушовир, калимаҳо барои кормандон.

# Before a consultant's own words where every message looks the same (the console): "Консультант: …".
# REVIEW: native speaker
case-from-consultant = Мушовир

# Staff words (shown only in HOTLINE_STAFF_LANG, ru or en; other languages carry the Russian copy).
# The user's language next to the channel's name: never "TG", which reads as Telegram.
case-staff-lang = { $lang ->
        [ru] рус.
        [kk] каз.
        [uz] узб.
        [ky] кырг.
        [tg] тадж.
       *[en] англ.
    }
case-staff-status = { $status ->
        [waiting] ждёт
        [assigned] в работе
       *[closed] закрыто
    }
case-staff-priority = { $priority ->
        [urgent] срочно
       *[normal] обычное
    }
