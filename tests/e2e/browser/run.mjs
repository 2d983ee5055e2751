// SPDX-License-Identifier: Apache-2.0
// End-to-end test of the web application: starts `parley serve` on a free port with a fresh
// workspace, drives Debian's Chromium with playwright-core, and checks what the user sees against
// the command line's own answers. Screenshots and downloaded files are kept in --artifacts.
//
// node run.mjs --parley BUILD/apps/cli/parley --web-root BUILD/web/dist \
//              --node-modules BUILD/web/app/node_modules --artifacts DIR [--source-dir REPO]
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const SKIP = 77; // CTest's SKIP_RETURN_CODE
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const here = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = path.resolve(arg("--source-dir", path.join(here, "../../..")));
const parley = arg("--parley");
const webRoot = arg("--web-root");
const nodeModules = path.resolve(arg("--node-modules", path.join(sourceDir, "web/node_modules")));
const artifacts = path.resolve(arg("--artifacts", path.join(os.tmpdir(), "parley-browser-artifacts")));
const chromiumPath = arg("--chromium", process.env.PARLEY_CHROMIUM ?? "/usr/bin/chromium");

if (!parley || !webRoot) {
  console.error("usage: node run.mjs --parley PARLEY --web-root DIST [--node-modules DIR] [--artifacts DIR]");
  process.exit(2);
}
if (!fs.existsSync(chromiumPath)) {
  console.log(`SKIPPED: no Chromium at ${chromiumPath} (install Debian's chromium package, or pass --chromium PATH)`);
  process.exit(SKIP);
}
if (!fs.existsSync(path.join(webRoot, "index.html"))) {
  console.error(`error: the web application is not built: ${webRoot}/index.html is missing (build the parley_web target)`);
  process.exit(1);
}
const { chromium } = createRequire(path.join(nodeModules, "noop.js"))("playwright-core");

fs.rmSync(artifacts, { recursive: true, force: true });
fs.mkdirSync(artifacts, { recursive: true });
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "parley-browser-"));

let failures = 0;
let step = "start";
function check(condition, message) {
  if (!condition) {
    failures++;
    console.error(`FAIL [${step}] ${message}`);
  }
  return condition;
}
function equalSets(actual, expected, what) {
  const a = [...actual].sort().join(" ");
  const e = [...expected].sort().join(" ");
  return check(a === e, `${what}: shown [${a}], expected [${e}]`);
}
const cli = (...a) => JSON.parse(execFileSync(parley, a, { cwd: sourceDir, encoding: "utf8", maxBuffer: 1 << 28 }));

async function startServer() {
  const child = spawn(parley, ["serve", "--port", "0", "--workspace", path.join(scratch, "workspace.sqlite"), "--web-root", webRoot], {
    cwd: sourceDir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (d) => (log += d));
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`parley serve printed no URL in 20 s: ${out}${log}`)), 20_000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/?$/, "/"));
      }
    });
    child.on("exit", (code) => reject(new Error(`parley serve exited (${code}): ${out}${log}`)));
  });
  return { child, url };
}

async function download(page, selector, name) {
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 20_000 }), page.click(selector)]);
  const file = path.join(artifacts, name ?? dl.suggestedFilename());
  await dl.saveAs(file);
  return file;
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

async function shownEquilibria(page) {
  return page.$$eval("#equilibria li", (items) =>
    Object.fromEntries(items.map((li) => [li.dataset.concept, [...li.querySelectorAll("[data-state]")].map((b) => b.dataset.state)])));
}

async function openExample(page, name) {
  await page.selectOption("#examples", name);
  await page.waitForSelector("#editor fieldset legend", { timeout: 20_000 });
}

async function runAnalysis(page) {
  await page.click("#run");
  await page.waitForFunction(() => /^Analysed/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 60_000 });
}

