## Ishonch telefoni maslahatchisiga uzatish (cases moduli).
## Xodimlar uchun matnlar (case-staff-*, case-desk-*) faqat HOTLINE_STAFF_LANG tilida (ru yoki en) ko'rsatiladi;
## bu yerda har bir id bo'lishi uchun ularning ruscha nusxasi turibdi.

case-intro-shared = Ishonch telefoni maslahatchisi quyidagilarni ko'radi: tilingiz, messenjeringiz, shu suhbatda botga aytganlaringiz (masalan, ish taklifini tekshirishdagi javoblaringiz) va hozir yozadigan tavsifingiz. Telefon raqamingiz ruxsatingizsiz ko'rsatilmaydi.
case-describe-ask = Nima bo'lganini va qanday yordam kerakligini bir necha so'z bilan yozing. Yoki «O'tkazib yuborish» tugmasini bosing.
case-describe-text = Iltimos, buni matn bilan yozing yoki «O'tkazib yuborish» tugmasini bosing.
case-skip = O'tkazib yuborish
# REVIEW: native speaker
case-off-hours =
    Hozir maslahatchilar ishlamayapti (ish vaqti: { $hours }).
    Javob { $when ->
        [today] bugun soat { $time } dan keyin
        [tomorrow] ertaga soat { $time } dan keyin
        [d1] dushanba kuni soat { $time } dan keyin
        [d2] seshanba kuni soat { $time } dan keyin
        [d3] chorshanba kuni soat { $time } dan keyin
        [d4] payshanba kuni soat { $time } dan keyin
        [d5] juma kuni soat { $time } dan keyin
        [d6] shanba kuni soat { $time } dan keyin
       *[d7] yakshanba kuni soat { $time } dan keyin
    } keladi.
    Hozir xavf ostida bo'lsangiz: { $contacts }
