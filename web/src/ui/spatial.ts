// SPDX-License-Identifier: Apache-2.0
// The positions view: runs /api/predict and shows the chart and the predictions table.
import { diagnosticsOf, on, runJob, state } from "../app";
import { toCsv } from "../csv";
import { predictionRows, spatialChart } from "../spatialchart";
import type { PredictResult } from "../types";
import { byId, h } from "./dom";
import { downloadBlob, downloadText, svgToPng } from "./download";
import { progressUpdate, trackJob } from "./progress";

let result: PredictResult | null = null;

export function initSpatial(): void {
  on("model", () => ((result = null), render()));
  render();
}

function render(): void {
  const root = byId("view-spatial");
  if (!state.model?.issues?.length) {
    root.replaceChildren(h("p", {}, "This model has no issues: spatial analysis needs issues with the parties' positions, salience and capability."));
    return;
  }
  const button = h("button", { type: "button", id: "run-predict", onclick: (() => void run()) as EventListener }, "Predict outcomes");
  root.replaceChildren(h("div", { class: "row" }, button), h("div", { id: "spatial-result" }));
  if (result) show(result);
}

async function run(): Promise<void> {
  try {
    result = await trackJob<PredictResult>(runJob("predict", {}, progressUpdate), "prediction");
    show(result);
  } catch (error) {
    if ((error as Error).name === "AbortError") return;
    byId("spatial-result").replaceChildren(h("p", { class: "diag", role: "alert" }, diagnosticsOf(error).map((d) => d.message).join("\n")));
  }
}

function show(r: PredictResult): void {
  const model = state.model!;
  const chart = spatialChart(model, r);
  const figure = h("figure", { id: "spatial-chart" });
  figure.innerHTML = chart.svg;
  const rows = predictionRows(model, r);
  const name = state.name || "model";
  const table = h("table", { class: "tabular", id: "predictions" },
    h("thead", {}, h("tr", {}, ...rows[0].map((c) => h("th", { scope: "col" }, String(c))))),
    h("tbody", {}, ...rows.slice(1).map((row) => h("tr", {}, ...row.map((c) => h("td", {}, typeof c === "number" ? Number(c.toPrecision(6)).toString() : c ?? "–"))))));
  byId("spatial-result").replaceChildren(
    h("p", {}, r.agreement_possible === false ? "No deal lies inside every red line on every issue." : "A deal inside every red line exists."),
    h("div", { class: "row" },
      h("button", { type: "button", id: "chart-svg", onclick: (() => downloadText(chart.svg, `${name}-positions.svg`, "image/svg+xml")) as EventListener }, "Download SVG"),
      h("button", { type: "button", id: "chart-png", onclick: (async () => downloadBlob(await svgToPng(chart.svg, chart.width, chart.height), `${name}-positions.png`)) as EventListener }, "Download PNG"),
      h("button", { type: "button", onclick: (() => downloadText(toCsv(rows), `${name}-predictions.csv`, "text/csv")) as EventListener }, "Download table (CSV)")),
    figure, table);
}
