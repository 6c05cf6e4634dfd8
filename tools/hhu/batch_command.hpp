#pragma once
// `hhu batch plan.json --out DIR`: the runs of a plan (sim/batch/plan.hpp) over threads and MPI ranks,
// resumable, with one progress line and the plan's tables (sim/batch/plan_tables.hpp).
#include <string>

namespace hhu {

struct BatchCommand {
    std::string plan;
    std::string out;
    std::string data_dir;
    int threads = 0;        // threads of each run; 0: the cores shared among the runs at once
    int runs_at_once = 0;   // 0: all cores' worth at small scale (<= 0.05), one run at a time above
    bool check_only = false;
    bool quiet = false;
};
int batch_command(const BatchCommand& cmd);

}  // namespace hhu
