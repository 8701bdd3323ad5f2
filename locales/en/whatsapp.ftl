# WhatsApp Cloud API transport (src/channels/whatsapp-cloud, docs/whatsapp.md).

## The button that opens a list of choices (at most 20 characters).
wa-cloud-list-button = Choose

## A reply to a list or button that is not ours or too old.
wa-cloud-button-invalid = This button does not work. Send /menu to open the menu.
wa-cloud-button-expired = This button is out of date. Send /menu to open the menu.

## The template text to submit to Meta for approval (category Utility, no variables): sent when
## the helpline writes more than 24 hours after the user's last message. The waiting message
## follows as soon as the user answers.
wa-cloud-template-body = You have a new message from the hotline. To read it, reply to this message with any word.

## Staff: why a message to a WhatsApp user waits.
wa-cloud-staff-window-closed = Not delivered yet: the user last wrote more than 24 hours ago, and WhatsApp allows only an approved template then. No template is set for the language "{ $lang }" (WHATSAPP_TEMPLATES). The message waits and goes out when the user writes again.

## `jol whatsapp templates`
wa-cloud-templates-intro = Submit one template per language in WhatsApp Manager (Message templates → Create template), category Utility, with the body below and no variables. After approval, list them in WHATSAPP_TEMPLATES, like ru=jol_message,en=jol_message@en_US.
wa-cloud-templates-configured = configured: { $name } ({ $code })
wa-cloud-templates-missing = not configured: messages to these users outside the 24-hour window wait

## Alerts outside the 24-hour window (WHATSAPP_ALERT_TEMPLATES): the body to submit, its one variable the alert's text.
wa-cloud-alert-template-body = Jol hotline alert: { "{{1}}" }
wa-cloud-alert-templates-intro = Alert templates (WHATSAPP_ALERT_TEMPLATES): one per language with the body below and one variable, the alert's text, so subscribers outside the 24-hour window get the alert itself. Meta decides the category. After approval list them like ru=jol_alert,en=jol_alert@en_US.
