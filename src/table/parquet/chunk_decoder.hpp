// ChunkDecoder: turns one page's definition levels and values into a column's vectors — levels
// into validity, values decoded (parquet_encodings.hpp), converted (parquet_values.hpp) and
// spread over their rows, dictionary pages kept to resolve later indices. One instance per
// value representation (bools, int64s, doubles, text codes), so the inner loops are typed and a
// conversion is chosen once per batch of values, not per value. Used by parquet_column.cpp,
// which walks a chunk's pages and checks their headers.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <type_traits>
#include <vector>

#include "table/column_builder.hpp"
#include "table/parquet/parquet_column.hpp"
#include "table/parquet/parquet_encodings.hpp"
#include "table/parquet/parquet_error.hpp"
#include "table/parquet/parquet_values.hpp"

namespace groupfit::parquet::detail {

constexpr std::uint32_t kNoCode = UINT32_MAX;

inline std::uint32_t load_u32(const std::uint8_t* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

inline const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::Plain:
      return "PLAIN";
    case Encoding::PlainDictionary:
      return "PLAIN_DICTIONARY";
    case Encoding::Rle:
      return "RLE";
    case Encoding::BitPacked:
      return "BIT_PACKED";
    case Encoding::DeltaBinaryPacked:
      return "DELTA_BINARY_PACKED";
    case Encoding::DeltaLengthByteArray:
      return "DELTA_LENGTH_BYTE_ARRAY";
    case Encoding::DeltaByteArray:
      return "DELTA_BYTE_ARRAY";
    case Encoding::RleDictionary:
      return "RLE_DICTIONARY";
    case Encoding::ByteStreamSplit:
      return "BYTE_STREAM_SPLIT";
  }
  return "an unknown encoding";
}

[[noreturn]] inline void bad_encoding(Encoding e, PhysicalType t) {
  throw Unsupported(fmt::format("encoding {} ({}) for physical type {} is not supported",
                                encoding_name(e), static_cast<int>(e), static_cast<int>(t)));
}

template <typename T>
class ChunkDecoder {
 public:
  ChunkDecoder(const LeafColumn& leaf, ColumnSlice& slice, std::vector<T>& values, StringPool& pool,
               ChunkScratch& scratch)
      : leaf_(leaf), slice_(slice), values_(values), pool_(pool), s_(scratch) {}

  void dictionary_page(Bytes payload, std::size_t count);
  // `levels`: the definition levels' bytes (empty for a required column); `n` rows.
  void data_page(Bytes values, Bytes levels, Encoding level_encoding, bool v1, std::size_t n,
                 Encoding encoding);

 private:
  void decode_values(Bytes data, Encoding encoding, std::size_t k, T* out);
  void convert_fixed_raw(const std::uint8_t* raw, std::size_t k, T* out);
  void convert_view_raw(const std::string_view* raw, std::size_t k, T* out);
  void gather(const std::uint32_t* indices, std::size_t k, T* out);
  // Text kept as plain rows (ColumnSlice::plain_text): the page's values as views, then rows.
  void text_views(Bytes data, Encoding encoding, std::size_t k);
  void plain_text_page(Bytes data, Encoding encoding, std::size_t n, std::size_t present);
  void switch_to_plain_text();

  const LeafColumn& leaf_;
  ColumnSlice& slice_;
  std::vector<T>& values_;
  StringPool& pool_;
  ChunkScratch& s_;
  bool has_dictionary_ = false;
  std::vector<T> dictionary_;                   // converted values (not text)
  std::unique_ptr<std::uint8_t[]> text_bytes_;  // text: the dictionary page, which views point into
  std::vector<std::string_view> dictionary_views_;
  std::vector<std::uint32_t> dictionary_codes_;  // text: code in pool, kNoCode until first used
};

template <typename T>
void ChunkDecoder<T>::convert_fixed_raw(const std::uint8_t* raw, std::size_t k, T* out) {
  if constexpr (std::is_same_v<T, std::int64_t>) {
    convert_fixed(leaf_, raw, k, out, slice_.uint64_overflow);
  } else if constexpr (std::is_same_v<T, std::uint32_t>) {
    throw CorruptFile("a text column holds numbers");
  } else {
    convert_fixed(leaf_, raw, k, out);
  }
}

template <typename T>
void ChunkDecoder<T>::convert_view_raw(const std::string_view* raw, std::size_t k, T* out) {
  if constexpr (std::is_same_v<T, std::uint32_t>) {
    convert_views(leaf_, raw, k, out, pool_);
  } else if constexpr (std::is_same_v<T, double>) {
    convert_views(leaf_, raw, k, out);
  } else {
    throw CorruptFile("a number column holds byte strings");
  }
}

