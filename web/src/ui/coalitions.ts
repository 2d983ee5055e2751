// SPDX-License-Identifier: Apache-2.0
// Coalition effects: analyze with coalitions acting as one — which equilibria a coalition unsettles
// (its undeterred joint moves) and which states it makes stable.
import { diagnosticsOf, on, partyIds, runJob, state, stateNumber } from "../app";
import type { AnalyzeResult } from "../types";
import { byId, h } from "./dom";
import { toCsv } from "../csv";
import { downloadText } from "./download";
import { progressUpdate, trackJob } from "./progress";

let result: AnalyzeResult | null = null;

export function initCoalitions(): void {
  on("model", () => ((result = null), render()));
  render();
}

function label(p: string): string {
  const n = stateNumber(p);
  return n ? `${n} ${p}` : p;
}

function render(): void {
  const root = byId("view-coalitions");
  const boxes = partyIds().map((p) => h("label", {}, h("input", { type: "checkbox", value: p, class: "coalition-member" }), ` ${p}`));
  const all = h("input", { type: "checkbox", id: "all-coalitions" });
  const form = h("form", { class: "row", onsubmit: ((e: Event) => (e.preventDefault(), void run())) as EventListener },
    h("span", {}, "Coalition:"), ...boxes, h("label", {}, all, " every coalition of two or more"),
    h("button", { type: "submit", id: "run-coalitions" }, "Analyse coalition"));
  const body = h("div", { id: "coalition-result" });
  root.replaceChildren(h("p", {}, "Does allied unity matter? Choose parties that act together and compare the equilibria."), form, body);
  if (result) show(body, result);
}

async function run(): Promise<void> {
  const members = [...document.querySelectorAll<HTMLInputElement>(".coalition-member:checked")].map((c) => c.value);
  const all = (document.getElementById("all-coalitions") as HTMLInputElement).checked;
  const body = byId("coalition-result");
  if (!all && members.length < 2) {
    body.replaceChildren(h("p", { class: "diag", role: "alert" }, "Choose at least two parties, or every coalition."));
    return;
  }
  const options: Record<string, string | number | boolean> = all ? { coalitions: 1 } : { coalition: members.join("+") };
  try {
    result = (await trackJob(runJob("analyze", options, progressUpdate), "coalition analysis")) as AnalyzeResult;
    show(body, result);
  } catch (error) {
    if ((error as Error).name === "AbortError") return;
    body.replaceChildren(h("p", { class: "diag", role: "alert" }, diagnosticsOf(error).map((d) => d.message).join("\n")));
  }
}

function rows(r: AnalyzeResult): (string | number)[][] {
  const out: (string | number)[][] = [["concept", "coalition", "effect", "state", "detail"]];
  for (const [concept, byCoalition] of Object.entries(r.coalition_effects ?? {}))
    for (const [coalition, effect] of Object.entries(byCoalition)) {
      for (const d of effect.destroyed) out.push([concept, coalition, "destroyed", label(d.state), d.by.map((b) => `to ${label(b.to)} by ${b.moves.map((m) => m.party).join(", ")}`).join("; ")]);
      for (const c of effect.created) out.push([concept, coalition, "created", label(c.state), `${c.member} forgoes ${label(c.forgone)}`]);
    }
  return out;
}

function show(body: HTMLElement, r: AnalyzeResult): void {
  const eqRows = Object.entries(r.equilibria).map(([c, alone]) =>
    h("tr", {}, h("th", { scope: "row" }, c.toUpperCase()), h("td", {}, alone.map(label).join(", ") || "none"),
      h("td", {}, (r.coalition_equilibria?.[`c${c}`] ?? []).map(label).join(", ") || "none")));
  const effects = rows(r);
  const table = h("table", { class: "tabular", id: "coalition-effects" }, h("thead", {}, h("tr", {}, ...effects[0].map((c) => h("th", { scope: "col" }, String(c))))),
    h("tbody", {}, ...effects.slice(1).map((row) => h("tr", {}, ...row.map((c) => h("td", {}, String(c)))))));
  body.replaceChildren(
    h("table", { class: "tabular" }, h("caption", {}, "Equilibria: every party alone, and stable also for the coalitions"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "concept"), h("th", { scope: "col" }, "alone"), h("th", { scope: "col" }, "with coalitions"))), h("tbody", {}, ...eqRows)),
    h("h3", {}, "Effects of each coalition"),
    effects.length > 1 ? table : h("p", {}, "No equilibrium is destroyed or created."),
    h("button", { type: "button", onclick: (() => downloadText(toCsv(effects), `${state.name || "model"}-coalitions.csv`, "text/csv")) as EventListener }, "Download effects (CSV)"));
}
