## Screening: the job-offer check (flow job-check), the pasted-ad analyser, the agency list.
## Indicator ids: flows/screening-catalogue.yaml. How it works: docs/screening.md.

scr-menu = Let's check a job offer. Which fits you?
scr-menu-offer = 🤔 I'm deciding whether to go
scr-menu-working = 🏭 I'm already working
scr-menu-paste = 📋 Paste the job ad
scr-menu-agency = 🏢 Check an agency

scr-offer-intro = A few short questions about the offer. Answer "Yes", "No" or "Not sure".
scr-work-intro = A few short questions about your work now. Answer "Yes", "No" or "Not sure". Only you see the answers (and a consultant, if you ask for one).

scr-q-fee = Are you asked to pay for the job, the visa, documents or "agency services"?
scr-q-abroad = Is the job in another country?
scr-q-visa = Are you told to travel as a tourist, visa-free or with K-ETA and "sort out the work there"? If you are a citizen of an EAEU country going to another EAEU country, answer "No".
scr-q-contract = Did you get a written employment contract before leaving?
scr-q-contract-lang = Is the contract in a language you understand?
scr-q-employer = Do you know the employer's exact name and address (not only the middleman's name)?
scr-q-pay = Is the pay much higher than usual for this work, with no experience or language needed?
scr-q-passport = Has anyone said they will keep your passport or documents?
scr-q-debt = Will travel, visa or housing be taken from your wages later, or given "on loan"?

scr-w-docs = Does your employer or a middleman hold your passport or documents now?
scr-w-leave = Can you leave the workplace freely and quit if you want to?
scr-w-wages = Are your wages late, unpaid or much lower than promised?
scr-w-debt = Do you owe the employer or middleman a debt that keeps growing?
scr-w-hours = Do you work more than 12 hours a day or without days off?
scr-w-living = Are housing or food bad: crowded, unsafe, no water or food?
scr-w-threats = Has anyone threatened you, your family, or with police or deportation?
scr-w-violence = Has anyone hit workers, touched them against their will or raped them?
scr-w-isolated = Was your phone taken, or are you kept from contacting your family?

scr-result-low = 🟢 Low risk: we found no serious warning signs.
scr-result-medium = 🟡 Medium risk. This is what worries us:
scr-result-high = 🔴 High risk. These look like signs of forced labour or human trafficking:
scr-result-flag-line = • { $explain }
scr-result-unsure-line = • ❔ You are not sure: { $explain }
scr-advice-low = Still: never pay for a job, keep your passport yourself, sign the contract before leaving, and keep your family's and a consultant's contacts.
scr-advice-medium = Take your time and pay nothing. Ask for a written contract in a language you understand and the employer's exact details. You can talk the offer over with a consultant.
scr-advice-high = We advise you to talk to a consultant now. If you are in danger — emergency contacts: { $emergency }. If you are abroad, contact your country's embassy or consulate.

scr-choice-consultant = 💬 Talk it over with a consultant
scr-choice-consultant-now = 🆘 Consultant now
scr-choice-details = 📖 What these signs mean
scr-choice-again = 🔁 Check again
scr-choice-guided = ✅ Answer the questions
scr-choice-another-ad = 📋 Another ad
scr-choice-another-agency = 🏢 Another agency

scr-details-title = What these signs mean (ILO indicators):
scr-details-item =
    { $name } — { $dims }
    { $explain }
    → { $advice }

scr-paste-ask = Paste or forward the text of the ad or the employer's message here. I will show what looks wrong. The text is not stored.
scr-paste-empty = I did not get any text. Please try again.
scr-after-ad = What next?
scr-ad-none = I found no clear warning signs in the text. That does not mean the offer is safe: much is never written in an ad. Answer the questions — it takes a couple of minutes.
scr-ad-risk-low = 🟢 Low risk, but note this:
scr-ad-risk-medium = 🟡 Medium risk. What worries us in the text:
scr-ad-risk-high = 🔴 High risk. What worries us in the text:
scr-ad-flag-line = • "{ $quote }" — { $explain }
scr-ad-invite = An ad does not tell everything. Answer the questions to judge what the text leaves out.

scr-agency-ask = Write the agency's name or its BIN (12 digits).
scr-after-agency = What next?
scr-agency-no-list = Our organisation's list of agencies is not loaded yet. Please ask a consultant.
scr-agency-not-found = "{ $query }" is not in our organisation's list. That alone proves nothing: the list is incomplete. Check further: ask the agency for its full legal name, BIN and a written contract before you leave, never pay for a job, and ask a consultant.
scr-agency-similar = No exact match. Similar entries — check that it is the same agency:
scr-agency-entry =
    { $name } (BIN { $bin })
    Status in our list: { $status }
    Note: { $note }
    Source: { $source }, checked { $date }
scr-agency-status-trusted = ✅ no complaints
scr-agency-status-complaints = ⚠️ complaints received
scr-agency-status-unknown = ❔ nothing known
scr-agency-caveat = This is our organisation's own list, not an official registry. It may be out of date — check with a consultant.

