// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The analysis routes (`POST /api/analyze`, `/api/paths`, ...) as plain functions: a kind, a model
/// text and the query parameters in; exactly what the command line prints with `--json` out.
/// Parameters are the command line's flags without `--` and are checked as strictly.

#include <string>
#include <string_view>
#include <vector>

#include "parley/analysis/run_control.hpp"
#include "parley/server/answer.hpp"

namespace parley::server {

/// check, analyze, paths, predict, explain, inverse, robustness, partial, convert.
const std::vector<std::string>& analysis_kinds();
bool is_analysis_kind(std::string_view kind);
/// Whether answers of this kind are worth caching (everything but check and convert).
bool is_cached_kind(std::string_view kind);

/// Runs the analysis `kind` on the model `text`. Invalid models and parameters give 400 answers;
/// throws Cancelled if `cancel` is set while it runs.
Answer answer_analysis(std::string_view kind, std::string_view text, const Params& params, Progress& progress,
                       const CancelToken& cancel);

/// The parameters in a fixed order, `a=1&b=x`, without `token`: the options part of a cache key.
std::string canonical_options(const Params& params);

}  // namespace parley::server
