// SPDX-License-Identifier: Apache-2.0
// The state graph (Cytoscape.js): states as nodes, unilateral moves as edges coloured by party,
// improvements drawn bold, equilibria of the chosen concept marked, a status quo path overlaid.
// Above LARGE_GRAPH states it draws only the equilibria, the status quo and their neighbours.
import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import { emit, LARGE_GRAPH, on, select, state, stateNumber } from "../app";
import { gridPositions, neighbourhood, partiesOf, unilateralMoves, type Move } from "../states";
import type { Step } from "../types";
import { byId, h, status } from "./dom";
import { downloadBlob, downloadText } from "./download";
import { isShown, onTabShown } from "./tabs";
import { partyColour } from "./palette";

const NEIGHBOURHOOD_LIMIT = 300;
/** More improvements than this take Cytoscape seconds to draw: show a neighbourhood instead. */
const MAX_EDGES = 3000;

let cy: Core | null = null;
let dirty = true;
let improvementsOnly: boolean | null = null;
let overlay: { from: string; steps: Step[] } | null = null;

export function initGraph(): void {
  on("analysis", () => {
    overlay = null;
    improvementsOnly = null;
    invalidate();
  });
  on("selection", markSelection);
  onTabShown((view) => {
    if (view === "view-graph" && dirty) render();
    else if (view === "view-graph") cy?.resize();
  });
  invalidate();
}

function invalidate(): void {
  dirty = true;
  if (isShown("view-graph")) render();
}

/** Draws a path (from the Paths view) on the graph. */
export function showPath(from: string, steps: Step[]): void {
  overlay = { from, steps };
  invalidate();
}

function visibleStates(): { patterns: string[]; moves: Move[]; aggregated: boolean } {
  const all = (state.analysis?.states ?? []).map((s) => s.pattern);
  const improvements = state.moves.filter((m) => m.improvement).length;
  if (all.length <= LARGE_GRAPH && improvements <= MAX_EDGES) return { patterns: all, moves: state.moves, aggregated: false };
  // The states the user asked about come first, so that they are kept when the limit bites.
  const seeds: string[] = [];
  if (state.analysis?.status_quo) seeds.push(state.analysis.status_quo);
  if (state.selected) seeds.push(state.selected);
  if (overlay) seeds.push(overlay.from, ...overlay.steps.map((s) => s.to));
  seeds.push(...(state.analysis?.equilibria[state.concept] ?? []));
  const kept = seeds.slice(0, NEIGHBOURHOOD_LIMIT);
  const moves = unilateralMoves(all, state.options, state.analysis?.preferences, new Set(kept));
  return { patterns: [...neighbourhood(kept, moves, NEIGHBOURHOOD_LIMIT)], moves, aggregated: true };
}

function pathEdges(): Set<string> {
  const keys = new Set<string>();
  if (!overlay) return keys;
  let at = overlay.from;
  for (const step of overlay.steps) {
    for (const m of step.moves ?? [step]) {
      keys.add(`${at}>${m.to}`);
      at = m.to;
    }
    at = step.to;
  }
  return keys;
}

