// A groupfit::InputTable over Python objects: the numpy arrays and category strings the Python
// layer (groupfit/_frame.py) took from a DataFrame, referenced for as long as this object lives,
// so the engine can read them with the GIL released. Nothing is copied here: the pointers are
// the arrays' own memory and the categories' UTF-8 text as CPython caches it in each str.
#pragma once

#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "groupfit/input_table.hpp"

namespace groupfit::python {

class HeldTable {
 public:
  // `columns`: a list of (name, kind, values, missing, categories) where kind is "bool",
  // "int32", "int64", "float32", "float64", "timestamp" (int64 nanoseconds) or "text" (signed
  // integer codes into `categories`, a list of str); values and missing (None, or one byte per
  // row, nonzero where missing) are one-dimensional, C-contiguous numpy arrays of `rows`
  // elements. Throws TypeError/ValueError naming the column for anything else.
  HeldTable(std::size_t rows, const pybind11::list& columns, std::string fingerprint);

  const InputTable& table() const { return table_; }

 private:
  InputTable table_;
  std::vector<pybind11::object> held_;  // what the pointers in table_ point into
};

}  // namespace groupfit::python
