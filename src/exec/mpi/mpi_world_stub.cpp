// MpiWorld in a build without OpenMPI (GROUPFIT_MPI off or libopenmpi-dev missing): see
// mpi_world.hpp. Asking for it is a InputError; nothing else here is reachable.
#include <cstdlib>

#include "exec/mpi/mpi_world.hpp"
#include "groupfit/error.hpp"

namespace groupfit {

bool launched_by_mpi() {
  return false;
}

MpiWorld& MpiWorld::get() {
  throw InputError(
      "--executor mpi: this groupfit was built without MPI (install libopenmpi-dev and "
      "openmpi-bin, then rebuild)");
}

MpiWorld::MpiWorld() = default;
MpiWorld::~MpiWorld() = default;
struct MpiWorld::PendingSend {};
// The signature is mpi_world.cpp's, which keeps the bytes until MPI has sent them.
void MpiWorld::send(int, std::string) {}  // NOLINT(performance-unnecessary-value-param)
void MpiWorld::flush() {}
void MpiWorld::reap_sends() {}
std::optional<MpiMessage> MpiWorld::receive(int, double) {
  return std::nullopt;
}
void MpiWorld::abort(int code) {
  std::exit(code);
}

}  // namespace groupfit
