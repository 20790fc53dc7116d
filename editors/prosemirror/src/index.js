// copydesk for ProseMirror: a plugin that sends the document's text to `copydesk serve`
// (POST /v1/check), underlines the findings, and offers their fixes.
//
//   import { copydesk } from "copydesk-prosemirror";
//   const view = new EditorView(el, { state: EditorState.create({ schema,
//     plugins: [copydesk({ url: "http://127.0.0.1:7777", date: "2021-09-10" })] }) });
//
// The service answers with UTF-16 offsets into the text it was sent; `textOf` keeps, for
// every run of text, where it starts in the document, so each offset maps back to a
// ProseMirror position. Nothing is decided here: the findings and fixes are the
// service's.

import { Plugin, PluginKey } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";

export const copydeskKey = new PluginKey("copydesk");

/**
 * The plain text of `doc` as copydesk reads it (text blocks separated by a blank line,
 * a hard break as a line break, any other inline leaf as U+FFFC), and the runs that map
 * it back: `{ text, runs: [{ offset, pos, length }] }`, offsets in UTF-16 code units.
 */
export function textOf(doc) {
  let text = "";
  const runs = [];
  let first = true;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (!first) text += "\n\n";
    first = false;
    node.forEach((child, offset) => {
      const at = pos + 1 + offset;
      const piece = child.isText ? child.text : child.type.name === "hard_break" ? "\n" : "\uFFFC";
      runs.push({ offset: text.length, pos: at, length: piece.length });
      text += piece;
    });
    return false;
  });
  return { text, runs };
}

/** The document position of UTF-16 `offset` in the text of `textOf`. */
export function positionOf(runs, offset) {
  let lo = 0, hi = runs.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].offset <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (found < 0) return runs.length ? runs[0].pos : 1;
  const run = runs[found];
  return run.pos + Math.min(offset - run.offset, run.length);
}

/** A finding with its range and its fix's edits as document positions. */
function place(finding, runs) {
  const edits = (list) => list.map((e) => ({
    from: positionOf(runs, e.utf16_start),
    to: positionOf(runs, e.utf16_end),
    replacement: e.replacement,
  }));
  return {
    ...finding,
    from: positionOf(runs, finding.utf16_start),
    to: positionOf(runs, finding.utf16_end),
    fixEdits: finding.fix ? edits(finding.fix.edits) : null,
  };
}

