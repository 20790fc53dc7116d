// node report.mjs REPORT.html EXPECTED.json SCREENSHOT.png
//
// Opens copydesk's HTML report in Chromium (CHROMIUM, else /usr/bin/chromium) and checks
// what an editor sees: the totals, the chart of findings per rule, the rule filter
// (from the select and by clicking a bar), the search box and sorting. EXPECTED holds
// {"findings": N, "files": N, "per_rule": {"rule": N, ...}} from copydesk's JSON output.
// Saves a screenshot of the page. Any failed check ends the process with status 1.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const [report, expectedFile, screenshot] = process.argv.slice(2);
const expected = JSON.parse(readFileSync(expectedFile, "utf8"));
const findings = (n) => `${n} ${n === 1 ? "finding" : "findings"}`;
const figure = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u2009");

function check(ok, what) {
  if (!ok) {
    throw new Error(what);
  }
  console.log("ok: " + what);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(report).href);

  const card = async (id) => (await page.textContent(`#total-${id} .n`)).trim();
  check(await card("findings") === figure(expected.findings), `the total of findings is ${expected.findings}`);
  check(await card("files-checked") === figure(expected.files), `the total of files is ${expected.files}`);

  const rules = Object.keys(expected.per_rule);
  const bars = await page.$$eval("#rule-chart .bar", (gs) =>
    gs.map((g) => [g.dataset.rule, g.querySelector("rect").getBoundingClientRect().width]));
  check(bars.length === rules.length, `the chart has a bar for each of the ${rules.length} rules`);
  const widest = bars.reduce((a, b) => (b[1] > a[1] ? b : a));
  const most = rules.reduce((a, b) => (expected.per_rule[b] > expected.per_rule[a] ? b : a));
  check(widest[0] === most && widest[1] > 0, `the longest bar is the rule with most findings (${most})`);
  check(await page.isVisible("#year-chart"), "the chart per year is drawn");

  const shown = async () => (await page.textContent("#shown")).trim();
  check(await shown() === `Showing ${Math.min(200, expected.findings)} of ${findings(expected.findings)}`,
    "the table shows its first page of every finding");

  // Filter by each rule from the select.
  for (const rule of rules) {
    await page.selectOption("#rule-filter", rule);
    const n = expected.per_rule[rule];
    check((await shown()).endsWith(` of ${findings(n)}`), `the filter shows the ${n} findings of ${rule}`);
    const rowRules = await page.$$eval("#findings tbody tr", (trs) => trs.map((tr) => tr.dataset.rule));
    check(rowRules.length > 0 && rowRules.every((r) => r === rule), `every row shown is of ${rule}`);
  }
  await page.selectOption("#rule-filter", "");

  // A click on a bar filters by its rule.
  const least = rules.reduce((a, b) => (expected.per_rule[b] < expected.per_rule[a] ? b : a));
  await page.click(`#rule-chart .bar[data-rule="${least}"]`);
  check(await page.inputValue("#rule-filter") === least, `a click on the bar of ${least} selects it`);
  check((await shown()).endsWith(` of ${findings(expected.per_rule[least])}`), "and the table follows");

  // Sorting by line, then back.
  await page.click('#findings th[data-key="line"]');
  const lines = await page.$$eval("#findings tbody tr td:nth-child(3)", (tds) => tds.map((td) => Number(td.textContent)));
  check(lines.every((l, i) => i === 0 || lines[i - 1] <= l), "a click on Line sorts by line");
  await page.click('#findings th[data-key="line"]');
  const down = await page.$$eval("#findings tbody tr td:nth-child(3)", (tds) => tds.map((td) => Number(td.textContent)));
  check(down.every((l, i) => i === 0 || down[i - 1] >= l), "a second click sorts the other way");

  // The search box narrows to what matches.
  await page.fill("#text-filter", "no such text anywhere");
  check(await shown() === "Showing 0 of 0 findings", "a search that matches nothing empties the table");
  await page.fill("#text-filter", "");
  await page.selectOption("#rule-filter", "");
  await page.click('#findings th[data-key="file"]');

  check(errors.length === 0, "the page raised no error" + (errors.length ? ": " + errors.join("; ") : ""));
  const outside = requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:"));
  check(outside.length === 0, "the page fetched nothing from the network" + (outside.length ? ": " + outside.join(", ") : ""));

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshot });
  console.log("ok: screenshot in " + screenshot);
} finally {
  await browser.close();
}
