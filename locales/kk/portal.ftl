## Ақпараттық портал (jol portal build): сайт беттерінің мәтіндері.
## Мақалалар, белгілер мен байланыстар боттағы мәтіндер мен баптаулардан алынады.
# REVIEW: native speaker

portal-site-name = Jol
portal-tagline = Еңбек мигранттарына арналған анықтамалық: Қазақстанда және шетелде
portal-description = Қазақстанда болу, тіркелу және жұмыс істеу, сондай-ақ шетелде жұмыс туралы тексерілген жауаптар. Тегін, алты тілде.
portal-skip = Мазмұнға өту
portal-languages = Тіл
portal-home = Басты бет
portal-search-label = Тақырыптар бойынша іздеу
portal-search-placeholder = паспорт, тіркеу
portal-search-button = Іздеу
portal-search-title = Іздеу
portal-search-results = «{ $query }» сұрауы бойынша нәтижелер
portal-search-none = Ештеңе табылмады. Басқа сөзбен іздеп көріңіз немесе тізімнен тақырып таңдаңыз.
portal-search-nojs = Іздеу тек JavaScript қосулы болғанда жұмыс істейді. Барлық тақырыптар төмендегі тізімде.
portal-all-topics = Барлық тақырыптар
portal-more-topics = Басқа тақырыптар
portal-details = Толығырақ
portal-next = Не істеу керек
portal-sources = Дереккөздер
portal-related = Байланысты тақырыптар
portal-ask = Сұрағыңыз қалды ма? Бот осы тақырыпты ашады, сұрақтарыңызға жауап береді және кеңесшімен байланыстырады.
portal-ask-telegram = Telegram-да сұрау
portal-ask-whatsapp = WhatsApp-қа жазу
portal-bot-title = Jol боты
portal-bot-intro = Бот сұрақтарға жауап береді, жұмыс ұсыныстарын тексереді және жедел желі кеңесшісімен байланыстырады.
portal-hotline = Жедел желі
portal-hotline-phone = { $phone }, жұмыс уақыты: { $hours }
portal-emergency = Шұғыл көмек
portal-demo = ДЕМО: бұл нақты байланыс емес
portal-flags-title = Жұмыс ұсынысындағы қауіпті белгілер
portal-flags-intro = Халықаралық еңбек ұйымы (ХЕҰ) мәжбүрлі еңбек пен адам саудасын осы белгілер арқылы анықтайды. Бір белгі — сақ болуға себеп. Бірнеше белгі — тоқтап, кеңес алуға себеп.
portal-flags-more = Барлық белгілер түсіндірмесімен
portal-flags-check = Ұсынысыңызды тексеріңіз: хабарландыру мәтінін ботқа жіберіңіз, ол нені ескеру керегін көрсетеді.
portal-flags-signs = Іс жүзінде қалай көрінеді
portal-flags-advice = Не істеу керек
portal-flags-dims = Қатысты: { $dims }
portal-disclaimer = Jol заңгердің орнын баспайды. Заңдар өзгереді: күмәніңіз болса, кеңесшіден сұраңыз.
portal-checker-title = Жұмыс туралы хабарландыруды тексеру
portal-checker-intro = Хабарландыру мәтінін немесе жұмыс берушінің хабарын қойыңыз. Тексеру боттағыдай ережелермен тікелей телефоныңызда жүреді. Мәтін ешқайда жіберілмейді.
portal-checker-label = Хабарландыру мәтіні
portal-checker-button = Тексеру
portal-checker-nojs = Тексеру тек JavaScript қосулы болғанда жұмыс істейді. Онсыз хабарландыруды боттан тексеріңіз.
portal-checker-link = Хабарландыру мәтінін осы бетте тексеру
