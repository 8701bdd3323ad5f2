# Telegram channel (src/channels/telegram): command menu and button answers.

## Command descriptions shown in Telegram's "/" menu (setMyCommands).
tg-cmd-start = Start over
tg-cmd-menu = Main menu
tg-cmd-language = Change language
tg-cmd-help = Help
tg-cmd-human = Talk to a consultant
tg-cmd-stop = Stop the current conversation
tg-cmd-forget = Delete my data

## Short notes shown on a pressed button (answerCallbackQuery, at most 200 characters).
tg-callback-invalid = This button does not work. Send /menu to open the menu.
tg-callback-expired = This button is out of date. Send /menu to open the menu.

## Said once in a group the bot was added to (it only works in private chats).
tg-private-only = I only work in private chats. Please write to me directly: @{ $bot }
