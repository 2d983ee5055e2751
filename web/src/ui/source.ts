// SPDX-License-Identifier: Apache-2.0
// The model text itself: edit YAML or JSON directly (comments and all), then apply it to the form.
import { loadText, on, state } from "../app";
import { byId, h } from "./dom";
import { onTabShown } from "./tabs";

export function initSource(): void {
  on("model", render);
  on("diagnostics", showDiagnostics);
  // The form may have rewritten the text since this view was drawn.
  onTabShown((view) => view === "view-source" && render());
  render();
}

function render(): void {
  const root = byId("view-source");
  const area = h("textarea", { class: "source", id: "source-text", spellcheck: "false", "aria-label": "Model text (YAML or JSON)" }, state.text);
  root.replaceChildren(
    h("p", { class: "small" }, "The model as text (the format of docs/model-format.md). Editing here keeps comments; the form writes JSON."),
    area,
    h("div", { class: "row" }, h("button", { type: "button", id: "apply-source", onclick: (() => void loadText(area.value, state.name, state.version)) as EventListener }, "Apply text")),
    h("div", { id: "source-diagnostics", role: "alert" }));
  showDiagnostics();
}

function showDiagnostics(): void {
  const box = document.getElementById("source-diagnostics");
  if (!box) return;
  box.replaceChildren(...state.diagnostics.map((d) =>
    h("p", { class: "diag" }, `${d.line ? `line ${d.line}${d.column ? `:${d.column}` : ""}: ` : ""}${d.message}${d.help ? `\nhelp: ${d.help}` : ""}`)));
}
