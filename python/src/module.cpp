// _groupfit: the C++ half of the `groupfit` Python module. It binds groupfit::train and
// groupfit::predict (include/groupfit/) for the pure-Python layer (groupfit/__init__.py), which
// turns DataFrames into columns and outputs into DataFrames. Each call runs the engine with the
// GIL released and Ctrl-C honoured (background_call.hpp); the engine's typed errors become
// Python exceptions with the CLI's one-line message: groupfit.InputError (a ValueError: bad
// input, options or parameters), groupfit.OutputError (an OSError: an output that cannot be
// written) and groupfit.Error, their base.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <xgboost/c_api.h>

#include <atomic>
#include <string>
#include <vector>

#include "background_call.hpp"
#include "groupfit/error.hpp"
#include "groupfit/groupfit.hpp"
#include "groupfit/loaded_table.hpp"
#include "held_table.hpp"
#include "loaded_columns.hpp"
#include "train_options.hpp"

namespace py = pybind11;

namespace groupfit::python {
namespace {

// The input of a call: a path (str) or a HeldTable. Sets `read_input` (the name in messages)
// and returns the table, or null for a path.
const InputTable* input_of(const py::object& data, std::string& read_input) {
  if (py::isinstance<HeldTable>(data)) {
    if (read_input.empty()) read_input = "<DataFrame>";
    return &data.cast<const HeldTable&>().table();
  }
  read_input = data.cast<std::string>();
  return nullptr;
}

py::dict report_dict(const TrainReport& report) {
  py::dict d;
  d["metric_names"] = report.metric_names;
  d["ok"] = report.ok;
  d["skipped"] = report.skipped;
  d["failed"] = report.failed;
  d["resumed"] = report.resumed;
  d["interrupted"] = report.interrupted;
  d["read_seconds"] = report.read_seconds;
  d["train_seconds"] = report.train_seconds;
  d["wall_seconds"] = report.wall_seconds;
  py::array_t<std::uint64_t> rows(static_cast<py::ssize_t>(report.prediction_rows.size()));
  std::copy(report.prediction_rows.begin(), report.prediction_rows.end(), rows.mutable_data());
  d["prediction_rows"] = rows;
  return d;
}

py::dict train_binding(const py::object& data, const py::dict& options,
                       const py::object& on_warning, const py::object& on_progress) {
  TrainConfig config = train_config_from(options);
  config.read.table = input_of(data, config.read.input);
  std::atomic<bool> stop{false};
  config.stop = &stop;
  TrainReport report;
  call_in_background(
      [&](Relay& relay) {
        report = train(
            config, [&relay](const std::string& w) { relay.warn(w); },
            [&relay](const Progress& p) {
              if (!p.tuning) relay.progress(p);  // the bar counts groups; folds come first
            });
      },
      &stop, on_warning, on_progress);
  return report_dict(report);
}

py::dict predict_binding(const py::object& data, const std::string& models_dir,
                         const std::string& output, const std::vector<std::string>& keep,
                         const py::object& on_warning) {
  PredictConfig config;
  config.table = input_of(data, config.input);
  config.models_dir = models_dir;
  config.output = output;
  config.keep = keep;
  std::atomic<bool> stop{false};
  config.stop = &stop;
  PredictReport report;
  call_in_background(
      [&](Relay& relay) {
        report = predict(config, [&relay](const std::string& w) { relay.warn(w); });
      },
      &stop, on_warning, py::none());
  py::dict d;
  d["rows"] = report.rows;
  d["predicted"] = report.predicted;
  d["rows_without_model"] = report.rows_without_model;
  d["groups_without_model"] = report.groups_without_model;
  return d;
}

py::list load_binding(const std::string& path, const std::vector<std::string>& columns,
                      const py::object& on_warning) {
  ReadOptions read;
  read.input = path;
  LoadedTable table;
  call_in_background(
      [&](Relay& relay) {
        table = load_table(read, columns, [&relay](const std::string& w) { relay.warn(w); });
      },
      nullptr, on_warning, py::none());
  return loaded_columns(std::move(table));
}

py::object new_exception(const char* name, const py::tuple& bases, const char* doc) {
  PyObject* type = PyErr_NewExceptionWithDoc(name, doc, bases.ptr(), nullptr);
  if (type == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(type);
}

}  // namespace
}  // namespace groupfit::python

PYBIND11_MODULE(_groupfit, m) {
  using namespace groupfit::python;
  m.doc() = "groupfit's engine, bound for the groupfit package; use `import groupfit`.";

  // Owned for the life of the process (released, never decreased: static objects are destroyed
  // after the interpreter): the translator below refers to them.
  static const py::handle error =
      new_exception("groupfit.Error", py::make_tuple(py::handle(PyExc_Exception)),
                    "A groupfit run could not be done.")
          .release();
  static const py::handle input_error =
      new_exception("groupfit.InputError", py::make_tuple(error, py::handle(PyExc_ValueError)),
                    "Bad input, options or parameters (the CLI's exit status 2).")
          .release();
  static const py::handle output_error =
      new_exception("groupfit.OutputError", py::make_tuple(error, py::handle(PyExc_OSError)),
                    "An output cannot be written (no permission, disk full, folder in use).")
          .release();
  m.attr("Error") = error;
  m.attr("InputError") = input_error;
  m.attr("OutputError") = output_error;
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const groupfit::InputError& e) {
      PyErr_SetString(input_error.ptr(), e.what());
    } catch (const groupfit::OutputError& e) {
      PyErr_SetString(output_error.ptr(), e.what());
    } catch (const groupfit::Error& e) {
      PyErr_SetString(error.ptr(), e.what());
    }
  });

  py::class_<HeldTable>(m, "Table", "Columns of a DataFrame, held for the engine to read.")
      .def(py::init<std::size_t, const py::list&, std::string>(), py::arg("rows"),
           py::arg("columns"), py::arg("fingerprint") = "");

  m.def("train", &train_binding, py::arg("data"), py::arg("options"),
        py::arg("on_warning") = py::none(), py::arg("on_progress") = py::none(),
        "Trains one model per group; returns the run's report as a dict.");
  m.def("predict", &predict_binding, py::arg("data"), py::arg("models_dir"), py::arg("output"),
        py::arg("keep") = std::vector<std::string>{}, py::arg("on_warning") = py::none(),
        "Writes the predictions of a models/ folder for `data` to the CSV file `output`.");
  m.def("load", &load_binding, py::arg("path"), py::arg("columns") = std::vector<std::string>{},
        py::arg("on_warning") = py::none(),
        "Reads a CSV or Parquet file as train reads it; returns its columns (a list of dicts).");
  m.def("xgboost_version", [] {
    int major = 0, minor = 0, patch = 0;
    XGBoostVersion(&major, &minor, &patch);
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
  });
  m.attr("__version__") = GROUPFIT_VERSION;
}
