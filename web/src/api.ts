// SPDX-License-Identifier: Apache-2.0
// The only module that talks HTTP: parley's JSON API (docs/api.md).
import type { Diagnostic } from "./types";

/** An error answer of the API, with the model diagnostics when there are any. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly diagnostics: Diagnostic[],
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

const token = new URLSearchParams(location.search).get("token") ?? sessionStorage.getItem("parley-token");
if (token) sessionStorage.setItem("parley-token", token);

function headers(contentType?: string): HeadersInit {
  const h: Record<string, string> = {};
  if (token) h.Authorization = `Bearer ${token}`;
  if (contentType) h["Content-Type"] = contentType;
  return h;
}

function asDiagnostics(body: Record<string, unknown>): Diagnostic[] {
  const list = body.diagnostics;
  if (Array.isArray(list) && list.length) return list as Diagnostic[];
  if (typeof body.error === "string")
    return [{ line: (body.line as number) ?? null, column: (body.column as number) ?? null, message: body.error }];
  return [];
}

async function answer<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const obj = (body ?? {}) as Record<string, unknown>;
    const message = typeof obj.error === "string" ? obj.error : `${response.status} ${response.statusText || "error"}`;
    throw new ApiError(message, response.status, asDiagnostics(obj), (obj.field as string) ?? null);
  }
  if (body === null && text) throw new ApiError("the server's answer is not JSON", response.status, []);
  return body as T;
}

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== false && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return answer<T>(await fetch(path, { headers: headers(), signal }));
}

/** POSTs a model text (YAML, JSON or GMCR+) to an analysis endpoint. */
export async function postModel<T>(path: string, model: string, signal?: AbortSignal): Promise<T> {
  return answer<T>(await fetch(path, { method: "POST", body: model, headers: headers("text/plain; charset=utf-8"), signal }));
}

export async function send<T>(method: string, path: string, body?: string, signal?: AbortSignal): Promise<T> {
  const contentType = body === undefined ? undefined : body.trimStart().startsWith("{") ? "application/json" : "text/plain; charset=utf-8";
  return answer<T>(await fetch(path, { method, body, headers: headers(contentType), signal }));
}
