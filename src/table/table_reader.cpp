// read_table and is_parquet_file: see table_reader.hpp.
#include "table/table_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/unique_fd.hpp"
#include "table/parquet/parquet_reader.hpp"

namespace groupfit {

bool is_parquet_file(const std::string& path) {
  if (path == "-") return false;
  const UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat st {};
  if (!fd.valid() || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  char magic[4] = {};
  return ::pread(fd.get(), magic, 4, 0) == 4 && std::string_view(magic, 4) == "PAR1";
}

Table read_table(const std::string& path, const TableReadOptions& options) {
  if (!is_parquet_file(path)) return read_csv_file(path, options.csv);
  ParquetReadOptions parquet;
  parquet.threads = options.csv.threads;
  parquet.max_rows = options.csv.max_rows;
  parquet.max_columns = options.csv.max_columns;
  parquet.columns = options.columns;
  parquet.optional_columns = options.optional_columns;
  parquet.skip = options.skip;
  return read_parquet_file(path, parquet);
}

}  // namespace groupfit
