// probe_params: see param_probe.hpp.
#include "train/param_probe.hpp"

#include <fmt/format.h>

#include <vector>

#include "groupfit/error.hpp"
#include "plan/objective.hpp"
#include "train/xgb_handle.hpp"

namespace groupfit {

void probe_params(const ModelParams& params) {
  const auto objective = find_objective(params.booster.at("objective"));
  if (!objective) return;  // validate_params refuses it with a better message
  constexpr std::size_t kRows = 12;
  std::vector<float> values, labels;
  for (std::size_t r = 0; r < kRows; ++r) {
    values.push_back(static_cast<float>(r));
    switch (objective->kind) {
      case TaskKind::Binary:
        labels.push_back(static_cast<float>(r % 2));
        break;
      case TaskKind::Multiclass:
        labels.push_back(static_cast<float>(r % 3));
        break;
      case TaskKind::Regression:
        labels.push_back(static_cast<float>(r + 1));
        break;
    }
  }
  try {
    GROUPFIT_XGB(XGBSetGlobalConfig(R"({"verbosity": 0})"));
    DMatrix m;
    GROUPFIT_XGB(XGDMatrixCreateFromMat(values.data(), kRows, 1, -1e30f, m.out()));
    GROUPFIT_XGB(XGDMatrixSetFloatInfo(m.get(), "label", labels.data(), kRows));
    Booster booster;
    DMatrixHandle cache[] = {m.get()};
    GROUPFIT_XGB(XGBoosterCreate(cache, 1, booster.out()));
    for (const auto& [name, value] : params.booster) {
      if (name == "monotone_constraints" || name == "interaction_constraints") continue;
      GROUPFIT_XGB(XGBoosterSetParam(booster.get(), name.c_str(), value.c_str()));
    }
    if (objective->kind == TaskKind::Multiclass) {
      GROUPFIT_XGB(XGBoosterSetParam(booster.get(), "num_class", "3"));
    }
    GROUPFIT_XGB(XGBoosterSetParam(booster.get(), "nthread", "1"));
    const char* names[] = {"probe"};
    for (int round = 0; round < 2; ++round) {
      GROUPFIT_XGB(XGBoosterUpdateOneIter(booster.get(), round, m.get()));
      const char* line = nullptr;
      GROUPFIT_XGB(XGBoosterEvalOneIter(booster.get(), round, cache, names, 1, &line));
    }
  } catch (const XgbError& e) {
    throw InputError(fmt::format("the model parameters are refused: {}", e.what()));
  }
}

}  // namespace groupfit
