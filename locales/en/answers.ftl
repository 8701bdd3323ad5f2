# Answers to typed questions: greetings, choosing the language, "Did you mean".

kb-also = Did you mean one of these? Choose it below:
