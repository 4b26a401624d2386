// decode_column_chunk: see parquet_column.hpp. Walks a chunk's pages, checks each header against
// the chunk and the row group, decompresses, and hands levels and values to a ChunkDecoder
// (chunk_decoder.hpp).
#include "table/parquet/parquet_column.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>

#include "table/parquet/chunk_decoder.hpp"
#include "table/parquet/parquet_encodings.hpp"
#include "table/parquet/parquet_error.hpp"
#include "table/parquet/parquet_values.hpp"

namespace groupfit::parquet {
namespace {

using namespace detail;

// Values reserved per chunk when the caller did not reserve the column's rows; a row group
// claiming more grows as its pages are decoded, so a false claim costs nothing.
constexpr std::size_t kInitialReserve = std::size_t{1} << 20;

template <typename T>
void decode_pages(std::span<const std::uint8_t> chunk, const ColumnChunk& meta,
                  const LeafColumn& leaf, std::size_t rows, ColumnSlice& slice,
                  std::vector<T>& values, StringPool& pool, ChunkScratch& scratch) {
  ChunkDecoder<T> decoder(leaf, slice, values, pool, scratch);
  values.reserve(values.size() + std::min(rows, kInitialReserve));
  const std::size_t width = fixed_width(leaf.physical, leaf.type_length);
  std::size_t at = 0, done = 0;
  while (done < rows) {
    if (at >= chunk.size()) {
      throw CorruptFile(fmt::format("the column chunk ends after {} of its {} rows", done, rows));
    }
    std::size_t header_size = 0;
    const PageHeader h = decode_page_header(chunk.data() + at, chunk.size() - at, header_size);
    at += header_size;
    if (h.compressed_size < 0 || static_cast<std::size_t>(h.compressed_size) > chunk.size() - at) {
      throw CorruptFile(fmt::format("a page of {} bytes runs past the end of its column chunk",
                                    h.compressed_size));
    }
    if (h.uncompressed_size < 0 || static_cast<std::size_t>(h.uncompressed_size) > kMaxPageBytes) {
      throw CorruptFile(fmt::format("a page claims {} bytes uncompressed (at most {} MiB allowed)",
                                    h.uncompressed_size, kMaxPageBytes >> 20));
    }
    const Bytes raw = chunk.subspan(at, static_cast<std::size_t>(h.compressed_size));
    at += raw.size();
    const auto uncompressed = static_cast<std::size_t>(h.uncompressed_size);
    const bool data = h.type == PageType::Data || h.type == PageType::DataV2;
    if (!data && h.type != PageType::Dictionary) continue;  // index pages, future page types
    if (h.num_values < 0) throw CorruptFile("a page claims a negative number of values");
    const auto n = static_cast<std::size_t>(h.num_values);
    if (data && n > rows - done) {
      throw CorruptFile(fmt::format("pages hold more values than the row group's {} rows", rows));
    }
    // A fixed-width value takes a few bytes however it is encoded; more is a bomb.
    if (data && width > 0 && uncompressed > 1024 + n * (width + 16)) {
      throw CorruptFile(
          fmt::format("a page of {} values claims {} bytes uncompressed", n, uncompressed));
    }
    // v2 keeps its levels uncompressed in front of the values.
    Bytes levels, compressed = raw;
    bool compressed_values = meta.codec != Codec::Uncompressed;
    if (h.type == PageType::DataV2) {
      if (h.definition_levels_byte_length < 0 || h.repetition_levels_byte_length < 0 ||
          static_cast<std::size_t>(h.definition_levels_byte_length) +
                  static_cast<std::size_t>(h.repetition_levels_byte_length) >
              std::min(raw.size(), uncompressed)) {
        throw CorruptFile("a v2 page's level lengths run past the page");
      }
      const auto rep = static_cast<std::size_t>(h.repetition_levels_byte_length);
      levels = raw.subspan(rep, static_cast<std::size_t>(h.definition_levels_byte_length));
      compressed = raw.subspan(rep + levels.size());
      compressed_values = compressed_values && h.is_compressed;
    }
    const std::size_t payload_size = uncompressed - (raw.size() - compressed.size());
    Bytes payload = compressed;
    if (compressed_values) {
      std::uint8_t* buffer = scratch.page(payload_size);
      scratch.decompressor.decompress(meta.codec, compressed, {buffer, payload_size});
      payload = Bytes(buffer, payload_size);
    } else if (compressed.size() != payload_size) {
      throw CorruptFile("an uncompressed page's sizes disagree");
    }
    if (data) {
      decoder.data_page(payload, levels, h.definition_level_encoding, h.type == PageType::Data, n,
                        h.encoding);
      done += n;
    } else {
      if (h.encoding != Encoding::Plain && h.encoding != Encoding::PlainDictionary) {
        throw Unsupported(fmt::format("a dictionary page in {}", encoding_name(h.encoding)));
      }
      decoder.dictionary_page(payload, n);
    }
  }
}

}  // namespace

std::uint8_t* ChunkScratch::page(std::size_t size) {
  // Never null, even for an empty page: decoders may hand its address to memcpy.
  if (size > page_capacity_ || page_ == nullptr) {
    page_.reset();
    page_ = std::make_unique_for_overwrite<std::uint8_t[]>(std::max<std::size_t>(size, 1));
    page_capacity_ = std::max<std::size_t>(size, 1);
  }
  return page_.get();
}

ChunkRange chunk_range(const ColumnChunk& meta, std::size_t data_end) {
  if (!meta.has_metadata) throw CorruptFile("a column chunk has no metadata");
  if (meta.external) throw Unsupported("a column chunk is stored in another file");
  // Some writers set dictionary_page_offset to 0 for "none", or past the data page.
  std::int64_t first = meta.data_page_offset;
  if (meta.dictionary_page_offset > 0 && meta.dictionary_page_offset < first) {
    first = meta.dictionary_page_offset;
  }
  if (first < 4 || meta.total_compressed_size < 0 || static_cast<std::uint64_t>(first) > data_end ||
      static_cast<std::uint64_t>(meta.total_compressed_size) >
          data_end - static_cast<std::size_t>(first)) {
    throw CorruptFile(
        fmt::format("the column chunk at byte {} of {} bytes lies outside the file's "
                    "{} bytes of data",
                    first, meta.total_compressed_size, data_end));
  }
  return {static_cast<std::size_t>(first), static_cast<std::size_t>(meta.total_compressed_size)};
}

void decode_column_chunk(std::span<const std::uint8_t> file, std::size_t data_end,
                         const ColumnChunk& meta, const LeafColumn& leaf, std::size_t rows,
                         ColumnSlice& slice, StringPool& pool, ChunkScratch& scratch) {
  if (meta.type != leaf.physical) {
    throw CorruptFile("the column chunk's physical type differs from the schema's");
  }
  const ChunkRange range = chunk_range(meta, data_end);
  const auto chunk = file.subspan(range.first, range.size);
  switch (leaf.type) {
    case ColumnType::Bool:
      decode_pages(chunk, meta, leaf, rows, slice, slice.bools, pool, scratch);
      break;
    case ColumnType::Int64:
      decode_pages(chunk, meta, leaf, rows, slice, slice.ints, pool, scratch);
      break;
    case ColumnType::Float64:
    case ColumnType::Date:
      decode_pages(chunk, meta, leaf, rows, slice, slice.doubles, pool, scratch);
      break;
    case ColumnType::String:
      decode_pages(chunk, meta, leaf, rows, slice, slice.codes, pool, scratch);
      break;
  }
}

}  // namespace groupfit::parquet
