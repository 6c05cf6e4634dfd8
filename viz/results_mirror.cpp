#include "results_mirror.hpp"

namespace hhu::viz {

bool ResultsMirror::sync(const Snapshot& snap) {
    const bool new_run = snap.run_id != run_id_;
    if (new_run) {
        run_id_ = snap.run_id;
        results_ = Results{};
        sources_.clear();
        end_source_.reset();
    }
    results_.weight = snap.weight;
    results_.health = snap.health;
    results_.first_year = kFirstYear;
    results_.completed_years = snap.steps_done / kMonthsPerYear;
    results_.labour = snap.labour;
    if (results_.years.size() < snap.years.size()) {
        results_.years.resize(snap.years.size());
        sources_.resize(snap.years.size());
    }
    for (std::size_t y = 0; y < snap.years.size(); ++y)
        if (sources_[y] != snap.years[y]) {
            results_.years[y] = *snap.years[y];
            sources_[y] = snap.years[y];
        }
    if (snap.end_population && snap.end_population != end_source_) {
        results_.end_population = *snap.end_population;
        end_source_ = snap.end_population;
    }
    return new_run;
}

}  // namespace hhu::viz
