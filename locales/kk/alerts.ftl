# Alerts (src/alerts/): the line every alert ends with, in the user's language.
# REVIEW: native speaker
alert-optout = /stop — хабарламаларды енді алмау

## Қызметкерлерге арналған /alert шебері (src/alerts/wizard/) және жіберу картасы (card.ts).
# REVIEW: native speaker
alw-cancel = ✖ Бас тарту
# REVIEW: native speaker
alw-cancelled = Бас тартылды: хабарландыру жіберілмеді. /alert — жаңасын бастау.
# REVIEW: native speaker
alw-audience-choose = Жаңа хабарландыру. 1/4 қадам: кімге? Сегментті таңдаңыз.
# REVIEW: native speaker
alw-all-langs = Барлық тілдер
# REVIEW: native speaker
alw-all-channels = Барлық арналар
# REVIEW: native speaker
alw-all-sources = Барлық көздер
# REVIEW: native speaker
alw-next-texts = Әрі қарай: мәтіндер ▶
# REVIEW: native speaker
alw-audience =
    Аудитория: { $audience }
    Алушылар: { $count }
    { $breakdown }

    Тіл, арна немесе көз (қайдан келгені) бойынша тарылтыңыз, не әрі қарай өтіңіз.
# REVIEW: native speaker
alw-texts-ask = 2/4 қадам: мәтінді жазыңыз, әр тілге бір хабар ({ $langs }). Хабарды тіл кодымен бастаңыз, мысалы «uz: ...». Кодсыз бұл { $lang } мәтіні.
# REVIEW: native speaker
alw-texts-missing = { $lang } үшін мәтін әлі жоқ: оны жазыңыз («{ $lang }: » деп бастаңыз) немесе бұл топқа басқа тілдің мәтінін жіберіңіз.
# REVIEW: native speaker
alw-text-own = ✅ { $lang }: өз мәтіні
# REVIEW: native speaker
alw-text-borrowed = ↪️ { $lang }: { $from } мәтінін алады
# REVIEW: native speaker
alw-text-missing = ❌ { $lang }: мәтін жоқ
# REVIEW: native speaker
alw-use = { $lang } { $from } мәтінін алады
# REVIEW: native speaker
alw-texts-ready = Әр тілдің мәтіні бар. Жаңа хабармен кез келгенін ауыстыруға болады.
# REVIEW: native speaker
alw-preview = Әрі қарай: алдын ала қарау ▶
# REVIEW: native speaker
alw-too-long = { $lang } мәтіні тым ұзын: бас тарту жолымен бірге { $length } таңба, шегі { $limit }. Қысқартып, қайта жіберіңіз.
# REVIEW: native speaker
alw-preview-head = 3/4 қадам: { $lang } · { $count } алушы дәл осыны алады:
# REVIEW: native speaker
alw-preview-next = Хабарландыру толығымен осы. Өзіңізге тексеріп, қашан жіберетінді таңдаңыз.
# REVIEW: native speaker
alw-preview-wa-template = WhatsApp: осы { $count } адамның 24 сағат жазбағандары оны { $name } ескерту үлгісі ретінде алады.
# REVIEW: native speaker
alw-preview-wa-no-template = WhatsApp: { $lang } тілі үшін ескерту үлгісі жоқ (WHATSAPP_ALERT_TEMPLATES). Осы { $count } адамның 24 сағат жазбағандары тек жазу туралы өтінішті, ал ескертуді жазған кезде алады.
# REVIEW: native speaker
alw-test = 📨 Маған сынақ
# REVIEW: native speaker
alw-tested = Сынақ жоғарыда сізге жіберілді. Қашан жіберу керек?
# REVIEW: native speaker
alw-now = Қазір жіберу
# REVIEW: native speaker
alw-later = Белгілі уақытта…
# REVIEW: native speaker
alw-when-ask = 4/4 қадам: қашан? Уақытты жазыңыз ({ $tz }), мысалы 18:30 немесе 2026-12-03 09:00.
# REVIEW: native speaker
alw-when-bad = Уақытты былай жазыңыз: 18:30 немесе 2026-12-03 09:00 ({ $tz }).
# REVIEW: native speaker
alw-when-past = Бұл уақыт өтіп кетті ({ $tz }): кейінірек уақыт жазыңыз.
# REVIEW: native speaker
alw-when-now = қазір
# REVIEW: native speaker
alw-confirm =
    Хабарландыруды жіберу керек пе?
    Аудитория: { $audience }
    Алушылар: { $count }
    Қашан: { $when }
# REVIEW: native speaker
alw-send = ✅ { $count } алушыға жіберу
# REVIEW: native speaker
alc-pause = ⏸ Кідірту
# REVIEW: native speaker
alc-resume = ▶ Жалғастыру
# REVIEW: native speaker
alc-cancel = ✖ Тоқтату
# REVIEW: native speaker
alc-not-now = Қазір мүмкін емес.
# REVIEW: native speaker
alc-state-queued = күтуде
# REVIEW: native speaker
alc-state-sending = жіберілуде
# REVIEW: native speaker
alc-state-paused = кідіртілді
# REVIEW: native speaker
alc-state-cancelled = тоқтатылды
# REVIEW: native speaker
alc-state-done = аяқталды
# REVIEW: native speaker
alc-card =
    Хабарландыру { $id } · { $state }
    { $bar }
    Жіберілді { $sent } · қате { $failed } · бұғаттады { $blocked } · қалды { $left } / { $total }
    { $rate }/с · аяқталуы { $eta ->
        [0] —
       *[other] ~{ $eta } мин
    }
# REVIEW: native speaker
alc-report =
    Хабарландыру { $id }: { $state }
    Аудитория: { $audience }
    Жіберілді { $sent } / { $total } · қате { $failed } · бұғаттады { $blocked } · жіберілмеді { $left }
    { $minutes } мин ішінде
