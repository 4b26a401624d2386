// The largest inputs groupfit supports, in one place. Each limit is enforced where the input is
// read, with an InputError naming it, so an input past a limit is a clear one-line error rather
// than a silent wrap-around or an allocation that takes the machine down. README.md ("Limits
// and errors") lists the same numbers for users.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

namespace groupfit {

// Data rows of one table. Row numbers are stored as 32-bit unsigned integers everywhere (group
// row lists, splits, the worker wire format, dictionary codes), so this is a hard limit.
inline constexpr std::size_t kMaxRows = std::numeric_limits<std::uint32_t>::max();

// Columns of one table (and fields of one row). The encoded features are a dense float32 matrix
// of rows x columns, and a wider table is far outside what one model per group is for; the
// limit mostly bounds what a hostile line (a megabyte of commas) can make the reader allocate.
inline constexpr std::size_t kMaxColumns = 65'536;

// Bytes of one field. The reader keeps fields as views into the mapped file, so a long field
// costs little by itself, but every text value is copied into its column's dictionary and may
// be echoed into outputs; a field this long in a table meant for regression is almost always a
// stray quote that swallowed many rows, which this limit reports at the line where it begins.
inline constexpr std::size_t kMaxFieldBytes = std::size_t{16} << 20;  // 16 MiB

// Categories of one text feature (--max-categories). XGBoost receives category codes as float32,
// which holds every integer exactly only up to 2^24.
inline constexpr std::size_t kMaxCategories = std::size_t{1} << 24;

// Groups are not limited separately: there is at most one per row, and group indices travel as
// 32-bit integers like row numbers. 100,000 groups are tested end to end.

}  // namespace groupfit
