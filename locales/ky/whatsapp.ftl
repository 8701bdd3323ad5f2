# WhatsApp Cloud API транспорту (src/channels/whatsapp-cloud, docs/whatsapp.md).

## Тандоолордун тизмесин ачкан баскыч (20 белгиден ашпайт).
# REVIEW: native speaker
wa-cloud-list-button = Тандоо

## Биздики эмес же эскирген баскычка же тизмеге жооп.
wa-cloud-button-invalid = Бул баскыч иштебейт. Менюну ачуу үчүн /menu жөнөтүңүз.
wa-cloud-button-expired = Бул баскыч эскирип калган. Менюну ачуу үчүн /menu жөнөтүңүз.

## Meta жактыруусуна жөнөтүлүүчү шаблондун тексти (Utility категориясы, өзгөрмөсүз).
# REVIEW: native speaker
wa-cloud-template-body = Сизге ишеним телефонунан жаңы билдирүү келди. Аны окуу үчүн бул билдирүүгө каалаган сөз менен жооп бериңиз.

## Кызматкерлерге: WhatsApp колдонуучусуна билдирүү эмне үчүн күтүп жатат.
# REVIEW: native speaker
wa-cloud-staff-window-closed = Азырынча жеткирилген жок: колдонуучу акыркы жолу 24 сааттан мурун жазган, мындайда WhatsApp жактырылган шаблонго гана уруксат берет. «{ $lang }» тили үчүн шаблон берилген эмес (WHATSAPP_TEMPLATES). Билдирүү күтүп жатат жана колдонуучу кайра жазганда жөнөтүлөт.

## `jol whatsapp templates`
# REVIEW: native speaker
wa-cloud-templates-intro = WhatsApp Manager'де ар бир тил үчүн бир шаблон түзүңүз (Message templates → Create template), Utility категориясы, төмөнкү текст менен жана өзгөрмөсүз. Жактырылгандан кийин аларды WHATSAPP_TEMPLATES ичинде көрсөтүңүз, мисалы ru=jol_message,en=jol_message@en_US.
wa-cloud-templates-configured = берилген: { $name } ({ $code })
wa-cloud-templates-missing = берилген эмес: 24 сааттык терезеден тышкары бул колдонуучуларга билдирүүлөр күтөт

## Alerts outside the 24-hour window (WHATSAPP_ALERT_TEMPLATES): the body to submit, its one variable the alert's text.
# REVIEW: native speaker
wa-cloud-alert-template-body = Jol ишеним телефонунун эскертүүсү: { "{{1}}" }
# REVIEW: native speaker
wa-cloud-alert-templates-intro = Эскертүү шаблондору (WHATSAPP_ALERT_TEMPLATES): ар бир тилге бирден, төмөнкү текст жана бир өзгөрмө — эскертүүнүн тексти менен, 24 сааттык терезеден тышкаркы жазылуучулар эскертүүнүн өзүн алышы үчүн. Категорияны Meta аныктайт. Жактырылгандан кийин аларды көрсөтүңүз, мисалы ru=jol_alert,en=jol_alert@en_US.
