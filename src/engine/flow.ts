import type { BaseNode } from "./node-kind.ts";

/**
 * A loaded, validated flow: a conversation graph from one YAML file in `flows/`.
 *
 * ```yaml
 * spec: 1
 * flow: coming
 * start: menu
 * nodes:
 *   - id: menu
 *     type: menu
 *     text: coming-menu
 *     choices:
 *       - { id: stay, label: coming-stay, next: stay }
 * ```
 */
export interface Flow {
  id: string;
  start: string;
  nodes: Map<string, BaseNode>;
  /** The file it came from and each node's line, for error messages. */
  file: string;
  lines: Map<string, number>;
}

/** All flows by id, plus any data files (`kind: data`) that modules read (article metadata, rules). */
export interface FlowSet {
  flows: Map<string, Flow>;
  /** Parsed YAML of data files by name (`knowledge`, `commands`, ...), with the file they came from. */
  data: Map<string, { file: string; value: unknown; line: (path: (string | number)[]) => number | undefined }>;
}
