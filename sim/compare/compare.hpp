#pragma once
// Comparing a scenario with a baseline: the paired differences (replicate r of the scenario minus
// replicate r of the baseline; both used the same seed, so the difference is the policy, not the
// noise) of health gains, cases and deaths averted, care, costs, cost per QALY and inequality gaps,
// at 2030, at the last year (2040) and cumulated, each the mean paired difference with its 95%
// t-interval and Monte Carlo standard error (sim/core/statistics.hpp). This computes the rows; the
// command line prints them.
#include <array>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sim/compare/productivity.hpp"
#include "sim/compare/yearly_reader.hpp"
#include "sim/core/statistics.hpp"
#include "sim/scenario/scenario_words.hpp"

namespace hhu {

class Indicators;

// Utrecht's 10 districts: the best-worst district gap is always over these.
inline constexpr std::array<const char*, 10> kUtrechtDistricts = {"WK034401", "WK034402", "WK034403", "WK034404",
                                                                  "WK034405", "WK034406", "WK034407", "WK034408",
                                                                  "WK034409", "WK034410"};

// Discounting of the cumulated differences, at the rates of the Dutch guideline for economic
// evaluations in health care (Zorginstituut Nederland, Richtlijn voor het uitvoeren van economische
// evaluaties in de gezondheidszorg, 2024, section 2.6.1.2: 3% a year for costs, 1.5% for effects;
// docs/research/figures_wave2.md). A year's flow is discounted by (1 + r)^-(year - base year).
inline constexpr double kDiscountCosts2024 = 0.03;
inline constexpr double kDiscountEffects2024 = 0.015;
// Dutch reference values of a QALY by burden of disease (Zorginstituut Nederland, Kosteneffectiviteit in
// de praktijk, 2015): the net monetary benefit is shown at each.
inline constexpr std::array<double, 3> kReferenceValuesPerQaly = {20000, 50000, 80000};

// The model's care prices (data/health: costs.csv over care_use.csv), with which compare splits the
// change in care costs by payer (HealthData gives them: care_prices() in sim/compare/payers.hpp).
// The prices compare values care and lost production at, in kPriceYear prices (sim/model/prices.hpp).
struct CarePrices {
    double nursing_home_per_hour = 0;  // euro per hour of nursing-home care: cost per resident-year / hours
    double home_care_per_hour = 0;     // euro per hour of home care: cost per client-year / hours
    double productivity_per_hour = 0;  // euro per hour of paid work lost (sim/compare/productivity.hpp)
};

struct CompareOptions {
    std::string zone = "PV26";  // a zone code or an aggregate (GM0344, U10, U16, PV26)
    double discount_costs = kDiscountCosts2024;      // per year: euros and care hours
    double discount_effects = kDiscountEffects2024;  // per year: QALYs, life years, cases, deaths
    int discount_base_year = 0;                      // 0: the first year of the runs
    // Absent: compare_runs reads them from the baseline run's data directory (sim/compare/payers.hpp);
    // compare_tables leaves the costs by payer unsplit (their rows say why).
    std::optional<CarePrices> care_prices;
    // The friction period of the productivity losses (sim/compare/productivity.hpp), in calendar days.
    double friction_days = kFrictionPeriodDays2002;
};

// The factor of a flow in `year` discounted at `rate` to `base_year`.
double discount_factor(double rate, int year, int base_year);

// What a run directory says about itself (manifest.json) and where its yearly tables are.
struct RunInfo {
    std::filesystem::path dir;
    std::string scenario_name;
    ScenarioWords words;  // its title and description as the manifest records them (for headings)
    std::uint64_t seed = 0;
    double scale = 1;
    std::vector<std::filesystem::path> yearly_files;  // DIR/replicates/NNN/yearly.csv, or DIR/yearly.csv
    // lifetime.csv beside each yearly file (hhu run --lifetime); empty unless every replicate has one.
    std::vector<std::filesystem::path> lifetime_files;
    std::filesystem::path data_directory;  // the data the run read (manifest.json), "" if not recorded
    std::string hhu_version;               // the build that wrote it (manifest.json), "" if not recorded
    // Its scenario's settings other than its programmes, words, seed, replicates and end year (the manifest's
    // scenario, those left out; JSON text): two runs compared should differ in their programmes alone.
    std::string settings;
    bool programmes = false;  // its scenario has programmes (interventions)
};
// Reads DIR/manifest.json and finds the replicates; InputError naming the directory or file.
RunInfo read_run_info(const std::filesystem::path& dir);

// Lifetime: the whole period plus the expected tail of the residents alive at its end (lifetime.csv of
// `hhu run --lifetime`, sim/simulation/lifetime_tail.hpp), undiscounted and discounted; reported only
// when every replicate of both runs has the tail.
enum class PeriodKind { Year, LastYear, Cumulated, Discounted, Lifetime, LifetimeDiscounted };
inline constexpr int kNumPeriods = 6;
constexpr bool is_lifetime(int period) { return period >= static_cast<int>(PeriodKind::Lifetime); }
constexpr bool is_discounted(int period) {
    return period == static_cast<int>(PeriodKind::Discounted) || period == static_cast<int>(PeriodKind::LifetimeDiscounted);
}

struct ComparisonRow {
    std::string measure;  // identifier, e.g. qalys_gained
    std::string label;    // for people, e.g. "QALYs gained"
    std::string unit;
    std::string group;  // heading in the printed table: Health, Cases averted, Care, Costs, Inequality
    bool available = true;       // false: an indicator it needs is not in the runs
    // A level (life expectancy, a gap, an index), not a flow: its whole-period columns repeat the last year's value
    // (compare's convention, said in its note); a brief leaves them blank.
    bool level = false;
    std::string note;            // why not available, or how to read it
    // Per period (PeriodKind order); absent: not defined (a year not simulated, cost per QALY n/a).
    std::array<std::optional<Estimate>, kNumPeriods> values;
    // Per period: the replicates that would make the 95% interval exclude zero at the spread seen (the
    // half-width below |mean|); absent with one replicate, a zero mean or an undefined value.
    std::array<std::optional<int>, kNumPeriods> replicates_to_tell_from_zero;
    // Per period: the paired differences themselves, one per replicate (what the interval is computed
    // from; `hhu compare` over parameter draws decomposes their spread); empty where not defined and for
    // cost per QALY (a ratio of means).
    std::array<std::vector<double>, kNumPeriods> differences;
    // Cost per QALY only: "ratio", "dominant" (costs fall, QALYs rise), "dominated" (costs rise, QALYs
    // fall) or "undefined" (no QALYs gained, costs do not rise).
    std::string status;
};

// One replicate pair on the cost-effectiveness plane: QALYs gained and net cost (intervention costs +
// change in care costs) over the whole period, undiscounted and discounted.
struct PlanePoint {
    double qalys_gained = 0, net_cost = 0;
    double qalys_gained_discounted = 0, net_cost_discounted = 0;
    // Lifetime, discounted (NaN without the lifetime tail).
    double qalys_gained_lifetime_discounted = NAN, net_cost_lifetime_discounted = NAN;
};

struct Comparison {
    RunInfo baseline, scenario;
    std::string zone;
    int first_year = 0, last_year = 0;
    // "2030", "2040" (or the last year), "cumulated", "discounted" (cumulated, discounted), "lifetime",
    // "lifetime discounted"
    std::array<std::string, kNumPeriods> periods;
    // 2030 (0 when not simulated or when it is the last year: then not reported), then the last year thrice,
    // then for the lifetime periods the tail's last year (0 without the tail: not reported).
    std::array<int, kNumPeriods> period_years{};
    bool lifetime = false;  // the lifetime periods are reported (every replicate has its tail)
    int replicates = 0;                            // pairs compared
    double discount_costs = 0, discount_effects = 0;
    int discount_base_year = 0;
    double friction_days = 0;  // of the productivity losses
    double productivity_price_per_hour = 0;  // kPriceYear prices; 0 without prices (no productivity rows)
    std::vector<std::string> warnings;
    std::vector<ComparisonRow> rows;
    std::vector<PlanePoint> plane;  // [replicate]; empty without QALYs or care costs in the runs
};

// Reads both run directories and computes every row. InputError (naming the file) for a missing
// directory or file, a malformed row, a missing population, different first years or zone sets,
// an unknown zone, or an indicator present in one file and not the other.
Comparison compare_runs(const std::filesystem::path& baseline_dir, const std::filesystem::path& scenario_dir,
                        const CompareOptions& options = {});

// The same from tables already read (or taken from runs in memory, yearly_rows below): replicate r of
// the baseline paired with replicate r of the scenario. `baseline` and `scenario` describe the runs
// (their yearly_files may be empty: then the tables are the replicates).
// `baseline_tails` and `scenario_tails`, if given and as many as the tables, are the lifetime tails
// (lifetime.csv) of the same replicates.
Comparison compare_tables(RunInfo baseline, RunInfo scenario, const std::vector<YearlyRows>& baseline_tables,
                          const std::vector<YearlyRows>& scenario_tables, const CompareOptions& options = {},
                          const std::vector<YearlyRows>& baseline_tails = {},
                          const std::vector<YearlyRows>& scenario_tails = {});
// The rows of lifetime.csv a comparison with these options reads.
YearlyFilter lifetime_filter(const CompareOptions& options);
// The rows of yearly.csv a comparison with these options reads.
YearlyFilter comparison_filter(const CompareOptions& options);
// Those rows from a run in memory (the viewer's): written as yearly.csv writes them and read back as
// from the file, so that a comparison of runs in memory equals `hhu compare` of their run directories.
// `name` stands for the file in messages.
YearlyRows yearly_rows(const Indicators& indicators, const YearlyFilter& filter, const std::string& name);

// The one definition of cost per QALY gained used everywhere (compare, viewer, scenarios/README.md):
// the net cost, (intervention costs + change in care costs), over the QALYs gained. Values are paired
// per replicate; the result is the ratio of the mean differences with Fieller's interval.
Estimate cost_per_qaly(std::span<const double> intervention_cost, std::span<const double> care_cost_change,
                       std::span<const double> qalys_gained);
// The same for one run pair (no interval): net cost / QALYs gained; NaN when no QALYs are gained.
double cost_per_qaly(double intervention_cost, double care_cost_change, double qalys_gained);

// The measures a reader sees first, in order (the viewer's "What changes"): a new headline row of compare
// (WELLBYs, say) is listed here and every front end that shows the headline shows it.
const std::vector<std::string>& headline_measures();

// Whether a row is reported over the whole period only (cost per QALY, net benefit), and whether it is
// reported for a period at all (2030 only when simulated and not the last year).
bool whole_period_only(const ComparisonRow& row);
bool reported(const Comparison& c, const ComparisonRow& row, int period);

// measure,unit,period,mean,lower,upper,mcse,replicates ("n/a" where not defined).
std::string comparison_csv(const Comparison& c);
std::string comparison_json(const Comparison& c);
// The cost-effectiveness plane: replicate,qalys_gained,net_cost_eur,qalys_gained_discounted,net_cost_eur_discounted.
std::string comparison_plane_csv(const Comparison& c);
// The acceptability curve over replicates: for values per QALY from 0 to 200,000 euro in steps of 5,000,
// the share of replicates whose net monetary benefit is positive (undiscounted and discounted). Over
// replicates alone it shows Monte Carlo uncertainty, not parameter uncertainty.
std::string comparison_acceptability_csv(const Comparison& c);

}  // namespace hhu
