// RAII owners for XGBoost's C handles and the one checking helper every C API call goes through:
// a non-zero return becomes an XgbError carrying XGBGetLastError()'s text (thread-local, so it
// is read at once, on the calling thread) cut to one line (train/xgb_message.hpp). Handles are
// never shared between threads.
#pragma once

#include <xgboost/c_api.h>

#include <stdexcept>
#include <string>
#include <utility>

#include "train/xgb_message.hpp"

namespace groupfit {

class XgbError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline void xgb_check(int status) {
  if (status != 0) throw XgbError("XGBoost: " + clean_xgboost_message(XGBGetLastError()));
}

#define GROUPFIT_XGB(call) ::groupfit::xgb_check(call)

template <typename Handle, int (*Free)(Handle)>
class XgbHandle {
 public:
  XgbHandle() = default;
  explicit XgbHandle(Handle h) : h_(h) {}
  XgbHandle(const XgbHandle&) = delete;
  XgbHandle& operator=(const XgbHandle&) = delete;
  XgbHandle(XgbHandle&& other) noexcept : h_(std::exchange(other.h_, nullptr)) {}
  XgbHandle& operator=(XgbHandle&& other) noexcept {
    std::swap(h_, other.h_);
    return *this;
  }
  ~XgbHandle() {
    if (h_ != nullptr) Free(h_);
  }
  Handle get() const { return h_; }
  Handle* out() { return &h_; }  // for C calls that create the handle; must be empty

 private:
  Handle h_ = nullptr;
};

using DMatrix = XgbHandle<DMatrixHandle, XGDMatrixFree>;
using Booster = XgbHandle<BoosterHandle, XGBoosterFree>;

}  // namespace groupfit
