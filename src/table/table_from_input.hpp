// Builds the engine's Table from columns handed over in memory (groupfit/input_table.hpp), so
// that everything after reading — features, groups, target, splits, outputs — is the code a
// CSV file goes through, and the same data gives the same bytes either way.
//
// What a CSV reader would have made of the same values, column by column: bools, 64-bit
// integers (int32 widened), 64-bit floats (float32 widened, exactly), dates as seconds since
// the epoch (nanoseconds divided once, correctly rounded, as the reader rounds a written
// fraction), and text as a dictionary of the values in order of first appearance with a code
// per row — or, for text nearly every row of which differs (ids), plain rows, by the reader's
// rule. The copy is the one place the borrowed memory is read: the engine needs its own layout
// (a validity bitmap, dictionary codes it can group by) and frees the feature columns once they
// are in the float32 matrix.
#pragma once

#include <string_view>

#include "groupfit/input_table.hpp"
#include "table/table.hpp"

namespace groupfit {

// Throws InputError naming `source` for what a CSV header or row could not hold either: an
// empty, duplicate or non-UTF-8 column name, more rows or columns than the limits, a code that
// names no category; and for a column without values or with a code width not 1, 2, 4 or 8.
Table table_from_input(const InputTable& input, std::string_view source);

}  // namespace groupfit
