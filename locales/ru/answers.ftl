# Ответы на вопросы, набранные текстом: приветствие, выбор языка, «Возможно, вы имели в виду».

kb-also = Если вы спрашивали о другом, выберите тему ниже:

# A message that is only a greeting: greeted back, then the main menu.
greet-back = Здравствуйте! Рад помочь.
# The first message showed its language: it is answered in it.
language-guessed = Пишу по-русски. Сменить язык: напишите «язык» или /language.
