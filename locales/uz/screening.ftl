## Screening: the job-offer check (flow job-check), the pasted-ad analyser, the agency list.
## REVIEW: native speaker — a non-native translation; the messages marked below most of all.

scr-menu = Ish taklifini tekshiramiz. Sizga qaysi biri mos?
scr-menu-offer = 🤔 Borish-bormaslikni hal qilyapman
scr-menu-working = 🏭 Allaqachon ishlayapman
scr-menu-paste = 📋 E’lon matnini yuborish
scr-menu-agency = 🏢 Agentlikni tekshirish

scr-offer-intro = Taklif haqida bir nechta qisqa savol. «Ha», «Yo‘q» yoki «Bilmayman» deb javob bering.
scr-work-intro = Hozirgi ishingiz haqida bir nechta qisqa savol. «Ha», «Yo‘q» yoki «Bilmayman» deb javob bering. Javoblarni faqat siz ko‘rasiz (maslahatchini chaqirsangiz — u ham).

scr-q-fee = Sizdan ish, viza, hujjatlar yoki «agentlik xizmati» uchun pul so‘rashyaptimi?
scr-q-abroad = Ish boshqa davlatdami?
# REVIEW: native speaker
scr-q-visa = Sizga turist sifatida, vizasiz yoki K-ETA bilan borib, ishni «o‘sha yerda rasmiylashtirish»ni aytishyaptimi? YeOII mamlakati fuqarosi bo‘lib, boshqa YeOII mamlakatiga borsangiz, «Yo‘q» deb javob bering.
scr-q-contract = Jo‘nashdan oldin yozma mehnat shartnomasini oldingizmi?
scr-q-contract-lang = Shartnoma siz tushunadigan tildami?
scr-q-employer = Ish beruvchining aniq nomi va manzilini bilasizmi (faqat vositachining ismini emas)?
# REVIEW: native speaker
scr-q-pay = Maosh bunday ish uchun odatdagidan ancha yuqorimi, tajriba ham, til ham kerak emasmi?
scr-q-passport = Kimdir pasportingiz yoki hujjatlaringizni o‘zida saqlashini aytdimi?
scr-q-debt = Yo‘l, viza yoki turar joy puli keyin maoshdan ushlanadimi yoki «qarzga» beriladimi?

scr-w-docs = Pasportingiz yoki hujjatlaringiz hozir ish beruvchi yoki vositachidami?
scr-w-leave = Ish joyidan erkin chiqib, xohlasangiz ishdan ketishingiz mumkinmi?
scr-w-wages = Maoshni kechiktirishyaptimi, to‘lamayaptimi yoki va’da qilinganidan ancha kam to‘layaptimi?
scr-w-debt = Ish beruvchi yoki vositachidan qarzdormisiz va bu qarz o‘sib boryaptimi?
scr-w-hours = Kuniga 12 soatdan ko‘p yoki dam olish kunisiz ishlaysizmi?
scr-w-living = Turar joy yoki ovqat yomonmi: tor, xavfli, suv yoki ovqat yo‘qmi?
scr-w-threats = Sizga, oilangizga qo‘rqitishdimi, politsiya yoki deportatsiya bilan qo‘rqitishdimi?
# REVIEW: native speaker
scr-w-violence = Ishchilardan birortasini urishdimi, unga xohishiga qarshi qo‘l tekkizishdimi yoki zo‘rlashdimi?
scr-w-isolated = Telefoningizni olib qo‘yishdimi yoki qarindoshlaringiz bilan bog‘lanishga qo‘yishmayaptimi?

