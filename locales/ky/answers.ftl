# Текст менен жазылган суроолорго жооптор: саламдашуу, тил тандоо, «Балким, сиз муну сурадыңыз».

# REVIEW: native speaker
kb-also = Башка нерсени сураган болсоңуз, төмөндөн теманы тандаңыз:

# A message that is only a greeting: greeted back, then the main menu.
# REVIEW: native speaker
greet-back = Саламатсызбы! Жардам берүүгө даярмын.
# The first message showed its language: it is answered in it.
# REVIEW: native speaker
language-guessed = Кыргызча жазам. Тилди алмаштыруу үчүн «тил» деп жазыңыз же /language.
