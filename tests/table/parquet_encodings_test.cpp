// The Parquet reader's lowest layers on bytes from the format's own documents (Encodings.md,
// Thrift's compact protocol): RLE / bit-packed hybrid, DELTA_BINARY_PACKED, BYTE_STREAM_SPLIT,
// DELTA_BYTE_ARRAY, FLOAT16, UUID, the timestamp arithmetic shared with the CSV reader, and Thrift
// lists that claim more than they hold.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "table/iso_datetime.hpp"
#include "table/parquet/parquet_encodings.hpp"
#include "table/parquet/parquet_error.hpp"
#include "table/parquet/parquet_values.hpp"
#include "table/parquet/thrift_compact.hpp"
#include "table/parquet_written_files.hpp"

namespace groupfit::parquet {
namespace {

Bytes bytes_of(const std::vector<std::uint8_t>& v) {
  return {v.data(), v.size()};
}

TEST(ParquetEncodings, RleAndBitPackedRuns) {
  // 8 ones as one RLE run, then one bit-packed group holding 0, 1, 0, 1 (and padding).
  const std::vector<std::uint8_t> data = {0x10, 0x01, 0x03, 0x0a};
  std::vector<std::uint8_t> out(12);
  RleBitPackedDecoder(bytes_of(data), 1).get(out.data(), out.size());
  EXPECT_EQ(out, (std::vector<std::uint8_t>{1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1}));
  std::vector<std::uint8_t> more(17);  // room for all it is asked for: it must throw, not overflow
  EXPECT_THROW(RleBitPackedDecoder(bytes_of(data), 1).get(more.data(), 17), CorruptFile);
}

TEST(ParquetEncodings, DeltaBinaryPackedExamplesOfTheSpec) {
  const std::vector<std::uint8_t> one_to_five = {0x80, 0x01, 0x04, 0x05, 0x02,
                                                 0x02, 0x00, 0x00, 0x00, 0x00};
  std::vector<std::int64_t> out(5);
  EXPECT_EQ(decode_delta_binary_packed(bytes_of(one_to_five), out.data(), 5), 10u);
  EXPECT_EQ(out, (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
  // 7, 5, 3, 1, 2, 3, 4, 5: min delta -2, then 0, 0, 0, 3, 3, 3, 3 in 2 bits.
  const std::vector<std::uint8_t> down_up = {0x80, 0x01, 0x04, 0x08, 0x0e, 0x03, 0x02, 0x00, 0x00,
                                             0x00, 0xc0, 0x3f, 0,    0,    0,    0,    0,    0};
  std::vector<std::int64_t> out2(8);
  EXPECT_EQ(decode_delta_binary_packed(bytes_of(down_up), out2.data(), 8), 18u);
  EXPECT_EQ(out2, (std::vector<std::int64_t>{7, 5, 3, 1, 2, 3, 4, 5}));
  // A count that is not the page's, a cut miniblock.
  EXPECT_THROW(decode_delta_binary_packed(bytes_of(down_up), out2.data(), 7), CorruptFile);
  const std::vector<std::uint8_t> cut(down_up.begin(), down_up.end() - 3);
  EXPECT_THROW(decode_delta_binary_packed(bytes_of(cut), out2.data(), 8), CorruptFile);
}

TEST(ParquetEncodings, ByteStreamSplitAndDeltaByteArray) {
  const std::vector<std::uint8_t> split = {1, 2, 3, 10, 20, 30};  // 3 values of 2 bytes
  std::vector<std::uint8_t> out(6);
  decode_byte_stream_split(bytes_of(split), 2, out.data(), 3);
  EXPECT_EQ(out, (std::vector<std::uint8_t>{1, 10, 2, 20, 3, 30}));
  // "abc", "abd", "b": prefixes 0, 2, 0 and suffixes "abc", "d", "b", each DELTA encoded.
  const std::vector<std::uint8_t> data = {
      // prefix lengths 0, 2, 0: first 0, min delta -2, then 4 and 0 in 3 bits
      0x80, 0x01, 0x04, 0x03, 0x00, 0x03, 0x03, 0x00, 0x00, 0x00, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0,
      // suffix lengths 3, 1, 1: first 3, min delta -2, then 0 and 2 in 2 bits
      0x80, 0x01, 0x04, 0x03, 0x06, 0x03, 0x02, 0x00, 0x00, 0x00, 0x08, 0, 0, 0, 0, 0, 0, 0,
      // suffixes
      'a', 'b', 'c', 'd', 'b'};
  std::vector<std::string_view> views(3);
  std::vector<std::int64_t> scratch;
  std::string storage;
  decode_delta_byte_arrays(bytes_of(data), views.data(), 3, scratch, storage);
  EXPECT_EQ(views[0], "abc");
  EXPECT_EQ(views[1], "abd");
  EXPECT_EQ(views[2], "b");
}

TEST(ParquetValues, Float16AndUuid) {
  EXPECT_EQ(float16_to_double(0x3c00), 1.0);
  EXPECT_EQ(float16_to_double(0xc000), -2.0);
  EXPECT_EQ(float16_to_double(0x7bff), 65504.0);
  EXPECT_EQ(float16_to_double(0x0001), std::ldexp(1.0, -24));
  EXPECT_TRUE(std::isinf(float16_to_double(0x7c00)));
  EXPECT_TRUE(std::isnan(float16_to_double(0x7e00)));
  EXPECT_EQ(uuid_text(std::string(
                "\x12\x3e\x45\x67\xe8\x9b\x12\xd3\xa4\x56\x42\x66\x14\x17\x40\x00", 16)),
            "123e4567-e89b-12d3-a456-426614174000");
}

// The same double as the CSV reader's for the ISO 8601 text of the same instant, before 1970 and
// with every fraction digit.
TEST(ParquetValues, EpochSecondsAreTheCsvReadersNumbers) {
  for (std::int64_t whole : {0LL, 1700000000LL, -1LL, -86401LL, 253402300000LL, -62135596800LL}) {
    for (std::int64_t fraction : {0LL, 1LL, 123456789LL, 999999999LL, 500000000LL}) {
      const std::string text = testing_support::iso_text(whole, fraction, 9);
      ASSERT_TRUE(parse_iso_datetime(text)) << text;
      EXPECT_EQ(epoch_seconds(whole, fraction, 9), *parse_iso_datetime(text)) << text;
    }
  }
}

TEST(ThriftCompact, ListsThatClaimMoreThanTheyHoldAreRefused) {
  // A list of 2^32 i32 in a handful of bytes: refused before anything is reserved.
  const std::vector<std::uint8_t> data = {0x19, 0xf5, 0x80, 0x80, 0x80, 0x80, 0x10, 0x00};
  CompactReader in(data.data(), data.size());
  std::int16_t last = 0, id = 0;
  ThriftType type{};
  ASSERT_TRUE(in.next_field(last, id, type));
  EXPECT_EQ(id, 1);
  EXPECT_THROW(in.read_list_header(type), CorruptFile);
  // Structs nested past any real footer's depth.
  const std::vector<std::uint8_t> deep(1000, 0x1c);  // field 1, struct, again and again
  CompactReader deep_in(deep.data(), deep.size());
  EXPECT_THROW(deep_in.skip(ThriftType::Struct), CorruptFile);
}

}  // namespace
}  // namespace groupfit::parquet
