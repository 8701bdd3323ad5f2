/**
 * The parts of Meta's WhatsApp Cloud API webhook payload Jol reads (`object:
 * "whatsapp_business_account"`, `entry[].changes[].value` with `messages`, `contacts`,
 * `statuses`). Everything is optional: a payload is checked field by field, never trusted.
 */

export interface CloudWebhook {
  object?: string;
  entry?: Array<{ id?: string; changes?: Array<{ field?: string; value?: CloudValue }> }>;
}

export interface CloudValue {
  messaging_product?: string;
  metadata?: { display_phone_number?: string; phone_number_id?: string };
  contacts?: Array<{ wa_id?: string; profile?: { name?: string } }>;
  messages?: CloudMessage[];
  statuses?: CloudStatus[];
}

export interface CloudMedia {
  id?: string;
  mime_type?: string;
  caption?: string;
  filename?: string;
  /** Audio: true for a voice note recorded in WhatsApp. */
  voice?: boolean;
}

export interface CloudMessage {
  from?: string;
  id?: string;
  /** Seconds since the epoch, as a string. */
  timestamp?: string;
  type?: string;
  text?: { body?: string };
  interactive?: {
    type?: string;
    button_reply?: { id?: string; title?: string };
    list_reply?: { id?: string; title?: string; description?: string };
  };
  /** A quick-reply button of a template. */
  button?: { payload?: string; text?: string };
  image?: CloudMedia;
  audio?: CloudMedia;
  video?: CloudMedia;
  document?: CloudMedia;
  sticker?: CloudMedia;
  location?: { latitude?: number; longitude?: number; name?: string; address?: string };
  contacts?: unknown[];
  reaction?: { message_id?: string; emoji?: string };
  errors?: CloudError[];
}

export interface CloudError {
  code?: number;
  title?: string;
  message?: string;
  error_data?: { details?: string };
}

export interface CloudStatus {
  /** The id of the message we sent (`wamid.…`). */
  id?: string;
  status?: string;
  timestamp?: string;
  recipient_id?: string;
  errors?: CloudError[];
}
