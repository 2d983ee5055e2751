// SPDX-License-Identifier: Apache-2.0
// Shapes of the model file (docs/model-format.md) and of the CLI's JSON the API returns.

export type Direction = "both" | "take_only" | "withdraw_only";

export interface OptionSpec {
  id: string;
  name?: string;
  direction?: Direction;
  [extra: string]: unknown;
}

/** A ranking item: a pattern, a tie (list of patterns) or an extension object kept as written. */
export type RankingItem = string | string[] | Record<string, unknown>;
export type PriorityItem = string | Record<string, unknown>;

export interface PartySpec {
  id: string;
  name?: string;
  options?: OptionSpec[];
  priorities?: PriorityItem[];
  ranking?: RankingItem[];
  payoffs?: Record<string, number>;
  capability?: number;
  positions?: Record<string, number>;
  salience?: Record<string, number>;
  red_lines?: Record<string, [number, number]>;
  [extra: string]: unknown;
}

export interface IssueSpec {
  id: string;
  name?: string;
  range: [number, number];
  status_quo?: number;
  [extra: string]: unknown;
}

export interface ModelSpec {
  parley: number | string;
  name?: string;
  description?: string;
  source?: string;
  issues?: IssueSpec[];
  parties: PartySpec[];
  infeasible?: string[];
  mutually_exclusive?: string[][];
  at_least_one?: string[][];
  status_quo?: string[];
  coalitions?: string[][];
  [extra: string]: unknown;
}

/** A preference list: most preferred first, a nested list is a tie. */
export type Preference = (string | string[])[];

export interface AnalyzeResult {
  parley: string;
  model: string;
  options: string[];
  status_quo: string | null;
  states?: { id: number; pattern: string }[];
  stability?: Record<string, Record<string, string[]>>;
  equilibria: Record<string, string[]>;
  preferences?: Record<string, Preference>;
  coalition_stability?: Record<string, Record<string, string[]>>;
  coalition_equilibria?: Record<string, string[]>;
  coalition_effects?: Record<string, Record<string, CoalitionEffect>>;
  coalition_structure?: { coalitions: string[][]; equilibria: Record<string, string[]> };
}

export interface CoalitionEffect {
  destroyed: { state: string; by: { to: string; moves: Step[] }[] }[];
  created: { state: string; member: string; forgone: string }[];
}

export interface Step {
  party?: string;
  coalition?: string[];
  to: string;
  moves?: Step[];
}

export interface PathsResult {
  from: string;
  reachable?: { pattern: string; moves: number; path: Step[] }[];
  to?: { pattern: string; moves: number | null; paths: Step[][]; truncated: boolean };
}

export interface ExplainImprovement {
  to: string;
  deterred: boolean;
  sanction?: Step[] | null;
}

export interface ExplainResult {
  model: string;
  options: string[];
  status_quo: string | null;
  state: { id: number; pattern: string };
  parties: Record<string, Record<string, { stable: boolean; improvements: ExplainImprovement[] }>>;
}

export interface PredictResult {
  issues: Record<string, Record<string, number | null>>;
  zone_of_agreement: Record<string, [number, number] | null>;
  agreement_possible?: boolean;
  concessions?: Record<string, { point: number; total: number; parties: { party: string; from: number[]; to: number[]; distance: number }[] }>;
  nbs?: { objective: number } | null;
  nbs_note?: string;
  eum?: { rounds: number; converged: boolean };
  smp?: { rounds: number; converged: boolean };
}

export interface Diagnostic {
  line: number | null;
  column: number | null;
  message: string;
  help?: string | null;
}

export interface CheckResult {
  ok: boolean;
  states?: number;
  feasible?: number;
  parties?: unknown[];
}
