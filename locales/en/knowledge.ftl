# Knowledge base: menus, article texts, search answers.
# Article metadata (related, sources, reviewed, keywords) is in flows/knowledge.yaml.
# Every article has kb-<id>-title, -short (one phone screen), -details and -next.
# Variables available in every article: $hotlinePhone, $hotlineHours, $emergency (from the settings).

## Shared parts of an article

kb-checked = Checked on { $date }. Rules change often: if in doubt, ask a consultant.
kb-sources = Sources: { $list }
kb-btn-details = More details
kb-btn-consultant = Ask a consultant
kb-btn-coming = Coming to Kazakhstan
kb-btn-abroad = Going abroad to work

## Free-text answers

kb-none = Sorry, I did not find an answer to that. Choose a topic from the menu or ask a consultant.
kb-danger =
    It sounds like you may be in danger. You can talk to a consultant right now.
    Hotline: { $hotlinePhone } ({ $hotlineHours }).
    Emergency: { $emergency }.
kb-btn-danger-now = Talk to a consultant now
kb-btn-danger-read = Show information: { $title }
kb-danger-more = Here is the information. You can still ask a consultant at any time.

## Menus

kb-coming-title = Coming to Kazakhstan. What is your question about?
kb-coming-g-stay = Stay and registration
kb-coming-g-work = Work permits
kb-coming-g-trouble = Problems at work
kb-coming-g-stay-title = Stay and registration. Choose a topic:
kb-coming-g-work-title = Work permits. Choose a topic:
kb-coming-g-trouble-title = Problems at work. Choose a topic:
kb-abroad-title = Going abroad to work. What is your question about?
kb-abroad-g-before = Before you go
kb-abroad-g-countries = Countries
kb-abroad-g-before-title = Before you go. Choose a topic:
kb-abroad-g-countries-title = Which country?

## stay-rules

kb-stay-rules-title = How long you may stay
kb-stay-rules-short =
    It depends on your citizenship.
    • Russia, Belarus, Armenia, Kyrgyzstan (EAEU): up to 90 days in any 180 days. You may work without a work permit, under an employment contract.
    • Uzbekistan: 30 days from the border crossing without registration, 90 days in 180 in total.
    • Other visa-free countries: up to 30 days per entry and no more than 90 days in 180.
    Except for EAEU citizens, a visa-free stay gives no right to work.
    Leaving and coming back does not restart the count.
kb-stay-rules-details =
    The 90 days are counted in any 180-day period, back from today. A "visa run" (leaving for a day and coming back) no longer gives you new days.
    If you have a temporary residence permit or a visa, you stay on the terms of that document.
    EAEU citizens need no work permit (Treaty on the EAEU, article 97), but the stay and registration rules apply to them too. How long you may stay under an employment contract we could not confirm: ask a consultant.
    Citizens of other countries (for example Uzbekistan, Tajikistan) need a permit to work.
    If you stay longer than allowed, you will be refused entry next time.
    Citizens of Tajikistan: we found no separate rule. The general rule (30 days per entry, 90 in 180) probably applies, but this is not confirmed. Ask a consultant.
kb-stay-rules-next =
    • Find your entry date (the stamp in your passport) and count your days.
    • Leave or get a permit before your days run out.
    • Register in time.

## registration

kb-registration-title = Registration
kb-registration-short =
    Since 1 July 2026, citizens of the countries with the 90-day visa-free regime, including Russia, Belarus, Armenia and Kyrgyzstan (EAEU), register themselves.
    Register within 30 calendar days after crossing the border, in the "Migration Police" information system. Your host (landlord, hotel, employer) confirms it in a mobile app. If you move, register again.
    From another country (for example Uzbekistan, Tajikistan)? We could not confirm whether the new rule applies to you: ask a consultant.
