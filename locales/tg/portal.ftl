## Портали иттилоотӣ (jol portal build): матнҳои саҳифаҳои сайт.
## Мақолаҳо, нишонаҳо ва тамосҳо аз ҳамон матнҳо ва танзимоти бот гирифта мешаванд.
# REVIEW: native speaker

portal-site-name = Jol
portal-tagline = Маълумотнома барои муҳоҷирони меҳнатӣ: дар Қазоқистон ва дар хориҷа
portal-description = Ҷавобҳои санҷидашуда дар бораи будан, бақайдгирӣ ва кор дар Қазоқистон ва кор дар хориҷа. Ройгон, бо шаш забон.
portal-skip = Гузаштан ба матни асосӣ
portal-languages = Забон
portal-home = Саҳифаи асосӣ
portal-search-label = Ҷустуҷӯ аз рӯи мавзӯъҳо
portal-search-placeholder = шиноснома, бақайдгирӣ
portal-search-button = Ҷустуҷӯ
portal-search-title = Ҷустуҷӯ
portal-search-results = Натиҷаҳо барои «{ $query }»
portal-search-none = Чизе ёфт нашуд. Калимаи дигарро санҷед ё аз рӯйхат мавзӯъ интихоб кунед.
portal-search-nojs = Ҷустуҷӯ танҳо бо JavaScript-и фаъол кор мекунад. Ҳамаи мавзӯъҳо дар рӯйхати поён.
portal-all-topics = Ҳамаи мавзӯъҳо
portal-more-topics = Мавзӯъҳои дигар
portal-details = Муфассалтар
portal-next = Чӣ бояд кард
portal-sources = Сарчашмаҳо
portal-related = Мавзӯъҳои марбут
portal-ask = Савол доред? Бот ҳамин мавзӯъро мекушояд, ба саволҳоятон ҷавоб медиҳад ва бо машваратчӣ пайваст мекунад.
portal-ask-telegram = Дар Telegram пурсидан
portal-ask-whatsapp = Ба WhatsApp навиштан
portal-bot-title = Боти Jol
portal-bot-intro = Бот ба саволҳо ҷавоб медиҳад, пешниҳодҳои корро месанҷад ва бо машваратчии хати боварӣ пайваст мекунад.
portal-hotline = Хати боварӣ
portal-hotline-phone = { $phone }, соатҳои корӣ: { $hours }
portal-emergency = Ёрии таъҷилӣ
portal-demo = НАМУНА (DEMO): ин тамоси воқеӣ нест
portal-flags-title = Нишонаҳои хатар дар пешниҳоди кор
portal-flags-intro = Созмони байналмилалии меҳнат (СБМ) кори маҷбурӣ ва савдои одамонро аз рӯи ҳамин нишонаҳо муайян мекунад. Як нишона — сабаби эҳтиёт шудан. Якчанд нишона — сабаби истодан ва маслиҳат гирифтан.
portal-flags-more = Ҳамаи нишонаҳо бо шарҳ
portal-flags-check = Пешниҳоди худро санҷед: матни эълонро ба бот фиристед, ӯ нишон медиҳад, ки чӣ хатарнок аст.
portal-flags-signs = Дар амал чӣ гуна менамояд
portal-flags-advice = Чӣ бояд кард
portal-flags-dims = Марбут ба: { $dims }
portal-disclaimer = Jol ҷои ҳуқуқшиносро намегирад. Қонунҳо тағйир меёбанд: агар шубҳа дошта бошед, аз машваратчӣ пурсед.
portal-checker-title = Санҷидани эълони кор
portal-checker-intro = Матни эълон ё паёми корфарморо гузоред. Санҷиш бо ҳамон қоидаҳои бот бевосита дар телефони шумо мегузарад. Матн ба ҳеҷ ҷо фиристода намешавад.
portal-checker-label = Матни эълон
portal-checker-button = Санҷидан
portal-checker-nojs = Санҷиш танҳо бо JavaScript-и фаъол кор мекунад. Бе он эълонро дар бот санҷед.
portal-checker-link = Матни эълонро дар ҳамин саҳифа санҷед
