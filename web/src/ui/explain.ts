// SPDX-License-Identifier: Apache-2.0
// Why the selected state is or is not stable, for each party and concept (/api/explain).
import { postModel, query } from "../api";
import { diagnosticsOf, on, state, stateNumber } from "../app";
import type { ExplainResult, Step } from "../types";
import { byId, h } from "./dom";

let pending: AbortController | null = null;

export function initExplain(): void {
  on("selection", () => void explain());
  on("analysis", () => byId("explain").replaceChildren());
}

function label(pattern: string): string {
  const n = stateNumber(pattern);
  return n ? `${n} (${pattern})` : pattern;
}

function steps(list: Step[]): string {
  return list.map((s) => `${s.party ?? (s.coalition ?? []).join("+")} → ${label(s.to)}`).join(", then ");
}

async function explain(): Promise<void> {
  const root = byId("explain");
  const pattern = state.selected;
  if (!pattern) return root.replaceChildren();
  pending?.abort();
  const abort = (pending = new AbortController());
  root.replaceChildren(h("p", {}, `Explaining state ${label(pattern)}…`));
  try {
    const result = await postModel<ExplainResult>(`/api/explain${query({ state: pattern })}`, state.text, abort.signal);
    if (abort.signal.aborted) return;
    const eqConcepts = Object.entries(state.analysis?.equilibria ?? {}).filter(([, l]) => l.includes(pattern)).map(([c]) => c.toUpperCase());
    root.replaceChildren(
      h("h2", { id: "explain-title", tabindex: "-1" }, `State ${label(result.state.pattern ?? pattern)}`),
      h("p", {}, eqConcepts.length ? `An equilibrium under ${eqConcepts.join(", ")}.` : "Not an equilibrium under any concept analysed."),
      ...Object.entries(result.parties).map(([party, concepts]) => partyBlock(party, concepts)),
    );
  } catch (error) {
    if ((error as Error).name === "AbortError") return;
    root.replaceChildren(h("p", { class: "diag" }, diagnosticsOf(error).map((d) => d.message).join("\n")));
  }
}

function partyBlock(party: string, concepts: ExplainResult["parties"][string]): HTMLElement {
  const entries = Object.entries(concepts);
  const improvements = entries[0]?.[1].improvements ?? [];
  const stableUnder = entries.filter(([, v]) => v.stable).map(([c]) => c.toUpperCase());
  const block = h("div", { class: "explain-party" }, h("h3", {}, party));
  if (!improvements.length) {
    block.append(h("p", { class: "ok" }, "No unilateral improvement from here: stable under every concept."));
    return block;
  }
  const list = h("ul");
  improvements.forEach((imp, k) => {
    const sub = h("ul");
    for (const [concept, v] of entries) {
      const i = v.improvements[k];
      if (!i) continue;
      const text = concept === "nash" ? `${party} prefers ${label(i.to)}` : i.deterred
        ? `deterred${i.sanction?.length ? ` by ${steps(i.sanction)}` : ""}` : "not deterred";
      sub.append(h("li", {}, h("strong", {}, concept.toUpperCase()), " ", h("span", { class: i.deterred ? "ok" : "no" }, text)));
    }
    list.append(h("li", {}, `improvement to ${label(imp.to)}`, sub));
  });
  block.append(list, h("p", {}, `Stable for ${party} under: ${stableUnder.length ? stableUnder.join(", ") : "none"}.`));
  return block;
}