function render(): void {
  const root = byId("view-graph");
  dirty = false;
  cy?.destroy();
  cy = null;
  const result = state.analysis;
  if (!result?.states) {
    root.replaceChildren(h("p", {}, "Run the analysis to see the state graph."));
    return;
  }
  const { patterns, moves: candidates, aggregated } = visibleStates();
  const shown = new Set(patterns);
  improvementsOnly ??= candidates.length > 600;
  const onPath = pathEdges();
  const moves: Move[] = candidates.filter((m) => shown.has(m.from) && shown.has(m.to) && (!improvementsOnly || m.improvement || onPath.has(`${m.from}>${m.to}`)));
  const parties = partiesOf(state.options);
  const eq = new Set(result.equilibria[state.concept] ?? []);
  const pathStates = new Set(overlay ? [overlay.from, ...overlay.steps.map((s) => s.to)] : []);

  const elements: ElementDefinition[] = patterns.map((p) => ({
    data: { id: p, label: String(stateNumber(p) ?? p) },
    classes: [eq.has(p) ? "eq" : "", p === result.status_quo ? "sq" : "", pathStates.has(p) ? "onpath" : ""].join(" "),
  }));
  for (const m of moves)
    elements.push({
      data: { id: `${m.from}>${m.to}>${m.party}`, source: m.from, target: m.to, party: m.party, colour: partyColour(parties, m.party) },
      classes: [m.improvement ? "improvement" : "move", onPath.has(`${m.from}>${m.to}`) ? "onpath" : ""].join(" "),
    });

  const roots = patterns.filter((p) => eq.has(p) || p === result.status_quo);
  const container = h("div", { id: "graph-canvas", role: "img", "aria-label": `State graph: ${patterns.length} states, ${moves.length} moves; use the table to select states with the keyboard` });
  const legend = h("div", { class: "legend" },
    ...parties.map((p) => h("span", {}, h("span", { class: "swatch", style: `background:${partyColour(parties, p)}` }), `${p} moves`)),
    h("span", {}, "bold = improvement for the mover"),
    h("span", {}, h("span", { class: "swatch", style: "background:#ffd43b;border:2px solid #000" }), `${state.concept.toUpperCase()} equilibrium`),
    h("span", {}, "double border = status quo"));
  const controls = h("div", { class: "row" },
    h("label", {}, h("input", { type: "checkbox", id: "improvements-only", checked: improvementsOnly, onchange: ((e: Event) => {
      improvementsOnly = (e.target as HTMLInputElement).checked;
      render();
    }) as EventListener }), " improvements only"),
    h("label", {}, "Equilibria of ", h("select", { "aria-label": "Concept whose equilibria are marked", onchange: ((e: Event) => {
      state.concept = (e.target as HTMLSelectElement).value;
      emit("analysis");
    }) as EventListener }, ...Object.keys(result.equilibria).map((c) => h("option", { value: c, selected: c === state.concept }, c.toUpperCase())))),
    h("button", { type: "button", id: "graph-svg", onclick: (() => exportSvg()) as EventListener }, "Download SVG"),
    h("button", { type: "button", id: "graph-png", onclick: (() => void exportPng()) as EventListener }, "Download PNG"),
    overlay ? h("button", { type: "button", onclick: (() => ((overlay = null), render())) as EventListener }, "Clear path") : "");
  const warning = aggregated
    ? h("p", { class: "warning", id: "graph-warning", role: "note" },
        `This model has ${result.states.length} states${state.moves.length ? ` and ${state.moves.filter((m) => m.improvement).length} improvements` : ""}, too many to draw at once. Shown: the ${state.concept.toUpperCase()} equilibria, the status quo, the selected state and their neighbours (${patterns.length} states). The table and CSV have them all.`)
    : "";
  root.replaceChildren(controls, warning, legend, container);

  // Big graphs: straight edges, and no edges while panning or zooming, keep the tab responsive.
  const big = moves.length > 800;
  cy = cytoscape({
    container,
    elements,
    wheelSensitivity: 0.3,
    hideEdgesOnViewport: big,
    textureOnViewport: big,
    style: [
      { selector: "node", style: { label: "data(label)", "text-valign": "center", "text-halign": "center", "font-size": 10, width: 26, height: 26, "background-color": "#e9ecef", "border-width": 1, "border-color": "#868e96" } },
      { selector: "node.eq", style: { "background-color": "#ffd43b", "border-width": 3, "border-color": "#000" } },
      { selector: "node.sq", style: { "border-style": "double", "border-width": 5, "border-color": "#1864ab" } },
      { selector: "node.onpath", style: { "background-color": "#74c0fc" } },
      { selector: "node.selected", style: { "overlay-color": "#f59f00", "overlay-opacity": 0.35, "overlay-padding": 5 } },
      { selector: "edge", style: { "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", "curve-style": big ? "straight" : "bezier", width: 1, opacity: 0.35, "arrow-scale": 0.7 } },
      { selector: "edge.improvement", style: { width: 2.5, opacity: 0.9 } },
      { selector: "edge.onpath", style: { width: 5, opacity: 1, "line-style": "solid", "z-index": 10 } },
    ],
    // Small graphs get a force-directed layout; larger ones the option grid (fast, and a party's
    // moves run along rows or columns).
    // A neighbourhood view: the equilibria and the status quo inside, their neighbours around them.
    layout: aggregated
      ? { name: "concentric", concentric: (n) => (roots.includes(n.id()) ? 2 : 1), levelWidth: () => 1, minNodeSpacing: 4, animate: false }
      : patterns.length <= 40
        ? { name: "cose", animate: false, randomize: false }
        : { name: "preset", positions: Object.fromEntries(gridPositions(patterns, state.options)) },
  });
  cy.on("tap", "node", (e) => select(e.target.id()));
  markSelection();
  status(`Graph: ${patterns.length} states, ${moves.length} moves drawn.`);
}

