# Alerts (src/alerts/): the line every alert ends with, in the user's language.
# native review
alert-optout = /stop — boshqa xabarnoma olmaslik

## Xodimlar uchun /alert ustasi (src/alerts/wizard/) va yuborish kartasi (card.ts).
# native review
alw-cancel = ✖ Bekor qilish
# native review
alw-cancelled = Bekor qilindi: ogohlantirish yuborilmadi. /alert — yangisini boshlash.
# native review
alw-audience-choose = Yangi ogohlantirish. 1/4-qadam: kimga? Segmentni tanlang.
# native review
alw-all-langs = Barcha tillar
# native review
alw-all-channels = Barcha kanallar
# REVIEW: native speaker
alw-all-sources = Barcha manbalar
# native review
alw-next-texts = Keyingi: matnlar ▶
# native review
alw-audience =
    Auditoriya: { $audience }
    Qabul qiluvchilar: { $count }
    { $breakdown }

    Til, kanal yoki manba (qayerdan kelgani) bo'yicha toraytiring yoki davom eting.
# native review
alw-texts-ask = 2/4-qadam: matnni yozing, har bir til uchun bitta xabar ({ $langs }). Xabarni til kodi bilan boshlang, masalan "uz: ...". Kodsiz bu { $lang } matni.
# native review
alw-texts-missing = { $lang } uchun hali matn yo'q: uni yozing ("{ $lang }: " bilan boshlang) yoki bu guruhga boshqa tildagi matnni yuboring.
# native review
alw-text-own = ✅ { $lang }: o'z matni
# native review
alw-text-borrowed = ↪️ { $lang }: { $from } matnini oladi
# native review
alw-text-missing = ❌ { $lang }: matn yo'q
# native review
alw-use = { $lang } { $from } matnini oladi
# native review
alw-texts-ready = Har bir tilda matn bor. Yangi xabar bilan istalganini almashtirish mumkin.
# native review
alw-preview = Keyingi: ko'rib chiqish ▶
# native review
alw-too-long = { $lang } matni juda uzun: obunani bekor qilish qatori bilan { $length } belgi, chegara { $limit }. Qisqartirib, qayta yuboring.
# native review
alw-preview-head = 3/4-qadam: { $lang } · { $count } qabul qiluvchi aynan shuni oladi:
# native review
alw-preview-next = Ogohlantirish shu. O'zingizda sinab ko'ring va qachon yuborishni tanlang.
# native review
alw-test = 📨 Menga sinov
# native review
alw-tested = Sinov yuqorida sizga yuborildi. Qachon yuborilsin?
# native review
alw-now = Hozir yuborish
# native review
alw-later = Belgilangan vaqtda…
# native review
alw-when-ask = 4/4-qadam: qachon? Vaqtni yozing ({ $tz }), masalan 18:30 yoki 2026-12-03 09:00.
# native review
alw-when-bad = Vaqtni shunday yozing: 18:30 yoki 2026-12-03 09:00 ({ $tz }).
# native review
alw-when-past = Bu vaqt o'tib ketdi ({ $tz }): keyinroq vaqtni yozing.
# native review
alw-when-now = hozir
# native review
alw-confirm =
    Ogohlantirish yuborilsinmi?
    Auditoriya: { $audience }
    Qabul qiluvchilar: { $count }
    Qachon: { $when }
# native review
alw-send = ✅ { $count } kishiga yuborish
# native review
alc-pause = ⏸ Pauza
# native review
alc-resume = ▶ Davom etish
# native review
alc-cancel = ✖ To'xtatish
# native review
alc-not-now = Hozir buni qilib bo'lmaydi.
# native review
alc-state-queued = kutmoqda
# native review
alc-state-sending = yuborilmoqda
# native review
alc-state-paused = pauzada
# native review
alc-state-cancelled = to'xtatildi
# native review
alc-state-done = tugadi
# native review
alc-card =
    Ogohlantirish { $id } · { $state }
    { $bar }
    Yuborildi { $sent } · xato { $failed } · bloklagan { $blocked } · qoldi { $left } / { $total }
    { $rate }/s · tugashi { $eta ->
        [0] —
       *[other] ~{ $eta } daq
    }
# native review
alc-report =
    Ogohlantirish { $id }: { $state }
    Auditoriya: { $audience }
    Yuborildi { $sent } / { $total } · xato { $failed } · bloklagan { $blocked } · yuborilmadi { $left }
    { $minutes } daqiqada