template <typename T>
void ChunkDecoder<T>::gather(const std::uint32_t* indices, std::size_t k, T* out) {
  const std::size_t size =
      std::is_same_v<T, std::uint32_t> ? dictionary_views_.size() : dictionary_.size();
  for (std::size_t i = 0; i < k; ++i) {
    if (indices[i] >= size) {
      throw CorruptFile(
          fmt::format("dictionary index {} is out of range (the dictionary has {} "
                      "values)",
                      indices[i], size));
    }
  }
  if constexpr (std::is_same_v<T, std::uint32_t>) {
    for (std::size_t i = 0; i < k; ++i) {
      std::uint32_t& code = dictionary_codes_[indices[i]];
      // Interned on first use, so the pool lists values in order of first appearance, as the
      // CSV reader's does.
      if (code == kNoCode) convert_views(leaf_, &dictionary_views_[indices[i]], 1, &code, pool_);
      out[i] = code;
    }
  } else {
    const T* dict = dictionary_.data();
    for (std::size_t i = 0; i < k; ++i) out[i] = dict[indices[i]];
  }
}

template <typename T>
void ChunkDecoder<T>::decode_values(Bytes data, Encoding encoding, std::size_t k, T* out) {
  const PhysicalType type = leaf_.physical;
  const std::size_t width = fixed_width(type, leaf_.type_length);
  const bool text = type == PhysicalType::ByteArray || type == PhysicalType::FixedLenByteArray;
  switch (encoding) {
    case Encoding::Plain:
      if (type == PhysicalType::Boolean) {
        s_.bytes.resize(k);
        decode_plain_booleans(data, s_.bytes.data(), k);
        convert_fixed_raw(s_.bytes.data(), k, out);
      } else if (type == PhysicalType::ByteArray) {
        s_.views.resize(k);
        decode_plain_byte_arrays(data, s_.views.data(), k);
        convert_view_raw(s_.views.data(), k, out);
      } else if (type == PhysicalType::FixedLenByteArray) {
        s_.views.resize(k);
        decode_fixed_byte_arrays(data, width, s_.views.data(), k);
        convert_view_raw(s_.views.data(), k, out);
      } else {
        if (data.size() / width < k) throw CorruptFile("PLAIN values end before the page's do");
        convert_fixed_raw(data.data(), k, out);
      }
      return;
    case Encoding::PlainDictionary:
    case Encoding::RleDictionary: {
      if (!has_dictionary_)
        throw CorruptFile("a dictionary-encoded page comes without a dictionary");
      if (k == 0) return;
      if (data.empty()) throw CorruptFile("dictionary indices are missing");
      s_.indices.resize(k);
      RleBitPackedDecoder(data.subspan(1), data[0]).get(s_.indices.data(), k);
      gather(s_.indices.data(), k, out);
      return;
    }
    case Encoding::Rle: {
      if (type != PhysicalType::Boolean) bad_encoding(encoding, type);
      if (data.size() < 4 || load_u32(data.data()) > data.size() - 4) {
        throw CorruptFile("RLE booleans run past their page");
      }
      s_.bytes.resize(k);
      RleBitPackedDecoder(data.subspan(4, load_u32(data.data())), 1).get(s_.bytes.data(), k);
      convert_fixed_raw(s_.bytes.data(), k, out);
      return;
    }
    case Encoding::DeltaBinaryPacked: {
      if (type != PhysicalType::Int32 && type != PhysicalType::Int64) bad_encoding(encoding, type);
      s_.ints.resize(k);
      decode_delta_binary_packed(data, s_.ints.data(), k);
      if (type == PhysicalType::Int32) {
        s_.bytes.resize(4 * k);
        for (std::size_t i = 0; i < k; ++i) {
          const auto v = static_cast<std::int32_t>(static_cast<std::uint32_t>(s_.ints[i]));
          std::memcpy(s_.bytes.data() + 4 * i, &v, 4);
        }
        convert_fixed_raw(s_.bytes.data(), k, out);
      } else {
        convert_fixed_raw(reinterpret_cast<const std::uint8_t*>(s_.ints.data()), k, out);
      }
      return;
    }
    case Encoding::DeltaLengthByteArray:
      if (type != PhysicalType::ByteArray) bad_encoding(encoding, type);
      s_.views.resize(k);
      decode_delta_length_byte_arrays(data, s_.views.data(), k, s_.ints);
      convert_view_raw(s_.views.data(), k, out);
      return;
    case Encoding::DeltaByteArray:
      if (!text) bad_encoding(encoding, type);
      s_.views.resize(k);
      decode_delta_byte_arrays(data, s_.views.data(), k, s_.ints, s_.storage);
      if (type == PhysicalType::FixedLenByteArray) {
        for (std::size_t i = 0; i < k; ++i) {
          if (s_.views[i].size() != width)
            throw CorruptFile("a fixed-length value has another length");
        }
      }
      convert_view_raw(s_.views.data(), k, out);
      return;
    case Encoding::ByteStreamSplit:
      if (type == PhysicalType::Boolean || type == PhysicalType::ByteArray ||
          type == PhysicalType::Int96) {
        bad_encoding(encoding, type);
      }
      s_.bytes.resize(k * width);
      decode_byte_stream_split(data, width, s_.bytes.data(), k);
      if (type == PhysicalType::FixedLenByteArray) {
        s_.views.resize(k);
        decode_fixed_byte_arrays(s_.bytes, width, s_.views.data(), k);
        convert_view_raw(s_.views.data(), k, out);
      } else {
        convert_fixed_raw(s_.bytes.data(), k, out);
      }
      return;
    case Encoding::BitPacked:
      break;
  }
  bad_encoding(encoding, type);
}

