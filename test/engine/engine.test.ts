import { describe, expect, it } from "vitest";
import { fixtureEngine, Talk } from "../support/engine.ts";
import type { Plugin } from "../../src/engine/plugin.ts";

const { engine } = fixtureEngine();
const keys = Talk.keys;

function started(lang = "ru"): Talk {
  const talk = new Talk(engine);
  talk.command("start");
  talk.press(lang === "ru" ? "Русский" : lang === "en" ? "English" : 1);
  return talk;
}

describe("first contact", () => {
  it("asks for the language first, the platform's hint first, each language in its own name", () => {
    const talk = new Talk(engine, "uz-UZ");
    const out = talk.text("salom");
    expect(keys(out)).toEqual(["language-choose"]);
    expect(out[0]!.choices!.map((c) => c.label)).toEqual(["O'zbekcha", "Русский", "Қазақша", "Кыргызча", "Тоҷикӣ", "English"]);
    expect(talk.session.lang).toBeUndefined();
  });

  it("sets the language by button, number or name, then shows the main menu in it", () => {
    for (const answer of ["6", "english", "Englsh"]) {
      const talk = new Talk(engine);
      talk.command("start");
      const out = talk.text(answer);
      expect(talk.session.lang).toBe("en");
      expect(keys(out)).toEqual(["language-set", "t-menu"]);
      expect(out[1]!.text).toBe("[en] Menu");
    }
  });

  it("records a /start deep-link payload once, cleaned", () => {
    const talk = new Talk(engine);
    talk.command("start", "poster-almaty_1<script>");
    expect(talk.session.src).toBe("poster-almaty_1script");
    talk.press("English");
    talk.command("start", "other");
    expect(talk.session.src).toBe("poster-almaty_1script");
  });
});

describe("menus", () => {
  it("selects by number, '2.', label in any case and with a small typo", () => {
    for (const answer of ["1", "1.", " 1) ", "QUIZ", "[ru] quz"]) {
      const talk = started();
      const out = talk.text(answer);
      expect(keys(out), answer).toEqual(["t-fee"]);
    }
  });

  it("a message node goes on to the next node", () => {
    const talk = started();
    expect(keys(talk.text("3"))).toEqual(["t-about-text", "t-menu"]);
  });

  it("three misses in a row offer the main menu and a consultant", () => {
    const talk = started();
    expect(keys(talk.text("qqq"))).toEqual(["miss-hint", "t-menu"]);
    expect(keys(talk.text("www"))).toEqual(["miss-hint", "t-menu"]);
    const third = talk.text("eee");
    expect(keys(third)).toEqual(["miss-offer-help"]);
    expect(third[0]!.choices!.map((c) => c.id)).toEqual(["!menu", "!human"]);
    expect(talk.session.miss).toBe(0);
    expect(keys(talk.press(2))).toEqual(["section-preparing", "t-menu"]);
  });

  it("a right answer resets the miss count", () => {
    const talk = started();
    talk.text("qqq");
    talk.text("qqq");
    talk.text("1");
    expect(talk.session.miss).toBe(0);
  });
});

describe("inputs, branches and calls", () => {
  it("walks yes/no, number with range, set, branch, call-and-return and end with a var in the text", () => {
    const talk = started();
    talk.text("1");
    expect(keys(talk.text("maybe"))).toEqual(["hint-yesnounsure", "t-fee"]);
    expect(keys(talk.text("да"))).toEqual(["t-age"]);
    expect(talk.session.vars.fee).toBe("yes");
    expect(keys(talk.text("7"))).toEqual(["hint-number", "t-age"]);
    expect(talk.last[0]!.text).toContain("14");
    expect(keys(talk.text("16"))).toEqual(["t-danger", "t-side"]);
    expect(talk.session.vars).toMatchObject({ age: 16, done: true });
    expect(talk.session.stack.map((f) => f.f)).toEqual(["main", "quiz", "side"]);
    expect(keys(talk.press("OK"))).toEqual(["t-note"]);
    const bye = talk.text("thanks a lot");
    expect(keys(bye)).toEqual(["t-bye", "t-menu"]);
    expect(bye[0]!.text).toBe("[ru] Bye thanks a lot");
    expect(talk.session.stack).toEqual([{ f: "main", n: "menu" }]);
    expect(talk.session.vars).toEqual({}); // answers are not kept once the user is back at the main menu
  });

  it("takes yes/no words of other languages and the skip button", () => {
    const talk = started("en");
    talk.text("1");
    talk.text("ha"); // Uzbek yes
    talk.text("30");
    expect(keys(talk.last)).toEqual(["t-careful", "t-side"]);
    talk.press("OK");
    expect(talk.session.vars.fee).toBe("yes");
    expect(keys(talk.press("Skip"))).toEqual(["t-bye", "t-menu"]);
  });

  it("goto replaces the flow: the called flow's caller is not resumed", () => {
    const talk = started();
    talk.text("1");
    talk.text("нет");
    talk.text("40");
    expect(keys(talk.last)).toEqual(["t-note"]);
  });

  it("a plain command word typed as a free-text answer is taken as the answer", () => {
    const talk = started();
    talk.text("1");
    talk.text("no");
    talk.text("20");
    const out = talk.text("меню");
    expect(keys(out)).toEqual(["t-bye", "t-menu"]);
    expect(out[0]!.text).toBe("[ru] Bye меню");
  });
});

