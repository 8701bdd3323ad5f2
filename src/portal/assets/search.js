/* global document, location, URLSearchParams */
// The portal's search, in the browser (search.html) and at build time (the index of stems is
// made with the same `stems`, so the two can never disagree). No framework, no server: the
// page loads <lang>/search.json, a few KB of word stems per article.

/** Word stems of a text: lower case, "ё" as "е", one apostrophe, the first six letters of each word of two or more. */
export function stems(text) {
  const words = text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[ʻʼ‘’`´]/g, "'")
    .split(/[^\p{L}\p{N}']+/u);
  const out = new Set();
  for (const word of words) {
    const w = word.replace(/^'+|'+$/g, "");
    if (w.length >= 2) out.add(w.slice(0, 6));
  }
  return [...out];
}

/** Whether a query stem meets an indexed stem (either may be the shorter form of the other). */
function meets(query, indexed) {
  return query === indexed || (query.length >= 3 && indexed.startsWith(query)) || (indexed.length >= 4 && query.startsWith(indexed));
}

/** Entries of the index that fit a query, best first: title words weigh 3, keywords 2, text 1. */
export function search(index, query) {
  const terms = stems(query);
  if (!terms.length) return [];
  const scored = [];
  index.forEach((entry, order) => {
    const fields = [entry.a.split(" "), entry.b.split(" "), entry.c.split(" ")];
    let score = 0;
    for (const term of terms) {
      const field = fields.findIndex((words) => words.some((w) => meets(term, w)));
      if (field >= 0) score += 3 - field;
    }
    if (score > 0) scored.push({ entry, score, order });
  });
  return scored.sort((x, y) => y.score - x.score || x.order - y.order).map((s) => s.entry);
}

async function run() {
  const results = document.getElementById("results");
  if (!results) return;
  const status = document.getElementById("search-status");
  const input = document.getElementById("q");
  const query = new URLSearchParams(location.search).get("q") ?? "";
  if (input) input.value = query;
  if (!query.trim()) {
    status.hidden = true;
    return;
  }
  try {
    const response = await fetch("search.json");
    const found = search(await response.json(), query).slice(0, 8);
    status.textContent = found.length ? results.dataset.found.replace("{q}", query) : results.dataset.none;
    const list = document.createElement("ol");
    for (const entry of found) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = entry.u;
      link.textContent = entry.t;
      const snippet = document.createElement("p");
      snippet.textContent = entry.s;
      item.append(link, snippet);
      list.append(item);
    }
    results.replaceChildren(list);
  } catch {
    status.textContent = results.dataset.none;
  }
}

if (typeof document !== "undefined") run();
