// ColumnNameCheck: see column_names.hpp.
#include "table/column_names.hpp"

#include <fmt/format.h>

#include "groupfit/error.hpp"
#include "table/message_text.hpp"
#include "table/utf8.hpp"

namespace groupfit {

void ColumnNameCheck::add(std::string_view name, std::size_t column) {
  if (name.empty()) {
    throw InputError(fmt::format("{}: column {} has an empty name", source_, column + 1));
  }
  if (!is_valid_utf8(name)) {
    throw InputError(
        fmt::format("{}: the name of column {} is not valid UTF-8", source_, column + 1));
  }
  if (const auto [it, added] = seen_.emplace(name, column); !added) {
    throw InputError(fmt::format("{}: duplicate column name '{}' (columns {} and {})", source_,
                                 excerpt(name), it->second + 1, column + 1));
  }
}

}  // namespace groupfit
