# Telegram kanali (src/channels/telegram): buyruqlar menyusi va tugmalarga javoblar.

## Telegramdagi «/» menyusidagi buyruqlar tavsifi (setMyCommands).
tg-cmd-start = Qaytadan boshlash
tg-cmd-menu = Asosiy menyu
tg-cmd-language = Tilni oʻzgartirish
tg-cmd-help = Yordam
tg-cmd-human = Maslahatchi bilan gaplashish
tg-cmd-stop = Joriy suhbatni toʻxtatish
tg-cmd-forget = Maʼlumotlarimni oʻchirish

## Bosilgan tugmaga qisqa javoblar (answerCallbackQuery, 200 belgidan oshmaydi).
tg-callback-invalid = Bu tugma ishlamaydi. Menyuni ochish uchun /menu yuboring.
# REVIEW: native speaker
tg-callback-expired = Bu tugma eskirgan. Menyuni ochish uchun /menu yuboring.

## Bot qoʻshilgan guruhda bir marta aytiladi (bot faqat shaxsiy chatlarda ishlaydi).
# REVIEW: native speaker
tg-private-only = Men faqat shaxsiy chatlarda ishlayman. Iltimos, menga toʻgʻridan-toʻgʻri yozing: @{ $bot }