function markSelection(): void {
  if (!cy) return;
  cy.nodes().removeClass("selected");
  if (state.selected) cy.getElementById(state.selected).addClass("selected");
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);
}

/** The graph as a standalone SVG, drawn from the node positions of the current layout. */
export function graphSvg(): string | null {
  if (!cy) return null;
  const box = cy.elements().boundingBox();
  const pad = 20;
  const w = Math.ceil(box.w + 2 * pad);
  const hgt = Math.ceil(box.h + 2 * pad);
  const x = (v: number) => (v - box.x1 + pad).toFixed(1);
  const y = (v: number) => (v - box.y1 + pad).toFixed(1);
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${hgt}" viewBox="0 0 ${w} ${hgt}" font-family="sans-serif">`,
    `<title>${escapeXml(state.analysis?.model ?? "state graph")}</title>`, `<rect width="100%" height="100%" fill="#fff"/>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>`];
  cy.edges().forEach((e) => {
    const s = e.source().position();
    const t = e.target().position();
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const len = Math.hypot(dx, dy) || 1;
    const r = 14;
    const strong = e.hasClass("improvement") || e.hasClass("onpath");
    out.push(`<line x1="${x(s.x + (dx / len) * r)}" y1="${y(s.y + (dy / len) * r)}" x2="${x(t.x - (dx / len) * r)}" y2="${y(t.y - (dy / len) * r)}" stroke="${e.data("colour")}" stroke-width="${e.hasClass("onpath") ? 5 : strong ? 2.5 : 1}" stroke-opacity="${strong ? 0.9 : 0.35}" marker-end="url(#arrow)"><title>${escapeXml(`${e.data("party")}: ${e.source().id()} → ${e.target().id()}`)}</title></line>`);
  });
  cy.nodes().forEach((n) => {
    const p = n.position();
    const fill = n.hasClass("eq") ? "#ffd43b" : n.hasClass("onpath") ? "#74c0fc" : "#e9ecef";
    const stroke = n.hasClass("sq") ? "#1864ab" : n.hasClass("eq") ? "#000" : "#868e96";
    out.push(`<g><title>${escapeXml(n.id())}</title><circle cx="${x(p.x)}" cy="${y(p.y)}" r="13" fill="${fill}" stroke="${stroke}" stroke-width="${n.hasClass("sq") ? 4 : n.hasClass("eq") ? 3 : 1}"/>` +
      `<text x="${x(p.x)}" y="${y(p.y)}" font-size="10" text-anchor="middle" dominant-baseline="central">${escapeXml(String(n.data("label")))}</text></g>`);
  });
  out.push("</svg>");
  return out.join("\n") + "\n";
}

function exportSvg(): void {
  const svg = graphSvg();
  if (svg) downloadText(svg, `${state.name || "model"}-graph.svg`, "image/svg+xml");
}

async function exportPng(): Promise<void> {
  if (!cy) return;
  const blob = (await cy.png({ output: "blob-promise", full: true, scale: 2, bg: "#ffffff" })) as Blob;
  downloadBlob(blob, `${state.name || "model"}-graph.png`);
}
