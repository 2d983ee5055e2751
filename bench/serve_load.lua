-- SPDX-License-Identifier: Apache-2.0
-- wrk script for bench/serve_load.sh: POST a model file to /api/analyze.
-- PARLEY_MODEL: the model file; PARLEY_UNCACHED=1: a new `name` per request, so the workspace
-- cache never answers (each request runs the analysis and stores its result).
local file = assert(io.open(os.getenv("PARLEY_MODEL"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "text/yaml"

local uncached = os.getenv("PARLEY_UNCACHED") == "1"
local counter = 0
local thread_id = 0
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_id", next_thread)
end

function request()
  if not uncached then return wrk.format(nil, "/api/analyze") end
  counter = counter + 1
  return wrk.format(nil, "/api/analyze?name=load-" .. thread_id .. "-" .. counter)
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT requests=%d seconds=%.2f requests_per_s=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
end