describe("commands anywhere", () => {
  it("/menu and plain words go to the main menu from deep inside a flow", () => {
    for (const word of ["/menu", "меню", "Menyu", "main menu"]) {
      const talk = started();
      talk.text("1");
      const out = word.startsWith("/") ? talk.command("menu") : talk.text(word);
      expect(keys(out), word).toEqual(["t-menu"]);
      expect(talk.session.stack).toEqual([{ f: "main", n: "menu" }]);
    }
  });

  it("/language mid-flow switches the language and asks the same question again in it", () => {
    const talk = started();
    talk.text("1");
    expect(keys(talk.command("language"))).toEqual(["language-choose"]);
    const out = talk.press("Кыргызча");
    expect(talk.session.lang).toBe("ky");
    expect(keys(out)).toEqual(["language-set", "t-fee"]);
    expect(out[1]!.text).toBe("[ky] Did you pay a fee?");
  });

  it("/help explains and repeats the question", () => {
    const talk = started();
    talk.text("1");
    expect(keys(talk.command("help"))).toEqual(["help-text", "t-fee"]);
  });

  it("/human goes to the consultant flow", () => {
    const talk = started();
    expect(keys(talk.command("human"))).toEqual(["section-preparing", "t-menu"]);
  });

  it("/stop unsubscribes and leaves the flow; the next message starts over", () => {
    const talk = started();
    talk.session.slots = { broadcast: { v: 1, d: { subs: ["kz"] } } };
    const out = talk.command("stop");
    expect(keys(out)).toEqual(["stop-text"]);
    expect(talk.effects).toContainEqual({ type: "stop" });
    expect(talk.session.slots).toBeUndefined();
    expect(talk.session.stack).toEqual([]);
    expect(keys(talk.text("hello"))).toEqual(["t-menu"]);
  });

  it("/forget emits forget, answers in the user's language and starts from zero", () => {
    const talk = started("en");
    talk.text("1");
    const out = talk.command("forget");
    expect(talk.effects[0]).toEqual({ type: "forget" });
    expect(out[0]!.text).toContain("deleted");
    expect(talk.session.lang).toBeUndefined();
    expect(talk.session.vars).toEqual({});
    expect(keys(talk.text("hi"))).toEqual(["language-choose"]);
  });

  it("an unknown command says so and repeats the question", () => {
    const talk = started();
    expect(keys(talk.command("frobnicate"))).toEqual(["unknown-command", "t-menu"]);
  });
});

describe("bad and odd input", () => {
  it("a button from an older message of an existing menu acts from there", () => {
    const talk = started();
    talk.text("1"); // now in quiz
    const out = talk.send({ kind: "choice", data: "main/menu/about" });
    expect(keys(out)).toEqual(["t-about-text", "t-menu"]);
  });

  it("a button of a node or flow that no longer exists, or garbage, is answered as stale", () => {
    for (const data of ["main/gone/x", "nope/menu/quiz", "garbage", "a/b/c/d", "main/menu/nochoice", ""]) {
      const talk = started();
      const out = talk.send({ kind: "choice", data });
      expect(keys(out), data).toEqual(["stale-button", "t-menu"]);
    }
  });

  it("media at a menu gets a polite explanation and the question again", () => {
    const talk = started();
    for (const media of ["sticker", "voice", "photo", "location"] as const) {
      expect(keys(talk.send({ kind: "media", media }))).toEqual(["media-unsupported", "t-menu"]);
    }
    expect(talk.session.miss).toBe(0);
  });

  it("an edited message is explained", () => {
    const talk = started();
    expect(keys(talk.send({ kind: "edited", text: "1" }))).toEqual(["edited-unsupported"]);
  });

  it("a 10,000-character message is cut, the user told, and nothing breaks", () => {
    const talk = started();
    const out = talk.text("x".repeat(10_000));
    expect(keys(out)[0]).toBe("input-too-long");
    expect(out[0]!.text).toMatch(/4\s?000/);
  });

  it("a session pointing at a node an older flow version had restarts that flow", () => {
    const talk = started();
    talk.session.stack = [{ f: "main", n: "menu" }, { f: "quiz", n: "removed-node" }];
    talk.session.wait = false;
    expect(keys(talk.text("hello"))).toEqual(["t-menu"]);
  });

  it("is deterministic: the same session and input give the same result", () => {
    const a = started();
    const b = started();
    expect(a.text("1")).toEqual(b.text("1"));
    expect(a.session).toEqual(b.session);
  });
});

describe("free-text interceptors", () => {
  const seen: string[] = [];
  const plugin: Plugin = {
    name: "probe",
    interceptors: [
      { id: "danger", priority: 100, handle: (text, ctx) => (text.includes("SOS") ? (ctx.sayText("urgent"), "stay") : null) },
      { id: "search", priority: 10, handle: (text, ctx, where) => (seen.push(where.waitingType ?? "-"), text.includes("?") ? (ctx.sayText("answer"), "stay") : null) },
    ],
  };
  const { engine: withPlugins } = fixtureEngine([plugin]);

  it("high priority runs even at a free-text input; low priority only where no specific answer is awaited", () => {
    const talk = new Talk(withPlugins);
    talk.command("start");
    talk.press("English");
    expect(talk.text("where to register?").map((m) => m.text)).toEqual(["answer"]);
    talk.text("1");
    talk.text("no");
    talk.text("20"); // at the free-text note input now
    expect(talk.text("SOS").map((m) => m.text)).toEqual(["urgent"]);
    expect(keys(talk.text("what?"))).toEqual(["t-bye", "t-menu"]);
    expect(seen).toEqual(["menu"]);
  });
});
