// The --id column should identify rows, since it is what predictions.csv names them by. A
// repeated id is worth a warning but not a failure: the run's models and metrics do not depend
// on it, and a user training on a file with a sloppy id column still wants the models.
#pragma once

#include <optional>
#include <string>

#include "table/table.hpp"

namespace groupfit {

// A warning naming one repeated value, the first two data rows holding it and how many rows
// repeat an earlier id; nullopt when every present id is distinct (missing ids are ignored).
std::optional<std::string> repeated_id_warning(const Column& id);

}  // namespace groupfit
