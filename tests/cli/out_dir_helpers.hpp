// Helpers shared by the tests of the output folder under concurrency and crashes: the arguments
// of a small training run through worker processes, and how many groups a checkpoint holds.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "report/checkpoint.hpp"

namespace groupfit::testing_support {

inline std::vector<std::string> train_args(const std::filesystem::path& dir,
                                           const std::filesystem::path& out) {
  return {"train",     (dir / "data.csv").string(),
          "--group",   "Region",
          "--target",  "IBD",
          "--out",     out.string(),
          "--param",   "iterations=20",
          "--quiet",   "--executor",
          "processes", "--workers",
          "2"};
}

// Groups in the checkpoint at `path`; 0 while it does not exist.
inline std::size_t checkpointed(const std::filesystem::path& path) {
  try {
    return read_checkpoint(path).results.size();
  } catch (const std::exception&) {
    return 0;
  }
}

}  // namespace groupfit::testing_support
