// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from "vitest";
import { gridPositions, neighbourhood, optionInfo, preferenceLevels, tableRows, unilateralMoves } from "../src/states";
import type { AnalyzeResult } from "../src/types";

// Syria and Iraq, the first example of docs/model-format.md.
const result: AnalyzeResult = {
  parley: "0.1.0",
  model: "Syria and Iraq",
  options: ["Syria.release", "Syria.escalate", "Iraq.attack"],
  status_quo: "NNN",
  states: ["NNN", "YNN", "NYN", "NNY", "YNY", "NYY"].map((pattern, i) => ({ id: i + 1, pattern })),
  stability: { nash: { Syria: ["NNN", "YNY"], Iraq: ["YNN", "NNY", "NYY"] } },
  equilibria: { nash: [] },
  preferences: {
    Syria: ["YNY", ["NNN", "NNY"], "YNN", ["NYN", "NYY"]],
    Iraq: ["YNN", "NNY", "NYY", "NNN", "YNY", "NYN"],
  },
};
const patterns = result.states!.map((s) => s.pattern);

describe("unilateralMoves", () => {
  it("lets a party change only its own options, between feasible states", () => {
    const moves = unilateralMoves(patterns, optionInfo(result), result.preferences);
    const syria = moves.filter((m) => m.party === "Syria" && m.from === "NNN").map((m) => m.to).sort();
    expect(syria).toEqual(["NYN", "YNN"]); // YYN is infeasible
    const iraq = moves.filter((m) => m.party === "Iraq" && m.from === "NNN").map((m) => m.to);
    expect(iraq).toEqual(["NNY"]);
    expect(moves).toHaveLength(2 * 6 + 6); // Syria: 2 moves from each state; Iraq: 1
  });

  it("marks a move an improvement when the mover strictly prefers its target", () => {
    const moves = unilateralMoves(patterns, optionInfo(result), result.preferences);
    const find = (party: string, from: string, to: string) => moves.find((m) => m.party === party && m.from === from && m.to === to)!;
    expect(find("Iraq", "NNN", "NNY").improvement).toBe(true);
    expect(find("Iraq", "NNY", "NNN").improvement).toBe(false);
    expect(find("Syria", "NNN", "NYN").improvement).toBe(false);
    // A tie is no improvement.
    expect(find("Syria", "NNY", "NNN")).toBeUndefined();
  });

  it("respects one-way options", () => {
    const info = optionInfo(result, { attack: "take_only" });
    const moves = unilateralMoves(patterns, info);
    expect(moves.some((m) => m.party === "Iraq" && m.from === "NNY")).toBe(false);
    expect(moves.some((m) => m.party === "Iraq" && m.from === "NNN")).toBe(true);
  });
});

it("gives tied states the same preference level", () => {
  const levels = preferenceLevels(result.preferences!.Syria);
  expect(levels.get("NNN")).toBe(levels.get("NNY"));
  expect(levels.get("YNY")).toBe(0);
});

it("keeps the seeds and their neighbours, up to a limit", () => {
  const moves = unilateralMoves(patterns, optionInfo(result));
  expect([...neighbourhood(["NNN"], moves, 10)].sort()).toEqual(["NNN", "NNY", "NYN", "YNN"]);
  expect(neighbourhood(["NNN"], moves, 2).size).toBe(2);
});

it("writes the tabular form with Y/N rows and + / - / E rows", () => {
  const rows = tableRows(result, ["nash"]);
  expect(rows[0]).toEqual(["state", "1", "2", "3", "4", "5", "6"]);
  expect(rows[1]).toEqual(["Syria.release", "N", "Y", "N", "N", "Y", "N"]);
  expect(rows[4]).toEqual(["nash Syria", "+", "-", "-", "-", "+", "-"]);
  expect(rows[6]).toEqual(["nash equilibrium", "", "", "", "", "", ""]);
});

it("gives every state its own place on the grid, one party's moves along a row or column", () => {
  const info = optionInfo(result);
  const places = gridPositions(patterns, info);
  const keys = new Set([...places.values()].map((p) => `${p.x},${p.y}`));
  expect(keys.size).toBe(patterns.length);
  // Iraq's option is the second half: its moves keep the column.
  expect(places.get("NNN")!.x).toBe(places.get("NNY")!.x);
  expect(places.get("NNN")!.y).toBe(places.get("YNN")!.y);
});

it("keeps at most the limit even when there are more seeds", () => {
  expect(neighbourhood(["NNN", "YNN", "NYN"], [], 2).size).toBe(2);
});

it("lists only the moves from the states asked for", () => {
  const moves = unilateralMoves(patterns, optionInfo(result), result.preferences, new Set(["NNN"]));
  expect(moves.every((m) => m.from === "NNN")).toBe(true);
  expect(moves).toHaveLength(3);
});
