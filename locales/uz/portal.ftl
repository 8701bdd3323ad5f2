## Axborot portali (jol portal build): sayt sahifalarining matnlari.
## Maqolalar, belgilar va aloqalar botdagi matnlar va sozlamalardan olinadi.
# REVIEW: native speaker

portal-site-name = Jol
portal-tagline = Mehnat muhojirlari uchun ma'lumotnoma: Qozog'istonda va chet elda
portal-description = Qozog'istonda qolish, ro'yxatdan o'tish va ishlash hamda chet elda ishlash haqida tekshirilgan javoblar. Bepul, olti tilda.
portal-skip = Asosiy matnga o'tish
portal-languages = Til
portal-home = Bosh sahifa
portal-search-label = Mavzular bo'yicha qidiruv
portal-search-placeholder = pasport, ro'yxat
portal-search-button = Qidirish
portal-search-title = Qidiruv
portal-search-results = “{ $query }” so'rovi bo'yicha natijalar
portal-search-none = Hech narsa topilmadi. Boshqa so'z bilan qidirib ko'ring yoki ro'yxatdan mavzu tanlang.
portal-search-nojs = Qidiruv faqat JavaScript yoqilganda ishlaydi. Barcha mavzular quyidagi ro'yxatda.
portal-all-topics = Barcha mavzular
portal-more-topics = Boshqa mavzular
portal-details = Batafsil
portal-next = Nima qilish kerak
portal-sources = Manbalar
portal-related = Bog'liq mavzular
portal-ask = Savollaringiz qoldimi? Bot shu mavzuni ochadi, savollaringizga javob beradi va maslahatchi bilan bog'laydi.
portal-ask-telegram = Telegramda so'rash
portal-ask-whatsapp = WhatsAppga yozish
portal-bot-title = Jol boti
portal-bot-intro = Bot savollarga javob beradi, ish takliflarini tekshiradi va ishonch telefoni maslahatchisi bilan bog'laydi.
portal-hotline = Ishonch telefoni
portal-hotline-phone = { $phone }, ish vaqti: { $hours }
portal-emergency = Shoshilinch yordam
portal-demo = DEMO: bu haqiqiy aloqa emas
portal-flags-title = Ish taklifidagi xavfli belgilar
portal-flags-intro = Xalqaro mehnat tashkiloti (XMT) majburiy mehnat va odam savdosini shu belgilar orqali aniqlaydi. Bitta belgi — ehtiyot bo'lish uchun sabab. Bir nechta belgi — to'xtab, maslahat olish uchun sabab.
portal-flags-more = Barcha belgilar izohi bilan
portal-flags-check = Taklifingizni tekshiring: e'lon matnini botga yuboring, u nimadan ehtiyot bo'lish kerakligini ko'rsatadi.
portal-flags-signs = Amalda qanday ko'rinadi
portal-flags-advice = Nima qilish kerak
portal-flags-dims = Tegishli: { $dims }
portal-disclaimer = Jol huquqshunos o'rnini bosmaydi. Qonunlar o'zgaradi: shubhangiz bo'lsa, maslahatchidan so'rang.
portal-checker-title = Ish e'lonini tekshirish
portal-checker-intro = E'lon matnini yoki ish beruvchining xabarini qo'ying. Tekshiruv botdagi qoidalar bilan to'g'ridan-to'g'ri telefoningizda o'tadi. Matn hech qayerga yuborilmaydi.
portal-checker-label = E'lon matni
portal-checker-button = Tekshirish
portal-checker-nojs = Tekshiruv faqat JavaScript yoqilganda ishlaydi. Usiz e'lonni botda tekshiring.
portal-checker-link = E'lon matnini shu sahifada tekshirish
