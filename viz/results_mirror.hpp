#pragma once
// The UI thread's own Results, kept in step with the snapshots: Indicators needs one Results with
// every year, so each year is copied in when a snapshot brings a new version of it (a complete year
// once, the year in progress at each snapshot). The address of results() never changes, so an
// Indicators built on it stays valid.
#include <cstdint>
#include <memory>
#include <vector>

#include "sim/output/results.hpp"
#include "sim_runner.hpp"

namespace hhu::viz {

class ResultsMirror {
public:
    // Brings results() up to `snap`. Returns true if the run changed (a restart): cached values are stale.
    bool sync(const Snapshot& snap);
    const Results& results() const { return results_; }

private:
    Results results_;
    std::vector<std::shared_ptr<const YearCounters>> sources_;  // what each year was copied from
    std::shared_ptr<const YearCounters> end_source_;
    std::uint64_t run_id_ = ~0ull;
};

}  // namespace hhu::viz
