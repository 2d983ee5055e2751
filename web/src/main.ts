// SPDX-License-Identifier: Apache-2.0
// Wires the views to the toolbar: examples, import, export, run.
import "./style.css";
import { getJson, postModel, query } from "./api";
import { check, diagnosticsOf, loadText, runJob, setAnalysis, setDiagnostics, state } from "./app";
import type { AnalyzeResult } from "./types";
import { initCoalitions } from "./ui/coalitions";
import { byId, h, status } from "./ui/dom";
import { downloadText } from "./ui/download";
import { initEditor } from "./ui/editor";
import { initExplain } from "./ui/explain";
import { initGraph } from "./ui/graph";
import { initPaths } from "./ui/paths";
import { initProgress, progressUpdate, trackJob } from "./ui/progress";
import { initSource } from "./ui/source";
import { initSpatial } from "./ui/spatial";
import { initTable } from "./ui/table";
import { initTabs } from "./ui/tabs";
import { initWorkspace, showName } from "./ui/workspace";

interface Example {
  name: string;
  title?: string;
  path?: string;
  kind?: string;
}

async function loadExamples(): Promise<void> {
  const select = byId<HTMLSelectElement>("examples");
  try {
    const examples = await getJson<Example[]>("/api/examples");
    for (const kind of ["example", "catalog"]) {
      const group = h("optgroup", { label: kind === "example" ? "Examples" : "Catalog of published conflicts" });
      for (const e of examples.filter((x) => (x.kind ?? "example") === kind)) group.append(h("option", { value: e.name }, e.title ? `${e.title}` : e.name));
      if (group.children.length) select.append(group);
    }
  } catch (error) {
    status(`The examples cannot be listed: ${(error as Error).message}`, "error");
  }
  select.addEventListener("change", () => void openExample(select.value));
}

async function openExample(name: string): Promise<void> {
  if (!name) return;
  const example = await getJson<{ name: string; text: string }>(`/api/examples/${encodeURIComponent(name)}`);
  await loadText(example.text, name.replace(/\.(ya?ml|json|gmcr)$/, "").replace(/[^A-Za-z0-9._-]/g, "-"));
  showName();
  status(state.diagnostics.length ? `Opened ${name}, which has problems.` : `Opened ${name}.`);
}

function initImport(): void {
  const input = byId<HTMLInputElement>("import");
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    await loadText(await file.text(), file.name.replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9._-]/g, "-"));
    showName();
    status(state.diagnostics.length ? `Imported ${file.name}, which has problems: see the editor.` : `Imported ${file.name}.`);
    input.value = "";
  });
}

async function exportAs(to: "yaml" | "json"): Promise<void> {
  try {
    const out = await postModel<{ text: string }>(`/api/convert${query({ to })}`, state.text);
    downloadText(out.text, `${state.name || "model"}.${to}`, to === "json" ? "application/json" : "application/yaml");
  } catch (error) {
    setDiagnostics(diagnosticsOf(error));
    status("Export failed: the model has problems (see the editor).", "error");
  }
}

async function run(): Promise<void> {
  const button = byId<HTMLButtonElement>("run");
  button.disabled = true;
  status("Analysing…");
  try {
    const checked = await check();
    if (!checked) {
      status("The model has problems: see the editor.", "error");
      return;
    }
    const result = await trackJob<AnalyzeResult>(runJob("analyze", {}, progressUpdate), `analysing ${checked.states} states`);
    setAnalysis(result);
    const eq = result.equilibria[state.concept] ?? [];
    status(`Analysed ${result.states?.length ?? checked.states} states: ${eq.length} ${state.concept.toUpperCase()} equilibri${eq.length === 1 ? "um" : "a"}.`);
    if (!document.getElementById("view-table")!.hidden) byId("main").focus();
  } catch (error) {
    if ((error as Error).name === "AbortError") status("Analysis cancelled.");
    else {
      setDiagnostics(diagnosticsOf(error));
      status(`Analysis failed: ${(error as Error).message}`, "error");
    }
  } finally {
    button.disabled = false;
  }
}

function init(): void {
  initTabs();
  initProgress();
  initEditor();
  initTable();
  initExplain();
  initGraph();
  initPaths();
  initCoalitions();
  initSpatial();
  initSource();
  initWorkspace();
  initImport();
  byId("export-yaml").addEventListener("click", () => void exportAs("yaml"));
  byId("export-json").addEventListener("click", () => void exportAs("json"));
  byId("run").addEventListener("click", () => void run());
  document.addEventListener("keydown", (e) => {
    // Ctrl+Enter runs the analysis from anywhere, Ctrl+S saves.
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter") (e.preventDefault(), void run());
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") (e.preventDefault(), byId("save").click());
  });
  void loadExamples();
}

init();
