// SPDX-License-Identifier: Apache-2.0
// What the app derives from an analysis answer: who owns which option, the unilateral moves between
// states (as docs/model-format.md defines them), improvements from the preferences, table rows.
import type { AnalyzeResult, Direction, Preference } from "./types";

export interface OptionInfo {
  party: string;
  id: string;
  direction: Direction;
}

/** The options in pattern order, from the analysis's qualified names ("US.support"). */
export function optionInfo(result: AnalyzeResult, directions: Record<string, Direction> = {}): OptionInfo[] {
  return result.options.map((qualified) => {
    const dot = qualified.indexOf(".");
    const party = qualified.slice(0, dot);
    const id = qualified.slice(dot + 1);
    return { party, id, direction: directions[id] ?? "both" };
  });
}

export function partiesOf(options: OptionInfo[]): string[] {
  return [...new Set(options.map((o) => o.party))];
}

/** Level of each state in a preference list: 0 is the most preferred, ties share a level. */
export function preferenceLevels(preference: Preference): Map<string, number> {
  const levels = new Map<string, number>();
  preference.forEach((item, level) => {
    for (const pattern of Array.isArray(item) ? item : [item]) levels.set(pattern, level);
  });
  return levels;
}

export interface Move {
  from: string;
  to: string;
  party: string;
  improvement: boolean;
}

/** True when the change from `from` to `to` respects every changed option's direction. */
function respectsDirections(from: string, to: string, options: OptionInfo[]): boolean {
  for (let k = 0; k < from.length; k++) {
    if (from[k] === to[k]) continue;
    const d = options[k].direction;
    if (d === "take_only" && to[k] !== "Y") return false;
    if (d === "withdraw_only" && to[k] !== "N") return false;
  }
  return true;
}

/**
 * Every unilateral move between feasible states: a party changes any non-empty set of its own
 * options, within their directions. States are grouped by the letters of the other parties, so the
 * work is the sum over groups of their squared sizes, not states squared.
 */
export function unilateralMoves(
  patterns: string[],
  options: OptionInfo[],
  preferences: Record<string, Preference> = {},
  fromOnly: Set<string> | null = null,
): Move[] {
  const moves: Move[] = [];
  for (const party of partiesOf(options)) {
    const own = options.map((o) => o.party === party);
    const levels = preferences[party] ? preferenceLevels(preferences[party]) : null;
    const groups = new Map<string, string[]>();
    for (const p of patterns) {
      const key = [...p].map((c, k) => (own[k] ? "_" : c)).join("");
      const group = groups.get(key);
      if (group) group.push(p);
      else groups.set(key, [p]);
    }
    for (const group of groups.values())
      for (const from of group) {
        if (fromOnly && !fromOnly.has(from)) continue;
        for (const to of group) {
          if (from === to || !respectsDirections(from, to, options)) continue;
          const improvement = levels !== null && (levels.get(to) ?? Infinity) < (levels.get(from) ?? Infinity);
          moves.push({ from, to, party, improvement });
        }
      }
  }
  return moves;
}

/** The states to draw when the whole space is too large: equilibria, the status quo and their neighbours. */
export function neighbourhood(seeds: string[], moves: Move[], limit: number): Set<string> {
  const keep = new Set(seeds.slice(0, limit));
  const seedSet = new Set(keep);
  for (const m of moves) {
    if (keep.size >= limit) break;
    if (seedSet.has(m.from)) keep.add(m.to);
  }
  return keep;
}

/** The tabular form's rows for one concept: per party "+"/"-", then "E" for equilibria. */
export function stabilityRows(result: AnalyzeResult, concept: string, patterns: string[]): string[][] {
  const stable = result.stability?.[concept] ?? {};
  const rows = Object.entries(stable).map(([party, list]) => {
    const set = new Set(list);
    return [`${concept} ${party}`, ...patterns.map((p) => (set.has(p) ? "+" : "-"))];
  });
  const eq = new Set(result.equilibria[concept] ?? []);
  rows.push([`${concept} equilibrium`, ...patterns.map((p) => (eq.has(p) ? "E" : ""))]);
  return rows;
}

/** The whole tabular form as rows (CSV): state numbers, one row per option, then stability. */
export function tableRows(result: AnalyzeResult, concepts: string[]): string[][] {
  const states = result.states ?? [];
  const patterns = states.map((s) => s.pattern);
  const rows: string[][] = [["state", ...states.map((s) => String(s.id))]];
  result.options.forEach((name, k) => rows.push([name, ...patterns.map((p) => p[k])]));
  for (const c of concepts) rows.push(...stabilityRows(result, c, patterns));
  return rows;
}

/** Inverse of the reflected Gray code: the rank of value g in Gray order. */
function grayRank(g: number): number {
  let r = 0;
  for (; g; g >>= 1) r ^= g;
  return r;
}

/**
 * Grid positions for states: the options are split in two halves at a party boundary; a state's
 * column is the Gray-order rank of its first half, its row that of its second. A party's moves
 * then run along rows or columns, and states one option apart are near each other.
 */
export function gridPositions(patterns: string[], options: OptionInfo[], spacing = 48): Map<string, { x: number; y: number }> {
  const n = options.length;
  let split = Math.ceil(n / 2);
  // Prefer a split between two parties, nearest to the middle.
  let best = Infinity;
  for (let k = 1; k < n; k++)
    if (options[k].party !== options[k - 1].party && Math.abs(k - n / 2) < best) {
      best = Math.abs(k - n / 2);
      split = k;
    }
  const value = (p: string, from: number, to: number) => {
    let v = 0;
    for (let k = from; k < to; k++) if (p[k] === "Y") v |= 1 << (k - from);
    return v;
  };
  const cols = [...new Set(patterns.map((p) => grayRank(value(p, 0, split))))].sort((a, b) => a - b);
  const rows = [...new Set(patterns.map((p) => grayRank(value(p, split, n))))].sort((a, b) => a - b);
  const colIndex = new Map(cols.map((c, i) => [c, i]));
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  return new Map(patterns.map((p) => [p, {
    x: colIndex.get(grayRank(value(p, 0, split)))! * spacing,
    y: rowIndex.get(grayRank(value(p, split, n)))! * spacing,
  }]));
}
