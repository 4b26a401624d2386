// Suggestions for a mistyped name: the candidates closest by edit distance, so an error can say
// "no column 'Regoin'; closest: 'Region'" instead of leaving the user to find the typo.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace groupfit {

// Up to `max_count` candidates within a distance of max(2, half the name), closest first
// (case-insensitive Levenshtein distance; ties keep the candidates' order).
std::vector<std::string> closest_names(std::string_view name,
                                       const std::vector<std::string>& candidates,
                                       std::size_t max_count = 3);

}  // namespace groupfit
