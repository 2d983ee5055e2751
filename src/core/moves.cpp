// SPDX-License-Identifier: Apache-2.0
#include "parley/core/moves.hpp"

namespace parley {

MoveGenerator::MoveGenerator(const Model& model, int party) : states_(model.states.get()) {
  const Party& p = model.parties[static_cast<std::size_t>(party)];
  mask_ = p.option_mask;
  for (int k = p.first_option; k < p.first_option + p.option_count; ++k) {
    const Direction d = model.options[static_cast<std::size_t>(k)].direction;
    if (d == Direction::TakeOnly) take_only_ |= StateBits{1} << k;
    if (d == Direction::WithdrawOnly) withdraw_only_ |= StateBits{1} << k;
  }
}

}  // namespace parley