case-contact-ask = Suhbat uzilib qolsa, siz bilan bog'lanish uchun maslahatchi telefon raqamingizni yoki messenjerdagi akkauntingizni ko'rishi mumkinmi? Ruxsatingizsiz u buni ko'rmaydi.
case-contact-yes = Ha, mumkin
case-contact-no = Yo'q
case-contact-hint = Iltimos, «ha» yoki «yo'q» deb javob bering.
case-opened = #{ $id } murojaatingiz ishonch telefoniga yuborildi. Maslahatchi sizga shu yerda yozadi. Endi yuborgan hamma narsangizni maslahatchi oladi. Suhbatdan chiqish uchun /menu yuboring.
case-added = Sizda allaqachon #{ $id } murojaat bor: xabarlaringiz unga qo'shilib, maslahatchiga boradi. Suhbatdan chiqish uchun /menu yuboring.
case-already-open = Siz allaqachon ishonch telefoni bilan aloqadasiz (#{ $id } murojaat). Xabaringizni shu yerga yozavering.
case-chat-reminder = Siz maslahatchi bilan suhbatdasiz (#{ $id } murojaat): xabaringizni yozing. Suhbatdan chiqish uchun /menu yuboring.
case-left = Siz maslahatchi bilan suhbatdan chiqdingiz (#{ $id } murojaat). Maslahatchi sizga shu yerda hali yozishi mumkin. Qayta murojaat qilish uchun /human yuboring.
case-user-joined = Suhbatga ishonch telefoni maslahatchisi qo'shildi. Unga shu yerda yozishingiz mumkin.
case-user-closed = Maslahatchi #{ $id } murojaatni yopdi. Yana yordam kerak bo'lsa, /human yuboring.
case-user-reopened = Maslahatchi #{ $id } murojaatingizni qayta ochdi. Xabarlaringizni yana maslahatchi oladi.
case-feedback-ask = Bu suhbat sizga qanchalik yordam berdi? 1 dan (umuman yordam bermadi) 5 gacha (juda yordam berdi) tanlang.
case-feedback-thanks = Javobingiz uchun rahmat!
# Maslahatchi bilan suhbatni tugatadigan iboralar, vergul bilan.
case-end-words = suhbatni tugatish, suhbatdan chiqish, chatni tugatish, chatdan chiqish, chatni yopish

case-tpl-hello = Assalomu alaykum! Men ishonch telefoni maslahatchisiman. Sizga qanday yordam bera olaman?
case-tpl-wait = Rahmat, ma'lumotni tekshiryapman. Iltimos, bir necha daqiqa kuting.
case-tpl-safe = Hozir xavfsiz joydamisiz? Erkin yoza olasizmi yoki telefoningizni boshqa birov ko'rishi mumkinmi?
case-tpl-docs = Imkoningiz bo'lsa, hujjat rasmini yuboring (shartnoma, pasport sahifasi, ro'yxatdan o'tish hujjati). Ulashishni istamagan ma'lumotlarni yopib qo'yishingiz mumkin.
case-tpl-call = Ishonch telefoniga qo'ng'iroq qilishingiz ham mumkin: { $phone }.
case-tpl-bye = Murojaat qilganingiz uchun rahmat. Yana yordam kerak bo'lsa, istalgan vaqtda shu yerga yozing.

# Staff-facing: rendered only in HOTLINE_STAFF_LANG (ru/en); Russian copy so every id exists.
## --- сторона сотрудников (HOTLINE_STAFF_LANG) ---

case-staff-topic = #{ $id } · { $lang }{ $urgent ->
        [yes] {" · "}срочно
       *[no] {""}
    } · { $reason }
case-staff-reason = { $reason ->
        [menu] из меню
        [command] /human
        [job-check] проверка вакансии
        [danger] слова опасности
        [misunderstood] бот не понял
       *[article] после статьи
    }
case-staff-card =
    Обращение #{ $id }
    Язык: { $lang }
    Канал: { $channel }
    Приоритет: { $priority ->
        [urgent] ❗ срочно
       *[normal] обычный
    }
    Причина: { $reason }
    Статус: { $status ->
        [waiting] ждёт консультанта
        [assigned] у { $assignee }
       *[closed] закрыто ({ $outcome })
    }
    Контакт: { $contact }
case-staff-contact-hidden = скрыт (пользователь не разрешил)
case-staff-summary = Сводка:
case-staff-var = { $name ->
        [danger] Слова опасности
        [kb_article] Читал статью
        [scr_risk] Риск по проверке вакансии
        [scr_flags] Тревожные признаки
        [scr_result] Ответы проверки вакансии
       *[other] { $name }
    }
case-staff-desc = Описание пользователя:
case-staff-btn-take = ✋ Взять
case-staff-btn-over = 🔁 Перехватить
case-staff-btn-close = ✅ Закрыть
case-staff-outcome = { $outcome ->
        [info] дана информация
        [referred] направлен к партнёру
        [trafficking] подозрение на торговлю людьми
        [no-reply] пользователь не ответил
       *[other] другое
    }
case-staff-close-ask = Итог обращения #{ $id }?
case-staff-taken = { $name } взял(а) обращение. Его/её сообщения в этой теме уходят пользователю; остальные остаются внутренними.
case-staff-transferred = { $name } перехватил(а) обращение у { $from }.
case-staff-has-it = Обращение уже у { $name }.
case-staff-yours = Это обращение уже у вас.
case-staff-is-closed = Обращение закрыто.
case-staff-not-allowed = Это могут делать только консультанты горячей линии.
case-staff-closed = { $name } закрыл(а) обращение: { $outcome ->
        [info] дана информация
        [referred] направлен к партнёру
        [trafficking] подозрение на торговлю людьми
        [no-reply] пользователь не ответил
       *[other] другое
    }.
case-staff-reopened = { $name } снова открыл(а) обращение.
case-staff-forgotten = Пользователь удалил свои данные (/forget): обращение и переписка удалены; закройте тему.
case-staff-user-left = Пользователь вышел из чата.
case-staff-again = Пользователь снова попросил консультанта.
case-staff-feedback = Пользователь оценил разговор на { $score } из 5.
case-staff-blocked = Не доставлено: пользователь заблокировал бота.
case-staff-undelivered = Не доставлено пользователю. Попробуйте позже.
case-staff-user-says = 👤 { $text }
case-staff-user-media = 👤 [{ $kind }] { $text }
case-staff-media-not-sent = Мессенджер пользователя не принимает этот файл: отправлена только подпись.
case-staff-sla = ⏰ Обращение #{ $id } ждёт уже { $minutes } мин, его никто не взял.
case-staff-sla-admins = ⚠️ Администраторам: обращение #{ $id } всё ещё ждёт, уже { $minutes } мин. { $mentions }
case-staff-tpl-list = Готовые ответы: { $names }. Отправьте /tpl имя.
case-staff-tpl-unknown = Готового ответа «{ $name }» нет. Есть: { $names }.
case-staff-not-assignee = Писать пользователю может только консультант, у которого обращение. Сначала возьмите его (кнопка или /transfer).
case-staff-no-case = Эта тема не связана с обращением.
case-staff-reopen-busy = У пользователя есть другое открытое обращение; это открыть нельзя.
case-staff-reopen-open = Обращение не закрыто.
case-staff-note-empty = Напишите заметку после команды: /note текст
case-staff-list =
    Открытые обращения:
    { $lines }
case-staff-topic-missing = Тема этого обращения удалена; само обращение на месте (/cases).
case-staff-help = В теме обращения: /note текст — внутренняя заметка; /tpl имя — готовый ответ; /transfer — перехватить обращение; /close — закрыть с итогом; /reopen — открыть снова. В общей теме: /cases — список открытых обращений.

## --- jol desk (терминал) ---

case-desk-title = Jol desk: открытые обращения (Redis). Команды: /list, /take N, /show N, /note текст, /tpl имя, /transfer, /close итог, /reopen N, /help, /quit. Любая другая строка уходит пользователю текущего обращения.
case-desk-empty = Открытых обращений нет.
case-desk-line = #{ $id } { $status } { $priority } { $lang } { $channel } { $reason } { $age } мин
case-desk-taken = Обращение #{ $id } у вас. Всё, что вы пишете, уходит пользователю; /note текст — внутренняя заметка; /close ИТОГ закрывает.
case-desk-pick = Сначала возьмите или откройте обращение: /take N или /show N
case-desk-outcomes = Итоги: info, referred, trafficking, no-reply, other
case-desk-unknown = Неизвестная команда. Наберите help.
case-desk-sent = отправлено
case-desk-internal = не отправлено: обращение не у вас (сохранено как внутренняя заметка)
