# Alerts (src/alerts/): the line every alert ends with, in the user's language.
# native review
alert-optout = /stop — хабарламаларды енді алмау

## Қызметкерлерге арналған /alert шебері (src/alerts/wizard/) және жіберу картасы (card.ts).
# native review
alw-cancel = ✖ Бас тарту
# native review
alw-cancelled = Бас тартылды: хабарландыру жіберілмеді. /alert — жаңасын бастау.
# native review
alw-audience-choose = Жаңа хабарландыру. 1/4 қадам: кімге? Сегментті таңдаңыз.
# native review
alw-all-langs = Барлық тілдер
# native review
alw-all-channels = Барлық арналар
# REVIEW: native speaker
alw-all-sources = Барлық көздер
# native review
alw-next-texts = Әрі қарай: мәтіндер ▶
# native review
alw-audience =
    Аудитория: { $audience }
    Алушылар: { $count }
    { $breakdown }

    Тіл, арна немесе көз (қайдан келгені) бойынша тарылтыңыз, не әрі қарай өтіңіз.
# native review
alw-texts-ask = 2/4 қадам: мәтінді жазыңыз, әр тілге бір хабар ({ $langs }). Хабарды тіл кодымен бастаңыз, мысалы «uz: ...». Кодсыз бұл { $lang } мәтіні.
# native review
alw-texts-missing = { $lang } үшін мәтін әлі жоқ: оны жазыңыз («{ $lang }: » деп бастаңыз) немесе бұл топқа басқа тілдің мәтінін жіберіңіз.
# native review
alw-text-own = ✅ { $lang }: өз мәтіні
# native review
alw-text-borrowed = ↪️ { $lang }: { $from } мәтінін алады
# native review
alw-text-missing = ❌ { $lang }: мәтін жоқ
# native review
alw-use = { $lang } { $from } мәтінін алады
# native review
alw-texts-ready = Әр тілдің мәтіні бар. Жаңа хабармен кез келгенін ауыстыруға болады.
# native review
alw-preview = Әрі қарай: алдын ала қарау ▶
# native review
alw-too-long = { $lang } мәтіні тым ұзын: бас тарту жолымен бірге { $length } таңба, шегі { $limit }. Қысқартып, қайта жіберіңіз.
# native review
alw-preview-head = 3/4 қадам: { $lang } · { $count } алушы дәл осыны алады:
# native review
alw-preview-next = Хабарландыру толығымен осы. Өзіңізге тексеріп, қашан жіберетінді таңдаңыз.
# native review
alw-test = 📨 Маған сынақ
# native review
alw-tested = Сынақ жоғарыда сізге жіберілді. Қашан жіберу керек?
# native review
alw-now = Қазір жіберу
# native review
alw-later = Белгілі уақытта…
# native review
alw-when-ask = 4/4 қадам: қашан? Уақытты жазыңыз ({ $tz }), мысалы 18:30 немесе 2026-12-03 09:00.
# native review
alw-when-bad = Уақытты былай жазыңыз: 18:30 немесе 2026-12-03 09:00 ({ $tz }).
# native review
alw-when-past = Бұл уақыт өтіп кетті ({ $tz }): кейінірек уақыт жазыңыз.
# native review
alw-when-now = қазір
# native review
alw-confirm =
    Хабарландыруды жіберу керек пе?
    Аудитория: { $audience }
    Алушылар: { $count }
    Қашан: { $when }
# native review
alw-send = ✅ { $count } алушыға жіберу
# native review
alc-pause = ⏸ Кідірту
# native review
alc-resume = ▶ Жалғастыру
# native review
alc-cancel = ✖ Тоқтату
# native review
alc-not-now = Қазір мүмкін емес.
# native review
alc-state-queued = күтуде
# native review
alc-state-sending = жіберілуде
# native review
alc-state-paused = кідіртілді
# native review
alc-state-cancelled = тоқтатылды
# native review
alc-state-done = аяқталды
# native review
alc-card =
    Хабарландыру { $id } · { $state }
    { $bar }
    Жіберілді { $sent } · қате { $failed } · бұғаттады { $blocked } · қалды { $left } / { $total }
    { $rate }/с · аяқталуы { $eta ->
        [0] —
       *[other] ~{ $eta } мин
    }
# native review
alc-report =
    Хабарландыру { $id }: { $state }
    Аудитория: { $audience }
    Жіберілді { $sent } / { $total } · қате { $failed } · бұғаттады { $blocked } · жіберілмеді { $left }
    { $minutes } мин ішінде
