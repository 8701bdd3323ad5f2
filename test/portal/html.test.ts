import { describe, expect, it } from "vitest";
import { html, raw, textBlocks } from "../../src/portal/html.ts";

describe("html", () => {
  it("escapes interpolated text and attribute values, keeps nested markup, drops empty parts", () => {
    const title = `<script>alert("x")</script> & 'quotes'`;
    const out = html`<a href="${'x" onclick="y'}" title="${title}">${title}</a>${html`<b>ok</b>`}${false}${undefined}${["<i>", html`<i>`]}`;
    expect(out.value).toBe(
      '<a href="x&quot; onclick=&quot;y" title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</a><b>ok</b>&lt;i&gt;<i>',
    );
    expect(html`${raw("<br>")}`.value).toBe("<br>");
  });

  it("turns an article text into paragraphs and lists as the bot shows its lines", () => {
    const out = textBlocks("First line.\n• one\n• two <b>\nAfter.\n- dash item\n-5 is not a list");
    expect(out.value).toBe("<p>First line.</p><ul><li>one</li><li>two &lt;b&gt;</li></ul><p>After.</p><ul><li>dash item</li></ul><p>-5 is not a list</p>");
  });
});
