# WhatsApp Cloud API транспорты (src/channels/whatsapp-cloud, docs/whatsapp.md).

## Нұсқалар тізімін ашатын түйме (20 таңбадан аспайды).
# REVIEW: native speaker
wa-cloud-list-button = Таңдау

## Біздікі емес немесе ескірген түймеге не тізімге жауап.
wa-cloud-button-invalid = Бұл түйме жұмыс істемейді. Мәзірді ашу үшін /menu жіберіңіз.
wa-cloud-button-expired = Бұл түйме ескірген. Мәзірді ашу үшін /menu жіберіңіз.

## Meta мақұлдауына жіберілетін үлгі мәтіні (Utility санаты, айнымалысыз).
# REVIEW: native speaker
wa-cloud-template-body = Сізге сенім телефонынан жаңа хабарлама келді. Оны оқу үшін осы хабарламаға кез келген сөзбен жауап беріңіз.

## Қызметкерлерге: WhatsApp пайдаланушысына хабарлама неге күтіп тұр.
# REVIEW: native speaker
wa-cloud-staff-window-closed = Әзірге жеткізілмеді: пайдаланушы соңғы рет 24 сағаттан бұрын жазған, ал онда WhatsApp тек мақұлданған үлгіге рұқсат береді. «{ $lang }» тіліне үлгі берілмеген (WHATSAPP_TEMPLATES). Хабарлама күтіп тұр және пайдаланушы қайта жазғанда жіберіледі.

## `jol whatsapp templates`
# REVIEW: native speaker
wa-cloud-templates-intro = WhatsApp Manager-де әр тілге бір үлгі жасаңыз (Message templates → Create template), Utility санаты, төмендегі мәтінмен және айнымалысыз. Мақұлданғаннан кейін оларды WHATSAPP_TEMPLATES ішінде көрсетіңіз, мысалы ru=jol_message,en=jol_message@en_US.
wa-cloud-templates-configured = берілген: { $name } ({ $code })
# REVIEW: native speaker
wa-cloud-templates-missing = берілмеген: 24 сағаттық терезеден тыс бұл пайдаланушыларға хабарламалар күтеді

## Alerts outside the 24-hour window (WHATSAPP_ALERT_TEMPLATES): the body to submit, its one variable the alert's text.
# REVIEW: native speaker
wa-cloud-alert-template-body = Jol сенім телефонының ескертуі: { "{{1}}" }
# REVIEW: native speaker
wa-cloud-alert-templates-intro = Ескерту үлгілері (WHATSAPP_ALERT_TEMPLATES): әр тілге біреуден, төмендегі мәтінмен және бір айнымалымен — ескерту мәтінімен, 24 сағаттық терезеден тыс жазылушылар ескертудің өзін алуы үшін. Санатты Meta анықтайды. Мақұлданғаннан кейін оларды көрсетіңіз, мысалы ru=jol_alert,en=jol_alert@en_US.
