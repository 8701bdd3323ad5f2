# Alerts (src/alerts/): the line every alert ends with, in the user's language.
# native review
alert-optout = /stop — boshqa xabarnoma olmaslik
