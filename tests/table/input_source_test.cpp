// The input layer under the CSV reader: what the first bytes say a file is, gzip and zstd read
// whole (several members or frames, cut short, corrupt, followed by garbage), pipes read as
// streams, and the names and lines that messages about compressed or piped input give.
#include "table/input_source.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "compressed_files.hpp"
#include "groupfit/error.hpp"
#include "table/csv_reader.hpp"
#include "table/input_format.hpp"
#include "table/row_lines.hpp"

namespace groupfit {
namespace {

using namespace std::string_literals;
using testing_support::gzip_bytes;
using testing_support::zstd_bytes;

std::string temp_file(const std::string& name, std::string_view bytes) {
  const std::string path = testing::TempDir() + "input_source_test_" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string error_of(const std::string& path, std::size_t max_bytes = SIZE_MAX) {
  try {
    read_input(path, max_bytes);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

// A CSV of `rows` rows: big enough, at 5,000+, to take several reads and buffer growths.
std::string table_text(int rows) {
  std::string text = "g,y,x\n";
  for (int i = 0; i < rows; ++i) {
    text += "g" + std::to_string(i % 7) + "," + std::to_string(i * 0.5) + ",v" +
            std::to_string(i % 13) + "\n";
  }
  return text;
}

TEST(InputFormat, KnownSignaturesAreNamed) {
  EXPECT_EQ(sniff_format("\x1f\x8b\x08rest").format, InputFormat::Gzip);
  EXPECT_EQ(sniff_format("\x28\xb5\x2f\xfdrest").format, InputFormat::Zstd);
  const std::pair<std::string, std::string> others[] = {
      {"PAR1\x15\x04", "Parquet"},
      {"PK\x03\x04\x14\x00", "a zip archive (an Excel .xlsx file is one)"},
      {"\xfd"
       "7zXZ\0\0"s,
       "xz-compressed data"},
      {"BZh91AY&SY\x01", "bzip2-compressed data"},
      {"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Excel .xls workbook (OLE2)"},
      {"SQLite format 3\0"s, "an SQLite database"},
      {"\xff\xfe"
       "a\0,\0"s,
       "UTF-16 text"},
  };
  for (const auto& [bytes, what] : others) {
    const SniffedFormat s = sniff_format(bytes);
    EXPECT_EQ(s.format, InputFormat::Other) << what;
    EXPECT_EQ(std::string(s.what).substr(0, what.size()), what);
  }
  std::string tar(300, '\0');
  tar.replace(0, 9, "data.csv\0"s);
  tar.replace(257, 6, "ustar\0"s);
  EXPECT_EQ(sniff_format(tar).what, "a tar archive");
}

// Headers that begin like a signature's letters are still CSV.
TEST(InputFormat, TextThatLooksAlikeIsText) {
  for (const std::string text :
       {"PAR,1\n1,2\n", "BZh9,x\n1,2\n", "PK,x\n", "Obj,1\n", "a,b\n", "", "ustar"}) {
    EXPECT_EQ(sniff_format(text).format, InputFormat::Text) << text;
  }
}

TEST(InputSource, PlainFileIsMappedAsItIs) {
  const std::string text = table_text(10);
  const InputText input = read_input(temp_file("plain.csv", text));
  EXPECT_EQ(input.bytes(), text);
}

TEST(InputSource, GzipAndZstdAreDecompressedWhateverTheirName) {
  const std::string text = table_text(50000);
  EXPECT_EQ(read_input(temp_file("g.csv", gzip_bytes(text))).bytes(), text);
  EXPECT_EQ(read_input(temp_file("z.csv", zstd_bytes(text))).bytes(), text);
}

// pigz and `cat a.gz b.gz` write several members; zstd -T, several frames: one text, as
// `gzip -d` and `zstd -d` read them.
TEST(InputSource, SeveralMembersOrFramesAreOneText) {
  const std::string a = "g,y\n", b = "a,1\nb,2\n", c = "c,3\n";
  EXPECT_EQ(read_input(temp_file("m.gz", gzip_bytes(a) + gzip_bytes(b) + gzip_bytes(c))).bytes(),
            a + b + c);
  EXPECT_EQ(read_input(temp_file("m.zst", zstd_bytes(a) + zstd_bytes(b) + zstd_bytes(c))).bytes(),
            a + b + c);
}

TEST(InputSource, CompressedDataCutShortIsNamed) {
  const std::string gz = gzip_bytes(table_text(1000)), zst = zstd_bytes(table_text(1000));
  const std::string g = temp_file("cut.gz", gz.substr(0, gz.size() / 2));
  EXPECT_EQ(error_of(g), g + ": the gzip data ends early (was the file cut short?)");
  const std::string z = temp_file("cut.zst", zst.substr(0, zst.size() - 1));
  EXPECT_EQ(error_of(z), z + ": the zstd data ends early (was the file cut short?)");
}

TEST(InputSource, CorruptCompressedDataIsNamed) {
  std::string gz = gzip_bytes(table_text(1000));
  gz[gz.size() - 6] ^= 0x55;  // inside the CRC-32 trailer
  const std::string g = temp_file("corrupt.gz", gz);
  EXPECT_EQ(error_of(g), g + ": corrupt gzip data: incorrect data check");
  std::string zst = zstd_bytes(table_text(1000));
  zst[4] |= 0x08;  // a reserved bit of the frame header
  const std::string z = temp_file("corrupt.zst", zst);
  EXPECT_EQ(error_of(z).substr(0, z.size() + 21), z + ": corrupt zstd data: ");
  const std::string member = gzip_bytes("a,b\n1,2\n");
  const std::string t = temp_file("trailing.gz", member + "garbage");
  EXPECT_EQ(error_of(t), t + ": the bytes after the end of the gzip data (from byte " +
                             std::to_string(member.size()) + ") are not gzip data");
}

TEST(InputSource, OtherFormatsAreRefusedByName) {
  const std::string parquet = temp_file("x.csv", "PAR1\x15\x04\x15\x30\x00\x00PAR1"s);
  EXPECT_EQ(error_of(parquet), parquet + ": not a CSV file: it looks like Parquet");
  std::string tar(600, '\0');
  tar.replace(0, 9, "data.csv\0"s);
  tar.replace(257, 6, "ustar\0"s);
  const std::string tgz = temp_file("x.tar.gz", gzip_bytes(tar));
  EXPECT_EQ(error_of(tgz), tgz + ": not a CSV file: its gzip data holds a tar archive");
}

TEST(InputSource, AFolderCannotBeRead) {
  const std::string dir = testing::TempDir();
  EXPECT_EQ(error_of(dir), "cannot read '" + dir + "': Is a directory");
}

// A bound on what decompression may produce: a few bytes of zstd can claim gigabytes.
TEST(InputSource, DecompressedSizeIsBounded) {
  const std::string z = temp_file("big.zst", zstd_bytes(std::string(1 << 20, 'a')));
  EXPECT_EQ(error_of(z, 1000), z + ": more than 1000 bytes once decompressed (the limit)");
}

// A pipe: read as a stream to its end, plain or compressed, with the pipe's path as its name.
TEST(InputSource, PipesAreReadAsStreams) {
  const std::string text = table_text(20000);
  for (const std::string& bytes : {text, gzip_bytes(text), zstd_bytes(text)}) {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    std::jthread writer([&bytes, fd = fds[1]] {
      std::size_t done = 0;
      while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
      }
      ::close(fd);
    });
    const std::string path = "/proc/self/fd/" + std::to_string(fds[0]);
    const InputText input = read_input(path);
    EXPECT_EQ(input.bytes(), text);
    EXPECT_EQ(input.name(), path);
    EXPECT_FALSE(can_read_again(path));
    writer.join();
    ::close(fds[0]);
  }
}

// read_csv_file on a compressed file: the same table, and lines are the decompressed text's.
TEST(InputSource, CsvReaderReadsCompressedFilesWithTheirLines) {
  const std::string text = table_text(3000);
  const Table plain = read_csv_text(text, {0, 1}, "t.csv");
  const Table gz = read_csv_file(temp_file("t.csv.gz", gzip_bytes(text)), {0, 2, 1024});
  ASSERT_EQ(gz.num_rows(), plain.num_rows());
  for (std::size_t c = 0; c < plain.num_columns(); ++c) {
    for (std::size_t r = 0; r < plain.num_rows(); r += 97) {
      EXPECT_EQ(gz.columns[c].text_at(r), plain.columns[c].text_at(r));
    }
  }
  const std::string bad = temp_file("bad.csv.zst", zstd_bytes("a,b\n1,2\n3\n"));
  try {
    read_csv_file(bad);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), bad + ":3: expected 2 fields, found 1");
  }
}

// A message about a row finds its line in a compressed file (decompressing it again); standard
// input cannot be read again, so its rows are named by number: the first data row is 1.
TEST(InputSource, RowLocationsOfCompressedAndStandardInput) {
  const std::string gz = temp_file("rows.csv.gz", gzip_bytes("a,b\n1,\"two\nlines\"\n3,4\n"));
  EXPECT_EQ(row_location(gz, 0, 1), gz + ":4");
  EXPECT_EQ(row_location("-", 0, 1), "<stdin>: data row 2");
  EXPECT_EQ(line_of_row("-", 0, 0), 0u);
}

}  // namespace
}  // namespace groupfit
