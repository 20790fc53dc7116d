// The ProseMirror plugin against the real service, in headless Chromium: the demo page
// (served from this folder) types a draft with an out-of-date place name, the plugin
// underlines that word, its card's fix replaces it, and the finding is gone.
//
//   COPYDESK_BIN=../../target/debug/copydesk node test/demo.test.mjs
//
// CHROMIUM names the browser (default /usr/bin/chromium).

import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { textOf, positionOf } from "../src/index.js";
import { schema } from "prosemirror-schema-basic";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bin = process.env.COPYDESK_BIN && resolve(process.env.COPYDESK_BIN);
assert.ok(bin, "COPYDESK_BIN names the copydesk binary");

// The text a document is sent as, and positions back from its offsets.
{
  const doc = schema.node("doc", null, [
    schema.node("heading", { level: 1 }, [schema.text("Title 😀")]),
    schema.node("paragraph", null, [schema.text("One"), schema.node("hard_break"), schema.text("Astana")]),
  ]);
  const { text, runs } = textOf(doc);
  assert.equal(text, "Title 😀\n\nOne\nAstana");
  const at = text.indexOf("Astana");
  assert.equal(doc.textBetween(positionOf(runs, at), positionOf(runs, at + 6)), "Astana");
}

// This folder over HTTP, for the demo page and its modules.
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };
const files = createServer((req, res) => {
  const path = join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (!path.startsWith(root) || !existsSync(path)) { res.writeHead(404).end(); return; }
  res.writeHead(200, { "Content-Type": types[extname(path)] || "application/octet-stream" });
  res.end(readFileSync(path));
});
await new Promise((r) => files.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${files.address().port}`;

// The service, allowing the demo's origin.
const dir = mkdtempSync(join(tmpdir(), "copydesk-pm-"));
writeFileSync(join(dir, "copydesk.toml"), `[serve]\nallowed-origins = ["${origin}"]\n`);
const service = spawn(bin, ["serve", "--addr", "127.0.0.1:0", "--quiet"], { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
const serviceUrl = await new Promise((ok, fail) => {
  createInterface({ input: service.stderr }).once("line", (line) => {
    const m = /serving on (http:\/\/\S+?)\/? /.exec(line);
    m ? ok(m[1]) : fail(new Error("unexpected first line: " + line));
  });
  service.once("exit", (code) => fail(new Error("the service exited with " + code)));
});

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
let failed = false;
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${origin}/demo/index.html?service=${encodeURIComponent(serviceUrl)}&date=2021-09-10`);
  const editor = page.locator("#editor .ProseMirror");
  await editor.click();
  await page.keyboard.type("The talks were held in Astana on Monday.", { delay: 5 });
  await page.keyboard.press("Enter");
  await page.keyboard.type("Officials said little.", { delay: 5 });
  const mark = page.locator(".copydesk-finding[data-rule=place-name]");
  await mark.first().waitFor();
  assert.equal(await mark.first().textContent(), "Astana");
  await mark.first().click();
  const fix = page.locator(".copydesk-card .copydesk-fix");
  await fix.waitFor();
  assert.match(await fix.innerText(), /Nur-Sultan/);
  await fix.click();
  await page.waitForFunction(() => document.querySelector("#editor .ProseMirror").textContent.includes("Nur-Sultan"));
  assert.match(await editor.innerText(), /^The talks were held in Nur-Sultan on Monday\.\s+Officials said little\.$/);
  await page.waitForFunction(() => !document.querySelector(".copydesk-finding[data-rule=place-name]"));
  assert.equal(errors.length, 0, errors.join("\n"));
  console.log("ok: the plugin underlines the word, its fix applies, the finding is gone");
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await browser.close();
  service.kill();
  files.close();
}
process.exit(failed ? 1 : 0);
