## The staff dashboard (docs/dashboard.md): staff words, shown in HOTLINE_STAFF_LANG (ru or en) with a switch.

# The bot's answer to /web from an operator or admin.
web-link-message = Your dashboard link (valid { $minutes } minutes, works once): { $url }
    Do not forward it.

web-p-overview = Overview
web-p-knowledge = Knowledge
web-p-checks = Job checks
web-p-hotline = Hotline
web-p-alerts = Alerts
web-p-content = Content health
web-p-report = Month report

web-signout = Sign out
web-signin-title = Sign in to the Jol dashboard
web-signin-button = Sign in
web-signin-needed = Please sign in
web-signin-needed-text = Send /web to the bot in a private chat: it answers with a one-time link (operators and admins only).
web-link-bad = This link does not work
web-link-bad-text = The link was already used, has expired (after 10 minutes) or is wrong. Send /web to the bot again for a new one.
web-too-many = Too many attempts
web-too-many-text = Too many sign-in attempts from here. Wait a minute, then open a new link.
web-admins-only = Admins only
web-admins-only-text = This page is for admins (TELEGRAM_ADMIN_IDS).

web-from = From
web-to = To
web-month = Month
web-show = Show
web-print = Print
web-csv = CSV
web-empty = Nothing in this period.

web-note-people = People are counted without storing who they are (HyperLogLog of a keyed hash); "people by day" counts a person once per day. Counts from 1 to 4 are shown as <5.
web-note-sla = Taken within the SLA: { $minutes } minutes from the opening hours (HOTLINE_SLA_MINUTES).
web-note-review = Articles whose check date is older than { $days } days (CONTENT_REVIEW_DAYS), or that have none.
web-report-title = Jol — report for { $month }
web-report-note = Aggregate figures only: no names, no phone numbers, no messages. Counts from 1 to 4 are shown as <5.

web-f-today = people today
web-f-week = people in the last 7 days
web-f-month = people this month
web-f-period = people in the period
web-f-messages = messages in the period
web-f-articles-read = articles read
web-f-misses = questions with no answer
web-f-checks = job checks
web-f-agency = agency look-ups
web-f-opened = cases opened
web-f-avg-take = minutes to take, on average
web-f-within-sla = taken within the SLA
web-f-open-now = cases open now
web-f-feedback = average feedback (1–5)
web-f-alert-sent = alert messages delivered
web-f-alert-blocked = alert messages blocked
web-f-unsub = unsubscribes
web-f-articles = articles
web-f-due = due for review

web-c-daily = People and messages per day
web-c-hours = Busiest hours (messages by local hour)
web-c-checks = Job checks per week by risk
web-c-cases = Cases per day

web-s-people = people
web-s-messages = messages
web-s-opened = opened
web-s-taken = taken
web-s-closed = closed
web-s-risk-high = high risk
web-s-risk-medium = medium risk
web-s-risk-low = low risk

web-t-languages = People by language
web-t-channels = People by channel
web-t-sources = Where people came from (links and posters)
web-t-hours = Messages by hour
web-t-articles = Most-read articles
web-t-questions = Questions with no answer (grouped by their words)
web-t-langs = Answers by language
web-t-weeks = Job checks per week
web-t-modes = Checks by kind and risk
web-t-flags = Most frequent red flags
web-t-cases = Cases per day
web-t-take = Time to take
web-t-open = Open cases now
web-t-outcomes = Outcomes
web-t-feedback = Feedback
web-t-consultants = Per consultant
web-t-alerts = Alerts per day
web-t-due = Articles due for review

web-h-language = Language
web-h-channel = Channel
web-h-source = Source
web-h-people = People
web-h-people-days = People by day
web-h-hour = Hour
web-h-messages = Messages
web-h-article = Article
web-h-id = Id
web-h-reads = Reads
web-h-words = Words
web-h-times = Times
web-h-misses = No answer
web-h-miss-share = Share with no answer
web-h-week = Week from
web-h-risk-high = High
web-h-risk-medium = Medium
web-h-risk-low = Low
web-h-mode = Kind:risk
web-h-checks = Checks
web-h-flag = Red flag
web-h-day = Day
web-h-opened = Opened
web-h-taken = Taken
web-h-closed = Closed
web-h-minutes = Minutes
web-h-cases = Cases
web-h-case = Case
web-h-status = Status
web-h-age = Age (minutes)
web-h-outcome = Outcome
web-h-score = Score
web-h-answers = Answers
web-h-consultant = Consultant
web-h-feedback = Feedback
web-h-sent = Delivered
web-h-blocked = Blocked
web-h-unsub = Unsubscribes
web-h-reviewed = Checked on
web-h-days = Days since
