// SPDX-License-Identifier: Apache-2.0
import { expect, it } from "vitest";
import { predictionRows, spatialChart } from "../src/spatialchart";
import type { ModelSpec, PredictResult } from "../src/types";

const model: ModelSpec = {
  parley: 1,
  name: "EC car emissions",
  issues: [{ id: "years", name: "Years <to> comply", range: [4, 10] }],
  parties: [
    { id: "NL", capability: 8, positions: { years: 4 }, salience: { years: 0.8 }, red_lines: { years: [4, 8] } },
    { id: "UK", capability: 10, positions: { years: 10 }, salience: { years: 0.5 } },
  ],
};
const predict: PredictResult = {
  issues: { years: { median: 7, compromise: 7.39, nbs: null, eum: 8.08, smp: 6.7 } },
  zone_of_agreement: { years: [4, 8] },
};

it("draws a well-formed SVG with each party, the zone and each prediction", () => {
  const { svg } = spatialChart(model, predict);
  expect(svg.startsWith("<svg ")).toBe(true);
  expect(svg.endsWith("</svg>")).toBe(true);
  expect(svg.match(/<g[ >]/g)?.length).toBe(svg.match(/<\/g>/g)?.length);
  expect(svg).toContain("Years &lt;to&gt; comply");
  expect(svg).toContain("zone of agreement 4–8");
  expect(svg).toContain("weighted median: 7");
  expect(svg).not.toContain("Nash bargaining: ");
  expect(svg.match(/<circle /g)?.length).toBe(2 + 1); // two parties and the legend
});

it("says when there is no zone of agreement", () => {
  expect(spatialChart(model, { ...predict, zone_of_agreement: { years: null } }).svg).toContain("no zone of agreement");
});

it("lists the predictions per issue", () => {
  expect(predictionRows(model, predict)[1]).toEqual(["years", 4, 10, 7, 7.39, null, 8.08, 6.7, 4, 8]);
});