scr-dim-deceptive-recruitment = deceptive recruitment
scr-dim-coercive-recruitment = coercive recruitment
scr-dim-vulnerability-recruitment = recruitment by abuse of vulnerability
scr-dim-exploitative-conditions = exploitative conditions of work
scr-dim-coercion-destination = coercion at destination
scr-dim-vulnerability-destination = abuse of vulnerability at destination

scr-ind-abuse-of-vulnerability = Abuse of vulnerability
scr-ind-abuse-of-vulnerability-explain = Someone takes advantage of a person having no papers, money, language or choice.
scr-ind-abuse-of-vulnerability-advice = Work only on a legal basis and keep a consultant's and the embassy's contacts at hand.
scr-ind-deception = Deception
scr-ind-deception-explain = One job, wage or conditions are promised, and others are given.
scr-ind-deception-advice = Get everything in writing before leaving: employer, address, pay, hours, housing.
scr-ind-restriction-of-movement = Restriction of movement
scr-ind-restriction-of-movement-explain = Workers are not let out of the workplace or housing, are locked in or guarded.
scr-ind-restriction-of-movement-advice = If you are not let out, it is serious. Contact a consultant; in danger — emergency contacts: { $emergency }.
scr-ind-isolation = Isolation
scr-ind-isolation-explain = Phones are taken, contact with family is blocked, workers are kept in remote places.
scr-ind-isolation-advice = Agree with your family on regular contact and a code word. Save a consultant's number.
scr-ind-violence = Physical and sexual violence
scr-ind-violence-explain = Beatings, sexual violence, or threats of them.
scr-ind-violence-advice = Your safety comes first. In danger — emergency contacts: { $emergency }. A consultant will help you find help.
scr-ind-threats = Intimidation and threats
scr-ind-threats-explain = Threats against you or your family, with police, deportation or fines for leaving.
scr-ind-threats-advice = Write down who threatened you, when and how. Talk to a consultant about leaving safely.
scr-ind-document-retention = Retention of identity documents
scr-ind-document-retention-explain = The employer or a middleman holds the passport or documents.
scr-ind-document-retention-advice = Keep your passport yourself and hand over only copies. Photograph all your documents and send the photos to your family.
scr-ind-wage-withholding = Withholding of wages
scr-ind-wage-withholding-explain = Wages are not paid, are late, or are promised "at the end of the season".
scr-ind-wage-withholding-advice = Ask to be paid regularly; write down hours and amounts. Do not agree to wait for all your pay until the season ends.
scr-ind-debt-bondage = Debt bondage
scr-ind-debt-bondage-explain = Fees, travel or housing turn into a debt that must be worked off.
scr-ind-debt-bondage-advice = Do not pay for a job and do not take loans from the employer. Keep all receipts and messages.
scr-ind-abusive-conditions = Abusive working and living conditions
scr-ind-abusive-conditions-explain = Dangerous work, housing without water or heating, not enough food.
scr-ind-abusive-conditions-advice = Take photos of the conditions and talk to a consultant about what can be done.
scr-ind-excessive-overtime = Excessive overtime
scr-ind-excessive-overtime-explain = Very long shifts, work without days off.
scr-ind-excessive-overtime-advice = Write down your hours every day. It helps if you have to claim your pay.

scr-flag-fee = You are charged for the job, visa or paperwork — debt bondage often starts this way.
scr-flag-documents-kept = The employer or a middleman will hold your passport or documents.
scr-flag-tourist-entry = You are told to go to work as a tourist, visa-free or with K-ETA — that trip gives no right to work (except for EAEU citizens in EAEU countries).
scr-flag-no-visa = They promise no visa is needed: check whether you may work in that country.
scr-flag-no-contract = No written contract before departure, or one promised "on arrival".
scr-flag-deferred-pay = Pay is promised at the end of the season, after months, or "from the first salary".
scr-flag-travel-debt = Travel or other costs will be taken from your wages — this can become a debt.
scr-flag-confined = You cannot freely leave the workplace or housing.
scr-flag-phones-taken = Phones are taken or contact with family is forbidden.
scr-flag-extreme-hours = Very long shifts or no days off.
scr-flag-women-by-photo = Young women are recruited by photo as "hostesses", "models" or entertainers abroad — a common trafficking scheme.
scr-flag-penalty = Fines or a "debt" if you leave early.
scr-flag-messenger-only = Contact only through a messenger — hard to check who they really are.
scr-flag-urgency = You are pressed to decide fast.
scr-flag-high-pay = The pay is too good for this kind of work.
scr-flag-no-skills = No experience or language needed — together with high pay, that is suspicious.
scr-flag-contract-language = The contract is in a language you do not understand.
scr-flag-unknown-employer = It is not known who the real employer is.
scr-flag-wages-withheld = Wages are late, unpaid or lower than promised.
scr-flag-bad-living = Bad housing or food.
scr-flag-threats = You are being threatened.
scr-flag-violence = There is violence at work.
scr-flag-isolated = You are cut off from your phone and family.
scr-flag-growing-debt = A debt to the employer keeps growing and has to be worked off.