function decorations(doc, findings) {
  return DecorationSet.create(doc, findings.filter((f) => f.to > f.from).map((f) =>
    Decoration.inline(f.from, f.to, {
      class: `copydesk-finding copydesk-${f.severity}`,
      "data-rule": f.rule,
      title: f.message.replace(/`/g, ""),
    }, { finding: f })));
}

/** The findings now shown, their positions mapped through the edits since the check. */
export function findings(state) {
  const set = copydeskKey.getState(state)?.decorations;
  return set ? set.find().map((d) => ({ ...d.spec.finding, from: d.from, to: d.to })) : [];
}

/** The findings whose range holds `pos`. */
export function findingsAt(state, pos) {
  return findings(state).filter((f) => f.from <= pos && pos <= f.to);
}

/** Apply `finding`'s fix, if the text it was made for is still there. */
export function applyFix(view, finding) {
  return applyFixes(view, [finding]);
}

/** Apply every safe fix shown, in one transaction (one undo step). */
export function applyAllSafeFixes(view) {
  return applyFixes(view, findings(view.state).filter((f) => f.fix && f.fix.applicability === "safe"));
}

function applyFixes(view, list) {
  const plugin = copydeskKey.getState(view.state);
  const edits = [];
  for (const f of list) {
    if (!f.fixEdits) continue;
    // The fix's positions were made on the document of the check; map them to now.
    const map = plugin.mappingSince(f.version);
    if (!map) continue;
    for (const e of f.fixEdits) {
      const from = map.map(e.from, 1), to = map.map(e.to, -1);
      if (from <= to) edits.push({ from, to, replacement: e.replacement });
    }
  }
  if (!edits.length) return false;
  edits.sort((a, b) => b.from - a.from);
  let tr = view.state.tr, floor = Infinity;
  for (const e of edits) {
    if (e.to > floor) continue; // overlapping fixes: the later one wins
    tr = e.replacement ? tr.insertText(e.replacement, e.from, e.to) : tr.delete(e.from, e.to);
    floor = e.from;
  }
  view.dispatch(tr.scrollIntoView());
  return true;
}

/**
 * The plugin. Options: `url` of the service (default http://127.0.0.1:7777), `token`
 * (bearer), `date` (YYYY-MM-DD), `preset`, `filename`, `debounce` in ms (400),
 * `onFindings(findings)` called after each check, `tooltip` (default true: a card
 * with the message, help and fix on click).
 */
export function copydesk(options = {}) {
  const url = (options.url || "http://127.0.0.1:7777").replace(/\/$/, "");
  const debounce = options.debounce ?? 400;
  return new Plugin({
    key: copydeskKey,
    state: {
      init: (_, state) => newState(DecorationSet.empty, 0, []),
      apply(tr, value, _old, state) {
        const result = tr.getMeta(copydeskKey);
        if (result) {
          // The findings are of this very document: the step maps before it are done with.
          const version = value.version + value.maps.length;
          const list = result.findings.map((f) => ({ ...f, version }));
          return newState(decorations(state.doc, list), version, []);
        }
        if (!tr.docChanged) return value;
        return newState(value.decorations.map(tr.mapping, tr.doc), value.version,
          value.maps.concat(tr.mapping.maps));
      },
    },
    props: {
      decorations: (state) => copydeskKey.getState(state).decorations,
      handleClick(view, pos) {
        if (options.tooltip === false) return false;
        const here = findingsAt(view.state, pos);
        view.dom.dispatchEvent(new CustomEvent("copydesk-select", { detail: here[0] || null }));
        return false;
      },
    },
    view(view) { return new Checker(view, url, debounce, options); },
  });
}

/**
 * The plugin's state: the decorations, and the step maps of the edits since the last
 * check (the first is number `version`), to map a fix made on that text to now.
 */
function newState(decorationSet, version, maps) {
  return {
    decorations: decorationSet,
    version,
    maps,
    mappingSince(v) {
      if (v < version) return null;
      const list = maps.slice(v - version);
      return { map: (pos, assoc) => list.reduce((p, m) => m.map(p, assoc), pos) };
    },
  };
}

/** Checks the document when it changes (debounced) and shows a card for a finding. */
class Checker {
  constructor(view, url, debounce, options) {
    this.view = view; this.url = url; this.debounce = debounce; this.options = options;
    this.timer = 0; this.seq = 0; this.controller = null;
    this.card = null;
    if (options.tooltip !== false) {
      this.onSelect = (e) => this.showCard(e.detail);
      view.dom.addEventListener("copydesk-select", this.onSelect);
    }
    this.schedule(0);
  }

  update(view, prev) {
    if (view.state.doc !== prev.doc) { this.hideCard(); this.schedule(this.debounce); }
  }

  destroy() {
    clearTimeout(this.timer);
    if (this.controller) this.controller.abort();
    if (this.onSelect) this.view.dom.removeEventListener("copydesk-select", this.onSelect);
    this.hideCard();
  }

  schedule(delay) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), delay);
  }

  async check() {
    const doc = this.view.state.doc;
    const { text, runs } = textOf(doc);
    const seq = ++this.seq;
    if (this.controller) this.controller.abort();
    this.controller = new AbortController();
    const body = { text, format: "text" };
    for (const key of ["date", "preset", "filename"]) if (this.options[key]) body[key] = this.options[key];
    const headers = { "Content-Type": "application/json" };
    if (this.options.token) headers.Authorization = "Bearer " + this.options.token;
    let answer;
    try {
      const response = await fetch(this.url + "/v1/check", {
        method: "POST", headers, body: JSON.stringify(body), signal: this.controller.signal,
      });
      answer = await response.json();
      if (!response.ok) throw new Error(answer.error ? answer.error.message : "HTTP " + response.status);
    } catch (e) {
      if (e.name !== "AbortError" && this.options.onError) this.options.onError(e);
      return;
    }
    // A check of a document that has changed since is dropped: a newer one is coming.
    if (seq !== this.seq || this.view.state.doc !== doc) return;
    const placed = answer.findings.map((f) => place(f, runs));
    this.view.dispatch(this.view.state.tr.setMeta(copydeskKey, { findings: placed }));
    if (this.options.onFindings) this.options.onFindings(findings(this.view.state));
  }

  showCard(finding) {
    this.hideCard();
    if (!finding) return;
    const card = document.createElement("div");
    card.className = "copydesk-card";
    card.setAttribute("role", "dialog");
    const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
    const rich = (s) => esc(s).replace(/`([^`]+)`/g, "<code>$1</code>");
    card.innerHTML = `<div class="copydesk-rule">${esc(finding.severity)} · ${esc(finding.rule)}</div>
      <p>${rich(finding.message)}</p>${finding.help ? `<p class="copydesk-help">${rich(finding.help)}</p>` : ""}
      ${finding.fix ? `<button type="button" class="copydesk-fix">${rich(finding.fix.title)}</button>` : ""}`;
    const coords = this.view.coordsAtPos(finding.from);
    card.style.position = "fixed";
    card.style.left = coords.left + "px";
    card.style.top = coords.bottom + 6 + "px";
    const fix = card.querySelector(".copydesk-fix");
    if (fix) fix.addEventListener("click", () => { applyFix(this.view, finding); this.hideCard(); this.view.focus(); });
    document.body.appendChild(card);
    this.card = card;
  }

  hideCard() {
    if (this.card) { this.card.remove(); this.card = null; }
  }
}