template <typename T>
void ChunkDecoder<T>::dictionary_page(Bytes payload, std::size_t count) {
  // Every value takes at least a byte (a byte string's length, 4): a count beyond is a lie,
  // caught before anything is sized by it.
  if (count > payload.size()) {
    throw CorruptFile(
        fmt::format("dictionary page claims {} values in {} bytes", count, payload.size()));
  }
  has_dictionary_ = true;
  if constexpr (std::is_same_v<T, std::uint32_t>) {
    // Text: views into a copy of the page, interned only when a data page uses them.
    text_bytes_ = std::make_unique_for_overwrite<std::uint8_t[]>(payload.size());
    if (!payload.empty()) std::memcpy(text_bytes_.get(), payload.data(), payload.size());
    const Bytes owned(text_bytes_.get(), payload.size());
    dictionary_views_.resize(count);
    if (leaf_.physical == PhysicalType::ByteArray) {
      decode_plain_byte_arrays(owned, dictionary_views_.data(), count);
    } else {
      decode_fixed_byte_arrays(owned, fixed_width(leaf_.physical, leaf_.type_length),
                               dictionary_views_.data(), count);
    }
    dictionary_codes_.assign(count, kNoCode);
  } else {
    dictionary_.resize(count);
    decode_values(payload, Encoding::Plain, count, dictionary_.data());
  }
}

template <typename T>
void ChunkDecoder<T>::data_page(Bytes values, Bytes levels, Encoding level_encoding, bool v1,
                                std::size_t n, Encoding encoding) {
  std::size_t present = n;
  if (leaf_.optional) {
    s_.levels.resize(n);
    if (v1 && level_encoding == Encoding::BitPacked) {
      values = values.subspan(decode_bit_packed_levels(values, 1, s_.levels.data(), n));
    } else if (v1) {
      if (level_encoding != Encoding::Rle) {
        throw Unsupported(fmt::format("definition levels in {}", encoding_name(level_encoding)));
      }
      if (values.size() < 4 || load_u32(values.data()) > values.size() - 4) {
        throw CorruptFile("definition levels run past their page");
      }
      const std::uint32_t length = load_u32(values.data());
      RleBitPackedDecoder(values.subspan(4, length), 1).get(s_.levels.data(), n);
      values = values.subspan(4 + length);
    } else {
      RleBitPackedDecoder(levels, 1).get(s_.levels.data(), n);
    }
    present = static_cast<std::size_t>(std::count(s_.levels.begin(), s_.levels.end(), 1));
  }
  if constexpr (std::is_same_v<T, std::uint32_t>) {
    if (slice_.plain_text) {
      plain_text_page(values, encoding, n, present);
      return;
    }
  }
  const std::size_t done = values_.size();
  if (values_.capacity() < done + n) values_.reserve(std::max(done + n, 2 * values_.capacity()));
  values_.resize(done + n);
  T* out = values_.data() + done;
  decode_values(values, encoding, present, out);
  if (present < n) {
    // Spread the present values over their rows, from the end so nothing is overwritten early.
    std::size_t j = present;
    for (std::size_t i = n; i-- > 0;) out[i] = s_.levels[i] == 1 ? out[--j] : T{};
    slice_.validity.append_levels(s_.levels.data(), n, 1);
  } else {
    slice_.validity.append_run(true, n);
  }
  if constexpr (std::is_same_v<T, std::uint32_t>) {
    // Nearly a distinct value a row (an id): plain rows from here on, as the CSV reader does
    // (ColumnBuilder), since interning such values only costs time and memory.
    if (pool_.size() > kPlainTextAfter && 2 * pool_.size() > values_.size()) {
      switch_to_plain_text();
    }
  }
  if constexpr (std::is_same_v<T, double>) {
    // A NaN is a missing value, as pandas (and the CSV reader, for "nan") take it.
    const Conversion c = leaf_.conversion;
    if (c == Conversion::Float || c == Conversion::Double || c == Conversion::Float16 ||
        c == Conversion::Null) {
      for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(out[i])) {
          out[i] = 0;
          slice_.validity.clear(done + i);
        }
      }
    }
  }
}

