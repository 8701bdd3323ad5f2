# Alerts (src/alerts/): the line every alert ends with, in the user's language.
alert-optout = /stop — no more alerts

## The staff's /alert wizard in Telegram (src/alerts/wizard/) and the progress card (card.ts).
alw-cancel = ✖ Cancel
alw-cancelled = Cancelled: the alert is not sent. /alert starts a new one.
alw-audience-choose = New alert. Step 1 of 4: who gets it? Choose a segment.
alw-all-langs = All languages
alw-all-channels = All channels
alw-all-sources = All sources
alw-next-texts = Next: texts ▶
alw-audience =
    Audience: { $audience }
    Recipients: { $count }
    { $breakdown }

    Narrow it by language, channel or source (where they came from), or go on.
alw-texts-ask = Step 2 of 4: write the alert, one message per language ({ $langs }). Start a message with its language code, like "uz: ...". Without a code it is the { $lang } text.
alw-texts-missing = No text for { $lang } yet: write it (start with "{ $lang }: ") or send them another language's text.
alw-text-own = ✅ { $lang }: own text
alw-text-borrowed = ↪️ { $lang }: gets the { $from } text
alw-text-missing = ❌ { $lang }: no text
alw-use = { $lang } gets the { $from } text
alw-texts-ready = Every language has a text. You can still send a message to replace one.
alw-preview = Next: preview ▶
alw-too-long = The { $lang } text is too long: { $length } characters with the opt-out line, the limit is { $limit }. Shorten it and send it again.
alw-preview-head = Step 3 of 4: { $lang } · { $count } recipients get exactly this:
alw-preview-next = That is the whole alert. Test it on yourself, then choose when to send.
alw-preview-wa-template = WhatsApp: those of these { $count } who have not written for 24 hours get it as the alert template { $name }.
alw-preview-wa-no-template = WhatsApp: there is no alert template for { $lang } (WHATSAPP_ALERT_TEMPLATES). Those of these { $count } who have not written for 24 hours get only a note to write, and the alert when they do.
alw-test = 📨 Test send to me
alw-tested = Test sent to you above. When to send?
alw-now = Send now
alw-later = At a time…
alw-when-ask = Step 4 of 4: when? Write the time ({ $tz }) like 18:30 or 2026-12-03 09:00.
alw-when-bad = Write the time like 18:30 or 2026-12-03 09:00 ({ $tz }).
alw-when-past = That time has passed ({ $tz }): write a later one.
alw-when-now = now
alw-confirm =
    Send this alert?
    Audience: { $audience }
    Recipients: { $count }
    When: { $when }
alw-send = ✅ Send to { $count }
alc-pause = ⏸ Pause
alc-resume = ▶ Resume
alc-cancel = ✖ Stop
alc-not-now = Not possible in this state.
alc-state-queued = waiting
alc-state-sending = sending
alc-state-paused = paused
alc-state-cancelled = stopped
alc-state-done = done
alc-card =
    Alert { $id } · { $state }
    { $bar }
    Sent { $sent } · failed { $failed } · blocked { $blocked } · left { $left } of { $total }
    { $rate }/s · finish in { $eta ->
        [0] —
       *[other] ~{ $eta } min
    }
alc-report =
    Alert { $id }: { $state }
    Audience: { $audience }
    Sent { $sent } of { $total } · failed { $failed } · blocked { $blocked } · not sent { $left }
    In { $minutes } min
