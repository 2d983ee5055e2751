// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "command.hpp"
#include "interrupt.hpp"
#include "parley/io/explain_output.hpp"
#include "parley/io/model_writer.hpp"
#include "parley/io/report.hpp"

namespace parley::cli {

namespace {
struct ReportArguments : ModelArguments {
  std::string output;
  std::string format;
  bool force = false;
  int samples = ReportOptions{}.samples;
  std::uint64_t seed = 1;
  std::vector<std::string> coalitions;
  std::vector<std::string> concepts = {"nash", "gmr", "smr", "seq"};
  std::string target;
  int horizon = 0;
};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// --format, or else the output's extension (.md and .markdown are Markdown, anything else HTML).
ReportFormat format_of(const ReportArguments& args) {
  if (!args.format.empty()) return args.format == "md" ? ReportFormat::Markdown : ReportFormat::Html;
  return ends_with(args.output, ".md") || ends_with(args.output, ".markdown") ? ReportFormat::Markdown
                                                                              : ReportFormat::Html;
}

/// Every file the report writes: the report, then its pictures (Markdown) in the same directory.
std::vector<std::pair<std::string, std::string>> files_of(const std::string& output, RenderedReport& report) {
  std::vector<std::pair<std::string, std::string>> files{{output, std::move(report.text)}};
  const std::filesystem::path dir = std::filesystem::path(output).parent_path();
  for (report::PictureFile& picture : report.pictures)
    files.emplace_back((dir / picture.file_name).string(), std::move(picture.svg));
  return files;
}

/// Fills `options` from the flags that need the model; prints why and returns false if one is wrong.
bool model_options(const ReportArguments& args, const Model& model, ReportOptions& options) {
  for (const std::string& text : args.coalitions) {
    std::string why;
    const Coalition c = parse_coalition(model, text, why);
    if (c == 0) {
      std::cerr << fmt::format(
          "parley report: error: --coalition {}: {}\n  help: name two or more parties, e.g. {}+{}\n", text, why,
          model.parties.front().id, model.parties.back().id);
      return false;
    }
    options.coalitions.push_back(c);
  }
  if (!args.target.empty()) {
    std::string why;
    options.target = find_state(model, args.target, why);
    if (!options.target) {
      std::cerr << "parley report: error: --target " << args.target << ": " << why
                << "\n  help: give a state number or a pattern of Y and N\n";
      return false;
    }
  }
  return true;
}

int run_report(const ReportArguments& args) {
  auto model = args.load();
  if (!model) return kExitInvalidModel;
  ReportOptions options;
  options.format = format_of(args);
  options.concepts = to_concepts(args.concepts);
  options.samples = args.samples;
  options.seed = args.seed;
  options.horizon = args.horizon;
  options.picture_stem = picture_stem_of(args.output);
  if (!model_options(args, *model, options)) return kExitInvalidModel;
  RenderedReport report = render_report(*model, options, interrupt_token());
  const auto files = files_of(args.output, report);
  // Refuse before writing anything, so that a refusal never leaves half a report behind.
  if (!args.force)
    for (const auto& [path, text] : files)
      if (std::filesystem::exists(path)) {
        std::cerr << fmt::format(
            "parley report: error: {} exists\n  help: choose another name, or add --force to "
            "replace it\n",
            path);
        return kExitInvalidModel;
      }
  for (const auto& [path, text] : files)
    if (auto problem = write_file_atomically(path, text, args.force); !problem.empty()) {
      std::cerr << "parley report: error: " << problem << '\n';
      return kExitInvalidModel;
    }
  for (const auto& [path, text] : files)
    std::cout << args.path << " -> " << path << '\n';
  return kExitOk;
}
}  // namespace

Runner configure_report(CLI::App& app) {
  auto args = std::make_shared<ReportArguments>();
  args->add_to(app);
  app.add_option("-o,--output", args->output,
                 "Where to write: FILE.html, or FILE.md (pictures as FILE-*.svg beside it)")
      ->required();
  app.add_option("--format", args->format, "html or md (default: from the output's extension)")
      ->check(CLI::IsMember({"html", "md"}));
  app.add_flag("--force", args->force, "Replace the output files if they exist");
  add_concepts_option(app, args->concepts);
  app.add_option("--coalition", args->coalitions, "Also analyse this coalition acting as one, e.g. US+EU (repeatable)");
  app.add_option("--target", args->target,
                 "The settlement for 'what would have to change' (number or pattern; default: the state that leaves "
                 "the least satisfied party best off)");
  app.add_option("--horizon", args->horizon, "Two-party models: limited-move stability up to this horizon (0 = none)")
      ->check(CLI::Range(0, 20));
  app.add_option("--samples", args->samples,
                 "Monte Carlo samples over the model's `uncertainty` intervals (0 = none; up to 100000)")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  app.add_option("--seed", args->seed, "Seed of the Monte Carlo samples: the same seed gives the same report")
      ->capture_default_str();
  return [args] { return run_report(*args); };
}

}  // namespace parley::cli
