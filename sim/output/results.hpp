#pragma once
// What a run records: integer counts of simulated residents per year, by zone, sex, age group and
// education, plus the life-table inputs (exposure and deaths by single year of age). Integer counts
// make the totals independent of the order of summation, hence of the thread count. Multiply by
// `weight` for full-population values.
#include <array>
#include <cstdint>
#include <vector>

#include "sim/core/types.hpp"
#include "sim/core/vocabulary.hpp"
#include "sim/labour/labour_market.hpp"
#include "sim/output/counter_memory.hpp"

namespace hhu {

// Everything a run counts, per zone and cell (sex x age group x education). Stocks are counted on
// 1 January, events when they happen, amounts are sums kept in fixed point (kAmountScale units per
// unit) so that they stay integers and independent of the order of summation.
enum class Measure : int {
    // demography
    Population = 0, Births, Deaths, Immigration, Emigration,
    // denominators (stocks)
    Adults, Youth, Seniors,
    // risk factors among adults 18+ (stocks)
    Smokers, OverweightOrObese, Obese, Active, ExcessiveAlcohol, Distress, LonelySevere,
    // youth 12-25 (stock)
    YouthDistress,
    // children 4-17 and those among them with overweight or obesity (stocks)
    Children, ChildrenOverweight,
    // chronic conditions, all ages (stocks), one per row of kConditions (condition_measure)
    ConditionFirst,
    // seniors 65+ (stocks)
    Frail = ConditionFirst + kNumConditions, HomeCare, NursingHome,
    InformalCareNeed,  // living at home and frail, with home care or with dementia (who rely on informal care)
    // events: new cases of each condition (incidence_measure), then the others
    IncidenceFirst, BirthsBig2 = IncidenceFirst + kNumConditions, PerinatalDeaths, HipFractures, Falls, NursingHomeAdmissions,
    // amounts (fixed point)
    CareHoursGp, CareHoursHomeCare, CareHoursNursingHome, CareHoursMentalHealth, CostEur, Qalys, Yld, Yll, HealthyYears,
    // interventions
    InterventionParticipants, InterventionCost,
    // the first 1000 days: births preterm and SGA, child protection reports (events, in the year of birth),
    // neonatal care costs and the costs after a child protection report (amounts, also inside CostEur), and
    // the expected preterm and SGA births attributable to smoking in pregnancy (amounts: sum over the births
    // to smoking mothers of the probability minus the probability had she not smoked)
    BirthsPreterm, BirthsSga, ChildProtectionReports, NeonatalCareCost, ChildProtectionCost,
    PretermSmokingAttributable, SgaSmokingAttributable,
    // falls and fractures: QALYs lost after them (amount); nursing-home admissions within 12 months of a hip fracture
    QalyLossFalls, NursingHomeAdmissionsAfterHipFracture,
    // digital care (stocks on 1 January): residents enrolled in a digital-care programme, residents 12+ with at
    // least basic digital skills, and all residents 12+ (the denominator)
    DigitalCareParticipants, DigitallySkilled, ResidentsAged12Plus,
    // life satisfaction of adults 18+ and informal carers 18+ (stocks), then amounts (sim/health/wellbeing); the
    // QALYs carers lose while giving care (also subtracted from Qalys)
    LifeSatisfactionPoints, Satisfied, Happy, InformalCarers, HeavilyBurdenedCarers,
    Wellbys, InformalCareHoursGiven, InformalCareValueEur, QalyLossCarers,
    // the child's asthma attributable to preterm birth (amounts: expected child-years with asthma, their care cost,
    // also inside CostEur)
    PretermAsthmaChildYears, PretermAsthmaCost,
    // special educational needs attributable to preterm birth (amounts: expected pupil-years, their extra cost, which
    // is education spending and not inside CostEur)
    PretermSpecialEducationPupilYears, PretermSpecialEducationCost,
    // hospital admissions for heart failure (amount: expected admissions of the residents with heart failure)
    HeartFailureAdmissions,
    kCount
};
using Counter = Measure;  // the demographic measures were called counters first
inline constexpr int kNumMeasures = static_cast<int>(Measure::kCount);
inline constexpr int kNumCounters = 5;  // population, births, deaths, immigration, emigration
inline constexpr std::array<std::string_view, kNumCounters> kCounterNames = {"population", "births", "deaths",
                                                                             "immigration", "emigration"};
inline constexpr double kAmountScale = 10000.0;
// Amounts (years, hours, euros) are summed as integers in units of 1 / kAmountScale, so that totals do
// not depend on the order of addition (threads). Rounds half away from zero like std::llround, inline
// (llround is a library call, and the health model's monthly accruals make tens of millions of them).
inline std::int64_t to_amount_units(double x) {
    return x >= 0 ? static_cast<std::int64_t>(x + 0.5) : -static_cast<std::int64_t>(0.5 - x);
}
constexpr int measure_index(Measure m) { return static_cast<int>(m); }
constexpr Measure condition_measure(int c) { return static_cast<Measure>(measure_index(Measure::ConditionFirst) + c); }
constexpr Measure incidence_measure(int c) { return static_cast<Measure>(measure_index(Measure::IncidenceFirst) + c); }

// When a measure is counted: a stock is the residents in a state on 1 January (known from a year's
// first month on), a flow the events or amounts of the whole year. The switch names every measure and
// has no default, so a measure added to the enum without being classified here is a compiler warning
// (-Wswitch) and fails tests/output/test_measures.cpp.
enum class MeasureTiming { Stock, Flow, Unclassified };
constexpr MeasureTiming measure_timing(Measure m) {
    using M = Measure;
    const int i = measure_index(m), conditions = measure_index(M::ConditionFirst), incidence = measure_index(M::IncidenceFirst);
    if (i >= conditions && i < conditions + kNumConditions) return MeasureTiming::Stock;  // prevalent conditions
    if (i >= incidence && i < incidence + kNumConditions) return MeasureTiming::Flow;     // new cases
    switch (m) {
        case M::Population: case M::Adults: case M::Youth: case M::Seniors: case M::Smokers:
        case M::OverweightOrObese: case M::Obese: case M::Active: case M::ExcessiveAlcohol: case M::Distress:
        case M::LonelySevere: case M::YouthDistress: case M::Children: case M::ChildrenOverweight:
        case M::ConditionFirst: case M::Frail: case M::HomeCare: case M::NursingHome: case M::InformalCareNeed:
        case M::DigitalCareParticipants: case M::DigitallySkilled: case M::ResidentsAged12Plus:
        case M::LifeSatisfactionPoints: case M::Satisfied: case M::Happy: case M::InformalCarers:
        case M::HeavilyBurdenedCarers:
            return MeasureTiming::Stock;
        case M::Births: case M::Deaths: case M::Immigration: case M::Emigration: case M::IncidenceFirst:
        case M::BirthsBig2: case M::PerinatalDeaths: case M::HipFractures: case M::Falls:
        case M::NursingHomeAdmissions: case M::CareHoursGp: case M::CareHoursHomeCare: case M::CareHoursNursingHome:
        case M::CareHoursMentalHealth: case M::CostEur: case M::Qalys: case M::Yld: case M::Yll: case M::HealthyYears:
        case M::InterventionParticipants: case M::InterventionCost: case M::BirthsPreterm: case M::BirthsSga:
        case M::ChildProtectionReports: case M::NeonatalCareCost: case M::ChildProtectionCost:
        case M::PretermSmokingAttributable: case M::SgaSmokingAttributable: case M::QalyLossFalls:
        case M::NursingHomeAdmissionsAfterHipFracture: case M::Wellbys: case M::InformalCareHoursGiven:
        case M::InformalCareValueEur: case M::QalyLossCarers: case M::PretermAsthmaChildYears:
        case M::PretermAsthmaCost: case M::HeartFailureAdmissions: case M::PretermSpecialEducationPupilYears:
        case M::PretermSpecialEducationCost:
            return MeasureTiming::Flow;
        case M::kCount:
            break;
    }
    return MeasureTiming::Unclassified;
}

inline constexpr int kCellsPerZone = kNumSexes * kNumAgeGroups * kNumEducation;
constexpr int cell_of(int sex, int group, int edu) { return (sex * kNumAgeGroups + group) * kNumEducation + edu; }

struct YearCounters {
    using Column = std::vector<std::int64_t, CounterAllocator<std::int64_t>>;  // memory kept for the next run
    int num_zones = 0;
    Column counts;          // [measure][zone][cell]
    Column internal_moves;  // [aggregate][cell]: moves with origin and destination inside it
    // Life-table inputs by single year of age: [zone][sex][education][age].
    Column exposure_months;    // months lived
    Column deaths_by_age;      // deaths
    Column good_health_months; // expected months in good perceived health, fixed point
    // Months lived by residents who may give informal care (18+, in a year with a need for it) by [zone][cell]: the
    // carers' QALYs lost are settled from them at each merge
    // (WellbeingModel::settle_carers): the exact sum, rounded once, with no order of residents in it.
    Column adult_months;

