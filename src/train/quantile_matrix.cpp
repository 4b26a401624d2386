// make_training_matrix: see quantile_matrix.hpp. XGBoost builds a QuantileDMatrix from a data
// iterator: it calls `reset`, then `next` until it returns 0, twice (once to sketch the
// quantiles, once to bin); each `next` sets one batch on a proxy DMatrix. Here the batch is the
// whole block, handed over without a copy through the array interface.
#include "train/quantile_matrix.hpp"

#include <fmt/format.h>

#include <string>
#include <vector>

namespace groupfit {
namespace {

struct Batches {
  DMatrixHandle proxy = nullptr;
  const MatrixView* data = nullptr;
  const RowBlock* block = nullptr;
  std::size_t rows = 0;
  bool given = false;
  std::string error;  // a failure inside a callback, which must not throw through XGBoost
};

void reset_batches(DataIterHandle handle) {
  static_cast<Batches*>(handle)->given = false;
}

int next_batch(DataIterHandle handle) {
  auto& b = *static_cast<Batches*>(handle);
  if (b.given) return 0;
  b.given = true;
  try {
    const std::string array =
        fmt::format(R"({{"data": [{}, true], "shape": [{}, {}], "typestr": "<f4", "version": 3}})",
                    reinterpret_cast<std::uintptr_t>(b.block->values.data()), b.rows, b.data->cols);
    GROUPFIT_XGB(XGProxyDMatrixSetDataDense(b.proxy, array.c_str()));
    GROUPFIT_XGB(XGDMatrixSetFloatInfo(b.proxy, "label", b.block->labels.data(), b.rows));
    if (!b.block->weights.empty()) {
      GROUPFIT_XGB(XGDMatrixSetFloatInfo(b.proxy, "weight", b.block->weights.data(), b.rows));
    }
    set_feature_info(b.proxy, *b.data);
  } catch (const std::exception& e) {
    b.error = e.what();
    return 0;
  }
  return 1;
}

}  // namespace

DMatrix make_training_matrix(const MatrixView& data, const RowBlock& block, std::size_t rows,
                             int max_bin, int threads) {
  DMatrix proxy;
  GROUPFIT_XGB(XGProxyDMatrixCreate(proxy.out()));
  Batches batches{proxy.get(), &data, &block, rows, false, {}};
  const std::string config =
      fmt::format(R"({{"missing": NaN, "nthread": {}, "max_bin": {}}})", threads, max_bin);
  DMatrix m;
  const int status = XGQuantileDMatrixCreateFromCallback(
      &batches, proxy.get(), nullptr, reset_batches, next_batch, config.c_str(), m.out());
  if (!batches.error.empty()) throw XgbError(batches.error);
  xgb_check(status);
  set_feature_info(m.get(), data);
  return m;
}

}  // namespace groupfit
