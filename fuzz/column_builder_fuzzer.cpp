// Fuzzes type inference (src/table/column_builder.*): the input is cut at '\n' into field texts
// that go into one ColumnBuilder, as the CSV reader feeds one column. A builder that refuses a
// value (the column must become text) is rebuilt as text from the start, as the reader does.
// Checked for every input, beyond the sanitizers:
// - the builder holds one validity bit and one value per field, whatever type it ends as;
// - missing spellings are exactly the invalid rows;
// - text columns give back each field's bytes; bool columns true/false as spelt;
// - a typed column widened to float64 (what joining slices does) keeps its values;
// - a typed builder only refuses a value that it cannot represent, so reading the column again
//   as text never fails.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "table/column_builder.hpp"

namespace {

using groupfit::Column;
using groupfit::ColumnBuilder;
using groupfit::ColumnType;
using groupfit::Inferred;

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> out;
  for (;;) {
    const auto nl = text.find('\n');
    out.push_back(text.substr(0, nl));
    if (nl == std::string_view::npos) return out;
    text.remove_prefix(nl + 1);
  }
}

void check(bool ok) {
  if (!ok) std::abort();
}

Column built(const std::vector<std::string_view>& fields, bool as_text, Inferred as,
             bool& refused) {
  ColumnBuilder builder(as_text, fields.size() / 2);
  refused = false;
  for (std::string_view f : fields) {
    if (!builder.add(f)) {
      refused = true;
      return {};
    }
  }
  check(builder.size() == fields.size());
  Column column;
  builder.move_into(column, as == Inferred::Empty ? builder.inferred() : as);
  return column;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string_view> fields =
      split_lines(std::string_view(reinterpret_cast<const char*>(data), size));

  bool refused = false;
  const Column typed = built(fields, false, Inferred::Empty, refused);
  bool text_refused = false;
  const Column text = built(fields, true, Inferred::Empty, text_refused);
  check(!text_refused);
  check(text.type == ColumnType::String && text.size() == fields.size());
  check(text.codes.size() == fields.size());
  for (std::size_t r = 0; r < fields.size(); ++r) {
    check(text.is_valid(r) == !groupfit::is_missing_text(fields[r]));
    if (text.is_valid(r)) check(text.text_at(r) == fields[r]);
  }
  if (refused) return 0;  // the reader would read this column as `text`, checked above

  check(typed.size() == fields.size());
  for (std::size_t r = 0; r < fields.size(); ++r) {
    check(typed.is_valid(r) == text.is_valid(r));
  }
  switch (typed.type) {
    case ColumnType::Bool:
      check(typed.bools.size() == fields.size());
      for (std::size_t r = 0; r < fields.size(); ++r) {
        if (!typed.is_valid(r)) continue;
        const char first = fields[r].find_first_not_of(" \t") == std::string_view::npos
                               ? '\0'
                               : fields[r][fields[r].find_first_not_of(" \t")];
        check(typed.bools[r] == ((first == 't' || first == 'T') ? 1 : 0));
      }
      break;
    case ColumnType::Int64:
      check(typed.ints.size() == fields.size());
      break;
    case ColumnType::Float64:
      check(typed.doubles.size() == fields.size());
      break;
    case ColumnType::String:
      std::abort();  // a typed builder never builds text: it refuses instead
  }

  // Widening, as joining slices does: int64 -> float64 keeps every value.
  if (typed.type == ColumnType::Int64 || typed.type == ColumnType::Float64) {
    bool again = false;
    const Column wide = built(fields, false, Inferred::Float64, again);
    check(!again && wide.type == ColumnType::Float64 && wide.doubles.size() == fields.size());
    for (std::size_t r = 0; r < fields.size(); ++r) {
      if (!typed.is_valid(r)) continue;
      const double x = typed.numeric_at(r), y = wide.numeric_at(r);
      check(x == y || (std::isnan(x) && std::isnan(y)));
    }
  }
  return 0;
}
