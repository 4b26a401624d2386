// HeldTable: see held_table.hpp.
#include "held_table.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <map>
#include <string_view>

namespace py = pybind11;

namespace groupfit::python {
namespace {

struct Layout {
  InputType type;
  char kind;  // numpy's dtype.kind of the values
  std::size_t bytes;
};

const std::map<std::string, Layout, std::less<>>& layouts() {
  static const std::map<std::string, Layout, std::less<>> table = {
      {"bool", {InputType::Bool, 'b', 1}},       {"int32", {InputType::Int32, 'i', 4}},
      {"int64", {InputType::Int64, 'i', 8}},     {"float32", {InputType::Float32, 'f', 4}},
      {"float64", {InputType::Float64, 'f', 8}}, {"timestamp", {InputType::Timestamp, 'i', 8}},
      {"text", {InputType::Text, 'i', 0}},  // codes of 1, 2, 4 or 8 bytes
  };
  return table;
}

// `object` as a one-dimensional, C-contiguous, native-order numpy array of `rows` elements of
// `kind` (and `bytes`, unless 0); TypeError naming the column otherwise.
py::array checked_array(const py::handle& object, std::size_t rows, char kind, std::size_t bytes,
                        const std::string& column, const char* what) {
  const auto fail = [&](const std::string& why) {
    return py::type_error("column '" + column + "': " + what + " " + why);
  };
  if (!py::isinstance<py::array>(object)) throw fail("must be a numpy array");
  auto array = py::reinterpret_borrow<py::array>(object);
  if (array.ndim() != 1 || static_cast<std::size_t>(array.shape(0)) != rows) {
    throw fail("must be one-dimensional with " + std::to_string(rows) + " elements");
  }
  if (!(array.flags() & py::array::c_style)) throw fail("must be contiguous");
  const py::dtype dtype = array.dtype();
  if (dtype.kind() != kind || (bytes != 0 && static_cast<std::size_t>(dtype.itemsize()) != bytes) ||
      !dtype.attr("isnative").cast<bool>()) {
    throw fail("has dtype " + std::string(py::str(py::handle(dtype))) + ", not the expected one");
  }
  return array;
}

}  // namespace

HeldTable::HeldTable(std::size_t rows, const py::list& columns, std::string fingerprint) {
  table_.rows = rows;
  table_.fingerprint = std::move(fingerprint);
  table_.columns.reserve(columns.size());
  for (const py::handle& item : columns) {
    const auto spec = item.cast<py::tuple>();
    if (spec.size() != 5)
      throw py::value_error("a column is (name, kind, values, missing, categories)");
    InputColumn column;
    column.name = spec[0].cast<std::string>();
    const auto kind = spec[1].cast<std::string>();
    const auto layout = layouts().find(kind);
    if (layout == layouts().end()) {
      throw py::value_error("column '" + column.name + "': unknown kind '" + kind + "'");
    }
    column.type = layout->second.type;
    const py::array values = checked_array(spec[2], rows, layout->second.kind, layout->second.bytes,
                                           column.name, "values");
    column.values = values.data();
    held_.push_back(values);
    if (!spec[3].is_none()) {
      const py::array missing = checked_array(spec[3], rows, 'b', 1, column.name, "missing");
      column.missing = static_cast<const std::uint8_t*>(missing.data());
      held_.push_back(missing);
    }
    if (column.type == InputType::Text) {
      column.code_bytes = static_cast<std::size_t>(values.dtype().itemsize());
      const auto categories = spec[4].cast<py::list>();
      column.categories.reserve(categories.size());
      for (const py::handle& category : categories) {
        if (!PyUnicode_Check(category.ptr())) {
          throw py::type_error("column '" + column.name + "': a category is not a str");
        }
        Py_ssize_t size = 0;
        const char* text = PyUnicode_AsUTF8AndSize(category.ptr(), &size);
        if (text == nullptr) throw py::error_already_set();  // not encodable: lone surrogates
        column.categories.emplace_back(text, static_cast<std::size_t>(size));
      }
      held_.push_back(categories);  // the list holds the str objects, which hold the text
    }
    table_.columns.push_back(std::move(column));
  }
}

}  // namespace groupfit::python
