// The care labour market's yearly step and the levers (see labour_market.hpp for the equations).
#include "sim/labour/labour_market.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>
#include <stdexcept>

#include "sim/core/error.hpp"
#include "sim/core/state_archive.hpp"

namespace hhu {

const std::array<std::string_view, kNumLevers> kLeverNames = {"student_inflow",   "study_dropout", "retention",
                                                              "hours_per_worker", "productivity",  "lateral_entry"};

namespace {

constexpr std::string_view kLeverPrefix = "labour_";

template <std::size_t N>
double sum(const std::array<double, N>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0);
}

}  // namespace

// ------------------------------------------------------------------------------------------------
// Levers
// ------------------------------------------------------------------------------------------------

int LabourLevers::lever_of(std::string_view target) {
    if (target.substr(0, kLeverPrefix.size()) != kLeverPrefix) return -1;
    const auto name = target.substr(kLeverPrefix.size());
    for (int l = 0; l < kNumLevers; ++l)
        if (kLeverNames[l] == name) return l;
    return -1;
}

bool LabourLevers::is_labour_target(std::string_view target) { return lever_of(target) >= 0; }

double LabourLevers::get(Lever lever, int year) const {
    const int i = year - first_year;
    if (i < 0 || i >= static_cast<int>(multiplier.size())) return 1.0;
    return multiplier[i][static_cast<int>(lever)];
}

double LabourLevers::fixed_cost(int year) const {
    const int i = year - first_year;
    if (i < 0 || i >= static_cast<int>(fixed_cost_eur.size())) return 0.0;
    return fixed_cost_eur[i];
}

LabourLevers LabourLevers::from_specs(const std::vector<LeverSpec>& specs, int first_year, int last_year) {
    if (last_year < first_year) throw std::invalid_argument("LabourLevers::from_specs: last_year < first_year");
    LabourLevers levers;
    levers.first_year = first_year;
    const auto years = static_cast<std::size_t>(last_year - first_year + 1);
    std::array<double, kNumLevers> ones;
    ones.fill(1.0);
    levers.multiplier.assign(years, ones);
    levers.fixed_cost_eur.assign(years, 0.0);
    for (const auto& s : specs) {
        const int l = lever_of(s.target);
        const auto bad = [&](const std::string& what) {
            return InputError("labour lever '" + s.target + "': " + what);
        };
        if (l < 0) {
            std::string valid;
            for (auto n : kLeverNames)
                valid += (valid.empty() ? "" : ", ") + std::string(kLeverPrefix) + std::string(n);
            throw bad("unknown target (expected one of: " + valid + ")");
        }
        if (!(s.multiplier > 0)) throw bad("the multiplier must be above 0, got " + std::to_string(s.multiplier));
        if (s.end_year < s.start_year) throw bad("end_year is before start_year");
        if (s.ramp_up_years < 0) throw bad("ramp_up_years must not be negative");
        if (s.cost_per_year_eur < 0) throw bad("cost_per_year_eur must not be negative");
        for (int y = first_year; y <= last_year; ++y) {
            if (y < s.start_year || y > s.end_year) continue;
            const double share =
                s.ramp_up_years <= 0 ? 1.0 : std::min(1.0, (y - s.start_year + 1) / s.ramp_up_years);
            levers.multiplier[y - first_year][l] *= 1.0 + (s.multiplier - 1.0) * share;
            levers.fixed_cost_eur[y - first_year] += s.cost_per_year_eur * share;
        }
    }
    return levers;
}

// ------------------------------------------------------------------------------------------------
// Results
// ------------------------------------------------------------------------------------------------

double LabourYear::total_fte_supply() const { return sum(fte_supply); }
double LabourYear::total_fte_demand() const { return sum(fte_demand); }

// ------------------------------------------------------------------------------------------------
// The model
// ------------------------------------------------------------------------------------------------

const SupplyTrend& LabourData::trend(int year) const {
    static const SupplyTrend neutral;
    if (trends.empty()) return neutral;
    const int i = std::clamp(year - base_year, 0, static_cast<int>(trends.size()) - 1);
    return trends[i];
}

LabourMarket::LabourMarket(const LabourData& data, LabourLevers levers, LabourSupplyOptions supply)
    : data_(data), levers_(std::move(levers)), supply_(supply) {}

LabourMarket::LabourMarket(const LabourData& data, LabourLevers levers, const LabourCalibration& calibration,
                           LabourSupplyOptions supply)
    : data_(data), levers_(std::move(levers)), supply_(supply), calibration_(calibration), fixed_calibration_(true) {}

