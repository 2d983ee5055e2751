// SPDX-License-Identifier: Apache-2.0
// Status quo analysis (/api/paths): the states reachable by improvements, with one shortest path
// to each; a path can be drawn on the state graph.
import { diagnosticsOf, on, partyIds, runJob, select, state, stateNumber } from "../app";
import { progressUpdate, trackJob } from "./progress";
import type { PathsResult, Step } from "../types";
import { byId, h } from "./dom";
import { showPath } from "./graph";
import { showView } from "./tabs";
import { toCsv } from "../csv";
import { downloadText } from "./download";

let result: PathsResult | null = null;

export function initPaths(): void {
  on("analysis", render);
  on("model", () => ((result = null), render()));
  render();
}

function label(p: string): string {
  const n = stateNumber(p);
  return n ? `${n} ${p}` : p;
}

function stepText(s: Step): string {
  if (s.coalition) return `${s.coalition.join("+")} → ${label(s.to)} (${(s.moves ?? []).map((m) => m.party).join(", ")})`;
  return `${s.party} → ${label(s.to)}`;
}

function render(): void {
  const root = byId("view-paths");
  const from = h("input", { type: "text", id: "paths-from", size: "12", placeholder: state.analysis?.status_quo ?? "status quo", "aria-label": "Start state (number or pattern; empty for the status quo)" });
  const coalitionBoxes = partyIds().map((p) => h("label", {}, h("input", { type: "checkbox", value: p, class: "paths-coalition" }), ` ${p}`));
  const form = h("form", { class: "row", onsubmit: ((e: Event) => (e.preventDefault(), void run(from.value))) as EventListener },
    h("label", {}, "From ", from),
    coalitionBoxes.length ? h("span", { class: "small" }, "coalition moving together:") : "", ...coalitionBoxes,
    h("button", { type: "submit", id: "run-paths" }, "Find paths"));
  const body = h("div", { id: "paths-result" });
  root.replaceChildren(h("p", {}, "Where can the conflict go from the status quo by improvements (each a move of one party, or a coalition, to a state it prefers)?"), form, body);
  if (result) renderResult(body, result);
}

async function run(fromText: string): Promise<void> {
  const body = byId("paths-result");
  const members = [...document.querySelectorAll<HTMLInputElement>(".paths-coalition:checked")].map((c) => c.value);
  body.replaceChildren(h("p", {}, "Searching…"));
  try {
    const options: Record<string, string> = {};
    if (fromText.trim()) options.from = fromText.trim();
    if (members.length > 1) options.coalition = members.join("+");
    result = await trackJob<PathsResult>(runJob("paths", options, progressUpdate), "status quo paths");
    renderResult(body, result);
  } catch (error) {
    if ((error as Error).name === "AbortError") return;
    result = null;
    body.replaceChildren(h("p", { class: "diag", role: "alert" }, diagnosticsOf(error).map((d) => d.message + (d.help ? `\nhelp: ${d.help}` : "")).join("\n")));
  }
}

function renderResult(body: HTMLElement, r: PathsResult): void {
  const reachable = r.reachable ?? [];
  const eq = new Set(state.analysis?.equilibria[state.concept] ?? []);
  const list = h("ol", { class: "paths-list", start: "0" });
  for (const item of reachable) {
    list.append(h("li", {},
      h("button", { type: "button", "data-path-to": item.pattern, onclick: (() => {
        showPath(r.from, item.path);
        select(item.pattern);
        showView("view-graph");
      }) as EventListener }, label(item.pattern)),
      ` ${item.moves} move${item.moves === 1 ? "" : "s"}${eq.has(item.pattern) ? ` · ${state.concept.toUpperCase()} equilibrium` : ""}`,
      item.path.length ? h("div", { class: "small" }, item.path.map(stepText).join(" ⟶ ")) : ""));
  }
  const csv = () => downloadText(toCsv([["state", "pattern", "moves", "path"], ...reachable.map((i) => [stateNumber(i.pattern), i.pattern, i.moves, i.path.map(stepText).join("; ")])]), `${state.name || "model"}-paths.csv`, "text/csv");
  body.replaceChildren(
    h("p", { id: "paths-summary" }, `From ${label(r.from)}: ${reachable.length} reachable state${reachable.length === 1 ? "" : "s"}. Choose one to draw its path on the graph.`),
    h("button", { type: "button", onclick: csv as EventListener }, "Download paths (CSV)"), list);
}
