/**
 * Flow, node and session-var names the knowledge module shares with its flow files and with
 * other modules (the `consultant` flow reads `danger`, `handoff_reason`, `handoff_urgent` and
 * shows `kb_article` on the case card).
 */

/**
 * The flow that holds the free-text answer nodes (flows/coming.yaml, at its end): the
 * interceptors set `kb_mode` to one of `ANSWER_MODES` and call the flow, whose start node sends
 * the conversation to that answer.
 */
export const ANSWER_FLOW = "coming";
export const ANSWER_MODES = { view: "view", none: "none", danger: "danger" } as const;
export type AnswerMode = (typeof ANSWER_MODES)[keyof typeof ANSWER_MODES];

export const MAIN_FLOW = "main";
export const CONSULTANT_FLOW = "consultant";

export const VARS = {
  /** Which free-text answer the `coming` flow's entry should show (cleared there). */
  mode: "kb_mode",
  /** The article shown last (or found by the search). */
  article: "kb_article",
  /** Which screen of it: short | details. */
  screen: "kb_screen",
  /** Articles opened through "related" in the current node, to go back through. */
  history: "kb_hist",
  /** After a close call, the other close articles ("Did you mean…"), comma-separated. */
  also: "kb_also",
  /** The danger entries matched (data phrases, never the user's words). */
  danger: "danger",
  reason: "handoff_reason",
  urgent: "handoff_urgent",
} as const;
