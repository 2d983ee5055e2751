// SPDX-License-Identifier: Apache-2.0
// The workspace: saved models with their version history (/api/models).
import { ApiError, getJson, send } from "../api";
import { diagnosticsOf, loadText, setDiagnostics, state } from "../app";
import { byId, h, status } from "./dom";

interface ModelEntry {
  name: string;
  version: number;
  updated?: string;
  hash?: string;
  title?: string;
}

interface ModelVersion extends ModelEntry {
  text: string;
}

export function initWorkspace(): void {
  byId("save").addEventListener("click", () => void save());
  byId("open-workspace").addEventListener("click", () => void toggle());
  byId<HTMLInputElement>("model-name").addEventListener("input", (e) => (state.name = (e.target as HTMLInputElement).value.trim()));
}

export function showName(): void {
  byId<HTMLInputElement>("model-name").value = state.name;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

async function save(): Promise<void> {
  const name = byId<HTMLInputElement>("model-name").value.trim();
  if (!NAME.test(name)) {
    status("Give the model a name (letters, digits, '.', '_' or '-') to save it.", "error");
    byId("model-name").focus();
    return;
  }
  state.name = name;
  try {
    const saved = await send<{ name: string; version: number }>("PUT", `/api/models/${encodeURIComponent(name)}`, state.text);
    state.version = saved.version;
    setDiagnostics([]);
    status(`Saved ${saved.name}, version ${saved.version}.`);
    if (!byId("workspace").hidden) await list();
  } catch (error) {
    setDiagnostics(diagnosticsOf(error));
    status(`Not saved: ${error instanceof ApiError ? error.message : String(error)}`, "error");
  }
}

async function toggle(): Promise<void> {
  const panel = byId("workspace");
  const open = panel.hidden;
  panel.hidden = !open;
  byId("open-workspace").setAttribute("aria-expanded", String(open));
  if (open) await list();
}

function when(s?: string): string {
  return s ? new Date(s).toLocaleString() : "";
}

async function list(): Promise<void> {
  const panel = byId("workspace");
  try {
    const models = await getJson<ModelEntry[]>("/api/models");
    const rows = models.map((m) =>
      h("li", { "data-model": m.name },
        h("button", { type: "button", onclick: (() => void open(m.name)) as EventListener }, m.name),
        ` v${m.version}${m.title ? ` · ${m.title}` : ""} · ${when(m.updated)} `,
        h("button", { type: "button", "aria-label": `History of ${m.name}`, onclick: (() => void history(m.name)) as EventListener }, "history")));
    panel.replaceChildren(h("h2", {}, "Workspace"), models.length ? h("ul", { id: "workspace-models" }, ...rows) : h("p", {}, "Nothing saved yet."), h("div", { id: "workspace-history" }));
  } catch (error) {
    panel.replaceChildren(h("p", { class: "diag" }, `The workspace cannot be read: ${(error as Error).message}`));
  }
}

async function open(name: string, version?: number): Promise<void> {
  try {
    const m = await getJson<ModelVersion>(`/api/models/${encodeURIComponent(name)}${version ? `/versions/${version}` : ""}`);
    await loadText(m.text, m.name ?? name, m.version);
    showName();
    status(`Opened ${name}, version ${m.version}.`);
  } catch (error) {
    status(`Cannot open ${name}: ${(error as Error).message}`, "error");
  }
}

async function history(name: string): Promise<void> {
  const box = byId("workspace-history");
  try {
    const versions = await getJson<ModelEntry[]>(`/api/models/${encodeURIComponent(name)}/versions`);
    box.replaceChildren(h("h3", {}, `History of ${name}`), h("ol", {}, ...versions.map((v) =>
      h("li", {}, h("button", { type: "button", onclick: (() => void open(name, v.version)) as EventListener }, `version ${v.version}`), ` ${when(v.updated)}${v.hash ? ` · ${v.hash.slice(0, 10)}` : ""}`))));
  } catch (error) {
    box.replaceChildren(h("p", { class: "diag" }, (error as Error).message));
  }
}
