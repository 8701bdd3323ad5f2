/**
 * Hand-made Telegram updates for tests, shaped like the real ones (only the fields Jol reads plus
 * what grammY needs). `update_id` is left out: the stand-in assigns one when the update is pushed
 * or posted; pass one explicitly to simulate a redelivery.
 *
 * @example
 * const user = testUser(42, "uz");
 * api.pushUpdate(updates.command(user, "start", "poster-bus-7"));
 * api.pushUpdate(updates.callback(user, "main/menu/jobs", sentMessage));
 */
import type { Chat, Message, Update, User } from "grammy/types";

export type NewUpdate = Omit<Update, "update_id"> & { update_id?: number };

/** A private-chat user; their chat id equals their user id, as on Telegram. */
export function testUser(id: number, languageCode?: string, firstName = `User${id}`): User {
  return { id, is_bot: false, first_name: firstName, ...(languageCode ? { language_code: languageCode } : {}) };
}

let messageCounter = 1000;
const nowSeconds = () => Math.floor(Date.now() / 1000);

function privateChat(user: User): Chat.PrivateChat {
  return { id: user.id, type: "private", first_name: user.first_name };
}

function message(user: User, fields: Partial<Message>, chat: Chat = privateChat(user)): Message {
  return { message_id: ++messageCounter, date: nowSeconds(), chat, from: user, ...fields } as Message;
}

/** A supergroup chat (the staff group, or any other group). */
export function testGroup(id: number, title = "Group", isForum = false): Chat.SupergroupChat {
  return { id, type: "supergroup", title, ...(isForum ? { is_forum: true } : {}) } as Chat.SupergroupChat;
}

export const updates = {
  text(user: User, text: string): NewUpdate {
    return { message: message(user, { text }) as Update["message"] };
  },

  /** `/name arg` with the `bot_command` entity Telegram adds. */
  command(user: User, name: string, arg?: string): NewUpdate {
    const text = `/${name}${arg === undefined ? "" : ` ${arg}`}`;
    return {
      message: message(user, {
        text,
        entities: [{ type: "bot_command", offset: 0, length: name.length + 1 }],
      }) as Update["message"],
    };
  },

  /** A button press under `on` (a message the bot sent), carrying `data`. */
  callback(user: User, data: string, on: Message | { message_id: number; chat_id?: number }): NewUpdate {
    const sent: Message =
      "chat" in on ? on : ({ message_id: on.message_id, date: nowSeconds(), chat: privateChat(user), text: "…" } as Message);
    return {
      callback_query: {
        id: `cq${++messageCounter}`,
        from: user,
        chat_instance: `ci${user.id}`,
        message: sent as never,
        data,
      },
    };
  },

  sticker(user: User): NewUpdate {
    return {
      message: message(user, {
        sticker: { file_id: "CAACsticker", file_unique_id: "st1", type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "👍" },
      }) as Update["message"],
    };
  },

  voice(user: User, duration = 4): NewUpdate {
    return {
      message: message(user, { voice: { file_id: "AwACvoice", file_unique_id: "vo1", duration, mime_type: "audio/ogg" } }) as Update["message"],
    };
  },

  photo(user: User, caption?: string): NewUpdate {
    return {
      message: message(user, {
        photo: [{ file_id: "AgACphoto", file_unique_id: "ph1", width: 90, height: 90 }],
        ...(caption ? { caption } : {}),
      }) as Update["message"],
    };
  },

  document(user: User, fileName = "contract.pdf"): NewUpdate {
    return {
      message: message(user, { document: { file_id: "BQACdoc", file_unique_id: "doc1", file_name: fileName } }) as Update["message"],
    };
  },

  location(user: User): NewUpdate {
    return { message: message(user, { location: { latitude: 43.24, longitude: 76.89 } }) as Update["message"] };
  },

  contact(user: User): NewUpdate {
    return {
      message: message(user, { contact: { phone_number: "+70000000000", first_name: user.first_name, user_id: user.id } }) as Update["message"],
    };
  },

  /** The user edited an earlier message to `text`. */
  edited(user: User, text: string): NewUpdate {
    return { edited_message: message(user, { text, edit_date: nowSeconds() }) as Update["edited_message"] };
  },

  /** A text in a group chat. */
  groupText(group: Chat, user: User, text: string, threadId?: number): NewUpdate {
    return {
      message: message(user, { text, ...(threadId ? { message_thread_id: threadId, is_topic_message: true } : {}) }, group) as Update["message"],
    };
  },
};
