# Bilimlar bazasi: menyular, maqola matnlari, qidiruv javoblari (o'zbek tili, lotin yozuvi).
# Maqolalar metama'lumotlari flows/knowledge.yaml faylida.
# O'zgaruvchilar: $hotlinePhone, $hotlineHours, $emergency (sozlamalardan).
# REVIEW: native speaker — the whole file is a best-effort translation from Russian and English.

## Maqolaning umumiy qismlari

kb-checked = Tekshirilgan sana: { $date }. Qoidalar tez-tez o'zgaradi: shubhangiz bo'lsa, maslahatchidan so'rang.
kb-sources = Manbalar: { $list }
kb-btn-details = Batafsil
kb-btn-consultant = Maslahatchidan so'rash
kb-btn-coming = Qozog'istonga kelish
kb-btn-abroad = Chet elda ishlash

## Matnli savollarga javoblar

kb-none = Kechirasiz, bu savolga javob topmadim. Menyudan mavzu tanlang yoki maslahatchidan so'rang.
# REVIEW: native speaker
kb-danger =
    Siz xavf ostida bo'lishingiz mumkin. Hoziroq maslahatchi bilan gaplashishingiz mumkin.
    Ishonch telefoni: { $hotlinePhone } ({ $hotlineHours }).
    Shoshilinch yordam: { $emergency }.
kb-btn-danger-now = Hozir maslahatchi bilan gaplashish
kb-btn-danger-read = Ma'lumotni ko'rsatish: { $title }
kb-danger-more = Mana ma'lumot. Istalgan vaqtda maslahatchiga murojaat qilishingiz mumkin.

## Menyular

kb-coming-title = Qozog'istonga kelish. Savolingiz nima haqida?
kb-coming-g-stay = Turish muddati va ro'yxatdan o'tish
kb-coming-g-work = Ishlash uchun ruxsat
kb-coming-g-trouble = Ishdagi muammolar
kb-coming-g-stay-title = Turish muddati va ro'yxatdan o'tish. Mavzuni tanlang:
kb-coming-g-work-title = Ishlash uchun ruxsat. Mavzuni tanlang:
kb-coming-g-trouble-title = Ishdagi muammolar. Mavzuni tanlang:
kb-abroad-title = Chet elga ishga borish. Savolingiz nima haqida?
kb-abroad-g-before = Safardan oldin
kb-abroad-g-countries = Mamlakatlar
kb-abroad-g-before-title = Safardan oldin. Mavzuni tanlang:
kb-abroad-g-countries-title = Qaysi mamlakat?

## stay-rules

kb-stay-rules-title = Qozog'istonda qancha vaqt bo'lish mumkin
# REVIEW: native speaker
kb-stay-rules-short =
    Bu fuqaroligingizga bog'liq.
    • Rossiya, Belarus, Armaniston, Qirg'iziston (YeOII): istalgan 180 kun ichida 90 kungacha. Ishlash uchun ruxsatsiz, mehnat shartnomasi bilan ishlash mumkin.
    • O'zbekiston: chegarani kesib o'tgan kundan boshlab ro'yxatdan o'tmasdan 30 kun, jami 180 kun ichida 90 kun.
    • Boshqa vizasiz mamlakatlar: bir kirishda 30 kungacha va 180 kun ichida 90 kundan oshmasligi kerak.
    YeOII fuqarolaridan boshqalarga vizasiz turish ishlash huquqini bermaydi.
    Chiqib, qayta kirish muddatni yangilamaydi.
