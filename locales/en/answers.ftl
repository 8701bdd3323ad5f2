# Answers to typed questions: greetings, choosing the language, "Did you mean".

kb-also = Did you mean one of these? Choose it below:

# A message that is only a greeting: greeted back, then the main menu.
greet-back = Hello! Glad to help.
# The first message showed its language: it is answered in it.
language-guessed = I will write in English. To change the language, type "language" or /language.
