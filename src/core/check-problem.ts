/** One problem `jol flows check` reports in a flow, text or data file: where, what, and the fix. */
export interface CheckProblem {
  file: string;
  line?: number;
  message: string;
  /** How to fix it, for a content editor. */
  fix?: string;
  severity?: "error" | "warning";
}
