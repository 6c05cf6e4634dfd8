#pragma once
// The care labour market: who will provide the care the region needs. A cohort stock-flow model of
// the province's residents employed in care and welfare, by sex and single age 15..74 (not agents),
// advanced once a year, set against the FTE that the residents' care use needs, by kind of care.
// Tables, sources and assumptions: data/labour/README.md (built by tools/build_labour_data.py).
//
// One year, from the stock on 1 January of year t to that of t+1, per sex and age a:
//   W(t+1, a+1) = [W (1 - outflow_other x retention - retirement(a - shift(t)))
//                  + P(t, a) inflow_scale (education_inflow x intake(t) x students x dropout
//                                          + lateral_inflow x lateral)]
//                 x P(t+1, a+1) / P(t, a)
// where P are the simulation's residents (the last factor: the cohort's migration and deaths), inflow_scale
// the published entrants over the steady state's, intake(t) the index of entrants from care education and
// shift(t) the rise of the state pension age since the base year (data/labour/supply_trends.csv), as the
// regional forecasts model the supply. Supply FTE = workers x hours per week x hours index(t) x hours lever / 36,
// shared over the kinds by fixed shares. With every trend off (LabourSupplyOptions::frozen()) the flows are
// the base year's steady state: participation by age stays at 2021's.
// Demand FTE of a kind = its driver (the health model's care hours, or residents weighted by use)
// x FTE per driver unit / productivity lever; the FTE per unit is fixed in the base year so that
// demand = supply x (1 + base gap). Gap = demand - supply.
#include <array>
#include <type_traits>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/types.hpp"
#include "sim/model/model_data.hpp"

namespace hhu {

inline constexpr int kNumCareKinds = 6;
enum class CareKind : int { Gp = 0, HomeCare, NursingHome, MentalHealth, Hospital, OtherWelfare };
extern const std::array<std::string_view, kNumCareKinds> kCareKindNames;  // gp, home_care, ...
// The first four kinds get their demand from the health model's care hours (Measure::CareHours*).
inline constexpr int kNumHealthCareKinds = 4;

// The supply trends are tabled for the years base year..kLabourLastYear (the last year a scenario runs).
inline constexpr int kLabourLastYear = 2040;

// The workforce's ages: the stock holds 15..74; the tables also give entrants aged 14.
inline constexpr int kLabourMinAge = 15, kLabourMaxAge = 74;
inline constexpr int kLabourAges = kLabourMaxAge - kLabourMinAge + 1;

// Policy levers. A lever's multiplier m multiplies the named quantity (1 = no change):
//   student_inflow    inflow from education (intake), effective student_inflow_lag_years later
//   study_dropout     the dropout rate of care students, effective study_dropout_lag_years later
//   retention         outflow to other sectors (0.9: one in ten leavers kept)
//   hours_per_worker  contract hours per worker
//   productivity      productivity of care work: demand FTE is divided by m (digital and connected care)
//   lateral_entry     entry from other sectors
inline constexpr int kNumLevers = 6;
enum class Lever : int { StudentInflow = 0, StudyDropout, Retention, HoursPerWorker, Productivity, LateralEntry };
extern const std::array<std::string_view, kNumLevers> kLeverNames;  // student_inflow, ...; targets: labour_<name>

// Per sex and age: rates of data/labour/workforce.csv.
struct LabourAgeRates {
    double participation = 0;     // workers per resident on 1 January of the base year
    double hours_per_week = 0;    // contract hours per worker
    double education_inflow = 0;  // entrants from education during a year, per resident of this age on 1 January
    double lateral_inflow = 0;    // entrants from other sectors during a year, per resident
    double outflow_other = 0;     // annual probability that a worker leaves for another sector or inactivity
    double retirement = 0;        // annual probability that a worker retires (1 at 74)
};

// The published trends of the supply in one year (data/labour/supply_trends.csv; neutral in the base year).
struct SupplyTrend {
    double education_intake = 1;        // entrants from education during the year, relative to the base year's
    double retirement_shift_years = 0;  // retirement probabilities apply this many years of age later
    double hours = 1;                   // contract hours on 1 January, relative to the base year's
};

// Which trends a run's supply follows (the scenario's section "labour"); all off: participation frozen at 2021.
struct LabourSupplyOptions {
    bool inflow_at_published_rates = true;       // entrants x inflow_scale
    bool education_intake_trend = true;          // entrants from education x SupplyTrend::education_intake
    bool retirement_follows_pension_age = true;  // retirement by age moved by SupplyTrend::retirement_shift_years
    bool hours_trend = true;                     // hours x SupplyTrend::hours
    static LabourSupplyOptions frozen() { return {false, false, false, false}; }
};

struct LabourData {
    std::vector<DataFile> files;  // every file read, with its checksum ("labour/<name>")

