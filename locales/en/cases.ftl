## Hotline handoff (cases module).
## User-facing texts are translated into all six languages.
## Staff-facing texts (case-staff-*, case-desk-*) are shown only in HOTLINE_STAFF_LANG (ru or en);
## the other languages carry a Russian copy so every id exists everywhere.

## --- the user's side ---

case-intro-shared = A hotline consultant will see: your language, the messenger you use, what you told the bot in this conversation (for example, answers of a job check) and the description you write now. Your phone number is not shown unless you allow it.
case-describe-ask = Describe in a few words what happened and what help you need. Or press "Skip".
case-describe-text = Please write it as a text message, or press "Skip".
case-skip = Skip
case-off-hours =
    Consultants are not at work right now (working hours: { $hours }).
    You will get an answer { $when ->
        [today] today after { $time }
        [tomorrow] tomorrow after { $time }
        [d1] on Monday after { $time }
        [d2] on Tuesday after { $time }
        [d3] on Wednesday after { $time }
        [d4] on Thursday after { $time }
        [d5] on Friday after { $time }
        [d6] on Saturday after { $time }
       *[d7] on Sunday after { $time }
    }.
    If you are in danger right now: { $contacts }
case-contact-ask = May the consultant see your phone number or messenger account, to reach you if the chat breaks? Without your permission they will not see it.
case-contact-yes = Yes, allow
case-contact-no = No
case-contact-hint = Please answer "yes" or "no".
case-opened = Your request #{ $id } has been passed to the hotline. A consultant will write to you here. Everything you send now goes to the consultant. To leave the chat, send /menu.
case-added = You already have request #{ $id }: your messages are added to it and go to the consultant. To leave the chat, send /menu.
case-already-open = You are already in touch with the hotline (request #{ $id }). Just write your message here.
case-chat-reminder = You are in a chat with a consultant (request #{ $id }): please write your message. To leave the chat, send /menu.
case-left = You left the chat with the consultant (request #{ $id }). The consultant may still write to you here. To ask again, send /human.
case-user-joined = A hotline consultant has joined the chat. You can write to them here.
case-user-closed = The consultant has closed request #{ $id }. If you need help again, send /human.
case-user-reopened = The consultant has reopened your request #{ $id }. Your messages go to the consultant again.
case-feedback-ask = How helpful was this conversation? Choose from 1 (not at all) to 5 (very helpful).
case-feedback-thanks = Thank you for your answer!
# Phrases that end the chat with the consultant, comma-separated (whole message, any case).
case-end-words = end chat, finish chat, stop chat, leave chat, end the chat, close chat

## Canned replies for consultants (/tpl name), sent in the user's language.
case-tpl-hello = Hello! I am a hotline consultant. How can I help you?
case-tpl-wait = Thank you, I am checking the information. Please wait a few minutes.
case-tpl-safe = Are you safe right now? Can you write freely, or can someone else see your phone?
case-tpl-docs = If you can, send a photo of the document (contract, passport page, registration). You may cover the details you do not want to share.
case-tpl-call = You can also call the hotline: { $phone }.
case-tpl-bye = Thank you for contacting us. If you need help again, write here at any time.

## --- the staff side (HOTLINE_STAFF_LANG) ---

case-staff-topic = #{ $id } · { $lang }{ $urgent ->
        [yes] {" · "}urgent
       *[no] {""}
    } · { $reason }
case-staff-reason = { $reason ->
        [menu] from the menu
        [command] /human
        [job-check] job check
        [danger] danger words
        [misunderstood] not understood
       *[article] after an article
    }
case-staff-card =
    Case #{ $id }
    Language: { $lang }
    Channel: { $channel }
    Priority: { $priority ->
        [urgent] ❗ urgent
       *[normal] normal
    }
    Reason: { $reason }
    Status: { $status ->
        [waiting] waiting for a consultant
        [assigned] with { $assignee }
       *[closed] closed ({ $outcome })
    }
    Contact: { $contact }
case-staff-contact-hidden = hidden (the user did not agree)
case-staff-summary = Summary:
case-staff-var = { $name ->
        [danger] Danger words
        [kb_article] Article read
        [scr_risk] Job check risk
        [scr_flags] Red flags
        [scr_result] Job check answers
       *[other] { $name }
    }
case-staff-desc = User's description:
case-staff-btn-take = ✋ Take
case-staff-btn-over = 🔁 Take over
case-staff-btn-close = ✅ Close
case-staff-outcome = { $outcome ->
        [info] information given
        [referred] referred to a partner
        [trafficking] trafficking suspected
        [no-reply] no reply from the user
       *[other] other
    }
case-staff-close-ask = Outcome of case #{ $id }?
case-staff-taken = { $name } took the case. Their messages in this topic go to the user; other messages stay internal.
case-staff-transferred = { $name } took over the case from { $from }.
case-staff-has-it = { $name } already has this case.
case-staff-yours = You already have this case.
case-staff-is-closed = The case is closed.
case-staff-not-allowed = Only hotline consultants can do this.
case-staff-closed = { $name } closed the case: { $outcome ->
        [info] information given
        [referred] referred to a partner
        [trafficking] trafficking suspected
        [no-reply] no reply from the user
       *[other] other
    }.
case-staff-reopened = { $name } reopened the case.
case-staff-forgotten = The user deleted their data (/forget): this case and its transcript are gone; please close the topic.
case-staff-user-left = The user left the chat.
case-staff-again = The user asked for a consultant again.
case-staff-feedback = The user rated the conversation { $score } of 5.
case-staff-blocked = Not delivered: the user has blocked the bot.
case-staff-undelivered = Not delivered to the user. Try again later.
case-staff-user-says = 👤 { $text }
case-staff-user-media = 👤 [{ $kind }] { $text }
case-staff-media-not-sent = The user's messenger cannot receive this file: only its caption was sent.
case-staff-sla = ⏰ Case #{ $id } has waited { $minutes } min and nobody has taken it.
case-staff-sla-admins = ⚠️ Admins: case #{ $id } is still waiting after { $minutes } min. { $mentions }
case-staff-tpl-list = Canned replies: { $names }. Send /tpl name.
case-staff-tpl-unknown = There is no canned reply "{ $name }". Available: { $names }.
case-staff-not-assignee = Only the consultant who has the case can send to the user. Take it first (the button, or /transfer).
case-staff-no-case = This topic is not linked to a case.
case-staff-reopen-busy = The user has another open case; this one cannot be reopened.
case-staff-reopen-open = The case is not closed.
case-staff-note-empty = Write the note after the command: /note text
case-staff-list =
    Open cases:
    { $lines }
case-staff-topic-missing = The topic of this case is gone; the case itself is still there (/cases).
case-staff-help = In a case topic: /note text — internal note; /tpl name — canned reply; /transfer — take the case over; /close — close with an outcome; /reopen — reopen. In the general topic: /cases lists the open cases.

## --- jol desk (terminal) ---

case-desk-title = Jol desk: open cases (Redis). Commands: /list, /take N, /show N, /note text, /tpl name, /transfer, /close outcome, /reopen N, /help, /quit. Any other line goes to the user of the current case.
case-desk-empty = No open cases.
case-desk-line = #{ $id } { $status } { $priority } { $lang } { $channel } { $reason } { $age } min
case-desk-taken = You have case #{ $id }. What you type now goes to the user; /note text is internal; /close OUTCOME ends it.
case-desk-pick = Take or show a case first: /take N or /show N
case-desk-outcomes = Outcomes: info, referred, trafficking, no-reply, other
case-desk-unknown = Unknown command. Type help.
case-desk-sent = sent
case-desk-internal = not sent: you do not have this case (saved as an internal note)
