// SPDX-License-Identifier: Apache-2.0
// The model form: parties, options (with direction), feasibility rules, preferences and the status
// quo. Every field carries the path of the value it edits (data-path), so that the API's diagnostics,
// mapped from lines to paths (jsonmap.ts), are shown next to the field they concern.
import { postModel, query } from "../api";
import { check, emit, formChanged, on, state } from "../app";
import { pathAtLine } from "../jsonmap";
import type { AnalyzeResult, Diagnostic, Direction, PartySpec, Preference, PriorityItem } from "../types";
import { byId, h, uniqueId } from "./dom";

const DIRECTIONS: Direction[] = ["both", "take_only", "withdraw_only"];
let validateTimer: number | undefined;
let validation: AbortController | null = null;
let previews = new Map<string, Preference>();

export function initEditor(): void {
  on("model", () => {
    render();
    // A model just opened: show its priorities' rankings without waiting for an edit.
    if (state.model) void validate();
  });
  on("diagnostics", showDiagnostics);
  render();
}

/** The form changed a value: rewrite the text and validate after a pause in typing. */
function changed(): void {
  formChanged(false);
  emit("diagnostics");
  window.clearTimeout(validateTimer);
  validateTimer = window.setTimeout(() => void validate(), 350);
}

/** The form's structure changed (a row added or removed): redraw it, then validate. */
function restructured(): void {
  changed();
  render();
}

async function validate(): Promise<void> {
  validation?.abort();
  const abort = (validation = new AbortController());
  byId("editor").setAttribute("aria-busy", "true");
  try {
    const checked = await check(abort.signal);
    previews = new Map();
    const hasPriorities = state.model?.parties.some((p) => p.priorities);
    if (checked && hasPriorities && checked.states <= 4096) {
      const result = await postModel<AnalyzeResult>(`/api/analyze${query({ concepts: "nash" })}`, state.text, abort.signal);
      previews = new Map(Object.entries(result.preferences ?? {}));
    }
    renderPreviews();
  } catch (error) {
    if ((error as Error).name !== "AbortError") throw error;
  } finally {
    if (validation === abort) byId("editor").removeAttribute("aria-busy");
  }
}

function textInput(path: string, label: string, value: string, set: (v: string) => void, extra: Record<string, string> = {}): HTMLInputElement {
  return h("input", {
    type: "text",
    value,
    "data-path": path,
    "aria-label": label,
    spellcheck: "false",
    oninput: ((e: Event) => {
      set((e.target as HTMLInputElement).value);
      changed();
    }) as EventListener,
    ...extra,
  });
}

function iconButton(text: string, label: string, action: () => void, disabled = false): HTMLButtonElement {
  return h("button", { type: "button", class: "icon", "aria-label": label, title: label, disabled, onclick: action as EventListener }, text);
}

/** Moves item i of a list by delta, in place. */
function move<T>(list: T[], i: number, delta: number): void {
  const j = i + delta;
  if (j < 0 || j >= list.length) return;
  [list[i], list[j]] = [list[j], list[i]];
}

function priorityText(item: PriorityItem): string {
  return typeof item === "string" ? item : JSON.stringify(item);
}

function parsePriority(text: string): PriorityItem {
  if (text.trimStart().startsWith("{")) {
    try {
      return JSON.parse(text) as PriorityItem;
    } catch {
      return text;
    }
  }
  return text;
}

function rankingText(party: PartySpec): string {
  return (party.ranking ?? []).map((item) => (Array.isArray(item) ? item.join(", ") : typeof item === "string" ? item : JSON.stringify(item))).join("\n");
}

function parseRanking(text: string): PartySpec["ranking"] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => (l.startsWith("{") ? (JSON.parse(l) as Record<string, unknown>) : l.includes(",") ? l.split(",").map((s) => s.trim()) : l));
}

function payoffsText(party: PartySpec): string {
  return Object.entries(party.payoffs ?? {}).map(([k, v]) => `${k}: ${v}`).join("\n");
}

function parsePayoffs(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split("\n")) {
    const m = /^\s*([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1].trim()] = Number(m[2]);
  }
  return out;
}

type PreferenceKind = "priorities" | "ranking" | "payoffs";

function kindOf(party: PartySpec): PreferenceKind {
  return party.ranking ? "ranking" : party.payoffs ? "payoffs" : "priorities";
}

