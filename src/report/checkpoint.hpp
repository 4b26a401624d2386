// The checkpoint: every finished group's result, appended to <out>/checkpoint.gfc as it
// arrives, so that an interrupted run — even a kill -9 of the main process — loses at most the
// groups in flight. `train --resume` reads it back, checks that the configuration hash matches,
// and trains only the groups missing from it. The file is a first line
// "groupfit-checkpoint <config hash>\n" followed by result frames in the worker wire format
// (exec/wire_format.hpp); a frame cut short by a crash (or a full disk) ends the readable part,
// and a resumed run cuts those bytes off before it appends, so its own frames stay readable.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "base/unique_fd.hpp"
#include "train/group_result.hpp"

namespace groupfit {

class CheckpointWriter {
 public:
  // Starts a new checkpoint (replacing any) or, with `append`, continues an existing one after
  // its first `readable_bytes` (Checkpoint::readable_bytes), dropping a torn frame at its end.
  CheckpointWriter(const std::filesystem::path& path, const std::string& config_hash, bool append,
                   std::uint64_t readable_bytes = 0);
  // Appends one result in a single write, so a crash leaves at worst one torn frame at the end.
  void add(const GroupResult& result);
  // Removes a checkpoint this writer started and added no result to: after a failed run it
  // would be an empty file left in --out, with nothing in it to resume.
  void discard_if_unused();
  // Results this writer added.
  std::size_t added() const { return added_; }

 private:
  std::filesystem::path path_;
  UniqueFd fd_;
  bool appending_ = false;
  std::size_t added_ = 0;
};

struct Checkpoint {
  std::string config_hash;
  std::vector<GroupResult> results;
  std::uint64_t readable_bytes = 0;  // the first line and every whole frame
};

// Reads what a checkpoint holds; InputError when it is missing or not a checkpoint.
Checkpoint read_checkpoint(const std::filesystem::path& path);

}  // namespace groupfit
