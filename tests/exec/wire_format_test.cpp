// The worker message format (src/exec/wire_format.hpp) on its edges: messages with empty row
// lists and no predictions round-trip, and a frame cut at any byte is a WireError, never a crash
// or a misread — what fuzz/wire_format_fuzzer.cpp checks on random bytes, here on every prefix.
#include "exec/wire_format.hpp"

#include <gtest/gtest.h>

namespace groupfit {
namespace {

std::string_view payload_of(const std::string& frame) {
  return std::string_view(frame).substr(kFrameHeaderBytes);
}

// Found by fuzz/wire_format_fuzzer.cpp: decoding an empty vector passed a null pointer to memcpy,
// undefined behaviour that UBSan reports (this test fails in `make test-asan` without the fix).
TEST(WireFormat, EmptyVectorsRoundTrip) {
  GroupTask skipped;
  skipped.index = 3;
  skipped.key = {true, ""};
  skipped.skip_reason = "too few rows";
  const GroupTask task = decode_task(payload_of(encode_task(skipped)));
  EXPECT_EQ(task.index, 3u);
  EXPECT_TRUE(task.key.missing);
  EXPECT_TRUE(task.train_rows.empty());
  EXPECT_TRUE(task.valid_rows.empty());
  EXPECT_TRUE(task.unlabeled_rows.empty());
  EXPECT_EQ(task.skip_reason, "too few rows");

  GroupResult failed;
  failed.index = 3;
  failed.status = GroupStatus::Failed;
  failed.message = "boom";
  const GroupResult result = decode_result(payload_of(encode_result(failed)));
  EXPECT_EQ(result.status, GroupStatus::Failed);
  EXPECT_EQ(result.message, "boom");
  EXPECT_TRUE(result.predictions.empty());
}

TEST(WireFormat, EveryTruncationIsWireError) {
  GroupTask task;
  task.index = 1;
  task.key = {false, "North"};
  task.train_rows = {0, 2, 4};
  task.unlabeled_rows = {5};
  GroupResult ok;
  ok.status = GroupStatus::Ok;
  ok.predictions = {1.5f, 2.5f};
  ok.model_json = "{}";
  WorkerSetup setup;
  setup.cols = 1;
  setup.features = {{"site", true, {"a", "b"}}};
  const auto every_cut_throws = [](const std::string& frame, auto decode) {
    const std::string_view whole = payload_of(frame);
    EXPECT_NO_THROW(decode(whole));
    for (std::size_t n = 0; n < whole.size(); ++n) {
      EXPECT_THROW(decode(whole.substr(0, n)), WireError) << n << " of " << whole.size();
    }
    for (std::size_t n = 0; n < kFrameHeaderBytes; ++n) {
      EXPECT_THROW(decode_frame_header(std::string_view(frame).substr(0, n)), WireError) << n;
    }
  };
  every_cut_throws(encode_task(task), decode_task);
  every_cut_throws(encode_result(ok), decode_result);
  every_cut_throws(encode_setup(setup), decode_setup);
}

}  // namespace
}  // namespace groupfit
