// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Writing a model (as its draft: the statements the author wrote, not derived numbers) in the
/// contract's format, as JSON or YAML. Reading the result back gives the same model.

#include <string>

#include "parley/core/model_draft.hpp"
#include "parley/io/json_output.hpp"

namespace parley {

/// The draft in the model file's structure (section 1 of the format).
Json draft_to_json(const ModelDraft& draft);
/// The same as YAML text.
std::string draft_to_yaml(const ModelDraft& draft);

/// Writes `text` to `path` through a temporary file and a rename, so that a crash never leaves a
/// half-written file; refuses to replace an existing file unless `replace`. Returns "" or why not.
std::string write_file_atomically(const std::string& path, const std::string& text, bool replace);

}  // namespace parley