async function main() {
  const { child, url } = await startServer();
  const context = await chromium.launchPersistentContext(path.join(scratch, "profile"), {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 1000 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.setDefaultTimeout(20_000);
  try {
    step = "open the flagship example";
    await page.goto(url);
    await page.waitForSelector("#examples option[value='ukraine-talks']", { state: "attached" });
    await openExample(page, "ukraine-talks");
    check((await page.textContent("#editor")).includes("Party US"), "the editor shows the parties of the example");

    step = "run it: equilibria equal parley analyze --json";
    const expected = cli("analyze", "examples/ukraine-talks.yaml", "--json");
    await runAnalysis(page);
    const shown = await shownEquilibria(page);
    for (const [concept, list] of Object.entries(expected.equilibria)) equalSets(shown[concept] ?? [], list, `${concept} equilibria`);
    check((await page.$$("#tabular thead th[data-pattern]")).length === expected.states.length, "the table has a column per state");
    const highlighted = await page.$$eval("#tabular thead th.eq", (ths) => ths.map((t) => t.dataset.pattern));
    equalSets(highlighted, expected.equilibria.nash, "highlighted Nash equilibria");
    await shot(page, "01-table");

    step = "click a state, see its explanation";
    const target = expected.equilibria.nash[0];
    await page.click(`#tabular button[data-state='${target}']`);
    await page.waitForSelector("#explain h2");
    const explanation = await page.textContent("#explain");
    check(explanation.includes(target), `the explanation names the state ${target}`);
    check(/An equilibrium under NASH/.test(explanation), "the explanation says the state is a Nash equilibrium");
    for (const party of ["US", "CAN", "EU", "UKR", "RUS"]) check(explanation.includes(party), `the explanation covers ${party}`);
    await shot(page, "02-explanation");

    step = "keyboard: arrow keys move between views";
    await page.focus("#tab-table");
    await page.keyboard.press("ArrowRight");
    check((await page.getAttribute("#tab-graph", "aria-selected")) === "true", "ArrowRight selects the State graph tab");
    check(await page.evaluate(() => document.activeElement?.id === "tab-graph"), "focus follows the selected tab");

    step = "state graph and its exports";
    await page.waitForSelector("#graph-canvas canvas");
    const svgFile = await download(page, "#graph-svg", "graph.svg");
    const svg = fs.readFileSync(svgFile, "utf8");
    check(svg.startsWith("<svg"), "the graph SVG is an SVG file");
    check((svg.match(/<circle /g) ?? []).length === expected.states.length, "the graph SVG draws every state");
    const pngFile = await download(page, "#graph-png", "graph.png");
    check(fs.readFileSync(pngFile).subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), "the graph PNG is a PNG file");
    await shot(page, "03-graph");

    step = "status quo paths, drawn on the graph";
    const paths = cli("paths", "examples/ukraine-talks.yaml", "--json");
    await page.click("#tab-paths");
    await page.click("#run-paths");
    await page.waitForSelector("#paths-summary");
    const items = await page.$$eval("[data-path-to]", (b) => b.map((x) => x.dataset.pathTo));
    equalSets(items, paths.reachable.map((r) => r.pattern), "reachable states");
    const farthest = paths.reachable.at(-1);
    await page.click(`[data-path-to='${farthest.pattern}']`);
    await page.waitForSelector("#graph-canvas canvas");
    check((await page.getAttribute("#tab-graph", "aria-selected")) === "true", "choosing a path shows the graph");
    const pathSvg = fs.readFileSync(await download(page, "#graph-svg", "graph-with-path.svg"), "utf8");
    check((pathSvg.match(/stroke-width="5"/g) ?? []).length === farthest.path.length, `the path's ${farthest.path.length} steps are drawn bold`);
    await shot(page, "04-path");

    step = "table as CSV";
    await page.click("#tab-table");
    const csv = fs.readFileSync(await download(page, "#export-csv", "table.csv"), "utf8").trimEnd().split("\r\n");
    check(csv[0] === ["state", ...expected.states.map((s) => s.id)].join(","), "the CSV's first row numbers the states");
    const parties = Object.keys(expected.preferences).length;
    check(csv.length === 1 + expected.options.length + 4 * (parties + 1), `the CSV has ${1 + expected.options.length + 4 * (parties + 1)} rows (got ${csv.length})`);
    const nashRow = csv.find((l) => l.startsWith("nash equilibrium,"));
    check(nashRow && nashRow.split(",").filter((c) => c === "E").length === expected.equilibria.nash.length, "the CSV marks the Nash equilibria");

    step = "positions chart and its exports";
    await page.click("#tab-spatial");
    await page.click("#run-predict");
    await page.waitForSelector("#spatial-chart svg", { timeout: 30_000 });
    const predict = cli("predict", "examples/ukraine-talks.yaml", "--json");
    const chartSvg = fs.readFileSync(await download(page, "#chart-svg", "positions.svg"), "utf8");
    check(chartSvg.startsWith("<svg") && chartSvg.includes("zone of agreement"), "the chart SVG shows the zone of agreement");
    check(chartSvg.includes(`weighted median: ${Number(predict.issues.territory.median.toPrecision(3))}`), "the chart marks the weighted median");
    const chartPng = fs.readFileSync(await download(page, "#chart-png", "positions.png"));
    check(chartPng.subarray(1, 4).toString() === "PNG", "the chart PNG is a PNG file");
    await shot(page, "05-positions");

    step = "coalition effects";
    const allied = cli("analyze", "examples/ukraine-talks.yaml", "--coalition", "US+EU", "--json");
    await page.click("#tab-coalitions");
    await page.check(".coalition-member[value='US']");
    await page.check(".coalition-member[value='EU']");
    await page.click("#run-coalitions");
    await page.waitForSelector("#coalition-result table", { timeout: 60_000 });
    let effects = 0;
    for (const byCoalition of Object.values(allied.coalition_effects ?? {}))
      for (const e of Object.values(byCoalition)) effects += e.destroyed.length + e.created.length;
    const rowsShown = (await page.$$("#coalition-effects tbody tr")).length;
    check(rowsShown === effects, `the coalition's effects are listed (${rowsShown} rows, expected ${effects})`);
    await shot(page, "05b-coalitions");

    step = "a bad priority gets an inline error; fixing it shows the ranking";
    const priority = "#editor input[data-path='parties.0.priorities.0']";
    const original = await page.inputValue(priority);
    await page.fill(priority, "support if brokr_talks");
    await page.waitForSelector(`${priority}[aria-invalid='true']`);
    const errorId = await page.getAttribute(priority, "aria-describedby");
    const message = await page.textContent(`#${errorId}`);
    check(/unknown option 'brokr_talks'/.test(message), `the error next to the field names the unknown option (got: ${message})`);
    check(/did you mean 'broker_talks'/.test(message), "the error suggests the right option");
    await shot(page, "06-inline-error");
    await page.fill(priority, original);
    await page.waitForSelector(`${priority}:not([aria-invalid])`);
    await page.waitForFunction(() => document.querySelector("[data-preview='US']")?.textContent?.includes("1. "));
    const preview = await page.textContent("[data-preview='US']");
    const firstUS = expected.preferences.US[0];
    check(preview.includes(Array.isArray(firstUS) ? firstUS[0] : firstUS), "the ranking preview starts with the US's most preferred state");

    step = "save to the workspace, edit, save again, reload and read both versions";
    await page.fill("#model-name", "ukraine-e2e");
    await page.click("#save");
    await page.waitForFunction(() => /Saved ukraine-e2e, version 1/.test(document.getElementById("status")?.textContent ?? ""));
    await page.fill("#model-title", "Edited title");
    await page.waitForTimeout(500);
    await page.click("#save");
    await page.waitForFunction(() => /version 2/.test(document.getElementById("status")?.textContent ?? ""));
    await page.reload();
    await page.click("#open-workspace");
    await page.click("#workspace-models [data-model='ukraine-e2e'] button");
    await page.waitForSelector("#model-title");
    check((await page.inputValue("#model-title")) === "Edited title", "the latest version comes back after a reload");
    await page.click("#workspace-models [data-model='ukraine-e2e'] button[aria-label^='History']");
    await page.waitForSelector("#workspace-history li");
    check((await page.$$("#workspace-history li")).length === 2, "the history lists two versions");
    await page.click("#workspace-history li:first-child button");
    await page.waitForFunction(() => (document.getElementById("model-title")?.value ?? "").startsWith("Allied talks"));
    await shot(page, "07-workspace");

    step = "export YAML and JSON";
    const yaml = fs.readFileSync(await download(page, "#export-yaml", "model.yaml"), "utf8");
    check(/^parley: 1/m.test(yaml) && yaml.includes("broker_talks"), "the YAML export is a model file");
    const json = JSON.parse(fs.readFileSync(await download(page, "#export-json", "model.json"), "utf8"));
    check(json.parties?.length === 5, "the JSON export has the five parties");

    step = "import a GMCR+ file, run it";
    await page.setInputFiles("#import", path.join(sourceDir, "tests/data/gmcr/elmira.gmcr"));
    await page.waitForFunction(() => document.getElementById("editor")?.textContent?.includes("Party MoE"));
    await runAnalysis(page);
    const elmira = cli("analyze", "tests/data/gmcr/elmira.gmcr", "--json");
    const shownElmira = await shownEquilibria(page);
    for (const [concept, list] of Object.entries(elmira.equilibria)) equalSets(shownElmira[concept] ?? [], list, `Elmira ${concept} equilibria`);
    await shot(page, "08-gmcr-import");

    step = "a large state space: the graph warns and shows a neighbourhood";
    const big = execFileSync(parley, ["generate", "--parties", "3", "--options", "11", "--seed", "7"], { encoding: "utf8" });
    await page.click("#tab-source");
    await page.fill("#source-text", big);
    await page.click("#apply-source");
    await page.waitForFunction(() => document.getElementById("editor")?.textContent?.includes("Party"));
    await runAnalysis(page);
    await page.click("#tab-graph");
    await page.waitForSelector("#graph-warning");
    check(/too many to draw at once/.test(await page.textContent("#graph-warning")), "the graph view explains why it shows part of the graph");
    await page.waitForSelector("#graph-canvas canvas");
    await shot(page, "09-large");

    step = "a long analysis shows progress and can be cancelled";
    const huge = execFileSync(parley, ["generate", "--parties", "5", "--options", "20", "--seed", "3"], { encoding: "utf8" });
    await page.click("#tab-source");
    await page.fill("#source-text", huge);
    await page.click("#apply-source");
    await page.waitForFunction(() => document.getElementById("editor")?.textContent?.includes("Party P4"));
    await page.click("#run");
    await page.waitForSelector("#progress:not([hidden])", { timeout: 60_000 });
    await shot(page, "10-progress");
    await page.click("#cancel");
    await page.waitForSelector("#progress", { state: "hidden" });
    await page.waitForFunction(() => /cancelled/i.test(document.getElementById("status")?.textContent ?? ""));
    let newest = null;
    for (let i = 0; i < 50 && newest?.status !== "cancelled"; i++) {
      newest = (await page.evaluate(async () => (await fetch("/api/jobs")).json()))[0];
      if (newest?.status !== "cancelled") await page.waitForTimeout(200);
    }
    check(newest?.status === "cancelled", `the server cancelled the job (newest job: ${JSON.stringify(newest)})`);

    check(pageErrors.length === 0, `no script errors in the page: ${pageErrors.join("; ")}`);
  } catch (error) {
    failures++;
    console.error(`FAIL [${step}] ${error.stack ?? error}`);
    await shot(page, "failure").catch(() => undefined);
  } finally {
    await context.close();
    child.kill("SIGTERM");
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`${failures ? "FAILED" : "passed"}: browser test, artefacts in ${artifacts}`);
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