double LabourMarket::driver(int kind, const Residents& residents,
                            const std::array<double, kNumHealthCareKinds>& care_hours) const {
    if (kind < kNumHealthCareKinds) return care_hours[kind];
    double d = 0;
    for (int s = 0; s < kNumSexes; ++s)
        for (int a = 0; a < kNumAges; ++a) d += residents[s][a] * data_.driver_weight[kind][age_group_of(a)];
    return d;
}

// Inflow from education relative to the data's, in the flows of `flow_year`: more students enter
// lag years later; lower dropout turns more of the students into graduates.
double LabourMarket::education_factor(int flow_year) const {
    const double students = levers_.get(Lever::StudentInflow, flow_year - data_.student_inflow_lag_years);
    const double dropout = levers_.get(Lever::StudyDropout, flow_year - data_.study_dropout_lag_years);
    const double d0 = data_.study_dropout_rate;
    const double graduates = std::max(0.0, 1.0 - d0 * dropout) / (1.0 - d0);
    return students * graduates;
}

// Retirement probability of a worker aged `age` during `flow_year`: the base year's schedule moved to later
// ages by the rise of the state pension age (A-LAB-RETIREMENT-AOW), linear between single ages; 1 at the
// stock's last age whatever the shift.
double LabourMarket::retirement(int sex, int age, int flow_year) const {
    if (age == kLabourMaxAge || !supply_.retirement_follows_pension_age) return data_.at(sex, age).retirement;
    const double x = age - data_.trend(flow_year).retirement_shift_years;
    const auto at = [&](int a) {  // the schedule below the last age (74 is the stock's end, not a retirement age)
        return data_.at(sex, std::clamp(a, kLabourMinAge - 1, kLabourMaxAge - 1)).retirement;
    };
    const int lo = static_cast<int>(std::floor(x));
    const double f = x - lo;
    return f == 0 ? at(lo) : (1 - f) * at(lo) + f * at(lo + 1);
}

// Entrants of a year without levers: from education or lateral, for the residents given.
double LabourMarket::base_inflow(int flow_year, const Residents& residents, bool education) const {
    double n = 0;
    for (int s = 0; s < kNumSexes; ++s)
        for (int a = kLabourMinAge - 1; a < kLabourMaxAge; ++a) {
            const auto& r = data_.at(s, a);
            n += (education ? r.education_inflow : r.lateral_inflow) * residents[s][a];
        }
    return n * inflow_trend(flow_year, education);
}

// Entrants per table entrant in the flows of `flow_year` from the supply trends (and the stock's scale).
double LabourMarket::inflow_trend(int flow_year, bool education) const {
    const double rate = supply_.inflow_at_published_rates ? data_.inflow_scale : 1.0;
    const double intake =
        education && supply_.education_intake_trend ? data_.trend(flow_year).education_intake : 1.0;
    return calibration_.stock_scale * rate * intake;
}

void LabourMarket::initialise(const Residents& residents, const std::array<double, kNumHealthCareKinds>& care_hours) {
    double stock = 0, all = 0;
    for (int s = 0; s < kNumSexes; ++s) {
        for (int a = kLabourMinAge; a <= kLabourMaxAge; ++a)
            stock += stock_[s][a - kLabourMinAge] = data_.at(s, a).participation * residents[s][a];
        for (double r : residents[s]) all += r;
    }
    if (!fixed_calibration_) calibration_.stock_scale = stock > 0 ? data_.workers_per_1000 / 1000.0 * all / stock : 1.0;
    for (auto& by_age : stock_)
        for (double& w : by_age) w *= calibration_.stock_scale;
    if (fixed_calibration_) return;

    // Demand per driver unit: base-year demand = lever-free supply x (1 + base gap).
    double fte = 0;
    for (int s = 0; s < kNumSexes; ++s)
        for (int a = kLabourMinAge; a <= kLabourMaxAge; ++a)
            fte += stock_[s][a - kLabourMinAge] * data_.at(s, a).hours_per_week;
    fte /= data_.fte_hours_per_week;
    for (int k = 0; k < kNumCareKinds; ++k) {
        const double d = driver(k, residents, care_hours);
        const double demand = fte * data_.fte_share[k] * (1.0 + data_.base_gap_share);
        calibration_.calibrated[k] = d > 0;
        calibration_.fte_per_unit[k] =
            d > 0 ? demand / d : (k < kNumHealthCareKinds ? 1.0 / data_.productive_hours_per_fte : 0.0);
    }
}

