// Decoding one column chunk (one column of one row group) into groupfit values: its pages in
// order — a dictionary page, then data pages v1 or v2, dictionary-encoded or not (writers fall
// back from dictionary to PLAIN part-way through a chunk when the dictionary grows too big), each
// decompressed (parquet_codecs.hpp), its definition levels turned into validity, its values
// decoded (parquet_encodings.hpp) and converted (parquet_values.hpp).
//
// Everything a page header says is checked before it is used: a page must fit in what is left of
// its chunk, its uncompressed size must stay under a per-page bound (and, for fixed-width types,
// under what its value count could need), its value count under the row group's rows left, and
// each dictionary index inside the dictionary. Values grow as pages are decoded, so a file that
// claims more rows than its pages hold fails after allocating what it really holds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "table/parquet/parquet_codecs.hpp"
#include "table/parquet/parquet_metadata.hpp"
#include "table/parquet/parquet_schema.hpp"
#include "table/parquet/validity_builder.hpp"
#include "table/string_pool.hpp"
#include "table/text_rows.hpp"

namespace groupfit::parquet {

// The largest page groupfit decompresses; writers make pages of about 1 MiB.
inline constexpr std::size_t kMaxPageBytes = std::size_t{512} << 20;

// A column's values, row group after row group: the vector the column's type uses (table.hpp),
// text as codes into the column's StringPool.
struct ColumnSlice {
  ValidityBuilder validity;
  std::vector<std::uint8_t> bools;
  std::vector<std::int64_t> ints;
  std::vector<double> doubles;
  std::vector<std::uint32_t> codes;
  TextRows text;            // text too varied for a dictionary: each row's text
  bool plain_text = false;  // `text` rather than codes (see ColumnBuilder: the CSV reader's rule)
  bool uint64_overflow = false;  // a UINT_64 value above 2^63-1: the column becomes Float64
};

// Buffers and decompression contexts that one thread reuses from chunk to chunk.
class ChunkScratch {
 public:
  PageDecompressor decompressor;
  std::vector<std::uint8_t> levels;
  std::vector<std::uint32_t> indices;
  std::vector<std::string_view> views;
  std::vector<std::int64_t> ints;
  std::vector<std::uint8_t> bytes;
  std::string storage;

  // A buffer of at least `size` bytes, not zeroed: pages a hostile header made large but whose
  // data ends early are never touched.
  std::uint8_t* page(std::size_t size);

 private:
  std::unique_ptr<std::uint8_t[]> page_;
  std::size_t page_capacity_ = 0;
};

// Decodes the chunk `meta` of a row group of `rows` rows, appending its values to `slice`
// (reserve the column's rows in it first: the vectors then never regrow). `file` is the whole
// file, and the chunk must lie in [4, data_end) (data_end: where the footer starts). Text is
// interned into `pool`. Throws CorruptFile or Unsupported.
void decode_column_chunk(std::span<const std::uint8_t> file, std::size_t data_end,
                         const ColumnChunk& meta, const LeafColumn& leaf, std::size_t rows,
                         ColumnSlice& slice, StringPool& pool, ChunkScratch& scratch);

// Where the chunk's bytes are in the file: [first, first + size). Throws CorruptFile when they
// are not inside [4, data_end).
struct ChunkRange {
  std::size_t first = 0;
  std::size_t size = 0;
};
ChunkRange chunk_range(const ColumnChunk& meta, std::size_t data_end);

}  // namespace groupfit::parquet
