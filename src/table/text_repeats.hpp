// How often the values of a plain text column (table/text_rows.hpp) repeat: the distinct count
// and the first repeated value, in one pass over the rows with an open-addressing table of row
// numbers. What a dictionary gives for free, computed only where it is asked for (the id check,
// inspect's distinct column, a plain column considered as a categorical feature).
#pragma once

#include <cstddef>

#include "table/table.hpp"

namespace groupfit {

struct TextRepeats {
  std::size_t distinct = 0;       // distinct values among the valid rows
  std::size_t repeated_rows = 0;  // valid rows whose value an earlier row already had
  std::size_t first = 0;          // when repeated_rows > 0: the first row of the first repeat...
  std::size_t second = 0;         // ...and the row that repeated it
};

// `column` must be a String column with plain_text.
TextRepeats count_text_repeats(const Column& column);

}  // namespace groupfit