void LabourMarket::apply_flows(int flow_year, const Residents& residents, LabourYear& out) {
    const double retention = levers_.get(Lever::Retention, flow_year);
    const double lateral = levers_.get(Lever::LateralEntry, flow_year) * inflow_trend(flow_year, false);
    const double education = education_factor(flow_year) * inflow_trend(flow_year, true);
    std::array<std::array<double, kLabourAges>, kNumSexes> next{};
    for (int s = 0; s < kNumSexes; ++s) {
        for (int a = kLabourMinAge - 1; a <= kLabourMaxAge; ++a) {
            const auto& r = data_.at(s, a);
            const double w = a >= kLabourMinAge ? stock_[s][a - kLabourMinAge] : 0.0;
            const double p = previous_residents_[s][a];
            const double retire = retirement(s, a, flow_year);
            const double other = w * std::min(r.outflow_other * retention, 1.0 - retire);
            double retired = w * retire;
            const double from_education = r.education_inflow * education * p;
            const double from_lateral = r.lateral_inflow * lateral * p;
            double staying = w - other - retired + from_education + from_lateral;
            if (a == kLabourMaxAge) {  // the stock ends at 74: whoever is left retires
                retired += staying;
                staying = 0;
            }
            const double cohort = p > 0 ? residents[s][a + 1] / p : 0.0;
            out.inflow_education += from_education;
            out.inflow_lateral += from_lateral;
            out.outflow_other += other;
            out.outflow_retirement += retired;
            out.net_migration += staying * (cohort - 1.0);
            if (a < kLabourMaxAge) next[s][a + 1 - kLabourMinAge] = staying * cohort;
        }
    }
    stock_ = next;
}

LabourYear LabourMarket::advance_year(int year, const Residents& residents,
                                      const std::array<double, kNumHealthCareKinds>& care_hours) {
    LabourYear out;
    out.year = year;
    if (last_year_ == 0) {
        initialise(residents, care_hours);
    } else {
        if (year != last_year_ + 1) {
            std::ostringstream msg;
            msg << "LabourMarket::advance_year: expected year " << last_year_ + 1 << ", got " << year;
            throw std::logic_error(msg.str());
        }
        apply_flows(year - 1, residents, out);
    }
    last_year_ = year;
    previous_residents_ = residents;

    // Supply.
    const double hours =
        levers_.get(Lever::HoursPerWorker, year) * (supply_.hours_trend ? data_.trend(year).hours : 1.0);
    double fte = 0;
    for (int s = 0; s < kNumSexes; ++s)
        for (int a = kLabourMinAge; a <= kLabourMaxAge; ++a) {
            const double w = stock_[s][a - kLabourMinAge];
            out.workers += w;
            if (s == static_cast<int>(Sex::Male)) out.workers_men += w;
            if (a >= 55) out.workers_55plus += w;
            fte += w * data_.at(s, a).hours_per_week * hours;
        }
    fte /= data_.fte_hours_per_week;
    for (int k = 0; k < kNumCareKinds; ++k) {
        out.workers_by_kind[k] = out.workers * data_.worker_share[k];
        out.fte_supply[k] = fte * data_.fte_share[k];
    }

    // Demand.
    const double productivity = levers_.get(Lever::Productivity, year);
    for (int k = 0; k < kNumCareKinds; ++k)
        out.fte_demand[k] = driver(k, residents, care_hours) * calibration_.fte_per_unit[k] / productivity;

    // Costs: the specs' fixed costs and the published unit costs of this year's extra entrants.
    out.lever_cost_fixed_eur = levers_.fixed_cost(year);
    const double extra_students = std::max(0.0, levers_.get(Lever::StudentInflow, year) - 1.0);
    const double extra_lateral = std::max(0.0, levers_.get(Lever::LateralEntry, year) - 1.0);
    if (extra_students > 0)
        out.lever_cost_unit_eur += data_.unit_cost_eur[static_cast<int>(Lever::StudentInflow)] * extra_students *
                                   base_inflow(year, residents, true);
    if (extra_lateral > 0)
        out.lever_cost_unit_eur += data_.unit_cost_eur[static_cast<int>(Lever::LateralEntry)] * extra_lateral *
                                   base_inflow(year, residents, false);
    out.lever_cost_eur = out.lever_cost_fixed_eur + out.lever_cost_unit_eur;
    return out;
}

template <typename Archive>
void LabourMarket::transfer_state(Archive& a) {
    a.section("labour");
    a(calibration_);
    a(fixed_calibration_);
    a(stock_);
    a(previous_residents_);
    a(last_year_);
}
template void LabourMarket::transfer_state(StateWriter&);
template void LabourMarket::transfer_state(StateReader&);

}  // namespace hhu
