import { describe, expect, it } from "vitest";
import { escapeWhatsApp, formatOwnText, renderOutbound, WHATSAPP_MAX_CHARS } from "../../../src/channels/whatsapp/render.ts";

describe("renderOutbound", () => {
  it("puts the choices under the text as a numbered list", () => {
    const out = renderOutbound({
      text: "*Jol* — choose:",
      choices: [
        { id: "c1", label: "Work in Kazakhstan" },
        { id: "c2", label: "Registration" },
        { id: "c3", label: "Talk to a person" },
      ],
    });
    expect(out).toEqual(["*Jol* — choose:\n\n1. Work in Kazakhstan\n2. Registration\n3. Talk to a person"]);
  });

  it("renders a list without text, and nothing for an empty message", () => {
    expect(renderOutbound({ text: "", choices: [{ id: "a", label: "Русский" }] })).toEqual(["1. Русский"]);
    expect(renderOutbound({ text: "  " })).toEqual([]);
  });

  it("escapes markup in labels entirely, keeps them on one line", () => {
    expect(renderOutbound({ text: "x", choices: [{ id: "a", label: "*Bold* _it_\nnext" }] })[0]).toBe("x\n\n1. \u2217Bold\u2217 \u02CDit\u02CD next");
  });

  it("splits a long text at paragraphs and keeps the list with the last piece", () => {
    const paragraph = "Word ".repeat(300).trim(); // 1499 characters
    const text = [paragraph, paragraph, paragraph, paragraph].join("\n\n");
    const out = renderOutbound({ text, choices: [{ id: "a", label: "Back" }] });
    expect(out).toHaveLength(2);
    expect(out[0]).toBe(`${paragraph}\n\n${paragraph}`);
    expect(out[1]).toBe(`${paragraph}\n\n${paragraph}\n\n1. Back`);
    for (const chunk of out) expect(chunk.length).toBeLessThanOrEqual(WHATSAPP_MAX_CHARS);
  });
});

describe("formatOwnText", () => {
  it("keeps our *bold* and neutralises every other markup character", () => {
    expect(formatOwnText("*Important:* call _now_ ~or~ `never`")).toBe("*Important:* call \u02CDnow\u02CD \u223Cor\u223C \u02CBnever\u02CB");
  });

  it("does not treat a lone or spaced star as bold", () => {
    expect(formatOwnText("5 * 3 = 15")).toBe("5 \u2217 3 = 15");
    expect(formatOwnText("* not bold *")).toBe("\u2217 not bold \u2217");
  });

  it("leaves links and e-mail addresses untouched", () => {
    expect(formatOwnText("See https://example.org/a_b_c or migration.enbek.kz/some_page, mail info_desk@example.org"))
      .toBe("See https://example.org/a_b_c or migration.enbek.kz/some_page, mail info_desk@example.org");
  });
});

describe("escapeWhatsApp", () => {
  it("makes user text inert", () => {
    expect(escapeWhatsApp("*free* _money_ ~now~ ```code```")).not.toMatch(/[*_~`]/);
    expect(escapeWhatsApp("Привет")).toBe("Привет");
  });
});
