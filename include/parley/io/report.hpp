// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The briefing report (`parley report`): every analysis that fits in a few seconds run on one
/// model, and the findings in plain words, the tables and the pictures in one self-contained
/// document, as HTML or as Markdown with the pictures in separate SVG files. What it contains and
/// how each finding is computed is in docs/report.md.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parley/analysis/coalitions.hpp"
#include "parley/analysis/concepts.hpp"
#include "parley/analysis/run_control.hpp"
#include "parley/core/model.hpp"
#include "parley/io/report_document.hpp"

namespace parley {

enum class ReportFormat { Html, Markdown };

/// Caps that keep every part of a report within seconds. Past one, the report leaves that part out
/// (or shows a part of it) and says why. All are counts, never times, so that the same model always
/// gives the same report.
struct ReportLimits {
  std::size_t graph_states = 80;        ///< draw the whole state graph up to this many states, else the neighbourhood
  std::size_t table_states = 64;        ///< list every state in the tables up to this many, else the states of interest
  std::size_t listed_equilibria = 500;  ///< rows of the equilibria table
  std::uint64_t analysis_states = 50'000;    ///< coalitions, levers, inverse and margins only up to this many states
  std::size_t margin_states = 6;             ///< margins of stability of at most this many equilibria
  std::uint64_t smr_margin_states = 64;      ///< SMR margins (a slow exact search) only up to this many states
  std::uint64_t inverse_states = 64;         ///< exact least change (for parties without priorities) up to this
  std::uint64_t lever_budget = 40'000'000;   ///< candidate changes x states examined by the lever search
  std::size_t levers_listed = 5;             ///< levers shown per concept
  std::size_t coalitions = 4;                ///< coalitions analysed at most
  std::uint64_t coalition_work = 2'000'000;  ///< coalitions x states x parties at most
  std::uint64_t alignment_states = 4096;     ///< allies found from the rankings only up to this many states
};

struct ReportOptions {
  ReportFormat format = ReportFormat::Html;
  std::vector<Concept> concepts = basic_concepts();
  /// Coalitions to analyse besides the model's own `coalitions`; when neither names any, the
  /// parties whose rankings agree most are taken as the allies (docs/report.md).
  std::vector<Coalition> coalitions;
  /// The settlement for "what would have to change"; by default the state that leaves the least
  /// satisfied party best off.
  std::optional<StateIndex> target;
  int horizon = 0;    ///< two-party models: limited-move stability L_1 .. L_horizon too (0 = not)
  int samples = 100;  ///< Monte Carlo samples over the model's `uncertainty` intervals (0 = none)
  std::uint64_t seed = 1;
  int rounds = 100;  ///< round limit of the expected-utility model and the SMP
  ReportLimits limits;
  /// Markdown: the pictures are STEM-graph.svg and STEM-positions.svg next to the report.
  std::string picture_stem = "report";
};

struct RenderedReport {
  std::string text;                           ///< the HTML page or the Markdown
  std::vector<report::PictureFile> pictures;  ///< Markdown only: the SVG files it refers to
};

/// Runs the analyses and writes the report. Throws Cancelled if `cancel` is set.
RenderedReport render_report(const Model& model, const ReportOptions& options, const CancelToken& cancel);

/// The report as a document, before rendering (the tests read it too).
report::Document report_document(const Model& model, const ReportOptions& options, const CancelToken& cancel);

/// "dir/brief.md" -> "brief": the stem the Markdown's pictures are named after.
std::string picture_stem_of(const std::string& report_path);

}  // namespace parley
