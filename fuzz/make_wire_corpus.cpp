// Writes the seed corpus of wire_format_fuzzer: valid frames made by the encoders (a setup with
// numeric and categorical features, tasks with and without rows, ok/skipped/failed results, a
// shutdown, and a stream of several frames as a worker's socket carries them). Seeds made by the
// encoders themselves let the fuzzer start from messages that pass the header and length checks.
// Usage: make_wire_corpus DIR
#include <cstdio>
#include <fstream>
#include <string>

#include "exec/wire_format.hpp"

namespace {

using namespace groupfit;

void write(const std::string& dir, const std::string& name, const std::string& bytes) {
  std::ofstream(dir + "/" + name, std::ios::binary) << bytes;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_wire_corpus DIR\n");
    return 2;
  }
  const std::string dir = argv[1];

  WorkerSetup setup;
  setup.shm_fd = 3;
  setup.rows = 5;
  setup.cols = 2;
  setup.features = {{"x", false, {}}, {"site", true, {"a", "b", "c\xC3\xA9"}}};
  setup.params.booster["max_depth"] = "3";
  write(dir, "setup.bin", encode_setup(setup));

  GroupTask task;
  task.index = 1;
  task.key = {false, "North"};
  task.rows = 6;
  task.train_rows = {0, 2, 4};
  task.valid_rows = {1};
  task.unlabeled_rows = {3, 5};
  task.cost = 4000;
  task.threads = 2;
  write(dir, "task.bin", encode_task(task));
  GroupTask missing_key;
  missing_key.key = {true, ""};
  missing_key.skip_reason = "3 labeled rows, fewer than --min-rows 20";
  write(dir, "task_skipped.bin", encode_task(missing_key));

  GroupResult ok;
  ok.index = 1;
  ok.status = GroupStatus::Ok;
  ok.best_iteration = 7;
  ok.scores = {0.5, 0.25, 0.9};
  ok.warning = "best iteration 0: validation score never improved after the first round";
  ok.predictions = {1.5f, -2.25f};
  ok.model_json = R"({"learner":{}})";
  ok.train_seconds = 0.125;
  ok.cpu_seconds = 0.25;
  write(dir, "result_ok.bin", encode_result(ok));
  GroupResult failed;
  failed.status = GroupStatus::Failed;
  failed.message = "worker killed by SIGSEGV (twice)";
  write(dir, "result_failed.bin", encode_result(failed));

  write(dir, "shutdown.bin", encode_shutdown());
  write(dir, "stream.bin",
        encode_setup(setup) + encode_task(task) + encode_result(ok) + encode_shutdown());
  return 0;
}
