// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace parley {
/// The version printed by `parley --version` and in every JSON output's "parley" key.
inline constexpr const char* kVersion = "0.1.0";
}  // namespace parley
