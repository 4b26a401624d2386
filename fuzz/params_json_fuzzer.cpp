// Fuzzes the `--params file.json` reader (apply_params_file in src/plan/param_names.cpp): any
// bytes as the file. The only acceptable failure is an InputError (bad JSON, not an object, an
// unknown name, a value that does not fit); a crash, a sanitizer report or any other exception
// escaping is a finding. Parameters that were accepted must leave the model parameters usable:
// rounds, early stopping and threads at least 1, tree_method still hist.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "groupfit/error.hpp"
#include "groupfit/model_params.hpp"
#include "memory_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const groupfit::fuzz::MemoryFile file(
      std::string_view(reinterpret_cast<const char*>(data), size));
  groupfit::ModelParams params;
  try {
    groupfit::apply_params_file(params, file.path());
  } catch (const groupfit::InputError&) {
    return 0;
  }
  if (params.rounds < 1 || params.early_stopping_rounds < 1 || params.threads_per_model < 1 ||
      params.booster.at("tree_method") != "hist") {
    std::abort();
  }
  return 0;
}
