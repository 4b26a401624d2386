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

// A task that carries its rows (the MPI transport's): the rows it names, gathered in the order
// train, valid, unlabeled, and the task renumbered to them; cut anywhere, it is a WireError.
TEST(WireFormat, TaskWithRowsCarriesExactlyItsRows) {
  FeatureMatrix m;
  m.rows = 5;
  m.cols = 2;
  m.values = {0, 1, 10, 11, 20, 21, 30, 31, 40, 41};
  m.labels = {0.5f, 1.5f, 2.5f, 3.5f, 4.5f};
  m.weights = {1, 2, 3, 4, 5};
  const std::vector<FeatureSpec> features = {{"a", false}, {"b", false}};
  GroupTask task;
  task.index = 9;
  task.train_rows = {4, 1};
  task.valid_rows = {3};
  task.unlabeled_rows = {0};
  const std::string frame = encode_task_with_rows(task, view_of(m, features));
  const TaskWithRows got = decode_task_with_rows(payload_of(frame));
  EXPECT_EQ(got.task.index, 9u);
  EXPECT_EQ(got.task.train_rows, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(got.task.valid_rows, (std::vector<std::uint32_t>{2}));
  EXPECT_EQ(got.task.unlabeled_rows, (std::vector<std::uint32_t>{3}));
  EXPECT_EQ(got.matrix.values, (std::vector<float>{40, 41, 10, 11, 30, 31, 0, 1}));
  EXPECT_EQ(got.matrix.labels, (std::vector<float>{4.5f, 1.5f, 3.5f, 0.5f}));
  EXPECT_EQ(got.matrix.weights, (std::vector<float>{5, 2, 4, 1}));

  const std::string_view payload = payload_of(frame);
  for (std::size_t cut = 0; cut < payload.size(); ++cut) {
    EXPECT_THROW(decode_task_with_rows(std::string_view(payload).substr(0, cut)), WireError)
        << "cut at " << cut;
  }
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