# REVIEW: native speaker
kb-stay-rules-details =
    90 kun bugundan orqaga qarab istalgan 180 kunlik davrda hisoblanadi. «Vizaran» (bir kunga chiqib, qaytib kelish) endi yangi kun bermaydi.
    Vaqtincha yashash uchun ruxsatingiz yoki vizangiz bo'lsa, o'sha hujjat shartlari bo'yicha turasiz.
    YeOII fuqarolariga ishlash uchun ruxsat kerak emas (YeOII to'g'risidagi shartnoma, 97-modda), lekin qolish muddati va ro'yxatdan o'tish qoidalari ularga ham tegishli. Mehnat shartnomasi bilan qancha qolish mumkinligini tasdiqlay olmadik — maslahatchidan so'rang.
    Boshqa mamlakatlar fuqarolariga (masalan, O'zbekiston, Tojikiston) ishlash uchun ruxsat kerak.
    Muddatdan oshirib turgan kishiga keyingi safar kirish rad etiladi.
    Tojikiston fuqarolari: alohida qoida topmadik. Umumiy qoida (bir kirishda 30 kun, 180 kunda 90 kun) amal qilsa kerak, lekin bu tasdiqlanmagan. Maslahatchidan so'rang.
# REVIEW: native speaker
kb-stay-rules-next =
    • Kirgan sanangizni (pasportdagi muhr) toping va kunlarni sanang.
    • Kunlar tugashidan oldin chiqib keting yoki ruxsat oling.
    • O'z vaqtida ro'yxatdan o'ting.

## registration

kb-registration-title = Ro'yxatdan o'tish
# REVIEW: native speaker
kb-registration-short =
    2026-yil 1-iyuldan boshlab 90 kunlik vizasiz rejimga ega mamlakatlar, jumladan Rossiya, Belarus, Armaniston va Qirg'iziston (YeOII) fuqarolari o'zlari ro'yxatdan o'tadi.
    Chegarani kesib o'tgandan keyin 30 kalendar kun ichida «Migratsiya politsiyasi» axborot tizimida ro'yxatdan o'ting. Qabul qiluvchi tomon (uy egasi, mehmonxona, ish beruvchi) mobil ilovada tasdiqlaydi. Ko'chsangiz, qaytadan ro'yxatdan o'ting.
    Boshqa mamlakatdanmisiz (masalan, O'zbekiston, Tojikiston)? Yangi qoida sizga tegishlimi, tasdiqlay olmadik — maslahatchidan so'rang.
# REVIEW: native speaker
kb-registration-details =
    Ro'yxatdan o'tganlik haqidagi ma'lumotnoma tizimdagi shaxsiy kabinetingizda paydo bo'ladi.
    30 kalendar kunga dam olish va bayram kunlari ham kiradi. Oxirgi kunga qoldirmang.
    2026-yil 1-iyulgacha chet ellik kelgani haqida migratsiya politsiyasiga 3 ish kuni ichida qabul qiluvchi tomon xabar berardi. YeOII fuqarolari uchun bu endi o'z majburiyati: uy egasini kutmang.
    Boshqa mamlakatlar fuqarolari uchun bu qoida o'zgarganmi, tasdiqlay olmadik: qabul qiluvchi tomondan aniqlashtirishni so'rang va maslahatchidan so'rang.
    Mehnat shartnomasi bilan ishlaysizmi (YeOII)? Ishchilar uchun ro'yxatdan o'tish muddatlarini tasdiqlay olmadik — maslahatchidan so'rang.
# REVIEW: native speaker
kb-registration-next =
    • YeOII fuqarosi bo'lsangiz: chegarani kesib o'tgan kundan boshlab 30 kunni sanang.
    • «Migratsiya politsiyasi» tizimida ro'yxatdan o'ting va qabul qiluvchi tomondan ilovada tasdiqlashni so'rang.
    • Ma'lumotnomani saqlang (skrinshot yoki chop etilgan nusxa).
    • Yangi manzilga ko'chdingizmi? Qaytadan ro'yxatdan o'ting.
    • Boshqa mamlakatdanmisiz? Qanday ro'yxatdan o'tishni maslahatchidan so'rang.

## work-permit

kb-work-permit-title = Ishlash uchun ruxsat
# REVIEW: native speaker
kb-work-permit-short =
    Rossiya, Belarus, Armaniston va Qirg'iziston (YeOII) fuqarolari Qozog'istonda ishlash uchun ruxsatsiz ishlashi mumkin: mehnat shartnomasi kerak. Sizga kerak bo'lmagan ruxsat uchun hech kimga pul to'lamang.
    Boshqa chet elliklarga (masalan, O'zbekiston, Tojikiston fuqarolariga) vizasiz turish ishlash huquqini bermaydi. Quyidagi hujjatlardan biri kerak:
    • ish beruvchi oladigan ishlash uchun ruxsatnoma;
    • ishlash uchun vaqtincha yashash ruxsatnomasi (RVP);
    • xususiy uydagi ish uchun — mehnat immigrantiga ruxsat.
    Ulardan birisiz ishni boshlamang.
# REVIEW: native speaker
kb-work-permit-details =
    YeOII fuqarolari: bu YeOII to'g'risidagi shartnomaning 97-moddasi. Qolish muddati va ro'yxatdan o'tish qoidalari ularga ham tegishli; mehnat shartnomasi bilan qancha qolish mumkinligini tasdiqlay olmadik — maslahatchidan so'rang.
    Ish beruvchi orqali ruxsat: avval ish beruvchi bo'sh ish o'rnini enbek.kz saytiga joylashtiradi va 15 kundan keyin ariza bera oladi.
    2026-yil 1-yanvardan mavsumiy chet ellik ishchilar uchun yig'im: 90 kungacha 12 OHK, 180 kungacha 24 OHK, 270 kungacha 36 OHK, 365 kungacha 48 OHK. OHK — oylik hisoblash ko'rsatkichi (ruscha MRP), uning miqdori har yili belgilanadi.
# REVIEW: native speaker
kb-work-permit-next =
    • YeOII fuqarosimisiz? Yozma mehnat shartnomasini so'rang.
    • Boshqalar: ish beruvchidan qanday ruxsat rasmiylashtirganini so'rang va nusxasini oling.
    • Rasmiy yo'llardan tashqari hech kimga «ruxsat uchun» pul to'lamang.
    • Hujjatlaringiz to'g'riligiga ishonchingiz komil bo'lmasa, maslahatchidan so'rang.

## trp

kb-trp-title = Ishlash uchun vaqtincha yashash ruxsatnomasi (RVP)
# REVIEW: native speaker
kb-trp-short =
    Ishlash uchun vaqtincha yashash ruxsatnomasi (RVP) ishlayotgan vaqtingizda Qozog'istonda yashash imkonini beradi.
    U mehnat shartnomasi muddatiga, lekin 1 yildan ko'p bo'lmagan muddatga beriladi.
    Yaqin qarindoshlaringiz ham olishi mumkin.
    Ish beruvchini almashtirsangiz, 15 kun ichida yangi RVP olishingiz kerak.
# REVIEW: native speaker
kb-trp-details =
    Qoidalar «Aholi migratsiyasi to'g'risida»gi Qonunda (6-1-modda), tartibi gov.kz saytida yozilgan.
    RVP tugagandan keyin qolsangiz, sizga ham, ish beruvchiga ham jarima solinishi mumkin (Ma'muriy huquqbuzarliklar kodeksi, 517 va 518-moddalar).
    RVP o'z-o'zidan uzaytirilmaydi. Shartnoma tugashidan oldin oldindan o'ylang.
# REVIEW: native speaker
kb-trp-next =
    • RVP va mehnat shartnomangiz tugash sanasini tekshiring.
    • Ishni almashtiryapsizmi? 15 kun ichida yangi RVPga ariza bering.
    • Shartnoma muddatidan oldin tugasa, maslahatchidan so'rang.

## household-permit

kb-household-permit-title = Mehnat immigrantiga ruxsat (oilada ishlash)
# REVIEW: native speaker
kb-household-permit-short =
    Xususiy shaxsning uyida ishlash uchun (oiladagi uy ishlari) mehnat immigrantiga ruxsat kerak.
    Rossiya, Belarus, Armaniston va Qirg'iziston (YeOII) fuqarolariga ruxsat kerak emas, faqat mehnat shartnomasi kerak.
    Arizani eGov yoki migration.enbek.kz orqali berish mumkin.
    U 12 oygacha beriladi.
    Ish beruvchi shartnomangizni mehnat shartnomalarining yagona tizimiga (hr.enbek.kz) kiritishi kerak.
# REVIEW: native speaker
kb-household-permit-details =
    Bu ruxsat uchun har oy to'lov qilinadi. Aniq miqdorini tasdiqlay olmadik — kimgadir pul to'lashdan oldin maslahatchidan so'rang.
    Faqat rasmiy yo'llar orqali to'lang va kvitansiyalarni saqlang.
    Ish beruvchidan shartnoma tizimga kiritilganini ko'rsatishni so'rang va nusxasini saqlang.
# REVIEW: native speaker
kb-household-permit-next =
    • eGov yoki migration.enbek.kz orqali ariza bering.
    • Shartnomangiz hr.enbek.kz tizimiga kiritilganini tekshiring.
    • To'lov miqdorini maslahatchidan so'rang.

## kandas

kb-kandas-title = Qandas maqomi
# REVIEW: native speaker
kb-kandas-short =
    Qandas maqomi hech qachon Qozog'iston fuqaroligiga ega bo'lmagan va Qozog'istonga doimiy yashash uchun keladigan etnik qozoqlar hamda ularning qozoq millatiga mansub oila a'zolari uchun.
    Arizani Aholiga xizmat ko'rsatish markazida (TsON), migration.gov.kz yoki eGov orqali, migration.enbek.kz saytida (va uning ilovasida) yoki chet eldagi Qozog'iston elchixonasi yoki konsulligida berish mumkin.
    Qaror 30 ish kunigacha qabul qilinadi.
# REVIEW: native speaker
kb-kandas-details =
    Hujjatlar: ariza, tarjimai hol, shaxsni va millatni tasdiqlovchi hujjatlarning notarial tarjimalari, ko'chish maqsadini ko'rsatuvchi hujjatlar.
    Qandaslarga yordam: moslashuv va integratsiya markazlari, tibbiy yordam, maktablarda o'rinlar, ta'lim uchun kvotalar.
    Ustuvor viloyatga (Aqmola, Atirau, Sharqiy Qozog'iston, G'arbiy Qozog'iston, Qo'stanay, Pavlodar, Shimoliy Qozog'iston) ko'chsangiz, ko'chishga yordam olishingiz mumkin.
    Muhim: ko'p arizachilar qaror kutayotganda turish muddatini buzib, jarima oladi yoki chiqarib yuboriladi. Kutayotganingizda turishingiz qonuniy bo'lishini kuzating.
# REVIEW: native speaker
kb-kandas-next =
    • Hujjatlar va ularning notarial tarjimalarini to'plang.
    • Markazda, onlayn yoki elchixonada ariza bering.
    • Kutayotganda turish muddatingizni kuzating.

## overstay

kb-overstay-title = Turish muddatini oshirish: jarima va chiqarib yuborish
# REVIEW: native speaker
kb-overstay-short =
    Ruxsat etilgandan uzoqroq turish — huquqbuzarlik.
    • 3 kungacha kechiksangiz: ogohlantirish.
    • 3 kundan 5 kungacha: 10 OHK jarima.
    • Undan uzoq: jazo og'irroq.
    Sud mamlakatdan chiqarib yuborish haqida qaror chiqarishi mumkin. Chiqarib yuborilganlarga Qozog'istonga kirish taqiqlanadi.
# REVIEW: native speaker
kb-overstay-details =
    Bu Ma'muriy huquqbuzarliklar kodeksining 517-moddasi (3-qism). Uzoq kechikish uchun jarimalarning to'liq shkalasini tasdiqlay olmadik.
    Vazir o'rinbosari aytishicha, chiqarib yuborilgandan keyin kirish taqiqi 5 yil.
    To'lanmagan jarima to'languncha kirishni yopadi.
    Chiqarib yuborilgandan keyin taqiq davrida qaytib kelish — jinoyat.
    Turish muddatini oshirgan kishiga keyingi safar kirish rad etiladi.
    2025-yilning birinchi 10 oyida 14 000 dan ortiq chet ellik chiqarib yuborildi.
# REVIEW: native speaker
kb-overstay-next =
    • Muddatni o'tkazib yubordingizmi? Yashirinmang — darhol maslahatchidan so'rang.
    • Jarimani faqat rasmiy to'lang va kvitansiyani saqlang.
    • Taqiq davrida qaytishga urinmang.

## inspections

kb-inspections-title = Politsiyaning migrantlarni tekshiruvi
# REVIEW: native speaker
kb-inspections-short =
    Politsiya migrantlarni muntazam tekshiradi («Nelegal» tadbirlari): fermalar, dala shiyponlari, yotoqxonalar, uyma-uy yurish.
    • Hujjatlaringiz va ro'yxatdan o'tganlik tasdig'ini qo'l ostida saqlang.
    • Xotirjam bo'ling.
    • Hech kimga norasmiy pul bermang.
    • Ishonch telefoniga qo'ng'iroq qiling: { $hotlinePhone }.
# REVIEW: native speaker
kb-inspections-details =
    2025-yil oktabrda Turkiston viloyatida 3 kunda 627 ta qoidabuzarlik aniqlandi, asosan turish muddatini oshirish.
    Tekshiruv vaqtidagi huquqlaringizning tasdiqlangan ro'yxatini bera olmaymiz. Biror narsa noto'g'ri ketsa, ishonch telefoniga qo'ng'iroq qiling yoki maslahatchidan so'rang.
    Ishonch telefoni ish vaqti: { $hotlineHours }.
# REVIEW: native speaker
kb-inspections-next =
    • Tekshiruvdan oldin, hozir turish muddatingiz va ro'yxatdan o'tganingiz to'g'riligini tekshiring.
    • Hujjatlaringizni o'zingiz bilan olib yuring.
    • Tekshiruvda muammo bo'lsa, maslahatchidan so'rang.

## documents-taken

kb-documents-taken-title = Pasport yoki hujjatlaringizni olib qo'yishdi
# REVIEW: native speaker
kb-documents-taken-short =
    Hech kim pasportingizni sizdan olib qo'yishga haqli emas.
    Agar ish beruvchi yoki boshqa birov pasportingiz yoki hujjatlaringizni o'zida ushlab tursa, bu majburiy mehnatning jiddiy belgisi.
    Ishonch telefoniga qo'ng'iroq qiling: { $hotlinePhone } ({ $hotlineHours }).
    Hozir xavf ostida bo'lsangiz: { $emergency }.
# REVIEW: native speaker
kb-documents-taken-details =
    Qozog'iston janubidagi tashkilotlar chet elliklarning hujjatlarini olib qo'yib, haq to'lamasdan ishlashga majburlaydigan ish beruvchilar haqida xabar beradi.
    Qozog'istonda davlat odam savdosi va majburiy mehnat qurbonlariga, jumladan chet elliklarga yordam beradi. 2025-yilda 171 jabrlanuvchi (ulardan 93 nafari chet ellik) boshpana, tibbiy va psixologik yordam, hujjatlarni tiklash va ishga joylashishda yordam oldi.
    2023-yildan chet ellik jabrlanuvchilar fuqarolar bilan bir xil yordam oladi, jumladan ishlash huquqi bilan vaqtincha yashash ruxsatnomasi.
    Asos — «Odam savdosiga qarshi kurashish to'g'risida»gi Qonun (2024-yil iyul).
# REVIEW: native speaker
kb-documents-taken-next =
    • Hujjatlaringiz kimda ekanini va o'zingiz qayerda ekaningizni yozib oling.
    • Ishonch telefoniga qo'ng'iroq qiling yoki shu yerda maslahatchidan so'rang.
    • Xavf bo'lsa: { $emergency }.

## unpaid-wages

kb-unpaid-wages-title = Ish haqi to'lanmayapti
# REVIEW: native speaker
kb-unpaid-wages-short =
    Ish beruvchi ish haqini to'lamasa yoki kechiktirsa, hammasini yozib boring va yordam so'rang.
    Ish haqini ushlab qolish — majburiy mehnat belgilaridan biri.
    Maslahatchi nima qilish kerakligini hal qilishga yordam beradi.
# REVIEW: native speaker
kb-unpaid-wages-details =
    Saqlang: shartnomani, ish beruvchining xabarlarini, ishlagan kunlar va soatlar ro'yxatini, va'da qilingan va olingan summalarni, ish beruvchining ismi va ish joyi nomini.
    Xavfli belgilar: «mavsum oxirida to'laymiz», «yo'l haqi uchun qarzdorsan», «ish haqing — qarz».
    Bundan tashqari hujjatlaringizni olib qo'yishgan yoki qo'yib yuborishmasa, bu majburiy mehnat bo'lishi mumkin. Ishonch telefoni: { $hotlinePhone }.
# REVIEW: native speaker
kb-unpaid-wages-next =
    • Kunlar, soatlar va summalarni yozib boring.
    • Yozishmalar va shartnomani saqlang.
    • Maslahatchidan so'rang.

## trafficking-signs

kb-trafficking-signs-title = Majburiy mehnat va odam savdosi belgilari
# REVIEW: native speaker
kb-trafficking-signs-short =
    Xavfli belgilar:
    • pasportingiz yoki hujjatlaringizni olib qo'yishgan;
    • ish haqi to'lanmaydi yoki «qarz» sifatida ushlab qolinadi;
    • sizni qo'yib yuborishmaydi yoki qamab qo'yishadi;
    • tahdid yoki zo'ravonlik;
    • ish yoki ish haqi haqida aldashgan.
    Hatto bitta belgi ham yordam so'rashga sabab.
# REVIEW: native speaker
kb-trafficking-signs-details =
    Xalqaro mehnat tashkiloti majburiy mehnatning 11 belgisini sanab o'tadi: zaiflikdan foydalanish, aldash, harakatlanishni cheklash, yakkalab qo'yish, jismoniy va jinsiy zo'ravonlik, qo'rqitish va tahdidlar, hujjatlarni ushlab qolish, ish haqini ushlab qolish, qarz asorati, yomon mehnat va turmush sharoitlari, haddan tashqari qo'shimcha ish.
    Odatda majburiy mehnatni bir nechta belgi birgalikda ko'rsatadi, lekin ba'zan bittasi ham yetarli.
    Qozog'istonda jabrlanuvchilar, jumladan chet elliklar, Qozog'iston davlatidan yordam oladi: boshpana, tibbiy yordam, yangi hujjatlar. Chet eldagi Qozog'iston fuqarolari avval Qozog'iston elchixonasi yoki konsulligiga murojaat qiladi.
# REVIEW: native speaker
kb-trafficking-signs-next =
    • Bu belgilarni ko'rsangiz, ishonch telefoniga qo'ng'iroq qiling: { $hotlinePhone }.
    • Hozir xavf ostida bo'lsangiz: { $emergency }.
    • Shu yerda maslahatchidan so'rang.

## going-abroad

kb-going-abroad-title = Chet elga ishga borishdan oldin
# REVIEW: native speaker
kb-going-abroad-short =
    Safardan oldin:
    • Rossiya va boshqa YeOII mamlakatlari (Qirg'iziston, Belarus, Armaniston): Qozog'iston fuqarolariga ishlash uchun ruxsat kerak emas, faqat mehnat shartnomasi kerak;
    • boshqa mamlakatlar: o'sha mamlakat ishlash uchun talab qiladigan hujjatni — ish vizasi yoki ruxsatni oling; u yerda turistik viza yoki vizasiz kirish bilan ishlamang;
    • o'zingiz tushunadigan tilda yozma shartnoma oling;
    • ish beruvchi yoki agentlikni tekshiring.
    Ish yoki viza uchun pul so'rashsa, ehtiyot bo'ling.
# REVIEW: native speaker
kb-going-abroad-details =
    YeOII: bu YeOII to'g'risidagi shartnomaning 97-moddasi. Rossiyada 30 kundan ortiq qolsangiz, ro'yxatdan o'tish kerak.
    Ish taklifidagi xavfli belgilar: ish yoki viza uchun to'lov; ish beruvchi yoki agent pasportni olib qo'yadi; jo'nashdan oldin yozma shartnoma yo'q; ish beruvchi kimligi noma'lum; malakasiz oddiydan ancha yuqori maosh; «mavsum oxirida» to'lash; yo'l haqi maoshdan ushlanadi; aloqa faqat messenjer orqali; qaror qabul qilishga shoshiltirish; yosh qizlarni chet elga «xostes» yoki «model» ishiga chaqirish.
    Bitta belgi — zaif dalil; bir nechtasi birga — to'xtashga sabab.
    2025-yilning 9 oyida chet elda 156 700 qozog'istonlik ishladi, ko'pchiligi Rossiyada. Mamlakatlar bo'yicha qo'llanmalar Migration.kz portalida.
# REVIEW: native speaker
kb-going-abroad-next =
    • Ish taklifini bosh menyudagi «Vakansiyani tekshirish» orqali tekshiring.
    • O'z mamlakatingiz haqidagi maqolani o'qing.
    • Elchixona va bizning ishonch telefonimiz kontaktlarini saqlab qo'ying.

## agency-check

kb-agency-check-title = Ishga joylashtirish agentligini qanday tekshirish mumkin
# REVIEW: native speaker
kb-agency-check-short =
    Chet elda ish taklif qiladigan agentliklardan ehtiyot bo'ling.
    Xususiy bandlik agentliklarining rasmiy litsenziyasi yoki ochiq reyestri amalda ekanini tasdiqlay olmadik. Shuning uchun «litsenziyali» yoki «reyestrda bor» degan so'zlarni bu yo'l bilan tekshirib bo'lmaydi.
    Tashkilotimiz agentliklarning o'z ro'yxatini yuritadi: maslahatchi agentlikni siz uchun tekshirib berishi mumkin.
# REVIEW: native speaker
kb-agency-check-details =
    Agentlikning xavfli belgilari: ish yoki viza uchun pul so'raydi; pasportingizni o'zida qoldirmoqchi; jo'nashdan oldin yozma shartnoma yo'q; ish beruvchini aytmaydi; maosh haqiqatga to'g'ri kelmaydigan darajada yaxshi; aloqa faqat messenjer orqali; qaror qabul qilishga shoshiltiradi; yosh qizlarni suratlari bo'yicha «xostes» yoki «model» ishiga yollaydi.
    Bitta belgi — zaif dalil. Bir nechtasi birga — to'xtashga sabab.
# REVIEW: native speaker
kb-agency-check-next =
    • Agentlik nomini maslahatchiga yuboring.
    • Taklifni bosh menyudagi «Vakansiyani tekshirish» orqali tekshiring.
    • Pasportingizni hech qachon agentlikka bermang.

## korea

kb-korea-title = Janubiy Koreyada ishlash
# REVIEW: native speaker
kb-korea-short =
    Janubiy Koreyaga vizasiz kirish ishlash uchun emas, sayohat uchun.
    K-ETA — viza emas, elektron sayohat ruxsati, u kirishni kafolatlamaydi.
    Ish vizasisiz ishlash chiqarib yuborish va qayta kirish taqiqiga olib keladi.
    Qozog'iston hozircha Koreyaning ishlashga ruxsat berish tizimiga (E-9) kirmagan; qo'shilish jarayoni davom etmoqda.
# REVIEW: native speaker
kb-korea-details =
    Koreyadagi taxminan 15 000 qozog'istonlikdan 11 000 ga yaqini noqonuniy ishlaydi.
    «K-ETA bilan borib ishlash» takliflaridan ehtiyot bo'ling: bu noqonuniy ish.
    K-ETA rasmiy sayti — k-eta.go.kr.
# REVIEW: native speaker
kb-korea-next =
    • Koreyaga ish vizasisiz ishlashga bormang.
    • Har qanday taklifni maslahatchi bilan tekshiring.

## russia

kb-russia-title = Rossiyada ishlash
# REVIEW: native speaker
kb-russia-short =
    Qozog'iston fuqarolariga Rossiyada ishlash uchun ishlash ruxsatnomasi ham, patent ham kerak emas.
    U yerda 30 kundan ortiq bo'lsangiz, ro'yxatdan o'tishingiz kerak.
    Turish muddati mehnat shartnomasi muddatiga uzaytiriladi.
# REVIEW: native speaker
kb-russia-details =
    Bu YeOII to'g'risidagi shartnomadan (97-modda) va Rossiyaning 115-FZ Federal qonunidan (13.3-modda) kelib chiqadi.
    Chet elda ishlaydigan qozog'istonliklarning ko'pchiligi Rossiyada: 2025-yilning 9 oyida 156 700 dan 128 800 nafari.
    Yozma mehnat shartnomasi tuzing: uzoqroq qolish huquqi shunga bog'liq.
# REVIEW: native speaker
kb-russia-next =
    • 30 kundan ortiq qolsangiz, ro'yxatdan o'ting.
    • Yozma mehnat shartnomasiga imzo cheking.
    • Muammo bo'lsa, Qozog'iston elchixonasi yoki konsulligiga murojaat qiling.

## poland

kb-poland-title = Polshada mavsumiy ish
# REVIEW: native speaker
kb-poland-short =
    Polshada mavsumiy ish uchun ruxsat kerak. Uni ish beruvchi starostadan (mahalliy ma'muriyat) so'raydi.
    Mavsumiy ishga yiliga 9 oygacha ruxsat beriladi.
    Reyestrdagi yozuv (120 kun amal qiladi) mavsumiy ish vizasi uchun asos bo'ladi.
    Turistik viza bilan ariza berib bo'lmaydi.
# REVIEW: native speaker
kb-poland-details =
    Rasmiy ma'lumot praca.gov.pl saytida.
    2025-yilning 9 oyida Polshada 2 600 qozog'istonlik ishladi.
    Turistik viza bilan ish qidirib bormang.
# REVIEW: native speaker
kb-poland-next =
    • Vizaga ariza berishdan oldin ish beruvchidan reyestrdagi yozuvni so'rang.
    • Agentlik bo'lsa, uni tekshiring.

## uk-seasonal

kb-uk-seasonal-title = Buyuk Britaniyaning mavsumiy ish vizasi
# REVIEW: native speaker
kb-uk-seasonal-short =
    Buyuk Britaniyaning mavsumiy ishchi vizasi (Seasonal Worker) bog'dorchilik va dehqonchilikdagi ish (hosil yetishtirish va yig'ish) uchun istalgan 12 oy ichida 6 oygacha beriladi.
    Uni faqat dasturning litsenziyali operatorlari orqali olish mumkin.
    Oilani birga olib borib bo'lmaydi va vizani boshqasiga almashtirib bo'lmaydi.
# REVIEW: native speaker
kb-uk-seasonal-details =
    Ishga joylashtirish uchun pul oladigan vositachilar — ma'lum muammo. Qozog'istonlik ishchilar eng yuqori to'lovlardan birini to'lashgan, ko'pincha qarzga olib (FLEX hisoboti, 2024).
    Dasturdagi o'rin uchun pul so'raydiganlardan ehtiyot bo'ling.
    2025-yilning 9 oyida Buyuk Britaniyada 1 400 qozog'istonlik ishladi.
# REVIEW: native speaker
kb-uk-seasonal-next =
    • Rekruter dasturning litsenziyali operatori bilan ishlashini tekshiring.
    • Vositachiga to'lash uchun qarz olmang.
    • Maslahatchidan so'rang.

## consular-help

kb-consular-help-title = Elchixona yoki konsullik yordami
# REVIEW: native speaker
kb-consular-help-short =
    Chet elda qiyin ahvolga tushib qolsangiz, avval Qozog'iston elchixonasi yoki konsulligiga murojaat qiling.
    Tashqi ishlar vazirligi fuqarolarga chet eldagi majburiy mehnatdan uyga qaytishga yordam bergan.
    Ishonch telefonimiz bog'lanishga yordam beradi: { $hotlinePhone }.
# REVIEW: native speaker
kb-consular-help-details =
    Qayerda ekaningizni, nima bo'lganini va siz bilan qanday bog'lanish mumkinligini ayting.
    Pasportingizni olib qo'yishgan yoki yo'qotgan bo'lsangiz, bu haqda ham ayting.
    Hozir xavf ostida bo'lsangiz: { $emergency }.
# REVIEW: native speaker
kb-consular-help-next =
    • Eng yaqin Qozog'iston elchixonasi yoki konsulligini toping.
    • Bog'lana olmasangiz, ishonch telefonimizga qo'ng'iroq qiling.

## hotline

kb-hotline-title = Ishonch telefoni va maslahatchilar
# REVIEW: native speaker
kb-hotline-short =
    Ishonch telefoni: { $hotlinePhone }
    Ish vaqti: { $hotlineHours }.
    Shoshilinch holatda: { $emergency }.
    Shu chatning o'zida maslahatchidan ham so'rashingiz mumkin.
# REVIEW: native speaker
kb-hotline-details =
    Maslahatchi turish muddati, ro'yxatdan o'tish, ish va ish beruvchi bilan muammolar haqidagi savollarga javob beradi — Qozog'istonda ham, chet elda ham.
    Ish vaqtidan tashqari savolingizni qoldiring: liniya ochilganda maslahatchi javob beradi.
# REVIEW: native speaker
kb-hotline-next =
    • Pastdagi «Maslahatchidan so'rash» tugmasini bosing.
    • Hozir xavf ostida bo'lsangiz: { $emergency }.
