// loaded_columns: see loaded_columns.hpp.
#include "loaded_columns.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <memory>
#include <vector>

namespace py = pybind11;

namespace groupfit::python {
namespace {

// A numpy array over `values`, which the array's capsule then owns.
template <typename T>
py::array_t<T> array_owning(std::vector<T>&& values) {
  auto owned = std::make_unique<std::vector<T>>(std::move(values));
  const std::vector<T>& v = *owned;
  py::capsule owner(owned.get(), [](void* p) {
    std::unique_ptr<std::vector<T>>(static_cast<std::vector<T>*>(p));
  });
  owned.release();  // the capsule deletes it
  return py::array_t<T>({static_cast<py::ssize_t>(v.size())}, {sizeof(T)}, v.data(), owner);
}

const char* type_name(InputType type) {
  switch (type) {
    case InputType::Bool:
      return "bool";
    case InputType::Int64:
      return "int64";
    case InputType::Timestamp:
      return "timestamp";
    case InputType::Text:
      return "text";
    default:
      return "float64";
  }
}

}  // namespace

py::list loaded_columns(LoadedTable&& table) {
  py::list columns;
  for (LoadedColumn& c : table.columns) {
    py::dict d;
    d["name"] = c.name;
    d["type"] = type_name(c.type);
    d["missing"] = array_owning(std::move(c.missing));
    switch (c.type) {
      case InputType::Bool:
        d["values"] = array_owning(std::move(c.bools));
        break;
      case InputType::Int64:
      case InputType::Timestamp:
        d["values"] = array_owning(std::move(c.ints));
        break;
      case InputType::Text:
        d["values"] = array_owning(std::move(c.codes));
        d["categories"] = c.categories;
        break;
      default:
        d["values"] = array_owning(std::move(c.doubles));
        break;
    }
    columns.append(d);
  }
  return columns;
}

}  // namespace groupfit::python
