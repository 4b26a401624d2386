// read_parquet_file: see parquet_reader.hpp.
#include "table/parquet/parquet_reader.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <exception>
#include <functional>
#include <optional>
#include <set>
#include <thread>
#include <type_traits>

#include "base/mapped_file.hpp"
#include "groupfit/error.hpp"
#include "table/closest_names.hpp"
#include "table/column_names.hpp"
#include "table/parquet/parquet_column.hpp"
#include "table/parquet/parquet_error.hpp"
#include "table/parquet/parquet_metadata.hpp"
#include "table/parquet/parquet_schema.hpp"

namespace groupfit {
namespace {

using namespace parquet;

constexpr std::string_view kMagic = "PAR1";

using Release = std::function<void(std::size_t offset, std::size_t length)>;

struct Footer {
  FileMetaData metadata;
  std::size_t data_end = 0;  // where the footer starts
};

Footer read_footer(std::span<const std::uint8_t> file, std::string_view name) {
  const auto text = [&](std::size_t at, std::size_t n) {
    return std::string_view(reinterpret_cast<const char*>(file.data()) + at, n);
  };
  if (file.size() < 12 || text(0, 4) != kMagic) {
    throw InputError(fmt::format("{}: not a Parquet file ({} bytes, without its magic bytes)", name,
                                 file.size()));
  }
  const std::string_view tail = text(file.size() - 4, 4);
  if (tail == "PARE") {
    throw InputError(fmt::format("{}: encrypted Parquet files are not supported", name));
  }
  if (tail != kMagic) {
    throw InputError(fmt::format(
        "{}: the file does not end with Parquet's magic bytes (was it cut short?)", name));
  }
  std::uint32_t length;
  std::memcpy(&length, file.data() + file.size() - 8, 4);
  if (length > file.size() - 12) {
    throw InputError(
        fmt::format("{}: the footer claims {} bytes, more than the file holds (was it cut short?)",
                    name, length));
  }
  Footer footer;
  footer.data_end = file.size() - 8 - length;
  try {
    footer.metadata = decode_file_metadata(file.data() + footer.data_end, length);
  } catch (const CorruptFile& e) {
    throw InputError(fmt::format("{}: corrupt footer: {}", name, e.what()));
  }
  return footer;
}

bool is_pandas_index(std::string_view name) {
  return name.starts_with("__index_level_") && name.ends_with("__");
}

// The schema's top-level fields to read, in the file's order, and notes about those skipped.
std::vector<const LeafColumn*> choose_columns(const std::vector<LeafColumn>& leaves,
                                              const ParquetReadOptions& options,
                                              std::string_view name,
                                              std::vector<std::string>& notes) {
  std::vector<std::string> all;
  for (const LeafColumn& leaf : leaves) all.push_back(leaf.name);
  const auto require = [&](const std::string& column) {
    if (std::find(all.begin(), all.end(), column) != all.end()) return;
    std::string hint;
    for (const auto& n : closest_names(column, all))
      hint += fmt::format("{}'{}'", hint.empty() ? "" : ", ", n);
    throw InputError(hint.empty() ? fmt::format("no column '{}'", column)
                                  : fmt::format("no column '{}'; closest: {}", column, hint));
  };
  std::set<std::string_view> wanted;
  for (const auto& c : options.columns) {
    require(c);
    wanted.insert(c);
  }
  for (const auto& c : options.optional_columns) wanted.insert(c);
  for (const auto& c : options.skip) require(c);
  std::vector<const LeafColumn*> chosen;
  std::vector<std::string> nested;
  ColumnNameCheck names(name);  // the chosen ones only: no other name reaches an output
  for (std::size_t i = 0; i < leaves.size(); ++i) {
    const LeafColumn& leaf = leaves[i];
    if (!options.columns.empty()) {
      if (!wanted.count(leaf.name)) continue;
      if (leaf.nested && std::find(options.columns.begin(), options.columns.end(), leaf.name) !=
                             options.columns.end()) {
        throw InputError(fmt::format(
            "{}: column '{}' is nested (a list, map or struct), which groupfit does not read", name,
            leaf.name));
      }
    } else if (std::find(options.skip.begin(), options.skip.end(), leaf.name) !=
                   options.skip.end() ||
               is_pandas_index(leaf.name)) {
      continue;
    }
    if (leaf.nested) {
      nested.push_back(leaf.name);
      continue;
    }
    names.add(leaf.name, i);
    chosen.push_back(&leaf);
  }
  if (!nested.empty() && options.columns.empty()) {
    notes.push_back(
        fmt::format("{}: skipped nested columns (lists, maps or structs), which groupfit "
                    "does not read: {}",
                    name, fmt::join(nested, ", ")));
  }
  return chosen;
}

// The decoded columns: each column's values over every row group, and its dictionary.
struct Decoded {
  std::vector<ColumnSlice> columns;
  std::vector<StringPool> pools;
};

// What a column's vectors are reserved for: its rows, unless the file is far too small to hold
// them (a claim to check by decoding, not to allocate for): a row takes at least a bit of
// definition levels or of RLE runs per few hundred rows in any file a writer makes.
std::size_t rows_to_reserve(std::uint64_t rows, std::size_t file_size) {
  return static_cast<std::size_t>(std::min<std::uint64_t>(rows, std::uint64_t{file_size} * 64));
}

// Asks for transparent huge pages for the memory a vector reserved: touching fresh memory a
// 4 KiB page fault at a time costs about as much as decoding the values into it (as for the CSV
// reader's buffers, table/input_buffer.cpp). Only whole 2 MiB pages inside the reservation, and
// nothing is touched: a row count the file lies about stays virtual until pages fill it.
// (Prefaulting with MADV_POPULATE_WRITE was tried: no gain measured, and it would make such a
// lie cost real memory.)
template <typename T>
void advise_huge_pages(std::vector<T>& v) {
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  char* const data = reinterpret_cast<char*>(v.data());
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t from = (begin + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t to = (begin + v.capacity() * sizeof(T)) & ~(kHuge - 1);
  if (to > from) ::madvise(data + (from - begin), to - from, MADV_HUGEPAGE);
}

// Decodes every column, one task per column over all its row groups (so each column is one
// vector from the start, never copied when row groups are joined) on `threads` threads, text
// columns first (the longest: every value is hashed). The first error in task order is thrown,
// so a file that is wrong in several places gives the same message every time.
Decoded decode_all(std::span<const std::uint8_t> file, const Footer& footer,
                   const std::vector<const LeafColumn*>& columns, std::uint64_t rows,
                   unsigned threads, std::string_view name, const Release& release) {
  const auto& groups = footer.metadata.row_groups;
  std::vector<std::size_t> order;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c]->type == ColumnType::String) order.push_back(c);
  }
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c]->type != ColumnType::String) order.push_back(c);
  }
  Decoded out;
  out.columns.resize(columns.size());
  out.pools.resize(columns.size());
  std::vector<std::exception_ptr> errors(order.size());
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  const auto work = [&] {
    ChunkScratch scratch;
    for (std::size_t t; !failed && (t = next++) < order.size();) {
      const std::size_t c = order[t];
      const LeafColumn& leaf = *columns[c];
      ColumnSlice& slice = out.columns[c];
      const std::size_t reserve = rows_to_reserve(rows, file.size());
      const auto reserve_all = [reserve](auto& values) {
        values.reserve(reserve);
        advise_huge_pages(values);
      };
      switch (leaf.type) {
        case ColumnType::Bool:
          reserve_all(slice.bools);
          break;
        case ColumnType::Int64:
          reserve_all(slice.ints);
          break;
        case ColumnType::Float64:
        case ColumnType::Date:
          reserve_all(slice.doubles);
          break;
        case ColumnType::String:
          reserve_all(slice.codes);
          break;
      }
      slice.validity.reserve(reserve);
      for (std::size_t g = 0; g < groups.size() && !errors[t]; ++g) {
        const ColumnChunk& meta = groups[g].columns[leaf.chunk];
        const auto located = [&](const std::exception& e) {
          return std::make_exception_ptr(
              InputError(fmt::format("{}: column '{}', row group {} of {}: {}", name, leaf.name,
                                     g + 1, groups.size(), e.what())));
        };
        try {
          decode_column_chunk(file, footer.data_end, meta, leaf,
                              static_cast<std::size_t>(groups[g].num_rows), slice, out.pools[c],
                              scratch);
          if (release) {
            const ChunkRange range = chunk_range(meta, footer.data_end);
            release(range.first, range.size);
          }
        } catch (const CorruptFile& e) {
          errors[t] = located(e);
        } catch (const Unsupported& e) {
          errors[t] = located(e);
        } catch (...) {
          errors[t] = std::current_exception();
        }
      }
      if (errors[t]) failed = true;
    }
  };
  const unsigned n =
      static_cast<unsigned>(std::min<std::size_t>(std::max(threads, 1u), order.size()));
  if (n <= 1) {
    work();
  } else {
    std::vector<std::jthread> pool;
    for (unsigned i = 0; i < n; ++i) pool.emplace_back(work);
  }
  for (const auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  return out;
}