    int base_year = kFirstYear;
    double workers_per_1000 = 0;         // residents employed in care per 1000 residents, base year
    double fte_hours_per_week = 36;      // hours per week in one FTE
    double productive_hours_per_fte = 0; // hours worked per FTE per year (fallback conversion of care hours)
    double base_gap_share = 0;           // base-year demand / supply - 1
    double study_dropout_rate = 0;       // share of care students who drop out
    double inflow_scale = 1;             // published entrants / the steady state's entrants (base year)
    int student_inflow_lag_years = 0, study_dropout_lag_years = 0;

    std::array<std::array<LabourAgeRates, kLabourAges + 1>, kNumSexes> rates{};  // [sex][age - 14], ages 14..74
    const LabourAgeRates& at(int sex, int age) const { return rates[sex][age - kLabourMinAge + 1]; }

    std::array<double, kNumCareKinds> worker_share{}, fte_share{};  // each sums to 1
    // Relative demand per resident by age group for the kinds the health model does not cover
    // (hospital, other_welfare); unused (0) for the health-driven kinds.
    std::array<std::array<double, kNumAgeGroups>, kNumCareKinds> driver_weight{};
    std::array<double, kNumLevers> unit_cost_eur{};  // per extra entrant (student_inflow, lateral_entry); 0 else
    std::vector<SupplyTrend> trends;                 // [year - base_year], base_year..kLabourLastYear
    // The trend of `year`; the nearest tabled year outside the table.
    const SupplyTrend& trend(int year) const;
};

// Reads data_dir/labour/*.csv; throws InputError naming the file, the line and the column.
LabourData load_labour_data(const std::filesystem::path& data_dir, const PriceIndex& prices);

// One lever of a scenario: from an intervention effect with target "labour_<lever>".
struct LeverSpec {
    std::string target;             // "labour_student_inflow", ...
    double multiplier = 1;          // the effect's relative_risk
    int start_year = 2021, end_year = 2040;
    double ramp_up_years = 0;       // the multiplier moves linearly from 1 to its value over this many years
    double cost_per_year_eur = 0;   // fixed yearly cost while running (ramped like the effect)
};

// Per-year multipliers of every lever (1 = no change) and the specs' fixed costs.
struct LabourLevers {
    int first_year = kFirstYear;
    std::vector<std::array<double, kNumLevers>> multiplier;  // [year - first_year][lever]
    std::vector<double> fixed_cost_eur;                      // [year - first_year]

    double get(Lever lever, int year) const;  // 1 outside the years held
    double fixed_cost(int year) const;        // 0 outside the years held

    // Years first..last; the ramp share in a year is min(1, (year - start + 1) / ramp_up_years)
    // between start and end (as for interventions), 0 outside; the year's multiplier is
    // 1 + (m - 1) x share, and several specs on one lever multiply. Throws InputError naming the
    // target for an unknown target, a multiplier <= 0, end < start or a negative ramp or cost.
    static LabourLevers from_specs(const std::vector<LeverSpec>& specs, int first_year, int last_year);
    static bool is_labour_target(std::string_view target);
    static int lever_of(std::string_view target);  // index into kLeverNames, -1 if not a labour target
};

struct LabourYear {
    int year = 0;
    double workers = 0;                                          // persons, residents employed in care and welfare
    std::array<double, kNumCareKinds> workers_by_kind{};
    std::array<double, kNumCareKinds> fte_supply{}, fte_demand{};  // gap = demand - supply
    double lever_cost_eur = 0;        // fixed + unit costs of the levers in this year
    double lever_cost_fixed_eur = 0;  // the specs' cost_per_year_eur (ramped)
    double lever_cost_unit_eur = 0;   // published unit costs x extra entrants (lever_costs.csv)
    double workers_men = 0, workers_55plus = 0;
    // Flows during the previous year that led to this year's stock (all 0 in the first year):
    // workers = previous workers + inflow_education + inflow_lateral - outflow_other - outflow_retirement
    //           + net_migration.
    double inflow_education = 0, inflow_lateral = 0, outflow_other = 0, outflow_retirement = 0, net_migration = 0;

