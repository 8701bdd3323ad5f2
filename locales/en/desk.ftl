## Words around the consultants' desk: the label of a consultant's messages, staff words.

# Before a consultant's own words where every message looks the same (the console): "Консультант: …".
case-from-consultant = Consultant

# Staff words (shown only in HOTLINE_STAFF_LANG, ru or en; other languages carry the Russian copy).
# The user's language next to the channel's name: never "TG", which reads as Telegram.
case-staff-lang = { $lang ->
        [ru] Russian
        [kk] Kazakh
        [uz] Uzbek
        [ky] Kyrgyz
        [tg] Tajik
       *[en] English
    }
case-staff-status = { $status ->
        [waiting] waiting
        [assigned] assigned
       *[closed] closed
    }
case-staff-priority = { $priority ->
        [urgent] urgent
       *[normal] normal
    }
