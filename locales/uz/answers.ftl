# Matn bilan yozilgan savollarga javoblar: salomlashish, til tanlash, «Balki siz buni nazarda tutgandirsiz».

# REVIEW: native speaker
kb-also = Boshqa narsani so'ragan bo'lsangiz, quyidan mavzuni tanlang:

# A message that is only a greeting: greeted back, then the main menu.
# REVIEW: native speaker
greet-back = Assalomu alaykum! Yordam berishga tayyorman.
# The first message showed its language: it is answered in it.
# REVIEW: native speaker
language-guessed = O'zbekcha yozaman. Tilni o'zgartirish uchun «til» deb yozing yoki /language.
