#pragma once
// Distributed batches: under `mpirun -np N hhu run ... -r R`, the N ranks share the R replicates
// (rank k runs replicates k, k+N, ...; the run directory must be on a file system all ranks see), and
// rank 0 averages them once all are done. Outside mpirun (or in a build without MPI) hhu runs alone:
// MPI is initialised only when a launcher started the process, so a plain `hhu` never waits for one.
// Every replicate has its own seed and the average reads them in order, so the outputs are
// byte-identical whatever the number of ranks.
#include <string>

namespace hhu {

struct Distributed {
    int rank = 0;
    int size = 1;
    bool active = false;  // MPI initialised (launched by mpirun)
};

// Call once at the start of main; returns the process's place in the batch.
const Distributed& distributed_init(int* argc, char*** argv);
const Distributed& distributed();
// Every rank passes its status (0: fine); returns the largest, so that a failure on one rank stops
// all of them instead of leaving the others waiting.
int distributed_max(int status);
// Every rank passes a number; returns their sum (a rank's seconds of some kind, summed for the plan's manifest).
double distributed_sum(double x);
void distributed_finalize();

}  // namespace hhu
