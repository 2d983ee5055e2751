// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Identifiers made from the names other tools use (GMCR+ decision makers, KTAB actors): parley's
/// ids are letters, digits and '_', so names are transliterated and made unique.

#include <set>
#include <string>
#include <string_view>

namespace parley::detail {

/// Letters, digits and '_' of `name` (Latin-1 letters spelled in ASCII, lower case if asked), other
/// runs of characters turned into one '_', cut to about 40 characters; `prefix` goes before a
/// leading digit and after a reserved word. Empty if the name has no letter or digit.
std::string identifier_from(std::string_view name, bool lower_case, const std::string& prefix);

/// `base`, or `base_2`, `base_3` ... whichever is not taken yet; records it as taken.
std::string unique_id(const std::string& base, std::set<std::string>& taken);

}  // namespace parley::detail
