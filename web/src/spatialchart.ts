// SPDX-License-Identifier: Apache-2.0
// The positions chart as SVG text (pure, so it is testable and exportable as is): per issue an
// axis over its range, each party's position (area ~ capability x salience) and red line, the zone
// of agreement shaded, and each model's prediction as a marked vertical line.
import type { ModelSpec, PredictResult } from "./types";

export const PREDICTIONS: { key: string; label: string; colour: string; dash: string }[] = [
  { key: "median", label: "weighted median", colour: "#1864ab", dash: "" },
  { key: "compromise", label: "compromise", colour: "#2b8a3e", dash: "6 3" },
  { key: "nbs", label: "Nash bargaining", colour: "#862e9c", dash: "2 2" },
  { key: "eum", label: "expected utility", colour: "#d9480f", dash: "8 3 2 3" },
  { key: "smp", label: "spatial model of politics", colour: "#495057", dash: "1 3" },
];

const esc = (s: string) => s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);
const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Number(v.toPrecision(3)).toString());

export interface Chart {
  svg: string;
  width: number;
  height: number;
}

export function spatialChart(model: ModelSpec, predict: PredictResult, width = 760): Chart {
  const left = 150;
  const right = 30;
  const rowH = 22;
  const parts: string[] = [];
  let y = 30;
  const issues = model.issues ?? [];
  const plotW = width - left - right;
  for (const issue of issues) {
    const [lo, hi] = issue.range;
    const sx = (v: number) => left + ((v - lo) / (hi - lo || 1)) * plotW;
    const parties = model.parties.filter((p) => p.positions && issue.id in p.positions);
    const top = y + 40; // the title, then three rows of prediction labels
    const bottom = top + Math.max(1, parties.length) * rowH + 6;
    parts.push(`<g class="issue" data-issue="${esc(issue.id)}"><text x="8" y="${y}" font-size="14" font-weight="600">${esc(issue.name ?? issue.id)}</text>`);
    const zone = predict.zone_of_agreement[issue.id];
    if (zone) parts.push(`<rect x="${sx(zone[0]) - (zone[0] === zone[1] ? 2 : 0)}" y="${top}" width="${Math.max(4, sx(zone[1]) - sx(zone[0]))}" height="${bottom - top}" fill="#b2f2bb" fill-opacity="0.6"><title>zone of agreement ${fmt(zone[0])}–${fmt(zone[1])}</title></rect>`);
    else parts.push(`<text x="${left}" y="${top + 12}" font-size="11" fill="#b42318">no zone of agreement: the red lines do not overlap</text>`);
    parties.forEach((p, k) => {
      const cy = top + k * rowH + rowH / 2;
      const pos = p.positions![issue.id];
      const weight = (p.capability ?? 1) * (p.salience?.[issue.id] ?? 0);
      const red = p.red_lines?.[issue.id];
      parts.push(`<text x="${left - 8}" y="${cy + 4}" font-size="12" text-anchor="end">${esc(p.id)}</text>`);
      parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${cy}" y2="${cy}" stroke="#eee"/>`);
      if (red) parts.push(`<line x1="${sx(red[0])}" x2="${sx(red[1])}" y1="${cy}" y2="${cy}" stroke="#e03131" stroke-width="6" stroke-opacity="0.45" stroke-linecap="round"><title>${esc(p.id)} red line ${fmt(red[0])}–${fmt(red[1])}</title></line>`);
      const r = 3 + Math.sqrt(weight) * 1.2;
      parts.push(`<circle cx="${sx(pos)}" cy="${cy}" r="${Math.min(r, rowH / 2)}" fill="#343a40" fill-opacity="0.75"><title>${esc(p.id)}: position ${fmt(pos)}, capability ${p.capability ?? "–"}, salience ${p.salience?.[issue.id] ?? "–"}</title></circle>`);
    });
    // Labels go in three rows above the plot, each in the lowest row where it overlaps no other.
    const rowEnds = [-Infinity, -Infinity, -Infinity];
    const placed = PREDICTIONS.map((m) => ({ m, v: predict.issues[issue.id]?.[m.key] }))
      .filter((p): p is { m: (typeof PREDICTIONS)[number]; v: number } => typeof p.v === "number")
      .sort((a, b) => a.v - b.v);
    for (const { m, v } of placed) {
      const x = sx(v);
      const half = m.key.length * 2.8;
      let row = rowEnds.findIndex((end) => end < x - half);
      if (row < 0) row = rowEnds.indexOf(Math.min(...rowEnds));
      rowEnds[row] = x + half + 2;
      parts.push(`<line x1="${x}" x2="${x}" y1="${top - 2}" y2="${bottom}" stroke="${m.colour}" stroke-width="2" stroke-dasharray="${m.dash}"><title>${m.label}: ${fmt(v)}</title></line>`);
      parts.push(`<text x="${x}" y="${top - 4 - row * 10}" font-size="9" fill="${m.colour}" text-anchor="middle">${esc(m.key)}</text>`);
    }
    parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${bottom}" y2="${bottom}" stroke="#333"/>`);
    for (let t = 0; t <= 4; t++) {
      const v = lo + ((hi - lo) * t) / 4;
      parts.push(`<line x1="${sx(v)}" x2="${sx(v)}" y1="${bottom}" y2="${bottom + 4}" stroke="#333"/><text x="${sx(v)}" y="${bottom + 15}" font-size="10" text-anchor="middle">${fmt(v)}</text>`);
    }
    parts.push("</g>");
    y = bottom + 48;
  }
  let lx = left;
  const legendY = y - 18;
  for (const m of PREDICTIONS) {
    parts.push(`<line x1="${lx}" x2="${lx + 22}" y1="${legendY}" y2="${legendY}" stroke="${m.colour}" stroke-width="2" stroke-dasharray="${m.dash}"/><text x="${lx + 26}" y="${legendY + 4}" font-size="10">${m.label}</text>`);
    lx += 40 + m.label.length * 5.5;
  }
  const legend2 = legendY + 18;
  parts.push(`<rect x="${left}" y="${legend2 - 6}" width="22" height="12" fill="#b2f2bb"/><text x="${left + 26}" y="${legend2 + 4}" font-size="10">zone of agreement</text>`,
    `<line x1="${left + 140}" x2="${left + 162}" y1="${legend2}" y2="${legend2}" stroke="#e03131" stroke-width="6" stroke-opacity="0.45"/><text x="${left + 166}" y="${legend2 + 4}" font-size="10">red line</text>`,
    `<circle cx="${left + 240}" cy="${legend2}" r="5" fill="#343a40"/><text x="${left + 250}" y="${legend2 + 4}" font-size="10">position (area: capability × salience)</text>`);
  const height = legend2 + 20;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" role="img" aria-label="Positions, red lines, zone of agreement and predictions per issue"><title>${esc(model.name ?? "positions")}</title><rect width="100%" height="100%" fill="#fff"/>${parts.join("")}</svg>`;
  return { svg, width, height };
}

/** Rows of the predictions table (CSV). */
export function predictionRows(model: ModelSpec, predict: PredictResult): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [["issue", "low", "high", ...PREDICTIONS.map((m) => m.key), "zone_low", "zone_high"]];
  for (const issue of model.issues ?? []) {
    const p = predict.issues[issue.id] ?? {};
    const zone = predict.zone_of_agreement[issue.id];
    rows.push([issue.id, issue.range[0], issue.range[1], ...PREDICTIONS.map((m) => p[m.key] ?? null), zone?.[0] ?? null, zone?.[1] ?? null]);
  }
  return rows;
}
