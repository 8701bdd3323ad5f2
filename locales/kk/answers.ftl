# Мәтінмен жазылған сұрақтарға жауап: сәлемдесу, тіл таңдау, «Мүмкін, сіз мынаны сұрадыңыз».

# REVIEW: native speaker
kb-also = Басқа нәрсені сұрасаңыз, төменнен тақырыпты таңдаңыз:

# A message that is only a greeting: greeted back, then the main menu.
# REVIEW: native speaker
greet-back = Сәлеметсіз бе! Көмектесуге дайынмын.
# The first message showed its language: it is answered in it.
# REVIEW: native speaker
language-guessed = Қазақша жазамын. Тілді ауыстыру үшін «тіл» деп жазыңыз немесе /language.
