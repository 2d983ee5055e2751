// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Reproducible synthetic conflicts of a given size, for benchmarks and for trying parley at scale.

#include <cstdint>
#include <string>

namespace parley {

struct GenerateOptions {
  int parties = 3;
  int options = 9;  ///< spread as evenly as possible over the parties
  std::uint64_t seed = 1;
  int statements = 6;            ///< priority statements per party
  bool exclusive_pairs = false;  ///< make each party's first two options mutually exclusive
};

/// A model file (YAML) with random priorities; the same options always give the same text.
std::string generate_model_yaml(const GenerateOptions& options);

}  // namespace parley
