# Alerts (src/alerts/): the line every alert ends with, in the user's language.
# REVIEW: native speaker
alert-optout = /stop — boshqa xabarnoma olmaslik

## Xodimlar uchun /alert ustasi (src/alerts/wizard/) va yuborish kartasi (card.ts).
# REVIEW: native speaker
alw-cancel = ✖ Bekor qilish
# REVIEW: native speaker
alw-cancelled = Bekor qilindi: ogohlantirish yuborilmadi. /alert — yangisini boshlash.
# REVIEW: native speaker
alw-audience-choose = Yangi ogohlantirish. 1/4-qadam: kimga? Segmentni tanlang.
# REVIEW: native speaker
alw-all-langs = Barcha tillar
# REVIEW: native speaker
alw-all-channels = Barcha kanallar
# REVIEW: native speaker
alw-all-sources = Barcha manbalar
# REVIEW: native speaker
alw-next-texts = Keyingi: matnlar ▶
# REVIEW: native speaker
alw-audience =
    Auditoriya: { $audience }
    Qabul qiluvchilar: { $count }
    { $breakdown }

    Til, kanal yoki manba (qayerdan kelgani) bo'yicha toraytiring yoki davom eting.
# REVIEW: native speaker
alw-texts-ask = 2/4-qadam: matnni yozing, har bir til uchun bitta xabar ({ $langs }). Xabarni til kodi bilan boshlang, masalan "uz: ...". Kodsiz bu { $lang } matni.
# REVIEW: native speaker
alw-texts-missing = { $lang } uchun hali matn yo'q: uni yozing ("{ $lang }: " bilan boshlang) yoki bu guruhga boshqa tildagi matnni yuboring.
# REVIEW: native speaker
alw-text-own = ✅ { $lang }: o'z matni
# REVIEW: native speaker
alw-text-borrowed = ↪️ { $lang }: { $from } matnini oladi
# REVIEW: native speaker
alw-text-missing = ❌ { $lang }: matn yo'q
# REVIEW: native speaker
alw-use = { $lang } { $from } matnini oladi
# REVIEW: native speaker
alw-texts-ready = Har bir tilda matn bor. Yangi xabar bilan istalganini almashtirish mumkin.
# REVIEW: native speaker
alw-preview = Keyingi: ko'rib chiqish ▶
# REVIEW: native speaker
alw-too-long = { $lang } matni juda uzun: obunani bekor qilish qatori bilan { $length } belgi, chegara { $limit }. Qisqartirib, qayta yuboring.
# REVIEW: native speaker
alw-preview-head = 3/4-qadam: { $lang } · { $count } qabul qiluvchi aynan shuni oladi:
# REVIEW: native speaker
alw-preview-next = Ogohlantirish shu. O'zingizda sinab ko'ring va qachon yuborishni tanlang.
# REVIEW: native speaker
alw-preview-wa-template = WhatsApp: shu { $count } kishidan 24 soat yozmaganlari uni { $name } ogohlantirish shabloni sifatida oladi.
# REVIEW: native speaker
alw-preview-wa-no-template = WhatsApp: { $lang } tili uchun ogohlantirish shabloni yo'q (WHATSAPP_ALERT_TEMPLATES). Shu { $count } kishidan 24 soat yozmaganlari faqat yozish haqida so'rovni, ogohlantirishni esa yozganda oladi.
# REVIEW: native speaker
alw-test = 📨 Menga sinov
# REVIEW: native speaker
alw-tested = Sinov yuqorida sizga yuborildi. Qachon yuborilsin?
# REVIEW: native speaker
alw-now = Hozir yuborish
# REVIEW: native speaker
alw-later = Belgilangan vaqtda…
# REVIEW: native speaker
alw-when-ask = 4/4-qadam: qachon? Vaqtni yozing ({ $tz }), masalan 18:30 yoki 2026-12-03 09:00.
# REVIEW: native speaker
alw-when-bad = Vaqtni shunday yozing: 18:30 yoki 2026-12-03 09:00 ({ $tz }).
# REVIEW: native speaker
alw-when-past = Bu vaqt o'tib ketdi ({ $tz }): keyinroq vaqtni yozing.
# REVIEW: native speaker
alw-when-now = hozir
# REVIEW: native speaker
alw-confirm =
    Ogohlantirish yuborilsinmi?
    Auditoriya: { $audience }
    Qabul qiluvchilar: { $count }
    Qachon: { $when }
# REVIEW: native speaker
alw-send = ✅ { $count } kishiga yuborish
# REVIEW: native speaker
alc-pause = ⏸ Pauza
# REVIEW: native speaker
alc-resume = ▶ Davom etish
# REVIEW: native speaker
alc-cancel = ✖ To'xtatish
# REVIEW: native speaker
alc-not-now = Hozir buni qilib bo'lmaydi.
# REVIEW: native speaker
alc-state-queued = kutmoqda
# REVIEW: native speaker
alc-state-sending = yuborilmoqda
# REVIEW: native speaker
alc-state-paused = pauzada
# REVIEW: native speaker
alc-state-cancelled = to'xtatildi
# REVIEW: native speaker
alc-state-done = tugadi
# REVIEW: native speaker
alc-card =
    Ogohlantirish { $id } · { $state }
    { $bar }
    Yuborildi { $sent } · xato { $failed } · bloklagan { $blocked } · qoldi { $left } / { $total }
    { $rate }/s · tugashi { $eta ->
        [0] —
       *[other] ~{ $eta } daq
    }
# REVIEW: native speaker
alc-report =
    Ogohlantirish { $id }: { $state }
    Auditoriya: { $audience }
    Yuborildi { $sent } / { $total } · xato { $failed } · bloklagan { $blocked } · yuborilmadi { $left }
    { $minutes } daqiqada
