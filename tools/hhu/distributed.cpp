#include "distributed.hpp"

#include <cstdlib>
#include <type_traits>

#ifdef HHU_HAVE_MPI
#include <mpi.h>
#endif

namespace hhu {

namespace {
Distributed state;

#ifdef HHU_HAVE_MPI
bool launched_by_mpirun() {
    for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "MPI_LOCALNRANKS"})
        if (std::getenv(v) != nullptr) return true;
    return false;
}
#endif

enum class Combine { Max, Sum };
// Every rank's x combined (the largest or the sum; every rank calls it), x itself in a single process.
template <typename T>
T all_ranks(T x, [[maybe_unused]] Combine how) {
    static_assert(std::is_same_v<T, int> || std::is_same_v<T, double>);
#ifdef HHU_HAVE_MPI
    if (state.active && state.size > 1) {
        T all{};
        MPI_Allreduce(&x, &all, 1, std::is_same_v<T, int> ? MPI_INT : MPI_DOUBLE,
                      how == Combine::Max ? MPI_MAX : MPI_SUM, MPI_COMM_WORLD);
        return all;
    }
#endif
    return x;
}
}  // namespace

const Distributed& distributed_init(int* argc, char*** argv) {
#ifdef HHU_HAVE_MPI
    if (launched_by_mpirun()) {
        MPI_Init(argc, argv);
        MPI_Comm_rank(MPI_COMM_WORLD, &state.rank);
        MPI_Comm_size(MPI_COMM_WORLD, &state.size);
        state.active = true;
    }
#else
    (void)argc;
    (void)argv;
#endif
    return state;
}

const Distributed& distributed() { return state; }

int distributed_max(int status) { return all_ranks(status, Combine::Max); }

double distributed_sum(double x) { return all_ranks(x, Combine::Sum); }

void distributed_finalize() {
#ifdef HHU_HAVE_MPI
    if (state.active) MPI_Finalize();
    state.active = false;
#endif
}

}  // namespace hhu
