// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Helpers for tests that build models from inline text.

#include <gtest/gtest.h>

#include <string>

#include "parley/io/model_reader.hpp"

namespace parley::testing {

/// Reads a model from text and fails the test, listing the errors, if it is invalid.
inline std::shared_ptr<const Model> model_from(const std::string& text, const ReadOptions& options = {}) {
  ReadResult r = read_model_text(text, "test", options);
  std::string errors;
  for (const auto& d : r.diagnostics.sorted())
    errors += format_diagnostic("test.yaml", d) + "\n";
  EXPECT_TRUE(r.model) << errors;
  return r.model;
}

/// Every error of an invalid model, formatted as the command line prints them.
inline std::vector<std::string> errors_of(const std::string& text, const ReadOptions& options = {}) {
  ReadResult r = read_model_text(text, "test", options);
  EXPECT_FALSE(r.model) << "the model was accepted";
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics.sorted())
    out.push_back(format_diagnostic("m.yaml", d));
  return out;
}

/// The first line (FILE:LINE:COLUMN: error: WHAT) of each error, in file order.
inline std::vector<std::string> error_lines(const std::string& text, const ReadOptions& options = {}) {
  std::vector<std::string> out;
  for (const auto& e : errors_of(text, options))
    out.push_back(e.substr(0, e.find('\n')));
  return out;
}

/// The help line of the first error, or "" if it has none.
inline std::string first_help(const std::string& text) {
  const auto errors = errors_of(text);
  if (errors.empty()) return {};
  const auto at = errors[0].find("\n  help: ");
  return at == std::string::npos ? std::string() : errors[0].substr(at + 9);
}

/// Patterns of all states of a model, in state order.
inline std::vector<std::string> patterns(const Model& model) {
  std::vector<std::string> out;
  for (StateIndex s = 0; s < model.states->size(); ++s)
    out.push_back(model.pattern(s));
  return out;
}

}  // namespace parley::testing
