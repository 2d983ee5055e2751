// SPDX-License-Identifier: Apache-2.0
#include "parley/io/generate.hpp"

#include <fmt/format.h>

#include <random>
#include <stdexcept>
#include <vector>

namespace parley {

std::string generate_model_yaml(const GenerateOptions& options) {
  if (options.parties < 1 || options.options < options.parties || options.options > 63)
    throw std::invalid_argument("need at least one option per party and at most 63 options");
  std::mt19937_64 random(options.seed);  // fixed algorithm: the same seed gives the same model everywhere
  auto below = [&](int n) { return static_cast<int>(random() % static_cast<std::uint64_t>(n)); };
  std::vector<std::string> ids;
  std::string text = fmt::format(
      "parley: 1\nname: Generated conflict ({} parties, {} options, seed {})\n"
      "description: A synthetic conflict with random priorities, made by `parley generate`.\nparties:\n",
      options.parties, options.options, options.seed);
  std::vector<std::vector<std::string>> by_party(static_cast<std::size_t>(options.parties));
  for (int k = 0; k < options.options; ++k) {
    const int party = k * options.parties / options.options;
    by_party[static_cast<std::size_t>(party)].push_back(
        fmt::format("p{}o{}", party, by_party[static_cast<std::size_t>(party)].size()));
    ids.push_back(by_party[static_cast<std::size_t>(party)].back());
  }
  auto literal = [&] {
    return (below(2) ? "not " : "") + ids[static_cast<std::size_t>(below(static_cast<int>(ids.size())))];
  };
  for (int p = 0; p < options.parties; ++p) {
    text += fmt::format("  - id: P{}\n    options: [{}]\n    priorities:\n", p,
                        fmt::join(by_party[static_cast<std::size_t>(p)], ", "));
    for (int s = 0; s < options.statements; ++s) {
      std::string statement = literal();
      switch (below(4)) {
        case 1: statement += " and " + literal(); break;
        case 2: statement += " or " + literal(); break;
        case 3: statement += " if " + literal(); break;
        default: break;
      }
      text += fmt::format("      - {}\n", statement);
    }
  }
  if (options.exclusive_pairs) {
    std::string groups;
    for (const auto& mine : by_party)
      if (mine.size() >= 2) groups += fmt::format("  - [{}, {}]\n", mine[0], mine[1]);
    if (!groups.empty()) text += "mutually_exclusive:\n" + groups;
  }
  text += "status_quo: []\n";
  return text;
}

}  // namespace parley
