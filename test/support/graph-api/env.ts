import { APP_SECRET, GRAPH_TOKEN, PHONE_NUMBER_ID, VERIFY_TOKEN, type GraphApiStandIn } from "./index.ts";

/** The settings of the WhatsApp Cloud transport pointed at the stand-in (templates for ru and en). */
export function cloudEnv(api: GraphApiStandIn, extra: Record<string, string> = {}): Record<string, string> {
  return {
    WHATSAPP_TRANSPORT: "cloud",
    WHATSAPP_CLOUD_TOKEN: GRAPH_TOKEN,
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    WHATSAPP_GRAPH_ROOT: api.root,
    WHATSAPP_WEBHOOK_HOST: "127.0.0.1",
    WHATSAPP_TEMPLATES: "ru=jol_message,en=jol_message@en_US",
    ...extra,
  };
}