kb-registration-details =
    The registration certificate appears in your personal account in the system.
    30 calendar days include weekends and holidays. Do not leave it for the last day.
    Before 1 July 2026 the host notified the migration police of a foreigner's arrival within 3 working days. For EAEU citizens it is now their own duty: do not wait for the host.
    Whether this changed for citizens of other countries we could not confirm: ask your host to check, and ask a consultant.
    Working under an employment contract (EAEU)? The registration terms for workers we could not confirm: ask a consultant.
kb-registration-next =
    • EAEU citizen: count 30 days from the day you crossed the border.
    • Register in the "Migration Police" system and ask your host to confirm it in the app.
    • Keep the certificate (a screenshot or a printout).
    • Moved to a new address? Register again.
    • From another country? Ask a consultant how you register.

## work-permit

kb-work-permit-title = Permission to work
kb-work-permit-short =
    Citizens of Russia, Belarus, Armenia and Kyrgyzstan (EAEU) may work in Kazakhstan without a work permit: they need an employment contract. Do not pay anyone for a permit you do not need.
    For other foreigners (for example from Uzbekistan, Tajikistan), a visa-free stay gives no right to work. You need one of these documents:
    • a work permit that the employer gets;
    • a temporary residence permit for work (TRP);
    • for work in a private household: a permit for a labour immigrant.
    Do not start work without one of them.
kb-work-permit-details =
    EAEU citizens: this is article 97 of the Treaty on the EAEU. The stay and registration rules apply to them too; how long they may stay under an employment contract we could not confirm: ask a consultant.
    Permit through an employer: the employer first posts the vacancy on enbek.kz and may apply 15 days later.
    Fees for seasonal foreign workers from 1 January 2026: 12 MRP for up to 90 days, 24 MRP up to 180 days, 36 MRP up to 270 days, 48 MRP up to 365 days. MRP is the monthly calculation index; its value is set every year.
kb-work-permit-next =
    • EAEU citizen? Ask for a written employment contract.
    • Others: ask the employer which permit they applied for, and ask for a copy.
    • Do not pay anyone "for a permit" outside official channels.
    • Not sure your papers are in order? Ask a consultant.

## trp

kb-trp-title = Temporary residence permit for work (TRP)
kb-trp-short =
    A temporary residence permit for work (TRP, in Russian "РВП") lets you live in Kazakhstan while you work.
    It is issued for the term of your employment contract, at most 1 year.
    Close family members can get one too.
    If you change employer, you need a new TRP within 15 days.
kb-trp-details =
    The rules are in the Law "On Migration of the Population" (article 6-1); the procedure is described on gov.kz.
    If you stay after the TRP ends, both you and your employer can be fined (Administrative Code, articles 517 and 518).
    The TRP does not extend by itself. Plan ahead before your contract ends.
kb-trp-next =
    • Check the end date of your TRP and of your contract.
    • Changing jobs? Apply for a new TRP within 15 days.
    • Ask a consultant if your contract ends early.

## household-permit

kb-household-permit-title = Permit for a labour immigrant (work in a household)
kb-household-permit-short =
    To work for a private person at home (housework for a family), you need a permit for a labour immigrant.
    Citizens of Russia, Belarus, Armenia and Kyrgyzstan (EAEU) need no permit, only an employment contract.
    Apply through eGov or migration.enbek.kz.
    It is given for up to 12 months.
    The employer must record your contract in the unified system of labour contracts (hr.enbek.kz).
kb-household-permit-details =
    There is a monthly payment for this permit. We could not confirm the amount: ask a consultant before you pay anyone.
    Pay only through official channels and keep the receipts.
    Ask the employer to show that your contract is recorded, and keep a copy.
kb-household-permit-next =
    • Apply on eGov or migration.enbek.kz.
    • Check that your contract is recorded on hr.enbek.kz.
    • Ask a consultant about the payment amount.

## kandas

