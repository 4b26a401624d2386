// MpiWorld over OpenMPI: see mpi_world.hpp. The only file that includes mpi.h.
#include "exec/mpi/mpi_world.hpp"

#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <thread>

#include "groupfit/error.hpp"

namespace groupfit {
namespace {

constexpr int kTag = 7;
constexpr std::chrono::microseconds kLongestPause{5000};

void check(int code, const char* what) {
  if (code != MPI_SUCCESS) throw std::runtime_error(std::string("MPI: ") + what + " failed");
}

}  // namespace

bool launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

MpiWorld& MpiWorld::get() {
  if (!launched_by_mpi()) {
    throw InputError(
        "--executor mpi: this process was not started by an MPI launcher; run it as "
        "`mpirun -n N groupfit train ...` (N >= 2) or under `srun --mpi=pmix`");
  }
  static MpiWorld world;
  return world;
}

struct MpiWorld::PendingSend {
  std::string bytes;
  MPI_Request request = MPI_REQUEST_NULL;
};

MpiWorld::MpiWorld() {
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (!initialized) {
    int provided = 0;
    // MPI is called from the run's thread only; OpenMP threads never touch it.
    check(MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  MPI_Comm node;
  check(MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, rank_, MPI_INFO_NULL, &node),
        "MPI_Comm_split_type");
  MPI_Comm_size(node, &ranks_on_node_);
  int lowest = rank_;
  MPI_Allreduce(&rank_, &lowest, 1, MPI_INT, MPI_MIN, node);
  coordinator_on_node_ = lowest == 0;
  MPI_Comm_free(&node);
}

MpiWorld::~MpiWorld() {
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (finalized) return;
  try {
    flush();
  } catch (const std::exception&) {
    // Finalizing anyway: the job is ending.
  }
  MPI_Finalize();
}

void MpiWorld::send(int to, std::string bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    throw std::runtime_error("MPI: a message above 2 GiB (one group's rows) cannot be sent");
  }
  auto pending = std::make_unique<PendingSend>();
  pending->bytes = std::move(bytes);
  check(MPI_Isend(pending->bytes.data(), static_cast<int>(pending->bytes.size()), MPI_BYTE, to,
                  kTag, MPI_COMM_WORLD, &pending->request),
        "MPI_Isend");
  sends_.push_back(std::move(pending));
  reap_sends();
}

void MpiWorld::reap_sends() {
  std::erase_if(sends_, [](const std::unique_ptr<PendingSend>& s) {
    int done = 0;
    check(MPI_Test(&s->request, &done, MPI_STATUS_IGNORE), "MPI_Test");
    return done != 0;
  });
}

void MpiWorld::flush() {
  auto pause = std::chrono::microseconds(20);
  for (reap_sends(); !sends_.empty(); reap_sends()) {
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, kLongestPause);
  }
}

std::optional<MpiMessage> MpiWorld::receive(int from, double seconds) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(std::max(seconds, 0.0));
  auto pause = std::chrono::microseconds(20);
  for (;;) {
    reap_sends();
    int flag = 0;
    MPI_Status status;
    check(MPI_Iprobe(from < 0 ? MPI_ANY_SOURCE : from, kTag, MPI_COMM_WORLD, &flag, &status),
          "MPI_Iprobe");
    if (flag) {
      int count = 0;
      MPI_Get_count(&status, MPI_BYTE, &count);
      MpiMessage message;
      message.source = status.MPI_SOURCE;
      message.bytes.resize(static_cast<std::size_t>(count));
      check(MPI_Recv(message.bytes.data(), count, MPI_BYTE, status.MPI_SOURCE, kTag, MPI_COMM_WORLD,
                     MPI_STATUS_IGNORE),
            "MPI_Recv");
      return message;
    }
    if (seconds >= 0 && std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, kLongestPause);
  }
}

void MpiWorld::abort(int code) {
  MPI_Abort(MPI_COMM_WORLD, code);
  std::abort();  // not reached
}

}  // namespace groupfit