function preferenceEditor(party: PartySpec, i: number): HTMLElement {
  const kind = kindOf(party);
  const base = `parties.${i}`;
  const select = h(
    "select",
    {
      "aria-label": `Preference form of ${party.id}`,
      onchange: ((e: Event) => {
        const next = (e.target as HTMLSelectElement).value as PreferenceKind;
        delete party.priorities;
        delete party.ranking;
        delete party.payoffs;
        if (next === "priorities") party.priorities = [party.options?.[0]?.id ?? ""];
        if (next === "ranking") party.ranking = [];
        if (next === "payoffs") party.payoffs = {};
        restructured();
      }) as EventListener,
    },
    ...(["priorities", "ranking", "payoffs"] as const).map((k) => h("option", { value: k, selected: k === kind }, k)),
  );
  const box = h("div", { class: "preference" }, h("div", { class: "row" }, h("label", {}, "Preference ", select)));
  if (kind === "priorities") {
    const list = party.priorities!;
    const ol = h("ol", { "aria-label": `Priority statements of ${party.id}, most important first` });
    list.forEach((item, k) => {
      ol.append(
        h(
          "li",
          {},
          h(
            "div",
            { class: "row" },
            textInput(`${base}.priorities.${k}`, `Priority ${k + 1} of ${party.id}`, priorityText(item), (v) => (list[k] = parsePriority(v)), { class: "priority" }),
            iconButton("↑", `Move priority ${k + 1} up`, () => (move(list, k, -1), restructured()), k === 0),
            iconButton("↓", `Move priority ${k + 1} down`, () => (move(list, k, 1), restructured()), k + 1 === list.length),
            iconButton("✕", `Remove priority ${k + 1}`, () => (list.splice(k, 1), restructured())),
          ),
        ),
      );
    });
    box.append(
      ol,
      h("button", { type: "button", onclick: (() => (list.push(""), restructured())) as EventListener }, "Add statement"),
      h("p", { class: "small" }, "Most important first; e.g. ", h("code", {}, "not escalate"), ", ", h("code", {}, "attack if release"), "."),
      h("div", { class: "preview", "data-preview": party.id, "aria-label": `Resulting ranking of ${party.id}`, role: "region" }),
    );
  } else if (kind === "ranking") {
    box.append(
      h("label", { class: "small" }, "One state per line, most preferred first; ties separated by commas"),
      h("textarea", {
        rows: 6,
        "data-path": `${base}.ranking`,
        "aria-label": `Ranking of ${party.id}`,
        spellcheck: "false",
        oninput: ((e: Event) => {
          try {
            party.ranking = parseRanking((e.target as HTMLTextAreaElement).value);
            changed();
          } catch {
            /* an unfinished JSON item: wait for more typing */
          }
        }) as EventListener,
      }, rankingText(party)),
    );
  } else {
    box.append(
      h("label", { class: "small" }, "One “PATTERN: number” per line, higher is better"),
      h("textarea", {
        rows: 6,
        "data-path": `${base}.payoffs`,
        "aria-label": `Payoffs of ${party.id}`,
        spellcheck: "false",
        oninput: ((e: Event) => ((party.payoffs = parsePayoffs((e.target as HTMLTextAreaElement).value)), changed())) as EventListener,
      }, payoffsText(party)),
    );
  }
  return box;
}

function partyEditor(party: PartySpec, i: number): HTMLElement {
  const base = `parties.${i}`;
  const options = party.options ?? [];
  const fs = h("fieldset", { "data-path": base }, h("legend", {}, `Party ${party.id}`));
  fs.append(
    h("div", { class: "row" },
      textInput(`${base}.id`, `Id of party ${i + 1}`, party.id, (v) => (party.id = v), { size: "8" }),
      textInput(`${base}.name`, `Name of party ${party.id}`, party.name ?? "", (v) => (party.name = v || undefined), { placeholder: "name" }),
      iconButton("✕", `Remove party ${party.id}`, () => (state.model!.parties.splice(i, 1), restructured())),
    ),
    h("h4", {}, "Options"),
  );
  options.forEach((option, j) => {
    const path = `${base}.options.${j}`;
    fs.append(
      h("div", { class: "row", "data-path": path },
        textInput(`${path}.id`, `Option ${j + 1} id of ${party.id}`, option.id, (v) => (option.id = v), { size: "10" }),
        textInput(`${path}.name`, `Option ${option.id} name`, option.name ?? "", (v) => (option.name = v || undefined), { placeholder: "name" }),
        h("select", {
          "data-path": `${path}.direction`,
          "aria-label": `Direction of option ${option.id}`,
          onchange: ((e: Event) => {
            const v = (e.target as HTMLSelectElement).value as Direction;
            if (v === "both") delete option.direction;
            else option.direction = v;
            changed();
          }) as EventListener,
        }, ...DIRECTIONS.map((d) => h("option", { value: d, selected: (option.direction ?? "both") === d }, d === "both" ? "both ways" : d.replace("_", " ")))),
        iconButton("✕", `Remove option ${option.id}`, () => (options.splice(j, 1), restructured())),
      ),
    );
  });
  fs.append(
    h("button", { type: "button", onclick: (() => ((party.options ??= []).push({ id: `option${options.length + 1}` }), restructured())) as EventListener }, "Add option"),
  );
  if (options.length) fs.append(preferenceEditor(party, i));
  return fs;
}

