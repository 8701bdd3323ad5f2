/**
 * Small counts (1–4) are hidden everywhere the dashboard shows numbers (issue 16): in tables and
 * CSV as "<5", and in charts too, where the page sends them as null (a gap that reads "<5"), so
 * nobody can read a small count off a chart's data or its hover values.
 */
import { describe, expect, it } from "vitest";
import { modelHtml, type View } from "../../src/web/render.ts";
import { toCsv, type PageModel } from "../../src/web/model.ts";

const view: View = { t: (id) => id, lang: "en", admin: true, csrf: "x" };

describe("small counts", () => {
  const model: PageModel = {
    figures: [],
    charts: [{ id: "daily", title: "web-c-daily", kind: "line", x: ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"], series: [{ label: "web-s-people", values: [0, 3, 7, 4] }] }],
    tables: [{ id: "t", title: "t", head: ["day", "people"], rows: [["2026-12-01", 2], ["2026-12-02", 9]], small: [1] }],
  };

  it("leave a chart's data as null, keeping zeros and counts of 5 or more", () => {
    const page = String(modelHtml(view, model, "/"));
    const json = /<script type="application\/json">(.*?)<\/script>/s.exec(page)?.[1];
    expect(JSON.parse(json!).series[0].values).toEqual([0, null, 7, null]);
  });

  it('are shown as "<5" in tables and their CSV', () => {
    const page = String(modelHtml(view, model, "/"));
    expect(page).toContain("&lt;5");
    expect(toCsv(model.tables[0]!, ["day", "people"])).toBe("day,people\r\n2026-12-01,<5\r\n2026-12-02,9\r\n");
  });
});
