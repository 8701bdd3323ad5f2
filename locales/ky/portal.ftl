## Маалымат порталы (jol portal build): сайттын барактарынын тексттери.
## Макалалар, белгилер жана байланыштар боттогу тексттерден жана жөндөөлөрдөн алынат.
# REVIEW: native speaker

portal-site-name = Jol
portal-tagline = Эмгек мигранттары үчүн маалымдама: Казакстанда жана чет өлкөдө
portal-description = Казакстанда болуу, катталуу жана иштөө, ошондой эле чет өлкөдө иштөө боюнча текшерилген жооптор. Акысыз, алты тилде.
portal-skip = Негизги мазмунга өтүү
portal-languages = Тил
portal-home = Башкы бет
portal-search-label = Темалар боюнча издөө
portal-search-placeholder = паспорт, каттоо
portal-search-button = Издөө
portal-search-title = Издөө
portal-search-results = «{ $query }» суроосу боюнча жыйынтыктар
portal-search-none = Эч нерсе табылган жок. Башка сөз менен издеп көрүңүз же тизмеден тема тандаңыз.
portal-search-nojs = Издөө JavaScript күйгүзүлгөндө гана иштейт. Бардык темалар төмөнкү тизмеде.
portal-all-topics = Бардык темалар
portal-more-topics = Башка темалар
portal-details = Кененирээк
portal-next = Эмне кылуу керек
portal-sources = Булактар
portal-related = Байланыштуу темалар
portal-ask = Суроолоруңуз калдыбы? Бот ушул теманы ачат, суроолоруңузга жооп берет жана кеңешчи менен байланыштырат.
portal-ask-telegram = Telegram'да суроо
portal-ask-whatsapp = WhatsApp'ка жазуу
portal-bot-title = Jol боту
portal-bot-intro = Бот суроолорго жооп берет, жумуш сунуштарын текшерет жана ишеним телефонунун кеңешчиси менен байланыштырат.
portal-hotline = Ишеним телефону
portal-hotline-phone = { $phone }, иш убактысы: { $hours }
portal-emergency = Шашылыш жардам
portal-demo = ДЕМО: бул чыныгы байланыш эмес
portal-flags-title = Жумуш сунушундагы коркунучтуу белгилер
portal-flags-intro = Эл аралык эмгек уюму (ЭЭУ) мажбурлап иштетүүнү жана адам сатууну ушул белгилер аркылуу аныктайт. Бир белги — сак болууга себеп. Бир нече белги — токтоп, кеңеш алууга себеп.
portal-flags-more = Бардык белгилер түшүндүрмөсү менен
portal-flags-check = Сунушуңузду текшериңиз: жарыянын текстин ботко жибериңиз, ал эмнеден сак болуу керектигин көрсөтөт.
portal-flags-signs = Иш жүзүндө кандай көрүнөт
portal-flags-advice = Эмне кылуу керек
portal-flags-dims = Тиешелүү: { $dims }
portal-disclaimer = Jol юристтин ордун баспайт. Мыйзамдар өзгөрөт: күмөнүңүз болсо, кеңешчиден сураңыз.
portal-checker-title = Жумуш жарыясын текшерүү
portal-checker-intro = Жарыянын текстин же жумуш берүүчүнүн билдирүүсүн коюңуз. Текшерүү боттогудай эрежелер менен түз эле телефонуңузда жүрөт. Текст эч жакка жөнөтүлбөйт.
portal-checker-label = Жарыянын тексти
portal-checker-button = Текшерүү
portal-checker-nojs = Текшерүү JavaScript күйгүзүлгөндө гана иштейт. Ансыз жарыяны ботто текшериңиз.
portal-checker-link = Жарыянын текстин ушул бетте текшерүү
