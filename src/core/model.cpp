// SPDX-License-Identifier: Apache-2.0
#include "parley/core/model.hpp"

#include <bit>

namespace parley {

std::optional<bool> FeasibilityRule::satisfied(std::uint64_t state, std::uint64_t known) const {
  switch (kind) {
    case Kind::Infeasible: {
      auto v = expression.evaluate_partial(state, known);
      return v ? std::optional<bool>(!*v) : std::nullopt;
    }
    case Kind::AtMostOne: {
      const int taken = std::popcount(state & known & group);
      const int undecided = std::popcount(group & ~known);
      if (taken > 1) return false;
      if (taken + undecided <= 1) return true;
      return std::nullopt;
    }
    case Kind::AtLeastOne: {
      if ((state & known & group) != 0) return true;
      if ((group & ~known) == 0) return false;
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::string Model::qualified_option(int option) const {
  const Option& o = options[static_cast<std::size_t>(option)];
  return parties[static_cast<std::size_t>(o.party)].id + "." + o.id;
}

int Model::party_index(std::string_view id) const {
  for (std::size_t i = 0; i < parties.size(); ++i)
    if (parties[i].id == id) return static_cast<int>(i);
  return -1;
}

}  // namespace parley
