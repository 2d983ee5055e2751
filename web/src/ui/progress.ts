// SPDX-License-Identifier: Apache-2.0
// The progress bar and Cancel button of a running job.
import type { JobHandle } from "../app";
import { byId, status } from "./dom";

let current: JobHandle | null = null;

export function initProgress(): void {
  byId("cancel").addEventListener("click", () => {
    current?.cancel();
    status("Cancelled.");
  });
}

export function progressUpdate(fraction: number | null, message: string): void {
  const bar = byId<HTMLProgressElement>("progress-bar");
  if (fraction === null) bar.removeAttribute("value");
  else bar.value = fraction;
  byId("progress-text").textContent = message;
}

/** Shows the bar while the job runs; resolves with its result. */
export async function trackJob<T>(job: JobHandle, what: string): Promise<T> {
  current?.cancel();
  current = job;
  const box = byId("progress");
  box.hidden = false;
  progressUpdate(null, `${what}…`);
  try {
    return (await job.promise) as T;
  } finally {
    if (current === job) {
      box.hidden = true;
      current = null;
    }
  }
}
