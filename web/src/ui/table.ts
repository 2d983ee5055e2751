// SPDX-License-Identifier: Apache-2.0
// The tabular form of the literature: one column per state, a row per option (Y/N), then per concept
// a row per party (+ stable, - not) and the equilibria (E). Clicking a state explains it.
import { CONCEPTS, emit, on, select, state } from "../app";
import { toCsv } from "../csv";
import { tableRows } from "../states";
import { byId, h } from "./dom";
import { downloadText } from "./download";

const MAX_COLUMNS = 512;

export function initTable(): void {
  on("analysis", render);
  on("selection", markSelection);
  render();
}

function concepts(): string[] {
  return Object.keys(state.analysis?.equilibria ?? {}).filter((c) => state.analysis?.stability?.[c]);
}

function render(): void {
  const root = byId("view-table");
  const result = state.analysis;
  if (!result) {
    root.replaceChildren(h("p", {}, "Run the analysis to see the states, their stability and the equilibria."));
    return;
  }
  const eqHeading = h("h2", {}, "Equilibria");
  const eqList = h("ul", { class: "eq-list", id: "equilibria" });
  for (const [concept, list] of Object.entries(result.equilibria))
    eqList.append(h("li", { "data-concept": concept }, `${concept.toUpperCase()}: `,
      ...(list.length ? list.map((p) => stateButton(p)) : ["none"])));

  const conceptSelect = h("select", { id: "concept", "aria-label": "Concept whose equilibria are highlighted", onchange: ((e: Event) => {
    state.concept = (e.target as HTMLSelectElement).value;
    emit("analysis");
  }) as EventListener }, ...Object.keys(result.equilibria).map((c) => h("option", { value: c, selected: c === state.concept }, c.toUpperCase())));

  const controls = h("div", { class: "row" },
    h("label", {}, "Highlight equilibria of ", conceptSelect),
    h("button", { type: "button", id: "export-csv", onclick: exportCsv as EventListener }, "Download table (CSV)"));

  const states = result.states ?? [];
  if (!states.length) {
    root.replaceChildren(eqHeading, eqList, controls, h("p", {}, "The answer lists no states (equilibria only)."));
    return;
  }
  const shown = states.slice(0, MAX_COLUMNS);
  const eq = new Set(result.equilibria[state.concept] ?? []);
  const table = h("table", { class: "tabular", id: "tabular" }, h("caption", { class: "small" }, `Feasible states (${states.length}); status quo underlined; ${state.concept.toUpperCase()} equilibria highlighted`));
  const head = h("tr", {}, h("th", { scope: "col" }, "state"));
  for (const s of shown)
    head.append(h("th", { scope: "col", class: cls(s.pattern, eq), "data-pattern": s.pattern },
      h("button", { type: "button", class: "state", "data-state": s.pattern, "aria-label": `State ${s.id}, ${s.pattern}`, onclick: (() => select(s.pattern)) as EventListener }, String(s.id))));
  table.append(h("thead", {}, head));
  const body = h("tbody");
  const rows = tableRows(result, concepts()).slice(1);
  for (const row of rows) {
    const tr = h("tr", {}, h("th", { scope: "row" }, row[0]));
    row.slice(1, MAX_COLUMNS + 1).forEach((v, k) => tr.append(h("td", { class: cls(shown[k].pattern, eq) }, v)));
    body.append(tr);
  }
  table.append(body);
  root.replaceChildren(eqHeading, eqList, controls,
    states.length > MAX_COLUMNS ? h("p", { class: "warning" }, `The table shows the first ${MAX_COLUMNS} of ${states.length} states; the CSV has them all.`) : "",
    h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Tabular form" }, table));
  markSelection();
}

function cls(pattern: string, eq: Set<string>): string {
  return [eq.has(pattern) ? "eq" : "", pattern === state.analysis?.status_quo ? "sq" : ""].filter(Boolean).join(" ");
}

function stateButton(pattern: string): HTMLElement {
  const n = state.analysis?.states?.find((s) => s.pattern === pattern)?.id;
  return h("button", { type: "button", class: "state-link", "data-state": pattern, onclick: (() => select(pattern)) as EventListener }, n ? `${n} ${pattern}` : pattern);
}

function markSelection(): void {
  document.querySelectorAll("#tabular .selected").forEach((e) => e.classList.remove("selected"));
  if (!state.selected) return;
  document.querySelectorAll(`#tabular th[data-pattern="${state.selected}"]`).forEach((e) => e.classList.add("selected"));
}

function exportCsv(): void {
  if (!state.analysis) return;
  downloadText(toCsv(tableRows(state.analysis, concepts())), `${state.name || "model"}-table.csv`, "text/csv");
}

export { CONCEPTS };
