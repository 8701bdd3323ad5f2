## Core texts: language, main menu, help, privacy, errors.
## Variables available everywhere: $hotlinePhone, $hotlineHours, $emergency, $sessionDays, $retentionDays.

language-name = O'zbekcha
language-choose = Tilni tanlang · Выберите язык · Тілді таңдаңыз · Тилди тандаңыз · Забонро интихоб кунед · Choose your language
# Telegram shows buttons; WhatsApp and the console show numbered lists.
language-hint = { $channel ->
    [telegram] Tugmani bosing yoki til raqamini yozing.
   *[other] Ro'yxatdan til raqamini yozing.
}
language-set = Yaxshi, o'zbekcha yozaman. Tilni o'zgartirish: /language

# REVIEW: native speaker
main-menu = Jol — mehnat muhojirlari uchun ma'lumot xizmati. Bo'limni tanlang yoki savolingizni shunchaki yozing.
main-coming = 🇰🇿 Qozog'istonga kelish
main-abroad = ✈️ Chet elda ishlash
main-job = 🔍 Ish taklifini tekshirish
main-consultant = 💬 Maslahatchi bilan gaplashish
main-alerts = 🔔 Bildirishnomalar
main-language = 🌐 Til · Язык
main-about = ℹ️ Bot va ma'lumotlaringiz haqida

about-text =
    Jol — Qozog'istondagi mehnat muhojirlari va chet elga ishlashga ketayotgan qozog'istonliklar uchun bepul ma'lumot xizmati. Uni notijorat tashkilot yuritadi.

    Biz nimani saqlaymiz: tilingizni, menyudagi joyingizni va tekshiruvdan o'tayotganingizda bergan javoblaringizni. Faollik bo'lmasa, bularning hammasi { $sessionDays } kundan keyin o'chiriladi. Maslahatchi bilan yozishmalar murojaat yopilgandan keyin { $retentionDays } kun saqlanadi.
    Roziligingizsiz maslahatchi telefon raqamingizni ko'rmaydi.
    Hammasini darhol o'chirish: /forget

    Bot yuristning o'rnini bosmaydi. Qonunlar o'zgaradi — maslahatchidan tekshiring.

help-text =
    Qanday foydalanish kerak:
    • { $channel ->
        [telegram] tugmalarni bosing yoki variant raqamini yozing;
       *[other] ro'yxatdan variant raqamini yozing;
    }
    • savolingizni o'z so'zlaringiz bilan yozsangiz ham bo'ladi;
    • /menu — asosiy menyu, /language — til, /human — maslahatchi;
    • /forget — ma'lumotlaringizni o'chirish, /stop — obunani bekor qilish va tugatish.

stop-text = Siz bildirishnomalardan obunani bekor qildingiz. Qaytadan boshlash uchun /start deb yozing.
forget-done = Botdagi barcha ma'lumotlaringiz o'chirildi. Qaytadan boshlash uchun /start deb yozing.
unknown-command = Bunday buyruq yo'q. Buyruqlar: /menu, /language, /human, /help.
stale-button = Bu tugma eski xabardan. Hozir biz shu yerdamiz:
# Telegram shows buttons; WhatsApp and the console show numbered lists.
miss-hint = { $channel ->
    [telegram] Tushunmadim. Tugmani bosing yoki variant raqamini yozing.
   *[other] Tushunmadim. Ro'yxatdan variant raqamini yozing.
}
miss-offer-help = Sizni tushunmayotganga o'xshayman. Asosiy menyuga qaytamizmi yoki maslahatchini chaqiraymi?
choice-main-menu = 🏠 Asosiy menyu
choice-consultant = 💬 Maslahatchi
choice-back = ⬅️ Orqaga

answer-yes = Ha
answer-no = Yo'q
answer-unsure = Bilmayman
answer-skip = O'tkazib yuborish
hint-yesno = «Ha» yoki «Yo'q» deb javob bering — tugma yoki so'z bilan.
hint-yesnounsure = «Ha», «Yo'q» yoki «Bilmayman» deb javob bering.
hint-number = { $min } dan { $max } gacha son yozing.
hint-text = Javobingizni matn bilan yozing.

media-unsupported = Men faqat matn va tugmalarni tushunaman. Ovozli xabar, rasm, stiker va fayllarni o'qiy olmayman — iltimos, so'z bilan yozing.
edited-unsupported = Men faqat yangi xabarlarga javob beraman. Iltimos, qaytadan yozing.
input-too-long = Xabar juda uzun: men birinchi { $max } ta belgini o'qiyman.
error-generic = Nimadir xato ketdi. Sizni asosiy menyuga qaytaraman.
section-preparing = Bu bo'lim tez orada paydo bo'ladi. Hozircha maslahatchidan so'rashingiz mumkin: /human
delivery-failed = Xabaringizni yetkazib bo'lmadi. Birozdan keyin qayta urinib ko'ring.

alerts-menu = Bildirishnomalar: qonun o'zgarishlari va firibgarlikning yangi turlari haqida qisqa xabarlar. Nima haqida xabar beraylik?
alerts-kz = 🇰🇿 Qozog'istonda ish va hayot
alerts-abroad = ✈️ Chet elda ishlash
alerts-off = 🔕 Hammasidan obunani bekor qilish
alerts-subscribed = Tayyor, siz obuna bo'ldingiz. Obunani bekor qilish: /stop
alerts-unsubscribed = Siz bildirishnomalardan obunani bekor qildingiz.
