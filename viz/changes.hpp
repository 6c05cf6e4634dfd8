#pragma once
// "What changes": the scenario minus its baseline, paired (the same seeds), for the headline measures
// in 2030, 2040 and cumulated, each with its 95% interval when there are replicates. The numbers are
// sim/compare's (the one definition), so they equal `hhu compare`'s on the same runs. They come from
// the runs in memory (yearly_rows) or from two run directories written by `hhu run`, opened by path.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/compare/compare.hpp"
#include "sim/report/report_text.hpp"
#include "sim/output/indicators.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/scenario_words.hpp"

namespace hhu::viz {

// The runs compared, for the panel's heading and the CSV's columns.
struct ChangesRuns {
    std::string scenario;  // title in plain words
    std::string baseline;
    double scale = 1;
    std::uint64_t seed = 0;
    std::string origin;  // "simulated in the viewer", or the directories opened
};

// A scenario's title in plain words in `lang` (sim/scenario/scenario_words.hpp, the policy brief's rule):
// its `title_nl` in Dutch, else its `title`, else its description up to the first colon or full stop
// when short, else its name with spaces ("Seniors fall prevention", not "seniors_fall_prevention").
std::string plain_title(const Scenario& scenario, Language lang);
// Its description in `lang`: `description_nl` in Dutch when the file has one.
std::string plain_description(const Scenario& scenario, Language lang);

// From runs in memory: replicate r of the baseline paired with replicate r of the scenario. The costs
// by payer take the care prices of `data_dir` (the data the runs read), as `hhu compare` takes them
// from the baseline run's data directory; without them the comparison warns and leaves payers out.
Comparison compare_in_memory(const std::vector<const Indicators*>& baseline,
                             const std::vector<const Indicators*>& scenario, const ChangesRuns& runs,
                             const std::filesystem::path& data_dir);

// The costs panel: compare's rows of costs, value for money (cost per QALY, net monetary benefit),
// costs by payer, returns on investment and break-even years, and the societal perspective (informal
// care, productivity losses, the societal net cost and net benefit), in compare's order.
std::vector<const ComparisonRow*> cost_rows(const Comparison& c);
// The periods the costs panel shows: cumulated, discounted, and the lifetime ones when reported.
std::vector<int> cost_periods(const Comparison& c);
// A cell of the costs panel as shown in `lang`: `hhu compare`'s own string (comparison_cell), in Dutch
// through sim/report's localise_figure ("1,5 mln", "70.750"); "–" for none.
std::string costs_cell_shown(const Comparison& c, const ComparisonRow& row, int period, Language lang);
// The costs panel as a table: group,measure,label,unit,period,cell, each cell exactly as `hhu compare`
// prints it (comparison_cell), shown (the cell as the panel shows it in `lang`), then the runs, as in
// changes_csv.
std::string costs_csv(const Comparison& c, const ChangesRuns& runs, Language lang = Language::English);

// "+1.2 [0.8, 1.6]" in the row's unit, or "n/a".
std::string estimate_text(const ComparisonRow& row, int period);
// The headline rows as a table: measure,label,unit,period,year,mean,lower,upper,replicates, then the
// runs (scenario,baseline,scale,seed,version) on every row, so that a row copied alone keeps them.
std::string changes_csv(const Comparison& c, const ChangesRuns& runs);

}  // namespace hhu::viz
