# WhatsApp Cloud API transporti (src/channels/whatsapp-cloud, docs/whatsapp.md).

## Tanlovlar ro'yxatini ochadigan tugma (20 belgidan oshmasin).
wa-cloud-list-button = Tanlash

## Bizniki bo'lmagan yoki eskirgan tugma yoki ro'yxatga javob.
wa-cloud-button-invalid = Bu tugma ishlamaydi. Menyuni ochish uchun /menu yuboring.
wa-cloud-button-expired = Bu tugma eskirgan. Menyuni ochish uchun /menu yuboring.

## Meta tasdig'iga yuboriladigan shablon matni (Utility toifasi, o'zgaruvchisiz).
# REVIEW: native speaker
wa-cloud-template-body = Sizga ishonch telefonidan yangi xabar keldi. Uni o'qish uchun ushbu xabarga istalgan so'z bilan javob bering.

## Xodimlarga: WhatsApp foydalanuvchisiga xabar nega kutmoqda.
# REVIEW: native speaker
wa-cloud-staff-window-closed = Hali yetkazilmadi: foydalanuvchi oxirgi marta 24 soatdan oldin yozgan, bunda WhatsApp faqat tasdiqlangan shablonga ruxsat beradi. "{ $lang }" tili uchun shablon berilmagan (WHATSAPP_TEMPLATES). Xabar kutmoqda va foydalanuvchi yana yozganda yuboriladi.

## `jol whatsapp templates`
# REVIEW: native speaker
wa-cloud-templates-intro = WhatsApp Manager'da har bir til uchun bitta shablon yarating (Message templates → Create template), Utility toifasi, quyidagi matn bilan va o'zgaruvchisiz. Tasdiqlangandan keyin ularni WHATSAPP_TEMPLATES'da ko'rsating, masalan ru=jol_message,en=jol_message@en_US.
wa-cloud-templates-configured = berilgan: { $name } ({ $code })
wa-cloud-templates-missing = berilmagan: 24 soatlik oynadan tashqarida bu foydalanuvchilarga xabarlar kutadi

## Alerts outside the 24-hour window (WHATSAPP_ALERT_TEMPLATES): the body to submit, its one variable the alert's text.
# REVIEW: native speaker
wa-cloud-alert-template-body = Jol ishonch telefoni ogohlantirishi: { "{{1}}" }
# REVIEW: native speaker
wa-cloud-alert-templates-intro = Ogohlantirish shablonlari (WHATSAPP_ALERT_TEMPLATES): har bir til uchun bittadan, quyidagi matn va bitta o'zgaruvchi — ogohlantirish matni bilan, shunda 24 soatlik oynadan tashqaridagi obunachilar ogohlantirishning o'zini oladi. Toifani Meta belgilaydi. Tasdiqlangandan keyin ularni ko'rsating, masalan ru=jol_alert,en=jol_alert@en_US.
