# Ҷавоб ба саволҳои навишташуда: салом, интихоби забон, «Шояд шумо инро дар назар доштед».

# REVIEW: native speaker
kb-also = Агар шумо дар бораи чизи дигар пурсида бошед, мавзӯъро дар поён интихоб кунед:

# A message that is only a greeting: greeted back, then the main menu.
# REVIEW: native speaker
greet-back = Салом! Ба шумо кӯмак кардан омодаам.
# The first message showed its language: it is answered in it.
# REVIEW: native speaker
language-guessed = Ба забони тоҷикӣ менависам. Барои иваз кардани забон «забон» нависед ё /language.
