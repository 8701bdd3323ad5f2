# Alerts (src/alerts/): the line every alert ends with, in the user's language.
alert-optout = /stop — no more alerts
