// Every output is written to a temporary file beside its final name and renamed into place
// once complete, so an interrupted or failed run never leaves a half-written file that looks
// finished. Errors become OutputError naming the file.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace groupfit {

class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path path);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();  // removes the temporary file unless committed

  std::ostream& stream() { return out_; }
  // Flushes, checks for write errors (a full disk), renames into place.
  void commit();

 private:
  std::filesystem::path path_;
  std::filesystem::path temp_;
  std::ofstream out_;
  bool committed_ = false;
};

void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// Checks, before any long work, that `dir` could be created and written; creates nothing.
void check_output_dir(const std::filesystem::path& dir);

// Checks, before any long work, that the file `path` (given as `flag`) could be written: its
// folder exists and is writable, and `path` is not a folder. Creates nothing.
void check_output_file(const std::filesystem::path& path, const std::string& flag);

// Creates `dir` (and parents) if needed; OutputError if it is a file or cannot be written.
void prepare_output_dir(const std::filesystem::path& dir);

}  // namespace groupfit
