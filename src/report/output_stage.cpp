// OutputStage and remove_stale_staging: see output_stage.hpp.
#include "report/output_stage.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

#include "base/atomic_file.hpp"
#include "groupfit/error.hpp"

namespace groupfit {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kCurrent = ".current";
constexpr std::string_view kResultPrefix = ".result-";
// tuning.csv only when the run tuned (its link is made by the first run that writes it).
constexpr std::array<std::string_view, 5> kPublished = {"metrics.csv", "predictions.csv",
                                                        "run.json", "models", "tuning.csv"};

// The number after `prefix` when `name` is exactly `prefix` and digits.
std::optional<std::uint64_t> number_after(std::string_view name, std::string_view prefix) {
  if (name.substr(0, prefix.size()) != prefix || name.size() == prefix.size() ||
      name.size() - prefix.size() > 18) {
    return std::nullopt;
  }
  std::uint64_t n = 0;
  for (const char c : name.substr(prefix.size())) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return n;
}

// The result folder .current points to, when it is one of ours; "" otherwise.
std::string current_result(const fs::path& out_dir) {
  std::error_code ec;
  const fs::path target = fs::read_symlink(out_dir / kCurrent, ec);
  if (ec || target.has_parent_path() || !number_after(target.string(), kResultPrefix)) return "";
  return target.string();
}

// What only a run that died leaves behind (a run that ends, however it ends, removes its own).
bool is_stale_name(const std::string& name) {
  if (number_after(name, kResultPrefix)) return true;
  // publish()'s temporary symlinks: "<name>.tmp-<pid>".
  for (const std::string_view published : kPublished) {
    if (number_after(name, fmt::format("{}.tmp-", published))) return true;
  }
  if (number_after(name, fmt::format("{}.tmp-", kCurrent))) return true;
  // Earlier groupfit versions staged in these ("models.tmp-<pid>" is matched above).
  return number_after(name, ".outputs.tmp-") || number_after(name, "models.old-");
}

// The test-only hook of output_stage.hpp: counts publish()'s changes to --out and kills the
// process after the N-th when GROUPFIT_TEST_PUBLISH_KILL=N.
class PublishSteps {
 public:
  PublishSteps() {
    const char* value = std::getenv("GROUPFIT_TEST_PUBLISH_KILL");
    if (value != nullptr) kill_after_ = std::atoi(value);
  }
  void done() {
    if (++done_ == kill_after_) ::kill(::getpid(), SIGKILL);
  }

 private:
  int kill_after_ = 0;
  int done_ = 0;
};

// Makes out_dir/name a symlink to `target` in one step: a new symlink renamed over the name.
void place_symlink(const fs::path& out_dir, std::string_view name, const fs::path& target,
                   PublishSteps& steps) {
  const fs::path link = out_dir / name;
  const fs::path temp = out_dir / fmt::format("{}.tmp-{}", name, ::getpid());
  std::error_code ec;
  fs::remove(temp, ec);
  fs::create_symlink(target, temp, ec);
  if (!ec) {
    steps.done();
    fs::rename(temp, link, ec);
  }
  if (ec) {
    const std::string reason = ec.message();
    fs::remove(temp, ec);
    throw OutputError(fmt::format("cannot write '{}': {}", link.string(), reason));
  }
  steps.done();
}

}  // namespace

OutputStage::OutputStage(const fs::path& out_dir) : out_dir_(out_dir) {
  // Runs are serialized by the lock and stale results are gone, so n+1 is free.
  const std::string current = current_result(out_dir_);
  const std::uint64_t n = current.empty() ? 1 : *number_after(current, kResultPrefix) + 1;
  staging_ = out_dir_ / fmt::format("{}{}", kResultPrefix, n);
  std::error_code ec;
  fs::remove_all(staging_, ec);
  fs::create_directory(staging_, ec);
  if (ec)
    throw OutputError(fmt::format("cannot write in '{}': {}", out_dir_.string(), ec.message()));
}

OutputStage::~OutputStage() {
  if (published_) return;
  std::error_code ignored;
  fs::remove_all(staging_, ignored);
}

void OutputStage::publish() {
  PublishSteps steps;
  const std::string previous = current_result(out_dir_);
  // The documented names, as symlinks through .current: made once, by the first run in this
  // folder. Until .current exists they lead nowhere, which is what --out held before: nothing.
  std::vector<std::string_view> legacy;
  for (const std::string_view name : kPublished) {
    const fs::path link = out_dir_ / name, target = fs::path(kCurrent) / name;
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(link, ec);
    if (fs::is_symlink(status) && fs::read_symlink(link, ec) == target) continue;
    if (!fs::exists(staging_ / name, ec)) continue;  // not written by this run
    if (fs::exists(status) && !fs::is_symlink(status)) {
      legacy.push_back(name);  // a real file or folder: an earlier groupfit's output
      continue;
    }
    place_symlink(out_dir_, name, target, steps);
  }
  // The one step that publishes.
  place_symlink(out_dir_, kCurrent, staging_.filename(), steps);
  published_ = true;
  // A folder an earlier groupfit wrote holds real files under the documented names: replaced
  // now, one by one (docs/design.md: the one publish that is not atomic).
  for (const std::string_view name : legacy) {
    std::error_code ec;
    fs::remove_all(out_dir_ / name, ec);
    if (ec) {
      throw OutputError(
          fmt::format("cannot replace '{}': {}", (out_dir_ / name).string(), ec.message()));
    }
    steps.done();
    place_symlink(out_dir_, name, fs::path(kCurrent) / name, steps);
  }
  if (!previous.empty()) {
    std::error_code ignored;  // what is left is removed by the next run, as stale
    fs::remove_all(out_dir_ / previous, ignored);
    steps.done();
  }
}

std::string OutputStage::public_message(std::string message) const {
  const std::string staged = staging_.string() + "/", final = out_dir_.string() + "/";
  for (auto at = message.find(staged); at != std::string::npos; at = message.find(staged, at)) {
    message.replace(at, staged.size(), final);
    at += final.size();
  }
  return message;
}

void remove_stale_staging(const fs::path& out_dir) {
  const std::string current = current_result(out_dir);
  std::vector<fs::path> stale;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(out_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name != current && is_stale_name(name)) stale.push_back(entry.path());
  }
  for (const fs::path& path : stale) fs::remove_all(path, ec);
}

}  // namespace groupfit