    double fte_gap(int kind) const { return fte_demand[kind] - fte_supply[kind]; }
    double total_fte_supply() const;
    double total_fte_demand() const;
    double total_fte_gap() const { return total_fte_demand() - total_fte_supply(); }
};

// What the first year fixes, so that a scenario can reuse its baseline's (then a lever or a health
// intervention that acts in the first year shows against the baseline instead of being calibrated away).
struct LabourCalibration {
    double stock_scale = 1;                          // base-year stock / (participation x residents)
    // Demand FTE per driver unit: per care hour (health kinds) or per weighted resident.
    std::array<double, kNumCareKinds> fte_per_unit{};
    std::array<bool, kNumCareKinds> calibrated{};    // false: no driver in the base year, fallback conversion
};

// Compiles only while LabourYear has 15 members and LabourCalibration 3: a member added must be listed below too.
inline void labour_state_members_listed() {
    [[maybe_unused]] auto [y0, y1, y2, y3, y4, y5, y6, y7, y8, y9, y10, y11, y12, y13, y14] = LabourYear{};
    [[maybe_unused]] auto [c0, c1, c2] = LabourCalibration{};
}

// Both structs member by member in a saved state (sim/core/state_archive.hpp): they have padding (after LabourYear's
// year, after the calibration's flags), which would make a state's bytes differ from run to run. Every member is
// listed: a state holds them all.
template <typename A, typename Y>
    requires std::is_same_v<std::remove_const_t<Y>, LabourYear>
void state_fields(A& a, Y& y) {
    static_assert(sizeof(LabourYear) == 8 + 8 * (11 + 3 * kNumCareKinds), "a member added to LabourYear: list it here");
    a(y.year);
    a(y.workers);
    a(y.workers_by_kind);
    a(y.fte_supply);
    a(y.fte_demand);
    a(y.lever_cost_eur);
    a(y.lever_cost_fixed_eur);
    a(y.lever_cost_unit_eur);
    a(y.workers_men);
    a(y.workers_55plus);
    a(y.inflow_education);
    a(y.inflow_lateral);
    a(y.outflow_other);
    a(y.outflow_retirement);
    a(y.net_migration);
}
template <typename A, typename C>
    requires std::is_same_v<std::remove_const_t<C>, LabourCalibration>
void state_fields(A& a, C& c) {
    static_assert(sizeof(LabourCalibration) == 8 + 8 * kNumCareKinds + (kNumCareKinds + 7) / 8 * 8,
                  "a member added to LabourCalibration: list it here");
    a(c.stock_scale);
    a(c.fte_per_unit);
    for (auto& flag : c.calibrated) a(flag);
}

class LabourMarket {
public:
    using Residents = std::array<std::array<double, kNumAges>, kNumSexes>;

    LabourMarket(const LabourData& data, LabourLevers levers, LabourSupplyOptions supply = {});
    // Uses a calibration from another run (its baseline) instead of fixing one in the first year.
    LabourMarket(const LabourData& data, LabourLevers levers, const LabourCalibration& calibration,
                 LabourSupplyOptions supply = {});

    // residents[sex][age 0..105] of the province on 1 January of `year` (full population);
    // care_hours[kind] of the health model during `year` for the first four kinds (full population, hours).
    // Call once per year in order; the first call initialises the stock and calibrates demand.
    // Throws std::logic_error when called out of order.
    LabourYear advance_year(int year, const Residents& residents,
                            const std::array<double, kNumHealthCareKinds>& care_hours);

    const LabourCalibration& calibration() const { return calibration_; }
    // What changes in a run (sim/simulation/saved_state.hpp): the calibration, the stock and the last year advanced to.
    template <typename Archive>
    void transfer_state(Archive& a);
    // Workers by [sex][age - 15] on 1 January of the last year advanced to.
    const std::array<std::array<double, kLabourAges>, kNumSexes>& stock() const { return stock_; }
    int last_year() const { return last_year_; }

private:
    void initialise(const Residents& residents, const std::array<double, kNumHealthCareKinds>& care_hours);
    void apply_flows(int flow_year, const Residents& residents, LabourYear& out);
    double driver(int kind, const Residents& residents,
                  const std::array<double, kNumHealthCareKinds>& care_hours) const;
    double education_factor(int flow_year) const;
    double retirement(int sex, int age, int flow_year) const;
    double base_inflow(int flow_year, const Residents& residents, bool education) const;
    double inflow_trend(int flow_year, bool education) const;

    LabourData data_;
    LabourLevers levers_;
    LabourSupplyOptions supply_;
    LabourCalibration calibration_;
    bool fixed_calibration_ = false;
    std::array<std::array<double, kLabourAges>, kNumSexes> stock_{};
    Residents previous_residents_{};
    int last_year_ = 0;  // 0: not started
};

}  // namespace hhu