kb-kandas-title = Kandas status
kb-kandas-short =
    Kandas status is for ethnic Kazakhs who never had Kazakh citizenship and come to live in Kazakhstan permanently, and for their family members of Kazakh nationality.
    Apply at a Public Service Centre (PSC), on migration.gov.kz or eGov, on migration.enbek.kz (and its app), or at a Kazakh embassy or consulate abroad.
    The decision takes up to 30 working days.
kb-kandas-details =
    Documents: an application, an autobiography, notarised translations of your identity documents and of documents that show your nationality, papers that show why you are moving.
    Support for kandases: adaptation and integration centres, medical care, school places, quotas in education.
    If you settle in a priority region (Akmola, Atyrau, East Kazakhstan, West Kazakhstan, Kostanay, Pavlodar, North Kazakhstan), you can get resettlement support.
    Important: many applicants overstay while they wait and are fined or expelled. Keep your stay legal while you wait for the decision.
kb-kandas-next =
    • Collect the documents and their notarised translations.
    • Apply at a PSC, online or at an embassy.
    • Watch your stay limit while you wait.

## overstay

kb-overstay-title = Overstay: fines and expulsion
kb-overstay-short =
    Staying longer than allowed is an offence.
    • Up to 3 days late: a warning.
    • 3 to 5 days late: a fine of 10 MRP.
    • Longer: heavier penalties.
    A court may order expulsion. Expelled people get a ban on entering Kazakhstan.
kb-overstay-details =
    This is article 517 (part 3) of the Administrative Code. We could not confirm the full scale of fines for longer delays.
    A deputy minister said the entry ban after expulsion is 5 years.
    An unpaid fine blocks entry until it is paid.
    Coming back during a ban after expulsion is a crime.
    Whoever exceeded the stay limit is refused entry next time.
    More than 14,000 foreigners were expelled in the first 10 months of 2025.
kb-overstay-next =
    • Already overstayed? Do not hide: ask a consultant at once.
    • Pay fines only officially and keep the receipt.
    • Do not try to come back during a ban.

## inspections

kb-inspections-title = Police checks of migrants
kb-inspections-short =
    The police regularly check migrants ("Nelegal" operations): farms, field camps, dormitories, door to door.
    • Keep your documents and your registration proof at hand.
    • Stay calm.
    • Do not pay anyone informally.
    • Contact the hotline: { $hotlinePhone }.
kb-inspections-details =
    In October 2025, in Turkestan region, 627 violations were found in 3 days, most of them overstays.
    We cannot give a confirmed list of your rights during a check. If something goes wrong, contact the hotline or ask a consultant.
    Hotline hours: { $hotlineHours }.
kb-inspections-next =
    • Check that your stay and registration are in order now, before a check.
    • Keep your documents with you.
    • After a problem with a check, ask a consultant.

## documents-taken

kb-documents-taken-title = Your passport or documents were taken
kb-documents-taken-short =
    Nobody may take your passport from you.
    If an employer or anyone else keeps your passport or documents, it is a serious sign of forced labour.
    Contact the hotline: { $hotlinePhone } ({ $hotlineHours }).
    If you are in danger now: { $emergency }.
kb-documents-taken-details =
    Organisations in the south of Kazakhstan report employers who take foreigners' documents and force them to work without pay.
    In Kazakhstan the state helps victims of trafficking and forced labour, foreigners too. In 2025, 171 victims (93 of them foreigners) got housing, medical and psychological help, new documents and help finding a job.
    Since 2023 foreign victims get the same help as citizens, including a temporary residence permit with the right to work.
    This is based on the Law "On Countering Trafficking in Persons" (July 2024).
kb-documents-taken-next =
    • Write down who has your documents and where you are.
    • Contact the hotline or ask a consultant here.
    • In danger: { $emergency }.

## unpaid-wages

kb-unpaid-wages-title = Wages are not paid
kb-unpaid-wages-short =
    If your employer does not pay you or delays your wages, write everything down and ask for help.
    Holding back wages is one of the signs of forced labour.
    A consultant can help you decide what to do.
