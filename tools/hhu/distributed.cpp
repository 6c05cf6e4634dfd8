#include "distributed.hpp"

#include <cstdlib>

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

int distributed_max(int status) {
#ifdef HHU_HAVE_MPI
    if (state.active && state.size > 1) {
        int all = 0;
        MPI_Allreduce(&status, &all, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
        return all;
    }
#endif
    return status;
}

double distributed_sum(double x) {
#ifdef HHU_HAVE_MPI
    if (state.active && state.size > 1) {
        double all = 0;
        MPI_Allreduce(&x, &all, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
        return all;
    }
#endif
    return x;
}

void distributed_finalize() {
#ifdef HHU_HAVE_MPI
    if (state.active) MPI_Finalize();
    state.active = false;
#endif
}

}  // namespace hhu