    void reset(int zones);
    void add(const YearCounters& other);
    std::int64_t& count(Counter c, int zone, int cell) {
        return counts[(static_cast<std::size_t>(c) * num_zones + zone) * kCellsPerZone + cell];
    }
    std::int64_t count(Counter c, int zone, int cell) const {
        return counts[(static_cast<std::size_t>(c) * num_zones + zone) * kCellsPerZone + cell];
    }
    std::int64_t& internal(int aggregate, int cell) { return internal_moves[aggregate * kCellsPerZone + cell]; }
    std::int64_t internal(int aggregate, int cell) const { return internal_moves[aggregate * kCellsPerZone + cell]; }
    std::size_t age_index(int zone, int sex, int edu, int age) const {
        return ((static_cast<std::size_t>(zone) * kNumSexes + sex) * kNumEducation + edu) * kNumAges + age;
    }
    // Shares `amount` (simulated residents' units, e.g. euros x scale) among the residents of 1 January of the zones
    // `in_zone` names, booked in measure m of their cells: each resident the same whole number of 1/kAmountScale units
    // (the year's Population counts must be in: output.count_january runs first). Nothing without residents.
    template <typename InZone>
    void share_among_residents(Measure m, double amount, InZone&& in_zone) {
        std::int64_t residents = 0;
        for (int z = 0; z < num_zones; ++z)
            if (in_zone(z))
                for (int cell = 0; cell < kCellsPerZone; ++cell) residents += count(Measure::Population, z, cell);
        if (residents <= 0) return;
        const std::int64_t each = to_amount_units(amount / static_cast<double>(residents) * kAmountScale);
        for (int z = 0; z < num_zones; ++z)
            if (in_zone(z))
                for (int cell = 0; cell < kCellsPerZone; ++cell) count(m, z, cell) += count(Measure::Population, z, cell) * each;
    }
};

struct Results {
    double weight = 1.0;          // full-population residents per simulated resident
    int first_year = kFirstYear;
    std::vector<YearCounters> years;  // years[y - first_year], complete or in progress
    YearCounters end_population;      // population on 1 January after the last simulated year
    int completed_years = 0;
    bool health = false;              // the health model ran: its measures are meaningful
    std::vector<LabourYear> labour;   // the care labour market of the province, per complete year
};

}  // namespace hhu