function render(): void {
  const root = byId("editor");
  root.replaceChildren();
  root.append(h("div", { id: "general-errors", role: "alert" }));
  const model = state.model;
  if (!model) {
    root.append(h("p", {}, state.text ? "The model cannot be shown as a form; fix it in the Source view." : "Open an example, import a file, or start a new model."),
      h("button", { type: "button", onclick: newModel as EventListener }, "New model"));
    showDiagnostics();
    return;
  }
  root.append(
    h("h2", {}, "Model"),
    h("div", { class: "row" }, h("label", { for: "model-title" }, "Title"),
      textInput("name", "Title of the model", model.name ?? "", (v) => (model.name = v || undefined), { id: "model-title" })),
  );
  model.parties.forEach((p, i) => root.append(partyEditor(p, i)));
  root.append(h("button", { type: "button", onclick: (() => (model.parties.push({ id: `P${model.parties.length + 1}`, options: [] }), restructured())) as EventListener }, "Add party"));

  const infeasible = model.infeasible ?? [];
  const rules = h("fieldset", { "data-path": "infeasible" }, h("legend", {}, "Infeasible combinations"));
  infeasible.forEach((rule, k) =>
    rules.append(h("div", { class: "row" },
      textInput(`infeasible.${k}`, `Infeasibility rule ${k + 1}`, rule, (v) => (infeasible[k] = v)),
      iconButton("✕", `Remove rule ${k + 1}`, () => {
        infeasible.splice(k, 1);
        if (!infeasible.length) delete model.infeasible;
        restructured();
      }))),
  );
  rules.append(h("button", { type: "button", onclick: (() => ((model.infeasible ??= []).push(""), restructured())) as EventListener }, "Add rule"));
  root.append(rules);

  const sq = h("fieldset", { "data-path": "status_quo" }, h("legend", {}, "Status quo: options taken today"));
  const hasSq = Array.isArray(model.status_quo);
  sq.append(h("label", {}, h("input", { type: "checkbox", checked: hasSq, onchange: ((e: Event) => {
    if ((e.target as HTMLInputElement).checked) model.status_quo = [];
    else delete model.status_quo;
    restructured();
  }) as EventListener }), " the model has a status quo"));
  if (hasSq)
    for (const party of model.parties)
      for (const option of party.options ?? [])
        sq.append(h("div", {}, h("label", {}, h("input", {
          type: "checkbox",
          checked: model.status_quo!.includes(option.id) || model.status_quo!.includes(`${party.id}.${option.id}`),
          onchange: ((e: Event) => {
            const list = model.status_quo!.filter((o) => o !== option.id && o !== `${party.id}.${option.id}`);
            if ((e.target as HTMLInputElement).checked) list.push(option.id);
            model.status_quo = list;
            changed();
          }) as EventListener,
        }), ` ${party.id}.${option.id}`)));
  root.append(sq);
  showDiagnostics();
  renderPreviews();
}

function newModel(): void {
  state.model = { parley: 1, name: "New model", parties: [{ id: "A", options: [{ id: "a" }], priorities: ["a"] }, { id: "B", options: [{ id: "b" }], priorities: ["not b"] }], status_quo: [] };
  state.name = "new-model";
  state.version = null;
  formChanged();
  void validate();
}

/** The field a diagnostic belongs to: the deepest element whose path starts its own. */
function fieldFor(d: Diagnostic): HTMLElement | null {
  if (!state.mapped) return null;
  let path = pathAtLine(state.mapped, d.line);
  while (path !== null) {
    const el = document.querySelector<HTMLElement>(`#editor [data-path="${CSS.escape(path)}"]`);
    if (el) return el;
    if (path === "") return null;
    path = path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : "";
  }
  return null;
}

function message(d: Diagnostic): string {
  return d.help ? `${d.message}\nhelp: ${d.help}` : d.message;
}

function showDiagnostics(): void {
  const root = byId("editor");
  root.querySelectorAll(".field-error").forEach((e) => e.remove());
  root.querySelectorAll("[aria-invalid]").forEach((e) => {
    e.removeAttribute("aria-invalid");
    e.removeAttribute("aria-describedby");
  });
  const general = document.getElementById("general-errors");
  general?.replaceChildren();
  for (const d of state.diagnostics) {
    const field = fieldFor(d);
    const id = uniqueId("err");
    const p = h("p", { class: "field-error", id }, message(d));
    if (field) {
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", id);
      (field.closest(".row") ?? field).after(p);
    } else {
      const where = d.line ? (state.mapped ? `line ${d.line}: ` : `source line ${d.line}${d.column ? `:${d.column}` : ""}: `) : "";
      p.textContent = where + message(d);
      general?.append(p);
    }
  }
}

function renderPreviews(): void {
  document.querySelectorAll<HTMLElement>("#editor [data-preview]").forEach((box) => {
    const preference = previews.get(box.dataset.preview!);
    if (!preference) {
      box.textContent = state.diagnostics.length ? "fix the errors to see the ranking" : "…";
      return;
    }
    const levels = preference.slice(0, 12).map((item, k) => `${k + 1}. ${Array.isArray(item) ? `(${item.join(" ")})` : item}`);
    if (preference.length > 12) levels.push(`… ${preference.length - 12} more levels`);
    box.replaceChildren(h("div", { class: "small" }, "Resulting ranking, most preferred first:"), ...levels.map((l) => h("div", {}, l)));
  });
}

export function validateSoon(): void {
  void validate();
}
