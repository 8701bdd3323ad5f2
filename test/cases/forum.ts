import { ApiFault, BotApiStandIn, sentMessage, type Payload } from "../support/bot-api/index.ts";

/** A forum topic the bot created in the stand-in. */
export interface Topic {
  chatId: number;
  threadId: number;
  name: string;
  closed: boolean;
}

/**
 * The Bot API stand-in plus the forum-topic methods the staff desk calls (createForumTopic,
 * editForumTopic, closeForumTopic, reopenForumTopic), answering as Telegram does. `topics` lists
 * what was created. A send into a thread that does not exist fails like Telegram's
 * "message thread not found".
 */
export async function startForumStandIn(): Promise<BotApiStandIn & { topics: Topic[] }> {
  const api = (await BotApiStandIn.start()) as BotApiStandIn & { topics: Topic[] };
  api.topics = [];
  const find = (p: Payload): Topic => {
    const topic = api.topics.find((t) => String(t.chatId) === String(p.chat_id) && t.threadId === p.message_thread_id);
    if (!topic) throw new ApiFault(400, "Bad Request: message thread not found");
    return topic;
  };
  api.define("createForumTopic", (p) => {
    if (typeof p.name !== "string" || p.name.length < 1 || p.name.length > 128) throw new ApiFault(400, "Bad Request: TOPIC_NAME_INVALID");
    if (Number(p.chat_id) >= 0) throw new ApiFault(400, "Bad Request: the chat is not a forum");
    const topic: Topic = { chatId: Number(p.chat_id), threadId: api.nextId(`topic:${String(p.chat_id)}`) + 1, name: p.name, closed: false };
    api.topics.push(topic);
    return { message_thread_id: topic.threadId, name: topic.name, icon_color: 0x6fb9f0 };
  });
  api.define("editForumTopic", (p) => {
    const topic = find(p);
    if (typeof p.name === "string") topic.name = p.name;
    return true;
  });
  api.define("closeForumTopic", (p) => {
    find(p).closed = true;
    return true;
  });
  api.define("reopenForumTopic", (p) => {
    find(p).closed = false;
    return true;
  });
  // Sends into a topic must name one that exists.
  for (const method of ["sendMessage", "sendPhoto", "sendVoice", "sendSticker", "sendDocument", "sendVideo", "sendAudio"]) {
    const original = api.methods.get(method)!;
    api.define(method, (p, self, call) => {
      if (p.message_thread_id !== undefined && Number(p.chat_id) < 0) find(p);
      return original(p, self, call);
    });
  }
  void sentMessage;
  return api;
}