scr-result-low = 🟢 Xavf past: jiddiy belgilar topilmadi.
scr-result-medium = 🟡 Xavf o‘rtacha. Mana nima tashvishlantiradi:
scr-result-high = 🔴 Xavf yuqori. Bu majburiy mehnat yoki odam savdosi belgilariga o‘xshaydi:
scr-result-flag-line = • { $explain }
scr-result-unsure-line = • ❔ Siz ishonchingiz komil emas: { $explain }
scr-advice-low = Baribir: ish uchun pul to‘lamang, pasportni o‘zingizda saqlang, shartnomani jo‘nashdan oldin imzolang, qarindoshlaringiz va maslahatchining kontaktlarini saqlang.
scr-advice-medium = Shoshilmang va hech narsa to‘lamang. O‘zingiz tushunadigan tildagi yozma shartnoma va ish beruvchining aniq ma’lumotlarini so‘rang. Taklifni maslahatchi bilan muhokama qilishingiz mumkin.
scr-advice-high = Hozir maslahatchi bilan gaplashishingizni maslahat beramiz. Xavf bo‘lsa — shoshilinch kontaktlar: { $emergency }. Chet elda bo‘lsangiz — davlatingiz elchixonasi yoki konsulligiga murojaat qiling.

scr-choice-consultant = 💬 Maslahatchi bilan muhokama qilish
scr-choice-consultant-now = 🆘 Maslahatchi hozir
scr-choice-details = 📖 Bu belgilar nimani anglatadi
scr-choice-again = 🔁 Qayta tekshirish
scr-choice-guided = ✅ Savollarga javob berish
scr-choice-another-ad = 📋 Boshqa e’lon
scr-choice-another-agency = 🏢 Boshqa agentlik

scr-details-title = Bu belgilar nimani anglatadi (XMT indikatorlari):
scr-details-item =
    { $name } — { $dims }
    { $explain }
    → { $advice }

scr-paste-ask = E’lon yoki ish beruvchi xabarining matnini shu yerga qo‘ying yoki yuboring. Nima tashvishli ekanini ko‘rsataman. Matn saqlanmaydi.
scr-paste-empty = Matn kelmadi. Qayta urinib ko‘ring.
scr-after-ad = Keyin nima qilamiz?
scr-ad-none = Matnda aniq xavf belgilarini topmadim. Bu taklif xavfsiz degani emas: e’londa ko‘p narsa yozilmaydi. Savollarga javob bering — bir-ikki daqiqa xolos.
scr-ad-risk-low = 🟢 Xavf past, lekin bunga e’tibor bering:
scr-ad-risk-medium = 🟡 Xavf o‘rtacha. Matnda nima tashvishlantiradi:
scr-ad-risk-high = 🔴 Xavf yuqori. Matnda nima tashvishlantiradi:
scr-ad-flag-line = • «{ $quote }» — { $explain }
scr-ad-invite = E’lon hammasini aytmaydi. Matnda yo‘q narsani baholash uchun savollarga javob bering.

scr-agency-ask = Agentlik nomini yoki BSN raqamini (12 ta raqam) yozing.
scr-after-agency = Keyin nima qilamiz?
scr-agency-no-list = Tashkilotimizning agentliklar ro‘yxati hali yuklanmagan. Maslahatchidan so‘rang.
scr-agency-not-found = «{ $query }» tashkilotimiz ro‘yxatida yo‘q. Buning o‘zi hech narsani isbotlamaydi: ro‘yxat to‘liq emas. O‘zingiz tekshiring: agentlikdan to‘liq nomi, BSN raqami va jo‘nashdan oldin yozma shartnomani so‘rang, ishga joylashish uchun pul to‘lamang va maslahatchidan so‘rang.
scr-agency-similar = Aniq moslik yo‘q. O‘xshash yozuvlar — aynan shu agentlik ekanini tekshiring:
scr-agency-entry =
    { $name } (BSN { $bin })
    Ro‘yxatimizdagi holati: { $status }
    Izoh: { $note }
    Manba: { $source }, tekshirilgan sana { $date }
scr-agency-status-trusted = ✅ shikoyat yo‘q
scr-agency-status-complaints = ⚠️ shikoyatlar bor
scr-agency-status-unknown = ❔ ma’lumot yo‘q
scr-agency-caveat = Bu tashkilotimizning o‘z ro‘yxati, rasmiy reestr emas. Ma’lumotlar eskirgan bo‘lishi mumkin — maslahatchidan aniqlang.

