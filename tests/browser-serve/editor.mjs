// The web editor of `copydesk serve` in headless Chromium: type a draft with an
// out-of-date place name, see the underline at that word, apply the fix with the mouse,
// see the finding gone; then the same with the keyboard only (F8, Tab into the card,
// Esc back, Ctrl+.).
//
//   COPYDESK_BIN=target/debug/copydesk node tests/browser-serve/editor.mjs [screenshot.png]
//
// CHROMIUM names the browser (default: /usr/bin/chromium). Exit status 0 when every
// step held; a failed step prints what was seen.

import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const bin = process.env.COPYDESK_BIN;
assert.ok(bin, "COPYDESK_BIN names the copydesk binary");
const screenshot = process.argv[2];

const service = spawn(bin, ["serve", "--addr", "127.0.0.1:0", "--no-config", "--quiet"], {
  stdio: ["ignore", "ignore", "pipe"],
});
const url = await new Promise((resolve, reject) => {
  const lines = createInterface({ input: service.stderr });
  lines.once("line", (line) => {
    const m = /serving on (http:\/\/\S+?)\/? /.exec(line);
    m ? resolve(m[1]) : reject(new Error("unexpected first line: " + line));
  });
  service.once("exit", (code) => reject(new Error("the service exited with " + code)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("requestfailed", (r) => {
    if (!r.url().startsWith(url)) errors.push("a request left the service: " + r.url());
  });
  await page.goto(url + "/");
  await page.fill("#date", "2021-09-10");
  await page.selectOption("#format", "text");
  await page.selectOption("#preset", "analysis");
  const draft = page.locator("#draft");

  // 1. Mouse: the underline at the word, its card, the fix.
  await draft.click();
  await page.keyboard.type("The minister flew to Astana on Monday to meet officials.", { delay: 5 });
  const mark = page.locator("#backdrop mark");
  await mark.first().waitFor();
  assert.equal(await mark.count(), 1, "one finding");
  assert.equal(await mark.first().textContent(), "Astana");
  // The mirror that draws the underline lays the text out as the textarea does.
  const layout = await page.evaluate(() => {
    const d = document.getElementById("draft"), b = document.getElementById("backdrop");
    return [d.clientWidth, b.clientWidth, d.scrollHeight, b.scrollHeight];
  });
  assert.equal(layout[0], layout[1], "same width as the textarea");
  assert.equal(layout[2], layout[3], "same height as the textarea");
  const list = page.locator("#list summary");
  assert.match(await list.first().innerText(), /place-name\s*1/);
  const box = await mark.first().boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const card = page.locator("#card");
  await card.waitFor({ state: "visible" });
  assert.match(await card.innerText(), /Astana.*out of date/);
  if (screenshot) await page.screenshot({ path: screenshot });
  await card.locator("button[data-act=fix]").click();
  await page.waitForFunction(() => document.getElementById("total").textContent === "No findings");
  assert.equal(await draft.inputValue(), "The minister flew to Nur-Sultan on Monday to meet officials.");
  assert.equal(await mark.count(), 0, "the underline is gone");

  // 2. Keyboard only: F8 to the finding, Ctrl+. to fix it; then undo brings it back.
  await page.keyboard.press("End");
  await page.keyboard.type(" Later he went back to Astana.", { delay: 5 });
  await mark.first().waitFor();
  await page.keyboard.press("F8");
  await card.waitFor({ state: "visible" });
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.act), "fix", "Tab goes into the card");
  await page.keyboard.press("Escape");
  assert.equal(await page.evaluate(() => document.activeElement.id), "draft", "Esc comes back to the draft");
  await page.keyboard.press("F8");
  await card.waitFor({ state: "visible" });
  await page.keyboard.press("Control+Period");
  await page.waitForFunction(() => document.getElementById("total").textContent === "No findings");
  assert.match(await draft.inputValue(), /went back to Nur-Sultan\.$/);
  await page.keyboard.press("Control+z");
  await mark.first().waitFor();
  assert.equal(await mark.first().textContent(), "Astana", "undo restores the text and its finding");

  // 3. Apply all safe fixes.
  await page.locator("#fixall").click();
  await page.waitForFunction(() => document.getElementById("total").textContent === "No findings");
  assert.equal(errors.length, 0, errors.join("\n"));
  console.log("ok: underline at the word, fix by mouse and by keyboard, undo, apply all safe fixes");
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await browser.close();
  service.kill();
}
process.exit(failed ? 1 : 0);