// The Column of a decoded column.
Column to_column(const LeafColumn& leaf, ColumnSlice& s, StringPool pool) {
  Column column;
  column.name = leaf.name;
  column.type = leaf.type;
  column.bools = std::move(s.bools);
  column.ints = std::move(s.ints);
  column.doubles = std::move(s.doubles);
  column.codes = std::move(s.codes);
  column.text = std::move(s.text);
  column.plain_text = s.plain_text;
  if (s.plain_text) std::vector<std::uint32_t>().swap(column.codes);
  column.dictionary = std::move(pool);
  column.dictionary.drop_index();
  const std::size_t size = s.validity.size();
  column.validity = ValidityBitmap::from_words(s.validity.take_words(), size);
  if (s.uint64_overflow) {
    // A UINT_64 value above 2^63-1: the column is a number, not an integer.
    column.type = ColumnType::Float64;
    column.doubles.resize(column.ints.size());
    for (std::size_t r = 0; r < column.ints.size(); ++r) {
      column.doubles[r] = static_cast<double>(static_cast<std::uint64_t>(column.ints[r]));
    }
    std::vector<std::int64_t>().swap(column.ints);
  }
  return column;
}

Table read(std::span<const std::uint8_t> file, std::string_view name,
           const ParquetReadOptions& options, const Release& release) {
  const Footer footer = read_footer(file, name);
  const FileMetaData& meta = footer.metadata;
  std::vector<LeafColumn> leaves;
  try {
    leaves = leaf_columns(meta.schema);
  } catch (const CorruptFile& e) {
    throw InputError(fmt::format("{}: corrupt schema: {}", name, e.what()));
  }
  if (leaves.size() > options.max_columns) {
    throw InputError(
        fmt::format("{}: more than {} columns (the limit)", name, options.max_columns));
  }
  std::size_t chunks = 0;
  for (const LeafColumn& leaf : leaves)
    chunks = std::max(chunks, leaf.chunk + (leaf.nested ? 0 : 1));
  std::uint64_t rows = 0;
  for (std::size_t g = 0; g < meta.row_groups.size(); ++g) {
    const RowGroup& group = meta.row_groups[g];
    if (group.num_rows < 0 || group.columns.size() < chunks) {
      throw InputError(fmt::format(
          "{}: row group {} of {}: corrupt metadata ({} rows, {} column "
          "chunks for {} columns)",
          name, g + 1, meta.row_groups.size(), group.num_rows, group.columns.size(), chunks));
    }
    rows += static_cast<std::uint64_t>(group.num_rows);
    if (rows > options.max_rows) {
      throw InputError(
          fmt::format("{}: more than {} data rows (the limit)", name, options.max_rows));
    }
  }
  Table table;
  const std::vector<const LeafColumn*> columns = choose_columns(leaves, options, name, table.notes);
  Decoded decoded = decode_all(file, footer, columns, rows, options.threads, name, release);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    table.columns.push_back(
        to_column(*columns[c], decoded.columns[c], std::move(decoded.pools[c])));
  }
  return table;
}

}  // namespace

Table read_parquet_bytes(std::span<const std::uint8_t> bytes, std::string_view name,
                         const ParquetReadOptions& options) {
  return read(bytes, name, options, {});
}

parquet::FileMetaData read_parquet_metadata(const std::string& path) {
  const MappedRegion file = MappedRegion::of_file(path);
  return read_footer({static_cast<const std::uint8_t*>(file.data()), file.size()}, path).metadata;
}

Table read_parquet_file(const std::string& path, const ParquetReadOptions& options) {
  const MappedRegion file = MappedRegion::of_file(path);
  const std::span<const std::uint8_t> bytes(static_cast<const std::uint8_t*>(file.data()),
                                            file.size());
  return read(bytes, path, options,
              [&file](std::size_t offset, std::size_t length) { file.release(offset, length); });
}

}  // namespace groupfit