# REVIEW: native speaker
scr-dim-deceptive-recruitment = aldov bilan yollash
scr-dim-coercive-recruitment = majburlab yollash
scr-dim-vulnerability-recruitment = zaif ahvoldan foydalanib yollash
scr-dim-exploitative-conditions = ekspluatatsion mehnat sharoitlari
scr-dim-coercion-destination = ish joyida majburlash
scr-dim-vulnerability-destination = ish joyida zaif ahvoldan foydalanish

scr-ind-abuse-of-vulnerability = Zaif ahvoldan foydalanish
scr-ind-abuse-of-vulnerability-explain = Odamning hujjati, puli, tili yoki tanlovi yo‘qligidan foydalanishadi.
scr-ind-abuse-of-vulnerability-advice = Faqat qonuniy asosda ishlang, maslahatchi va elchixona kontaktlarini yoningizda saqlang.
scr-ind-deception = Aldov
scr-ind-deception-explain = Bir ish, maosh yoki sharoitni va’da qilib, boshqasini berishadi.
scr-ind-deception-advice = Jo‘nashdan oldin hammasini yozma oling: ish beruvchi, manzil, maosh, soatlar, turar joy.
scr-ind-restriction-of-movement = Harakat erkinligini cheklash
scr-ind-restriction-of-movement-explain = Ish joyi yoki turar joydan chiqarishmaydi, qulflashadi, qo‘riqlashadi.
scr-ind-restriction-of-movement-advice = Sizni chiqarishmasa — bu jiddiy. Maslahatchiga murojaat qiling; xavf bo‘lsa — shoshilinch kontaktlar: { $emergency }.
scr-ind-isolation = Izolyatsiya
scr-ind-isolation-explain = Telefonni olishadi, qarindoshlar bilan gaplashtirishmaydi, olis joyda ushlashadi.
scr-ind-isolation-advice = Qarindoshlaringiz bilan muntazam aloqa va maxfiy so‘z haqida kelishing. Maslahatchi raqamini saqlang.
scr-ind-violence = Jismoniy va jinsiy zo‘ravonlik
scr-ind-violence-explain = Kaltaklash, jinsiy zo‘ravonlik yoki ular bilan qo‘rqitish.
scr-ind-violence-advice = Xavfsizligingiz eng muhimi. Xavf bo‘lsa — shoshilinch kontaktlar: { $emergency }. Maslahatchi yordam topishga ko‘maklashadi.
scr-ind-threats = Qo‘rqitish va tahdid
scr-ind-threats-explain = Sizni yoki oilangizni politsiya, deportatsiya yoki ketsangiz jarima bilan qo‘rqitishadi.
scr-ind-threats-advice = Kim, qachon va nima bilan qo‘rqitganini yozib qo‘ying. Xavfsiz ketish yo‘lini maslahatchi bilan muhokama qiling.
scr-ind-document-retention = Hujjatlarni ushlab qolish
scr-ind-document-retention-explain = Pasport yoki hujjatlar ish beruvchi yoki vositachida turadi.
scr-ind-document-retention-advice = Pasportni o‘zingizda saqlang, faqat nusxasini bering. Barcha hujjatlarni suratga olib, qarindoshlaringizga yuboring.
scr-ind-wage-withholding = Maoshni ushlab qolish
scr-ind-wage-withholding-explain = Maoshni to‘lashmaydi, kechiktirishadi yoki hammasini «mavsum oxirida» berishni va’da qilishadi.
scr-ind-wage-withholding-advice = Maoshni muntazam talab qiling, soatlar va summalarni yozib boring. Butun maoshni mavsum oxirigacha kutishga rozi bo‘lmang.
scr-ind-debt-bondage = Qarz qulligi
scr-ind-debt-bondage-explain = Ish, yo‘l yoki turar joy puli ishlab uziladigan qarzga aylanadi.
scr-ind-debt-bondage-advice = Ishga joylashish uchun pul to‘lamang va ish beruvchidan «qarzga» olmang. Barcha cheklar va yozishmalarni saqlang.
scr-ind-abusive-conditions = Og‘ir mehnat va turmush sharoitlari
scr-ind-abusive-conditions-explain = Xavfli ish, suvsiz va issiqliksiz turar joy, ovqat yetishmasligi.
scr-ind-abusive-conditions-advice = Sharoitlarni suratga oling va nima qilish mumkinligini maslahatchi bilan muhokama qiling.
scr-ind-excessive-overtime = Haddan tashqari qo‘shimcha ish
scr-ind-excessive-overtime-explain = Juda uzun smenalar, dam olish kunisiz ish.
scr-ind-excessive-overtime-advice = Ish soatlaringizni har kuni yozib boring. Maosh talab qilishga to‘g‘ri kelsa, yordam beradi.