kb-unpaid-wages-details =
    Keep: your contract, messages from the employer, a list of the days and hours you worked, the amounts you were promised and the amounts you got, the names of the employer and of the workplace.
    Warning signs: "we will pay at the end of the season", "you owe us for the travel", "your pay is a debt".
    If your documents were also taken or you cannot leave, it may be forced labour. Contact the hotline: { $hotlinePhone }.
kb-unpaid-wages-next =
    • Write down your days, hours and amounts.
    • Keep the messages and the contract.
    • Ask a consultant.

## trafficking-signs

kb-trafficking-signs-title = Signs of forced labour and trafficking
kb-trafficking-signs-short =
    Warning signs:
    • your passport or documents are taken;
    • you are not paid, or pay is held back as a "debt";
    • you are not allowed to leave, or you are locked in;
    • threats or violence;
    • you were deceived about the job or the pay.
    Even one sign is a reason to ask for help.
kb-trafficking-signs-details =
    The International Labour Organization lists 11 signs of forced labour: abuse of vulnerability, deception, restriction of movement, isolation, physical and sexual violence, intimidation and threats, retention of identity documents, withholding of wages, debt bondage, abusive working and living conditions, excessive overtime.
    Usually several signs together point to forced labour, but one sign may be enough.
    In Kazakhstan, victims, foreigners too, get help from the state of Kazakhstan: housing, medical care, new documents. Citizens of Kazakhstan abroad first contact Kazakhstan's embassy or consulate.
kb-trafficking-signs-next =
    • If you see these signs, contact the hotline: { $hotlinePhone }.
    • In danger now: { $emergency }.
    • Ask a consultant here.

## going-abroad

kb-going-abroad-title = Before you go abroad to work
kb-going-abroad-short =
    Before you go:
    • Russia and the other EAEU countries (Kyrgyzstan, Belarus, Armenia): citizens of Kazakhstan need no work permit, only an employment contract;
    • other countries: get the document the country requires for work, a work visa or a permit; do not work there on a tourist visa or a visa-free entry;
    • get a written contract in a language you read;
    • check the employer or the agency.
    Be careful if someone asks you to pay for the job or the visa.
kb-going-abroad-details =
    EAEU: this is the Treaty on the EAEU (article 97). In Russia, register if you stay longer than 30 days.
    Warning signs in a job offer: fees for the job or the visa; the employer or agent keeps your passport; no written contract before you leave; no clear name of the employer; pay far above normal with no skills needed; pay "at the end of the season"; travel costs taken from your wages; contact only through a messenger; pressure to decide fast; jobs for young women as "hostess" or "model" abroad.
    One sign alone is weak evidence; several together are a reason to stop.
    After 9 months of 2025, 156,700 people from Kazakhstan worked abroad, most of them in Russia. Country guides are on the Migration.kz portal.
kb-going-abroad-next =
    • Check the job offer with the job check in the main menu.
    • Read the guide for your country.
    • Save the contacts of the embassy and of our hotline.

## agency-check

kb-agency-check-title = Checking a job agency
kb-agency-check-short =
    Be careful with agencies that find jobs abroad.
    We could not confirm that an official licence or public register of private employment agencies is in force. So "licensed" or "registered" cannot be checked that way.
    Our organisation keeps its own list of agencies: a consultant can check one for you.
kb-agency-check-details =
    Warning signs of an agency: it asks you to pay for the job or the visa; it wants to keep your passport; no written contract before you leave; it does not name the employer; the pay is too good to be true; contact only through a messenger; it pushes you to decide fast; it recruits young women by photos for "hostess" or "model" jobs.
    One sign alone is weak evidence. Several signs together are a reason to stop.
kb-agency-check-next =
    • Send the agency's name to a consultant.
    • Check the job offer with the job check in the main menu.
    • Never give your passport to an agency.

## korea

