// OutputStage: see output_stage.hpp.
#include "report/output_stage.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>

#include "base/atomic_file.hpp"
#include "groupfit/error.hpp"

namespace groupfit {

namespace fs = std::filesystem;

OutputStage::OutputStage(const fs::path& out_dir)
    : out_dir_(out_dir), staging_(out_dir / fmt::format(".outputs.tmp-{}", ::getpid())) {
  std::error_code ec;
  created_out_dir_ = !fs::exists(out_dir_, ec);
  prepare_output_dir(out_dir_);
  fs::remove_all(staging_, ec);
  fs::create_directory(staging_, ec);
  if (ec) {
    const std::string reason = ec.message();
    if (created_out_dir_) fs::remove(out_dir_, ec);
    throw OutputError(fmt::format("cannot create '{}': {}", staging_.string(), reason));
  }
}

OutputStage::~OutputStage() {
  if (published_) return;
  std::error_code ignored;
  fs::remove_all(staging_, ignored);
  // fs::remove deletes a folder only when it is empty: anything the run kept stays.
  if (created_out_dir_) fs::remove(out_dir_, ignored);
}

fs::path OutputStage::path(const std::string& name) {
  if (std::find(names_.begin(), names_.end(), name) == names_.end()) names_.push_back(name);
  return staging_ / name;
}

void OutputStage::publish() {
  std::error_code ec;
  for (const std::string& name : names_) {
    if (!fs::exists(staging_ / name, ec)) continue;  // an output this run did not write
    fs::rename(staging_ / name, out_dir_ / name, ec);
    if (ec) {
      throw OutputError(
          fmt::format("cannot write '{}': {}", (out_dir_ / name).string(), ec.message()));
    }
  }
  published_ = true;
  fs::remove_all(staging_, ec);
}

std::string OutputStage::public_message(std::string message) const {
  const std::string staged = staging_.string() + "/", final = out_dir_.string() + "/";
  for (auto at = message.find(staged); at != std::string::npos; at = message.find(staged, at)) {
    message.replace(at, staged.size(), final);
    at += final.size();
  }
  return message;
}

}  // namespace groupfit