scr-flag-fee = Sizdan ish, viza yoki rasmiylashtirish uchun pul olishadi — qarz qulligi ko‘pincha shunday boshlanadi.
scr-flag-documents-kept = Pasport yoki hujjatlarni ish beruvchi yoki vositachi saqlaydi.
# REVIEW: native speaker
scr-flag-tourist-entry = Ishga turist sifatida, vizasiz yoki K-ETA bilan borishni taklif qilishadi — bunday safar ishlash huquqini bermaydi (YeOII mamlakatlaridagi YeOII fuqarolaridan tashqari).
scr-flag-no-visa = Viza kerak emas deyishadi: o‘sha davlatda ishlashga ruxsatingiz bor-yo‘qligini tekshiring.
scr-flag-no-contract = Jo‘nashdan oldin yozma shartnoma yo‘q yoki uni «o‘sha yerda» tuzamiz deyishadi.
scr-flag-deferred-pay = Maoshni mavsum oxirida, bir necha oydan keyin yoki «birinchi oylikdan» berishni va’da qilishadi.
scr-flag-travel-debt = Yo‘l yoki boshqa xarajatlar maoshdan ushlanadi — bu qarzga aylanishi mumkin.
scr-flag-confined = Ish joyi yoki turar joydan erkin ketib bo‘lmaydi.
scr-flag-phones-taken = Telefonlarni olishadi yoki qarindoshlar bilan aloqani taqiqlashadi.
scr-flag-extreme-hours = Juda uzun smenalar yoki dam olish kunisiz ish.
scr-flag-women-by-photo = Chet elga «xostes», «model» yoki ko‘ngilochar ishga yosh ayollarni surat orqali qidirishadi — odam savdosining keng tarqalgan usuli.
scr-flag-penalty = Muddatidan oldin ketsangiz — jarima yoki «qarz».
scr-flag-messenger-only = Aloqa faqat messenjer orqali — aslida kimligini tekshirish qiyin.
scr-flag-urgency = Qaror qabul qilishga shoshiltirishadi.
scr-flag-high-pay = Bunday ish uchun maosh haddan tashqari yaxshi.
scr-flag-no-skills = Tajriba ham, til ham kerak emas — yuqori maosh bilan birga bu shubhali.
scr-flag-contract-language = Shartnoma siz tushunmaydigan tilda.
scr-flag-unknown-employer = Haqiqiy ish beruvchi kimligi noma’lum.
scr-flag-wages-withheld = Maoshni kechiktirishadi, to‘lashmaydi yoki va’da qilinganidan kam to‘lashadi.
scr-flag-bad-living = Turar joy yoki ovqat yomon.
scr-flag-threats = Sizni qo‘rqitishyapti.
scr-flag-violence = Ishda zo‘ravonlik bor.
scr-flag-isolated = Sizni telefon va qarindoshlardan ajratib qo‘yishgan.
scr-flag-growing-debt = Ish beruvchiga qarz o‘sib boryapti va uni ishlab berish kerak.
