// SPDX-License-Identifier: Apache-2.0
// The application's state and the operations on it. Views subscribe and re-render what they show.
import { ApiError, getJson, postModel, query, send } from "./api";
import { toMappedJson, type MappedJson } from "./jsonmap";
import { optionInfo, unilateralMoves, type Move, type OptionInfo } from "./states";
import type { AnalyzeResult, Diagnostic, Direction, ModelSpec } from "./types";

export const CONCEPTS = ["nash", "gmr", "smr", "seq"] as const;
/** Above this many states the state graph shows a neighbourhood instead of the whole graph. */
export const LARGE_GRAPH = 1500;

export interface AppState {
  /** The model text the API is sent: the source as loaded, or the form's JSON once the form is edited. */
  text: string;
  /** The model as structured data for the form (null when the text cannot be read). */
  model: ModelSpec | null;
  /** Line-to-field map of `text` when the form wrote it. */
  mapped: MappedJson | null;
  /** The workspace name the model is saved under. */
  name: string;
  /** Version loaded from or saved to the workspace. */
  version: number | null;
  diagnostics: Diagnostic[];
  analysis: AnalyzeResult | null;
  options: OptionInfo[];
  moves: Move[];
  selected: string | null;
  concept: string;
}

export const state: AppState = {
  text: "",
  model: null,
  mapped: null,
  name: "",
  version: null,
  diagnostics: [],
  analysis: null,
  options: [],
  moves: [],
  selected: null,
  concept: "nash",
};

export type Topic = "model" | "diagnostics" | "analysis" | "selection";
const listeners = new Map<Topic, Set<() => void>>();

export function on(topic: Topic, listener: () => void): void {
  if (!listeners.has(topic)) listeners.set(topic, new Set());
  listeners.get(topic)!.add(listener);
}

export function emit(topic: Topic): void {
  for (const l of listeners.get(topic) ?? []) l();
}

export function setDiagnostics(list: Diagnostic[]): void {
  state.diagnostics = list;
  emit("diagnostics");
}

/** Diagnostics of an error, or the error itself as one diagnostic without a place. */
export function diagnosticsOf(error: unknown): Diagnostic[] {
  if (error instanceof ApiError) return error.diagnostics.length ? error.diagnostics : [{ line: null, column: null, message: error.message }];
  return [{ line: null, column: null, message: error instanceof Error ? error.message : String(error) }];
}

function clearAnalysis(): void {
  state.analysis = null;
  state.moves = [];
  state.selected = null;
  emit("analysis");
}

/** Loads model text (YAML, JSON or GMCR+): reads it into the form through /api/convert. */
export async function loadText(text: string, name: string, version: number | null = null): Promise<void> {
  state.text = text;
  state.name = name;
  state.version = version;
  state.mapped = null;
  clearAnalysis();
  try {
    const json = await postModel<{ text: string }>(`/api/convert${query({ to: "json" })}`, text);
    state.model = JSON.parse(json.text) as ModelSpec;
    // A GMCR+ file is replaced by its model-format translation, which is what gets edited and saved.
    if (text.trimStart().startsWith("{") && /"decisionMakers"/.test(text)) formChanged(false);
    setDiagnostics([]);
  } catch (error) {
    state.model = null;
    setDiagnostics(diagnosticsOf(error));
  }
  emit("model");
}

/** The form changed state.model: rewrite the text from it (mapped to fields for diagnostics). */
export function formChanged(notify = true): void {
  if (!state.model) return;
  state.mapped = toMappedJson(state.model);
  state.text = state.mapped.text;
  if (notify) emit("model");
}

/** Validates the current text; returns the number of feasible states, or null when invalid. */
export async function check(signal?: AbortSignal): Promise<{ states: number } | null> {
  try {
    const result = await postModel<{ ok: boolean; states?: number; feasible?: number }>("/api/check", state.text, signal);
    setDiagnostics([]);
    return { states: result.feasible ?? result.states ?? 0 };
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    setDiagnostics(diagnosticsOf(error));
    return null;
  }
}

export function directions(): Record<string, Direction> {
  const map: Record<string, Direction> = {};
  for (const party of state.model?.parties ?? [])
    for (const option of party.options ?? []) map[option.id] = option.direction ?? "both";
  return map;
}

export function setAnalysis(result: AnalyzeResult): void {
  state.analysis = result;
  state.options = optionInfo(result, directions());
  // Moves are listed only for a graph that is drawn whole; a larger one draws a neighbourhood and
  // asks for the moves from its seeds (graph.ts).
  const patterns = (result.states ?? []).map((s) => s.pattern);
  state.moves = patterns.length <= LARGE_GRAPH ? unilateralMoves(patterns, state.options, result.preferences) : [];
  if (!CONCEPTS.includes(state.concept as (typeof CONCEPTS)[number]) && !(state.concept in result.equilibria))
    state.concept = Object.keys(result.equilibria)[0] ?? "nash";
  state.selected = null;
  emit("analysis");
}

export function select(pattern: string | null): void {
  state.selected = pattern;
  emit("selection");
}

export function stateNumber(pattern: string): number | null {
  return state.analysis?.states?.find((s) => s.pattern === pattern)?.id ?? null;
}

export function partyIds(): string[] {
  return (state.model?.parties ?? []).map((p) => p.id);
}

export interface JobHandle {
  promise: Promise<unknown>;
  cancel: () => void;
}

interface JobStatus {
  status: "queued" | "running" | "done" | "failed" | "cancelled";
  progress?: number;
  message?: string;
  result?: unknown;
  error?: Record<string, unknown> | null;
}

/**
 * Runs an analysis as a server job, reporting progress, so that it can be cancelled; falls back
 * to the direct endpoint when the server has no /api/jobs.
 */
export function runJob(
  kind: string,
  options: Record<string, string | number | boolean>,
  onProgress: (fraction: number | null, message: string) => void,
): JobHandle {
  const abort = new AbortController();
  let jobId: string | null = null;
  const cancel = () => {
    abort.abort();
    if (jobId) void send("DELETE", `/api/jobs/${jobId}`).catch(() => undefined);
  };
  const promise = (async () => {
    let created: { id: string };
    try {
      created = await send<{ id: string }>("POST", "/api/jobs", JSON.stringify({ kind, model: state.text, options }), abort.signal);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 405)) {
        onProgress(null, `running ${kind}…`);
        return postModel(`/api/${kind}${query(options)}`, state.text, abort.signal);
      }
      throw error;
    }
    jobId = created.id;
    for (let delay = 100; ; delay = Math.min(delay * 1.5, 1000)) {
      const job = await getJson<JobStatus>(`/api/jobs/${jobId}`, abort.signal);
      if (job.status === "done") return job.result;
      if (job.status === "failed") {
        const e = job.error ?? {};
        throw new ApiError(String(e.error ?? "the analysis failed"), 400, (e.diagnostics as Diagnostic[]) ?? []);
      }
      if (job.status === "cancelled") throw new DOMException("cancelled", "AbortError");
      onProgress(typeof job.progress === "number" ? job.progress : null, job.message ?? job.status);
      await new Promise((r) => setTimeout(r, delay));
      if (abort.signal.aborted) throw new DOMException("cancelled", "AbortError");
    }
  })();
  return { promise, cancel };
}