kb-korea-title = Work in South Korea
kb-korea-short =
    Visa-free entry to South Korea is for trips, not for work.
    K-ETA is an electronic travel authorisation, not a visa, and it does not guarantee entry.
    Working without a work visa leads to expulsion and a ban on coming back.
    Kazakhstan is not yet in the Korean Employment Permit System (E-9); joining is in progress.
kb-korea-details =
    About 11,000 of the 15,000 people from Kazakhstan in Korea work illegally.
    Be careful with offers to "go on K-ETA and work": this is illegal work.
    The official K-ETA site is k-eta.go.kr.
kb-korea-next =
    • Do not go to Korea to work without a work visa.
    • Check any offer with a consultant.

## russia

kb-russia-title = Work in Russia
kb-russia-short =
    Citizens of Kazakhstan do not need a work permit or a patent to work in Russia.
    If you stay more than 30 days, you must register.
    Your stay can be extended for the term of your labour contract.
kb-russia-details =
    This follows from the EAEU Treaty (article 97) and Russian Federal Law 115-FZ (article 13.3).
    Russia is where most people from Kazakhstan work abroad: 128,800 of 156,700 after 9 months of 2025.
    Get a written labour contract: your right to stay longer depends on it.
kb-russia-next =
    • Register if you stay more than 30 days.
    • Sign a written labour contract.
    • In trouble: contact the embassy or consulate of Kazakhstan.

## poland

kb-poland-title = Seasonal work in Poland
kb-poland-short =
    Seasonal work in Poland needs a permit. The employer requests it from the starost (the local office).
    Seasonal work is allowed for up to 9 months a year.
    The entry in the register (valid 120 days) is the basis for a seasonal-work visa.
    You cannot apply with a tourist visa.
kb-poland-details =
    The official information is on praca.gov.pl.
    After 9 months of 2025, 2,600 people from Kazakhstan worked in Poland.
    Do not travel on a tourist visa to look for work.
kb-poland-next =
    • Ask the employer for the register entry before you apply for the visa.
    • Check the agency, if there is one.

## uk-seasonal

kb-uk-seasonal-title = UK Seasonal Worker visa
kb-uk-seasonal-short =
    The UK Seasonal Worker visa is for work in horticulture (growing and picking crops) for up to 6 months in any 12 months.
    You can get it only through licensed scheme operators.
    Family members cannot come with you, and you cannot switch to another visa.
kb-uk-seasonal-details =
    Middlemen who ask for recruitment fees are a known abuse. Workers from Kazakhstan paid some of the highest fees, often with borrowed money (FLEX report, 2024).
    Be careful with anyone who asks money for a place on the scheme.
    After 9 months of 2025, 1,400 people from Kazakhstan worked in the UK.
kb-uk-seasonal-next =
    • Check that the recruiter works for a licensed scheme operator.
    • Do not borrow money to pay a middleman.
    • Ask a consultant.

## consular-help

kb-consular-help-title = Help from the embassy or consulate
kb-consular-help-short =
    If you are in trouble abroad, contact the embassy or consulate of Kazakhstan first.
    The Ministry of Foreign Affairs has helped citizens come home from forced labour abroad.
    Our hotline can help you get in touch: { $hotlinePhone }.
kb-consular-help-details =
    Tell them where you are, what happened and how to reach you.
    If your passport was taken or lost, tell them so.
    In danger now: { $emergency }.
kb-consular-help-next =
    • Find the nearest embassy or consulate of Kazakhstan.
    • Contact our hotline if you cannot reach them.

## hotline

kb-hotline-title = Hotline and consultants
kb-hotline-short =
    Hotline: { $hotlinePhone }
    Working hours: { $hotlineHours }.
    In an emergency: { $emergency }.
    You can also ask a consultant here in the chat.
kb-hotline-details =
    A consultant answers questions about stay, registration, work and problems with employers, in Kazakhstan and abroad.
    Outside working hours, leave your question: a consultant will answer when the hotline opens.
kb-hotline-next =
    • Press "Ask a consultant" below.
    • In danger now: { $emergency }.
