// What an input's first bytes say it is: CSV text, gzip or zstd (which groupfit decompresses),
// or another known file format (Parquet, zip, xz, an Excel workbook, ...), which it refuses by
// name. Told by content, never by the file's name: `data.csv` may be gzip, `-` has no name at all,
// and a Parquet file read as CSV used to fail with a baffling "NUL byte in input" on some line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace groupfit {

enum class InputFormat {
  Text,  // anything not recognized below: parsed as CSV, whose errors then name the line
  Gzip,
  Zstd,
  Other,  // a known format groupfit does not read
};

struct SniffedFormat {
  InputFormat format = InputFormat::Text;
  // For messages: "gzip-compressed data", "Parquet", "a zip archive (...)"; empty for Text.
  std::string_view what;
};

// Enough leading bytes to recognize every format (a tar header's "ustar" is at byte 257);
// fewer are fine when the input is shorter.
inline constexpr std::size_t kSniffBytes = 264;

SniffedFormat sniff_format(std::string_view first_bytes);

// The InputError message for a format groupfit does not read: "data.parquet: not a CSV file: it
// looks like Parquet", or, for what a gzip or zstd input held once decompressed, "x.tar.gz: not
// a CSV file: its gzip data holds a tar archive" (`outer`: "gzip" or "zstd"). Parquet, which
// groupfit reads from a file, gets its own message inside gzip or zstd data.
std::string not_csv_message(std::string_view name, const SniffedFormat& sniffed,
                            std::string_view outer = {});

}  // namespace groupfit