template <typename T>
void ChunkDecoder<T>::text_views(Bytes data, Encoding encoding, std::size_t k) {
  const PhysicalType type = leaf_.physical;
  const std::size_t width = fixed_width(type, leaf_.type_length);
  s_.views.resize(k);
  switch (encoding) {
    case Encoding::Plain:
      if (type == PhysicalType::ByteArray) {
        decode_plain_byte_arrays(data, s_.views.data(), k);
      } else {
        decode_fixed_byte_arrays(data, width, s_.views.data(), k);
      }
      return;
    case Encoding::PlainDictionary:
    case Encoding::RleDictionary: {
      if (!has_dictionary_)
        throw CorruptFile("a dictionary-encoded page comes without a dictionary");
      if (k == 0) return;
      if (data.empty()) throw CorruptFile("dictionary indices are missing");
      s_.indices.resize(k);
      RleBitPackedDecoder(data.subspan(1), data[0]).get(s_.indices.data(), k);
      for (std::size_t i = 0; i < k; ++i) {
        if (s_.indices[i] >= dictionary_views_.size()) {
          throw CorruptFile(
              fmt::format("dictionary index {} is out of range (the dictionary has {} values)",
                          s_.indices[i], dictionary_views_.size()));
        }
        s_.views[i] = dictionary_views_[s_.indices[i]];
      }
      return;
    }
    case Encoding::DeltaLengthByteArray:
      if (type != PhysicalType::ByteArray) bad_encoding(encoding, type);
      decode_delta_length_byte_arrays(data, s_.views.data(), k, s_.ints);
      return;
    case Encoding::DeltaByteArray:
      decode_delta_byte_arrays(data, s_.views.data(), k, s_.ints, s_.storage);
      if (type == PhysicalType::FixedLenByteArray) {
        for (std::size_t i = 0; i < k; ++i) {
          if (s_.views[i].size() != width) {
            throw CorruptFile("a fixed-length value has another length");
          }
        }
      }
      return;
    case Encoding::ByteStreamSplit:
      if (type != PhysicalType::FixedLenByteArray) bad_encoding(encoding, type);
      s_.bytes.resize(k * width);
      decode_byte_stream_split(data, width, s_.bytes.data(), k);
      decode_fixed_byte_arrays(s_.bytes, width, s_.views.data(), k);
      return;
    default:
      break;
  }
  bad_encoding(encoding, type);
}

template <typename T>
void ChunkDecoder<T>::plain_text_page(Bytes data, Encoding encoding, std::size_t n,
                                      std::size_t present) {
  text_views(data, encoding, present);
  const bool uuid = leaf_.conversion == Conversion::Uuid;
  const bool all = present == n;
  for (std::size_t i = 0, j = 0; i < n; ++i) {
    if (!all && s_.levels[i] != 1) {
      slice_.text.push_back({});
    } else if (uuid) {
      slice_.text.push_back(uuid_text(s_.views[j++]));
    } else {
      slice_.text.push_back(s_.views[j++]);
    }
  }
  if (all) {
    slice_.validity.append_run(true, n);
  } else {
    slice_.validity.append_levels(s_.levels.data(), n, 1);
  }
}

template <typename T>
void ChunkDecoder<T>::switch_to_plain_text() {
  const std::size_t rows = values_.size();
  const std::size_t expected = std::max(values_.capacity(), rows);
  std::size_t bytes = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    if (slice_.validity.get(r)) bytes += pool_[values_[r]].size();
  }
  slice_.text.reserve(expected, bytes / std::max<std::size_t>(rows, 1) * expected + expected / 8);
  for (std::size_t r = 0; r < rows; ++r) {
    slice_.text.push_back(slice_.validity.get(r) ? pool_[values_[r]] : std::string_view());
  }
  std::vector<T>().swap(values_);
  pool_ = StringPool();
  // Later dictionary pages' values are taken from their views, not the pool.
  std::fill(dictionary_codes_.begin(), dictionary_codes_.end(), kNoCode);
  slice_.plain_text = true;
}

}  // namespace groupfit::parquet::detail
