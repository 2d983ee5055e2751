// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Reading model files (YAML 1.2 or JSON, the contract's format) into validated models.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "parley/core/build_model.hpp"
#include "parley/core/model_draft.hpp"

namespace parley {

struct ReadOptions {
  BuildOptions build;
  /// Larger files are refused before they are parsed.
  std::size_t max_file_bytes = std::size_t{32} << 20;
};

struct ReadResult {
  std::shared_ptr<const Model> model;  ///< nullptr if there was any error
  Diagnostics diagnostics;
  ModelDraft draft;  ///< the model as written (for `convert`, which writes statements, not numbers)
};

/// Parses the text of a model file into a draft (structure, keys and types only).
/// `default_name` names the model when the file gives no `name`.
ModelDraft parse_model_text(std::string_view text, const std::string& default_name, Diagnostics& diagnostics,
                            const ReadOptions& options = {});

/// Parses and validates a model from its text.
ReadResult read_model_text(std::string_view text, const std::string& default_name, const ReadOptions& options = {});

/// Reads and validates the model file at `path` (errors for missing or unreadable files too).
ReadResult read_model_file(const std::string& path, const ReadOptions& options = {});

}  // namespace parley
