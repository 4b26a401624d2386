// read_csv_file and read_csv_text: see csv_reader.hpp.
//
// The data after the header is cut into slices at row boundaries (found by counting quotes, so
// a line break inside a quoted field never cuts a row), one per thread. Each slice is parsed on
// its own into typed ColumnBuilders. When a slice finds that a column holds text, the column is
// marked text for everyone and the slices that built it as numbers parse again. Slices are then
// joined: types widened (int64 -> float64), dictionaries merged in order of first appearance.
// If a slice reports a syntax error, the whole input is parsed again by one thread, which gives
// the exact first error (and protects against a quote that fooled the slicing).
#include "table/csv_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <functional>
#include <optional>
#include <thread>
#include <unordered_map>

#include "groupfit/error.hpp"
#include "table/column_builder.hpp"
#include "table/csv_header.hpp"
#include "table/csv_tokenizer.hpp"
#include "table/input_source.hpp"
#include "table/reading_notes.hpp"

namespace groupfit {
namespace {

struct Problem {
  std::size_t line;  // 1-based physical line in the file
  std::string message;
};

struct Slice {
  std::size_t begin = 0, end = 0;  // offsets into the data after the header
  std::size_t first_line = 0;      // 1-based physical line where the slice starts
  std::size_t line_breaks = 0;     // in the slice: about its row count, to size buffers
  std::vector<ColumnBuilder> columns;
  std::vector<bool> built_as_text;
  std::size_t rows = 0;
  std::optional<Problem> problem;
};

using TextFlags = std::vector<std::atomic<bool>>;
// Gives back the pages of a parsed range of the data (offset, length), when the input can be
// read again.
using Release = std::function<void(std::size_t, std::size_t)>;

// Parsed bytes given back at a time: often enough that a slice's columns and the pages it has
// read are never both in memory whole, rarely enough to cost nothing.
constexpr std::size_t kReleaseStep = std::size_t{16} << 20;

// Parses one slice; restarts itself when a column turns out to be text.
void parse_slice(std::string_view data, char delimiter, std::size_t num_columns,
                 const CsvReadOptions& limits, TextFlags& as_text, Slice& slice,
                 const Release& release) {
  std::vector<CsvField> fields;
  for (;;) {
    slice.columns.clear();
    slice.built_as_text.assign(num_columns, false);
    for (std::size_t c = 0; c < num_columns; ++c) {
      slice.built_as_text[c] = as_text[c].load();
      slice.columns.emplace_back(slice.built_as_text[c], slice.line_breaks + 1, limits.syntax);
    }
    slice.rows = 0;
    slice.problem.reset();
    const std::string_view text = data.substr(slice.begin, slice.end - slice.begin);
    CsvTokenizer tokenizer(text, delimiter, limits.max_field_bytes, limits.max_columns);
    bool restart = false;
    std::size_t released = 0;
    try {
      while (!restart && tokenizer.next_row(fields)) {
        if (fields.size() != num_columns) {
          // A short last row with no line break after it is what a copy cut short looks like.
          const bool cut = tokenizer.position() == text.size() && text.back() != '\n' &&
                           text.back() != '\r' && fields.size() < num_columns;
          slice.problem = Problem{
              slice.first_line + tokenizer.row_line(),
              fmt::format(
                  "expected {} fields, found {}{}", num_columns, fields.size(),
                  cut ? " (the file ends in the middle of this row: was it cut short?)" : "")};
          return;
        }
        // Checked per slice too, so that no slice's 32-bit dictionary codes can wrap.
        if (slice.rows == limits.max_rows) {
          slice.problem =
              Problem{slice.first_line + tokenizer.row_line(),
                      fmt::format("more than {} data rows (the limit)", limits.max_rows)};
          return;
        }
        for (std::size_t c = 0; c < num_columns; ++c) {
          if (!slice.columns[c].add(fields[c].text)) {
            as_text[c] = true;
            restart = true;
            break;
          }
        }
        ++slice.rows;
        if (release && tokenizer.position() - released >= kReleaseStep) {
          release(slice.begin + released, tokenizer.position() - released);
          released = tokenizer.position();
        }
      }
    } catch (const CsvSyntaxError& e) {
      slice.problem = Problem{slice.first_line + e.line, e.what()};
      return;
    }
    if (!restart) return;
  }
}

// Row-aligned slice boundaries for `parts` threads.
std::vector<Slice> cut_slices(std::string_view data, std::size_t first_line, unsigned parts) {
  std::vector<std::size_t> starts(parts + 1);
  for (unsigned k = 0; k <= parts; ++k) starts[k] = data.size() * k / parts;
  std::vector<std::size_t> quotes(parts), newlines(parts);
  if (parts == 1) {
    Slice whole;
    whole.end = data.size();
    whole.first_line = first_line;
    whole.line_breaks = data.size() / 64;  // a guess that avoids a pass over the data
    return {std::move(whole)};
  }
  {
    std::vector<std::jthread> counters;
    for (unsigned k = 0; k < parts; ++k) {
      counters.emplace_back([&, k] {
        const std::string_view part = data.substr(starts[k], starts[k + 1] - starts[k]);
        quotes[k] = static_cast<std::size_t>(std::count(part.begin(), part.end(), '"'));
        newlines[k] = static_cast<std::size_t>(std::count(part.begin(), part.end(), '\n'));
      });
    }
  }
  std::vector<Slice> slices;
  std::size_t begin = 0, begin_line = first_line, quotes_before = 0, lines_before = 0;
  for (unsigned k = 1; k <= parts; ++k) {
    quotes_before += quotes[k - 1];
    lines_before += newlines[k - 1];
    std::size_t end = data.size(), end_line = first_line + lines_before;
    if (k < parts) {
      bool quoted = quotes_before % 2 == 1;
      for (std::size_t i = starts[k]; i < data.size(); ++i) {
        if (data[i] == '"') quoted = !quoted;
        if (data[i] == '\n') {
          ++end_line;
          if (!quoted) {
            end = i + 1;
            break;
          }
        }
      }
    }
    if (end > begin) {
      Slice s;
      s.begin = begin;
      s.end = end;
      s.first_line = begin_line;
      s.line_breaks = end_line - begin_line;
      slices.push_back(std::move(s));
      begin = end;
      begin_line = end_line;
    }
  }
  return slices;
}

// The widest type of a column over the slices; nullopt when they disagree beyond widening
// (bool against numbers), which makes the column text.
std::optional<Inferred> joined_type(const std::vector<Slice>& slices, std::size_t c) {
  Inferred joined = Inferred::Empty;
  for (const Slice& s : slices) {
    const Inferred t = s.columns[c].inferred();
    if (t == Inferred::Empty || t == joined) continue;
    if (joined == Inferred::Empty) {
      joined = t;
    } else if ((joined == Inferred::Int64 && t == Inferred::Float64) ||
               (joined == Inferred::Float64 && t == Inferred::Int64)) {
      joined = Inferred::Float64;
    } else {
      return std::nullopt;
    }
  }
  return joined;
}

Column join_column(std::vector<Slice>& slices, std::size_t c, Inferred type, std::size_t rows) {
  Column out;
  for (const Slice& s : slices) out.decimal_comma |= s.columns[c].used_decimal_comma();
  if (slices.size() == 1) {
    slices[0].columns[c].move_into(out, type);
    out.decimal_comma = slices[0].columns[c].used_decimal_comma() && type == Inferred::Float64;
    return out;
  }
  out.type = type == Inferred::Empty     ? ColumnType::Float64
             : type == Inferred::Bool    ? ColumnType::Bool
             : type == Inferred::Int64   ? ColumnType::Int64
             : type == Inferred::Float64 ? ColumnType::Float64
             : type == Inferred::Date    ? ColumnType::Date
                                         : ColumnType::String;
  auto append = [](auto& into, auto& from) {
    into.insert(into.end(), from.begin(), from.end());
    std::decay_t<decltype(from)>().swap(from);
  };
  // Text that some slice found too varied for a dictionary: plain rows, slice after slice.
  if (out.type == ColumnType::String &&
      std::any_of(slices.begin(), slices.end(),
                  [c](const Slice& s) { return s.columns[c].plain_text(); })) {
    out.plain_text = true;
    for (Slice& s : slices) {
      Column piece;
      s.columns[c].move_into(piece, type);
      out.validity.append(piece.validity);
      if (piece.plain_text) {
        out.text.append(std::move(piece.text));
        continue;
      }
      for (std::size_t r = 0; r < piece.size(); ++r) {
        out.text.push_back(piece.is_valid(r) ? piece.dictionary[piece.codes[r]]
                                             : std::string_view());
      }
    }
    return out;
  }
  switch (out.type) {
    case ColumnType::Bool:
      out.bools.reserve(rows);
      break;
    case ColumnType::Int64:
      out.ints.reserve(rows);
      break;
    case ColumnType::Float64:
    case ColumnType::Date:
      out.doubles.reserve(rows);
      break;
    case ColumnType::String:
      out.codes.reserve(rows);
      break;
  }
  // Text: the first slice's dictionary becomes the table's (its codes stay as they are); a later
  // slice's strings are looked up in the earlier slices' own dictionaries (lookups only, no
  // growing index) and the new ones appended, so a unique id column costs one lookup a row.
  struct Earlier {
    StringPool pool;
    std::vector<std::uint32_t> to_table;
  };
  std::vector<Earlier> earlier;
  bool first = true;
  for (Slice& s : slices) {
    Column piece;
    s.columns[c].move_into(piece, type);
    out.validity.append(piece.validity);
    if (out.type == ColumnType::String && first) {
      first = false;
      out.dictionary = std::move(piece.dictionary);
      append(out.codes, piece.codes);
      continue;
    }
    switch (out.type) {
      case ColumnType::Bool:
        append(out.bools, piece.bools);
        break;
      case ColumnType::Int64:
        append(out.ints, piece.ints);
        break;
      case ColumnType::Float64:
      case ColumnType::Date:
        append(out.doubles, piece.doubles);
        break;
      case ColumnType::String: {
        std::vector<std::uint32_t> remap(piece.dictionary.size());
        for (std::size_t d = 0; d < piece.dictionary.size(); ++d) {
          const std::string_view text = piece.dictionary[d];
          std::optional<std::uint32_t> code = out.dictionary.find(text);
          for (std::size_t e = 0; !code && e < earlier.size(); ++e) {
            if (auto local = earlier[e].pool.find(text)) code = earlier[e].to_table[*local];
          }
          remap[d] = code ? *code : out.dictionary.append(text);
        }
        for (std::uint32_t code : piece.codes) out.codes.push_back(remap.empty() ? 0 : remap[code]);
        earlier.push_back({std::move(piece.dictionary), std::move(remap)});
        break;
      }
    }
  }
  return out;
}

[[noreturn]] void fail(std::string_view source, const Problem& p) {
  throw InputError(fmt::format("{}:{}: {}", source, p.line, p.message));
}

// The value syntax the builders use: the decimal mark asked for, or detected decimal commas in
// a ';'-separated file (where a spreadsheet in a comma-decimal locale puts them).
ValueSyntax value_syntax(const CsvReadOptions& options, char delimiter) {
  ValueSyntax syntax;
  syntax.na_values = options.na_values;
  if (options.decimal == ',') {
    syntax.decimal = ValueSyntax::Decimal::Comma;
  } else if (options.decimal == 0 && delimiter == ';') {
    syntax.decimal = ValueSyntax::Decimal::DotOrComma;
  } else if (options.decimal != 0 && options.decimal != '.') {
    throw InputError(fmt::format("--decimal must be . or ,, got '{}'", options.decimal));
  }
  return syntax;
}

Table parse(std::string_view text, const CsvReadOptions& given, std::string_view source,
            const Release& release) {
  CsvReadOptions options = given;
  if (options.delimiter == '"' || options.delimiter == '\n' || options.delimiter == '\r') {
    // The tokenizer could not tell fields from quoted text or rows: refused, not misread.
    throw InputError(fmt::format("{}: a quote or line break cannot be the delimiter", source));
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw InputError(fmt::format("{}: empty file", source));
  }
  const std::size_t header_end = first_row_end(text);
  const std::string_view header = text.substr(0, header_end);
  const char delimiter = options.delimiter ? options.delimiter : detect_delimiter(header);
  options.syntax = value_syntax(options, delimiter);
  const std::vector<std::string> names = read_csv_header(header, delimiter, options, source);
  const std::string_view data = text.substr(header_end);
  if (data.find_first_not_of("\r\n") == std::string_view::npos) {
    throw InputError(fmt::format("{}: no data rows (header only)", source));
  }
  const std::size_t first_line =
      1 + static_cast<std::size_t>(std::count(header.begin(), header.end(), '\n'));
  const std::size_t n = names.size();

  const unsigned parts = static_cast<unsigned>(
      std::clamp<std::size_t>(data.size() / std::max<std::size_t>(options.min_chunk_bytes, 1), 1,
                              std::max(options.threads, 1u)));
  std::vector<Slice> slices = cut_slices(data, first_line, parts);
  Release release_data;
  if (release) {
    release_data = [&](std::size_t offset, std::size_t length) {
      release(header_end + offset, length);
    };
  }
  TextFlags as_text(n);
  auto run = [&](const std::vector<std::size_t>& which) {
    std::vector<std::jthread> workers;
    for (std::size_t k : which) {
      workers.emplace_back([&, k] {
        parse_slice(data, delimiter, n, options, as_text, slices[k], release_data);
        if (release) release(header_end + slices[k].begin, slices[k].end - slices[k].begin);
      });
    }
  };
  std::vector<std::size_t> all(slices.size());
  for (std::size_t k = 0; k < all.size(); ++k) all[k] = k;
  run(all);
  if (slices.size() > 1 && std::any_of(slices.begin(), slices.end(),
                                       [](const Slice& s) { return s.problem.has_value(); })) {
    slices = cut_slices(data, first_line, 1);  // one thread finds the true first error
    parse_slice(data, delimiter, n, options, as_text, slices[0], release_data);
  }
  for (const Slice& s : slices) {
    if (s.problem) fail(source, *s.problem);
  }
  std::vector<Inferred> types(n);
  for (;;) {
    for (std::size_t c = 0; c < n; ++c) {
      const auto t = joined_type(slices, c);
      if (!t) as_text[c] = true;
      types[c] = t.value_or(Inferred::String);
    }
    std::vector<std::size_t> stale;
    for (std::size_t k = 0; k < slices.size(); ++k) {
      for (std::size_t c = 0; c < n; ++c) {
        if (as_text[c] && !slices[k].built_as_text[c]) {
          stale.push_back(k);
          break;
        }
      }
    }
    if (stale.empty()) break;
    run(stale);
  }
  std::size_t rows = 0;
  for (const Slice& s : slices) rows += s.rows;
  if (rows > options.max_rows) {
    throw InputError(
        fmt::format("{}: more than {} data rows (the limit)", source, options.max_rows));
  }
  Table table;
  table.columns.resize(n);
  std::atomic<std::size_t> next_column{0};
  auto join_some = [&] {
    for (std::size_t c = next_column++; c < n; c = next_column++) {
      table.columns[c] = join_column(slices, c, types[c], rows);
      table.columns[c].name = names[c];
      table.columns[c].dictionary.drop_index();
    }
  };
  {
    std::vector<std::jthread> joiners;
    for (unsigned t = 1; t < std::min<std::size_t>(std::max(options.threads, 1u), n); ++t) {
      joiners.emplace_back(join_some);
    }
    join_some();
  }
  table.notes = reading_notes(table, options, delimiter, source);
  return table;
}

}  // namespace

Table read_csv_text(std::string_view text, const CsvReadOptions& options,
                    std::string_view source_name) {
  return parse(text, options, source_name, {});
}

Table read_csv_file(const std::string& path, const CsvReadOptions& options) {
  // Mapped, or decompressed / read from standard input into memory (table/input_source.hpp).
  const InputText file = read_input(path);
  if (file.bytes().empty()) throw InputError(fmt::format("{}: empty file", file.name()));
  const std::size_t bom = file.bytes().substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  // Drop the pages of a parsed slice: the table holds copies of everything it needs, and a
  // clean file page can always be read again if a slice must be parsed a second time.
  auto release = [&](std::size_t offset, std::size_t length) {
    file.release(offset + bom, length);
  };
  return parse(file.bytes(), options, file.name(), release);
}

}  // namespace groupfit
