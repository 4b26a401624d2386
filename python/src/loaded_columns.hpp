// groupfit::load_table's columns as numpy arrays for groupfit.read_parquet (groupfit/__init__.py
// builds the DataFrame). The arrays take over the engine's vectors, no copy.
#pragma once

#include <pybind11/pybind11.h>

#include "groupfit/loaded_table.hpp"

namespace groupfit::python {

// A list with one dict per column: name, type ("bool", "int64", "float64", "timestamp" or
// "text"), values (a numpy array: uint8, int64, float64, int64 nanoseconds or int32 codes),
// missing (uint8, 1 where missing) and, for text, categories (a list of str).
pybind11::list loaded_columns(LoadedTable&& table);

}  // namespace groupfit::python
