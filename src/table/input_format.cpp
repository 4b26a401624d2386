// sniff_format and not_csv_message: see input_format.hpp.
//
// Only signatures that CSV text cannot plausibly begin with are listed: each holds a byte that is
// not printable text (or, for bzip2, a fixed block header after its three letters), so a header
// row such as "PAR,1" or "BZh,x" is still read as CSV.
#include "table/input_format.hpp"

#include <fmt/format.h>

#include <array>

namespace groupfit {
namespace {

using namespace std::string_view_literals;

struct Signature {
  std::string_view magic;
  InputFormat format;
  std::string_view what;
};

// groupfit reads gzip and zstd itself; for another compressor, the message says how to pipe the
// decompressed text in.
constexpr std::array kSignatures = {
    Signature{"\x1f\x8b"sv, InputFormat::Gzip, "gzip-compressed data"},
    Signature{"\x28\xb5\x2f\xfd"sv, InputFormat::Zstd, "zstd-compressed data"},
    Signature{"PAR1"sv, InputFormat::Other, "Parquet"},
    Signature{"ARROW1\0\0"sv, InputFormat::Other, "Arrow IPC (Feather)"},
    Signature{"PK\x03\x04"sv, InputFormat::Other, "a zip archive (an Excel .xlsx file is one)"},
    Signature{"PK\x05\x06"sv, InputFormat::Other, "a zip archive (empty)"},
    Signature{"PK\x07\x08"sv, InputFormat::Other, "a zip archive"},
    Signature{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"sv, InputFormat::Other,
              "an Excel .xls workbook (OLE2)"},
    Signature{"\xfd"
              "7zXZ\0"sv,
              InputFormat::Other, "xz-compressed data (pipe it in: xz -dc FILE | groupfit ... -)"},
    Signature{"\x04\x22\x4d\x18"sv, InputFormat::Other,
              "lz4-compressed data (pipe it in: lz4 -dc FILE | groupfit ... -)"},
    Signature{"7z\xbc\xaf\x27\x1c"sv, InputFormat::Other, "a 7-Zip archive"},
    Signature{"SQLite format 3\0"sv, InputFormat::Other, "an SQLite database"},
    Signature{"\x89HDF\r\n\x1a\n"sv, InputFormat::Other, "HDF5"},
    Signature{"Obj\x01"sv, InputFormat::Other, "Avro"},
    Signature{"%PDF-"sv, InputFormat::Other, "a PDF document"},
    Signature{"\x93NUMPY"sv, InputFormat::Other, "a NumPy array (.npy)"},
    // UTF-32 before UTF-16: its little-endian mark starts with UTF-16's.
    Signature{"\xff\xfe\0\0"sv, InputFormat::Other,
              "UTF-32 text (convert it to UTF-8: iconv -f UTF-32 -t UTF-8)"},
    Signature{"\0\0\xfe\xff"sv, InputFormat::Other,
              "UTF-32 text (convert it to UTF-8: iconv -f UTF-32 -t UTF-8)"},
    Signature{"\xff\xfe"sv, InputFormat::Other,
              "UTF-16 text (convert it to UTF-8: iconv -f UTF-16 -t UTF-8)"},
    Signature{"\xfe\xff"sv, InputFormat::Other,
              "UTF-16 text (convert it to UTF-8: iconv -f UTF-16 -t UTF-8)"},
};

// bzip2: "BZh", the block size '1'-'9', then a block's or the end of stream's fixed 48 bits.
bool is_bzip2(std::string_view b) {
  return b.size() >= 10 && b.substr(0, 3) == "BZh" && b[3] >= '1' && b[3] <= '9' &&
         (b.substr(4, 6) == "1AY&SY"sv || b.substr(4, 6) == "\x17rE8P\x90"sv);
}

// A POSIX tar header: a NUL-padded name, "ustar" at byte 257.
bool is_tar(std::string_view b) {
  return b.size() >= 262 && b.substr(257, 5) == "ustar" && b.substr(0, 100).find('\0') != 0 &&
         b.substr(0, 100).find('\0') != std::string_view::npos;
}

}  // namespace

SniffedFormat sniff_format(std::string_view first_bytes) {
  for (const Signature& s : kSignatures) {
    if (first_bytes.substr(0, s.magic.size()) == s.magic) return {s.format, s.what};
  }
  if (is_bzip2(first_bytes)) {
    return {InputFormat::Other,
            "bzip2-compressed data (pipe it in: bzip2 -dc FILE | groupfit ... -)"};
  }
  if (is_tar(first_bytes)) return {InputFormat::Other, "a tar archive"};
  return {};
}

std::string not_csv_message(std::string_view name, const SniffedFormat& sniffed,
                            std::string_view outer) {
  // groupfit reads Parquet, but only from a file it can seek in (table/table_reader.hpp).
  if (sniffed.what == "Parquet" && !outer.empty()) {
    return fmt::format(
        "{}: Parquet inside {} data cannot be read: decompress it to a file first (Parquet needs "
        "its footer, at the end of the file)",
        name, outer);
  }
  if (outer.empty()) return fmt::format("{}: not a CSV file: it looks like {}", name, sniffed.what);
  return fmt::format("{}: not a CSV file: its {} data holds {}", name, outer, sniffed.what);
}

}  // namespace groupfit
