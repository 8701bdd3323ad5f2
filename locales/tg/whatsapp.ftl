# Транспорти WhatsApp Cloud API (src/channels/whatsapp-cloud, docs/whatsapp.md).

## Тугмае, ки рӯйхати интихобҳоро мекушояд (на зиёда аз 20 аломат).
# REVIEW: native speaker
wa-cloud-list-button = Интихоб

## Ҷавоб ба тугма ё рӯйхате, ки аз мо нест ё кӯҳна шудааст.
wa-cloud-button-invalid = Ин тугма кор намекунад. Барои кушодани меню /menu фиристед.
wa-cloud-button-expired = Ин тугма кӯҳна шудааст. Барои кушодани меню /menu фиристед.

## Матни қолаб барои тасдиқи Meta (категорияи Utility, бе тағйирёбанда).
# REVIEW: native speaker
wa-cloud-template-body = Ба шумо аз телефони боварӣ паёми нав омад. Барои хондани он ба ин паём бо ягон калима ҷавоб диҳед.

## Ба кормандон: чаро паём ба корбари WhatsApp интизор аст.
# REVIEW: native speaker
wa-cloud-staff-window-closed = Ҳоло расонида нашуд: корбар бори охир зиёда аз 24 соат пеш навишта буд, ва дар ин ҳол WhatsApp танҳо қолаби тасдиқшударо иҷозат медиҳад. Барои забони «{ $lang }» қолаб муайян нашудааст (WHATSAPP_TEMPLATES). Паём интизор аст ва вақте ки корбар боз нависад, фиристода мешавад.

## `jol whatsapp templates`
# REVIEW: native speaker
wa-cloud-templates-intro = Дар WhatsApp Manager барои ҳар забон як қолаб созед (Message templates → Create template), категорияи Utility, бо матни зер ва бе тағйирёбанда. Пас аз тасдиқ онҳоро дар WHATSAPP_TEMPLATES нишон диҳед, масалан ru=jol_message,en=jol_message@en_US.
wa-cloud-templates-configured = муайян шудааст: { $name } ({ $code })
wa-cloud-templates-missing = муайян нашудааст: паёмҳо ба ин корбарон берун аз равзанаи 24-соата интизор мемонанд

## Alerts outside the 24-hour window (WHATSAPP_ALERT_TEMPLATES): the body to submit, its one variable the alert's text.
# REVIEW: native speaker
wa-cloud-alert-template-body = Огоҳии телефони боварии Jol: { "{{1}}" }
# REVIEW: native speaker
wa-cloud-alert-templates-intro = Қолабҳои огоҳӣ (WHATSAPP_ALERT_TEMPLATES): барои ҳар забон якто, бо матни зер ва як тағйирёбанда — матни огоҳӣ, то обуначиёни берун аз равзанаи 24-соата худи огоҳиро гиранд. Категорияро Meta муайян мекунад. Пас аз тасдиқ онҳоро нишон диҳед, масалан ru=jol_alert,en=jol_alert@en_US.
