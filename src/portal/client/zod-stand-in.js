// A zod that validates nothing, for the browser bundle of the job-ad checker only (see
// src/portal/checker.ts): every schema call chains, `safeParse` and `parse` return their input.
// The data it meets were validated with the real zod when the portal was built.
const schema = new Proxy(function () {}, {
  get: (_target, key) => (key === "safeParse" ? (data) => ({ success: true, data }) : key === "parse" ? (data) => data : schema),
  apply: () => schema,
});
export const z = schema;
export default schema;
