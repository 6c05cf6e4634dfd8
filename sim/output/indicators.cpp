#include "sim/output/indicators.hpp"


#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <deque>
#include <functional>
#include <cmath>

#include "sim/model/prices.hpp"
#include "sim/core/error.hpp"
#include "sim/labour/labour_market.hpp"
#include "sim/output/life_table.hpp"

namespace hhu {

std::vector<ReportingUnit> reporting_units(const ModelData& data) {
    std::vector<ReportingUnit> u;
    for (int z = 0; z < data.num_zones(); ++z) u.push_back({data.zones[z].code, data.zones[z].name, z, -1});
    const std::array<std::string_view, kNumAggregates> names = {"Utrecht (city)", "U10", "U16",
                                                                "Province of Utrecht"};
    for (int a = 0; a < kNumAggregates; ++a)
        u.push_back({std::string(kAggregateCodes[a]), std::string(names[a]), -1, a});
    return u;
}

namespace {

using M = Measure;
using K = IndicatorKind;

IndicatorInfo count(std::string_view name, std::string_view unit, std::string_view pop, std::string_view def, M m,
                    bool health = false) {
    return {name, unit, pop, def, K::Count, {m}, {}, 0, false, health};
}
IndicatorInfo ratio(std::string_view name, std::string_view pop, std::string_view def, M num, M den) {
    return {name, "share (0-1)", pop, def, K::Ratio, {num}, {den}, 0, false, true};
}
IndicatorInfo amount(std::string_view name, std::string_view unit, std::string_view def, std::vector<M> m) {
    return {name, unit, "all residents", def, K::Amount, std::move(m), {}, 0, false, true};
}
IndicatorInfo life(std::string_view name, std::string_view def, int age, bool healthy, bool health) {
    return {name, "years", "all residents", def, K::LifeTable, {}, {}, age, healthy, health};
}

// Residents on 1 January in five-year age groups first..last: the age bands of the registers.
IndicatorInfo residents_aged(std::string_view name, std::string_view pop, int first_group, int last_group) {
    IndicatorInfo i = count(name, "persons", pop, "residents in the age band on 1 January of the year", M::Population);
    i.first_group = first_group;
    i.last_group = last_group;
    return i;
}

IndicatorInfo labour(std::string_view name, std::string_view unit, std::string_view def, LabourValue v, int kind = -1) {
    IndicatorInfo i{name, unit, "the province (PV26 rows only)", def, K::Labour, {}, {}, 0, false, true};
    i.labour = v;
    i.care_kind = kind;
    return i;
}

// Names made from a vocabulary row (prevalence_<condition>, ...), kept alive for the catalogue's
// string_views (a deque never moves what it holds).
std::string_view keep(std::string name) {
    static std::deque<std::string> names;
    return names.emplace_back(std::move(name));
}

// One prevalence and one incidence indicator per chronic condition (sim/core/vocabulary.hpp).
void add_condition_prevalence(std::vector<IndicatorInfo>& c) {
    for (int k = 0; k < kNumConditions; ++k)
        c.push_back(ratio(keep("prevalence_" + std::string(kConditions[k].name)), "all residents",
                          kConditions[k].prevalence_definition, condition_measure(k), M::Population));
}
void add_condition_incidence(std::vector<IndicatorInfo>& c) {
    for (int k = 0; k < kNumConditions; ++k)
        c.push_back(count(keep("incidence_" + std::string(kConditions[k].name)), "persons", "all residents",
                          kConditions[k].incidence_definition, incidence_measure(k), true));
}
// The care hours of the health model, by kind; the labour market's first kinds are the same.
static_assert(kNumCareHourKinds == kNumHealthCareKinds &&
                  measure_index(M::CareHoursMentalHealth) - measure_index(M::CareHoursGp) + 1 == kNumCareHourKinds,
              "the care-hour measures follow kCareHourKinds");
void add_care_hours(std::vector<IndicatorInfo>& c) {
    for (int k = 0; k < kNumCareHourKinds; ++k)
        c.push_back(amount(keep("care_hours_" + std::string(kCareHourKinds[k].name)), "hours",
                           kCareHourKinds[k].definition,
                           {static_cast<M>(measure_index(M::CareHoursGp) + k)}));
}

// Names of the labour indicators by kind of care, kept alive for the catalogue's string_views.
const std::vector<std::string>& labour_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const char* what : {"care_fte_supply_", "care_fte_demand_", "care_fte_gap_"})
            for (auto kind : kCareKindNames) n.push_back(what + std::string(kind));
        return n;
    }();
    return names;
}

// The first 1000 days: birth outcomes, the part of them smoking in pregnancy causes, child protection
// reports, their costs, and the QALYs of young children and of residents of the mothers' ages. Births and
// their outcomes are counted by the newborn's sex and the mother's education (the newborn's).
void add_first_1000_days(std::vector<IndicatorInfo>& c) {
    const std::string_view births = "live births";
    auto aged = [](IndicatorInfo i, std::string_view pop, int first, int last) {
        i.population = pop;
        i.first_group = first;
        i.last_group = last;
        return i;
    };
    c.insert(c.end(), {
        count("preterm_births", "persons", births, "births before 37 weeks", M::BirthsPreterm, true),
        count("sga_births", "persons", births, "births small for gestational age (<p10)", M::BirthsSga, true),
        ratio("preterm_share", births, "share of births before 37 weeks", M::BirthsPreterm, M::Births),
        ratio("sga_share", births, "share of births small for gestational age (<p10)", M::BirthsSga, M::Births),
        aged(amount("preterm_births_smoking_attributable", "persons", "expected preterm births caused by smoking in "
                    "pregnancy: over the births to smoking mothers, the probability minus that had she not smoked",
                    {M::PretermSmokingAttributable}), births, 0, kNumAgeGroups - 1),
        aged(amount("sga_births_smoking_attributable", "persons", "expected SGA births caused by smoking in pregnancy "
                    "(as for preterm births)", {M::SgaSmokingAttributable}), births, 0, kNumAgeGroups - 1),
        count("child_protection_reports", "persons", births, "children with a child protection report in their first "
              "three years, counted in their year of birth", M::ChildProtectionReports, true),
        ratio("child_protection_report_share", births, "share of the year's births with a child protection report in "
              "their first three years", M::ChildProtectionReports, M::Births),
        amount("neonatal_care_cost_eur", kEurUnit, "neonatal hospital care of preterm survivors (also in "
               "cost_eur)", {M::NeonatalCareCost}),
        amount("preterm_asthma_child_years", "child-years", "expected years children 0-17 live with asthma because "
               "they were born preterm (Been et al. 2014: adjusted OR 1.46)", {M::PretermAsthmaChildYears}),
        amount("preterm_asthma_cost_eur", kEurUnit, "asthma care of children with asthma attributable to "
               "preterm birth (also in cost_eur)", {M::PretermAsthmaCost}),
        amount("preterm_special_education_pupil_years", "pupil-years", "expected years pupils aged 4-17 have special "
               "educational needs because they were born preterm (MacKay et al. 2010: 8.4% against 4.7%)",
               {M::PretermSpecialEducationPupilYears}),
        amount("preterm_special_education_cost_eur", kEurUnit, "extra education spending on the pupils with "
               "special educational needs attributable to preterm birth (not in cost_eur)",
               {M::PretermSpecialEducationCost}),
        amount("child_protection_cost_eur", kEurUnit, "care and productivity costs after a child protection "
               "report, per year while the child lives in the province (also in cost_eur)", {M::ChildProtectionCost}),
        aged(amount("qalys_children_0_4", "QALY", "quality-adjusted life years lived by children aged 0-4",
                    {M::Qalys}), "residents aged 0-4", 0, 0),
        aged(amount("qalys_ages_15_49", "QALY", "quality-adjusted life years lived by residents aged 15-49 (with the "
                    "breakdown by sex: the mothers' ages)", {M::Qalys}), "residents aged 15-49", 3, 9),
    });
}

// Life satisfaction (adults, as CBS 84572NED), WELLBYs (12+) and informal care given (sim/health/wellbeing).
void add_wellbeing(std::vector<IndicatorInfo>& c) {
    const char* adults = "residents aged 18+";
    c.insert(c.end(), {
        {"life_satisfaction_mean", "score (0-10)", adults, "mean life-satisfaction score (whole scores 0-10), on 1 January",
         K::Ratio, {M::LifeSatisfactionPoints}, {M::Adults}, 0, false, true},
        ratio("share_satisfied", adults, "share satisfied with life (score 7 or more, CBS), on 1 January", M::Satisfied,
              M::Adults),
        ratio("share_happy", adults, "share happy (7 or more on the CBS happiness question), on 1 January", M::Happy,
              M::Adults),
        amount("wellbys", "WELLBY", "wellbeing-adjusted life years lived by residents 12+ during the year: one point of "
               "life satisfaction (0-10) for one person for one year (HM Treasury 2021)", {M::Wellbys}),
        count("informal_carers", "persons", adults, "residents giving informal care (mantelzorg), on 1 January",
              M::InformalCarers, true),
        ratio("prevalence_informal_carer", adults, "share giving informal care (mantelzorg), on 1 January",
              M::InformalCarers, M::Adults),
        ratio("share_carers_heavily_burdened", "informal carers aged 18+", "share of informal carers heavily burdened",
              M::HeavilyBurdenedCarers, M::InformalCarers),
        count("heavily_burdened_carers", "persons", adults, "informal carers heavily burdened by their care (CBS: "
              "fairly, very or over-burdened), on 1 January", M::HeavilyBurdenedCarers, true),
        amount("qaly_loss_carers", "QALY", "quality-adjusted life years informal carers lose while giving care "
               "(EQ-5D loss linear in the hours, Thomas et al. 2015; part of qalys)", {M::QalyLossCarers}),
        amount("informal_care_hours_given", "hours", "hours of informal care (mantelzorg) given by residents during the "
               "year", {M::InformalCareHoursGiven}),
        amount("informal_care_value_eur", kEurUnit, "informal care hours given valued at the shadow price of "
               "the Kostenhandleiding 2024 (EUR 18.80 an hour in 2022 prices, indexed): the societal perspective's informal "
               "care",
               {M::InformalCareValueEur}),
    });
}

std::vector<IndicatorInfo> build_catalogue() {
    const char* adults = "residents aged 18+";
    std::vector<IndicatorInfo> c = {
        count("population", "persons", "all residents", "residents on 1 January of the year", M::Population),
        residents_aged("population_0_14", "residents aged 0-14", 0, 2),
        residents_aged("population_15_24", "residents aged 15-24", 3, 4),
        residents_aged("population_25_44", "residents aged 25-44", 5, 8),
        residents_aged("population_45_64", "residents aged 45-64", 9, 12),
        residents_aged("population_65plus", "residents aged 65+", 13, kNumAgeGroups - 1),
        residents_aged("population_80plus", "residents aged 80+", 16, kNumAgeGroups - 1),
        count("births", "persons", "all residents", "live births to residents during the year", M::Births),
        count("deaths", "persons", "all residents", "deaths of residents during the year", M::Deaths),
        count("immigration", "persons", "all residents",
              "arrivals into the zone or aggregate during the year (from elsewhere in the province or outside)",
              M::Immigration),
        count("emigration", "persons", "all residents",
              "departures from the zone or aggregate during the year (to elsewhere in the province or outside)",
              M::Emigration),
        life("life_expectancy", "period life expectancy at birth from the year's deaths and person-years "
             "(abridged life table)", 0, false, false),
        life("life_expectancy_65", "period remaining life expectancy at 65", 65, false, true),
        life("healthy_life_expectancy", "years in good or very good perceived health expected at birth "
             "(Sullivan's method on the period life table)", 0, true, true),
        life("healthy_life_expectancy_65", "years in good perceived health expected at 65 (Sullivan)", 65, true, true),
        ratio("prevalence_smoking", adults, "share who smoke, on 1 January", M::Smokers, M::Adults),
        ratio("prevalence_overweight", adults, "share with BMI >= 25 (overweight including obesity)",
              M::OverweightOrObese, M::Adults),
        ratio("prevalence_obesity", adults, "share with BMI >= 30", M::Obese, M::Adults),
        ratio("prevalence_physically_active", adults, "share meeting the Dutch physical-activity guideline",
              M::Active, M::Adults),
        ratio("prevalence_excessive_alcohol", adults, "share drinking excessively", M::ExcessiveAlcohol, M::Adults),
        ratio("prevalence_psych_distress", adults, "share at high risk of anxiety or depression (K10)", M::Distress,
              M::Adults),
        ratio("prevalence_lonely_severe", adults, "share severely lonely", M::LonelySevere, M::Adults),
        ratio("prevalence_youth_psych_complaints", "residents aged 12-25", "share with psychological complaints",
              M::YouthDistress, M::Youth),
    };
    add_condition_prevalence(c);
    c.insert(c.end(), {
        ratio("prevalence_overweight_children", "residents aged 4-17", "share with overweight or obesity (IOTF cut-offs)",
              M::ChildrenOverweight, M::Children),
        ratio("prevalence_frail", "residents aged 65+", "share frail", M::Frail, M::Seniors),
        ratio("prevalence_home_care", "residents aged 65+", "share living independently with home care",
              M::HomeCare, M::Seniors),
        ratio("prevalence_nursing_home", "residents aged 65+", "share living in a nursing home", M::NursingHome,
              M::Seniors),
        count("informal_care_receivers", "persons", "residents aged 65+",
              "residents 65+ living at home who are frail, receive home care or have dementia: those who rely on "
              "informal care (on 1 January)",
              M::InformalCareNeed, true),
        ratio("prevalence_informal_care_need", "residents aged 65+",
              "share of residents 65+ living at home who are frail, receive home care or have dementia",
              M::InformalCareNeed, M::Seniors),
    });
    add_condition_incidence(c);
    c.insert(c.end(), {
        {"big2_share", "share (0-1)", "live births", "share of births preterm (<37 weeks) and/or small for "
         "gestational age (<p10)", K::Ratio, {M::BirthsBig2}, {M::Births}, 0, false, true},
        count("perinatal_deaths", "persons", "live births", "neonatal deaths (within 28 days)", M::PerinatalDeaths, true),
        count("hip_fractures", "persons", "all residents", "hip fractures during the year", M::HipFractures, true),
        count("falls_ed", "persons", "all residents", "falls treated at an emergency department", M::Falls, true),
        count("nursing_home_admissions", "persons", "all residents", "admissions to a nursing home",
              M::NursingHomeAdmissions, true),
        amount("healthy_life_years", "years", "person-years lived in good or very good perceived health during the year",
               {M::HealthyYears}),
        amount("qalys", "QALY", "quality-adjusted life years lived during the year (EQ-5D norm x (1 - disability), less the "
               "losses after falls and of informal carers)",
               {M::Qalys}),
        amount("dalys", "DALY", "disability-adjusted life years: years lived with disability plus years of life lost "
               "(remaining life expectancy at death in the 2021 national life table, A-H-DALY-YLL)", {M::Yld, M::Yll}),
        amount("care_hours", "hours", "hours of formal care: general practice, home care, nursing-home care and "
               "mental-health care", {M::CareHoursGp, M::CareHoursHomeCare, M::CareHoursNursingHome,
                                      M::CareHoursMentalHealth}),
    });
    add_care_hours(c);
    c.insert(c.end(), {
        // Its parts are in their sources' prices (docs/research/price_years.md), each indexed to kPriceYear with the
        // consumer price index as it is read (sim/model/prices.hpp): the conditions 2019, heart failure 2017, home
        // care and nursing home 2021, falls 2009 and 2017, the first 1000 days' costs 2007 to 2022.
        amount("cost_eur", kEurUnit, "costs of care by condition (RIVM cost of illness per case) plus home care and "
               "nursing home where not inside them, falls and the first 1000 days' costs; each part indexed from its "
               "source's price year with the consumer price index (CBS)", {M::CostEur}),
        count("intervention_participants", "persons", "all residents",
              "residents enrolled in an intervention of the scenario during the year", M::InterventionParticipants, true),
        amount("intervention_cost_eur", kEurUnit, "costs of the scenario's interventions during the year (per "
               "participant and fixed yearly costs, and the care labour market's measures' unit costs)",
               {M::InterventionCost}),
        labour("care_workers", "persons", "residents employed in care and welfare on 1 January", LabourValue::Workers),
        labour("care_fte_supply", "FTE", "full-time equivalents the residents employed in care and welfare provide",
               LabourValue::Supply),
        labour("care_fte_demand", "FTE", "full-time equivalents needed for the residents' care use", LabourValue::Demand),
        labour("care_fte_gap", "FTE", "shortage: FTE needed minus FTE available", LabourValue::Gap),
        labour("labour_lever_cost_eur", kEurUnit, "costs of the labour-market levers with published unit costs",
               LabourValue::LeverCost),
    });
    const auto& names = labour_names();
    for (int k = 0; k < kNumCareKinds; ++k) {
        c.push_back(labour(names[k], "FTE", "FTE supply in this kind of care", LabourValue::Supply, k));
        c.push_back(labour(names[kNumCareKinds + k], "FTE", "FTE demand in this kind of care", LabourValue::Demand, k));
        c.push_back(labour(names[2 * kNumCareKinds + k], "FTE", "FTE shortage in this kind of care", LabourValue::Gap, k));
    }
    add_first_1000_days(c);
    // Falls and fractures (sim/health/falls.hpp) and digital care (sim/health/digital.hpp).
    c.insert(c.end(), {
        amount("qaly_loss_falls", "QALY", "quality-adjusted life years lost after injurious falls and hip fractures "
               "(published EQ-5D disutilities by time since the event; part of qalys)", {M::QalyLossFalls}),
        count("nursing_home_admissions_after_hip_fracture", "persons", "all residents",
              "admissions to a nursing home within 12 months of a hip fracture",
              M::NursingHomeAdmissionsAfterHipFracture, true),
        count("digital_care_participants", "persons", "all residents",
              "residents in a digital-care programme (remote monitoring) on 1 January", M::DigitalCareParticipants,
              true),
        ratio("prevalence_digital_skills", "residents aged 12+", "share with at least basic digital skills, on 1 January",
              M::DigitallySkilled, M::ResidentsAged12Plus),
        amount(kHeartFailureAdmissions, "admissions",
               "hospital admissions for heart failure: the expected admissions of the residents with heart failure "
               "(data/health/heart_failure.csv)", {M::HeartFailureAdmissions}),
    });
    add_wellbeing(c);
    return c;
}

}  // namespace

const std::vector<IndicatorInfo>& indicator_catalogue() {
    static const std::vector<IndicatorInfo> catalogue = build_catalogue();
    return catalogue;
}

const IndicatorInfo* find_indicator(std::string_view name) {
    for (const auto& i : indicator_catalogue())
        if (i.name == name) return &i;
    return nullptr;
}

std::string indicator_catalogue_csv() {
    std::string out = "name,unit,population,definition\n";
    auto quoted = [](std::string_view s) {
        std::string q = "\"";
        for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
        return q + "\"";
    };
    for (const auto& i : indicator_catalogue())
        out += std::string(i.name) + "," + quoted(i.unit) + "," + quoted(i.population) + "," + quoted(i.definition) + "\n";
    return out;
}

Indicators::Indicators(const ModelData& data, const Results& results)
    : data_(data), results_(results), units_(reporting_units(data)) {}

std::vector<const IndicatorInfo*> Indicators::available() const {
    std::vector<const IndicatorInfo*> v;
    for (const auto& i : indicator_catalogue()) {
        if (i.kind == K::Labour && results_.labour.empty()) continue;
        if (!i.needs_health || results_.health) v.push_back(&i);
    }
    return v;
}

double Indicators::labour_value(const IndicatorInfo& info, int year) const {
    for (const auto& y : results_.labour) {
        if (y.year != year) continue;
        const int k = info.care_kind;
        switch (info.labour) {
            case LabourValue::Workers: return k < 0 ? y.workers : y.workers_by_kind[k];
            case LabourValue::Supply: return k < 0 ? y.total_fte_supply() : y.fte_supply[k];
            case LabourValue::Demand: return k < 0 ? y.total_fte_demand() : y.fte_demand[k];
            case LabourValue::Gap: return k < 0 ? y.total_fte_gap() : y.fte_gap(k);
            case LabourValue::LeverCost: return y.lever_cost_eur;
        }
    }
    return std::nan("");
}

std::vector<double> Indicators::unit_cells(const YearCounters& y, int unit) const {
    static const std::vector<Measure> every = [] {
        std::vector<Measure> v;
        for (int m = 0; m < kNumMeasures; ++m) v.push_back(static_cast<Measure>(m));
        return v;
    }();
    return unit_cells(y, unit, every);
}

std::vector<double> Indicators::unit_cells(const YearCounters& y, int unit, std::span<const Measure> only) const {
    const auto& u = units_[unit];
    constexpr std::size_t kCells = static_cast<std::size_t>(kNumMeasures) * kCellsPerZone;
    std::array<bool, kNumMeasures> wanted{};
    for (Measure m : only) wanted[measure_index(m)] = true;
    // A wanted measure's integer totals first (exact in any order: zone after zone), then weighted; the others are 0.
    std::vector<double> cells(kCells, 0.0);
    for (int m = 0; m < kNumMeasures; ++m) {
        if (!wanted[m]) continue;
        std::array<std::int64_t, kCellsPerZone> totals{};
        auto add_zone = [&](int z) {
            const std::int64_t* from = &y.counts[(static_cast<std::size_t>(m) * y.num_zones + z) * kCellsPerZone];
            for (int cell = 0; cell < kCellsPerZone; ++cell) totals[cell] += from[cell];
        };
        if (u.zone >= 0) {
            add_zone(u.zone);
        } else {
            for (int z = 0; z < data_.num_zones(); ++z)
                if (data_.membership[u.aggregate][z]) add_zone(z);
            // Moves between two zones of the aggregate are neither immigration nor emigration of it.
            if (m == measure_index(M::Immigration) || m == measure_index(M::Emigration))
                for (int cell = 0; cell < kCellsPerZone; ++cell) totals[cell] -= y.internal(u.aggregate, cell);
        }
        double* to = &cells[static_cast<std::size_t>(m) * kCellsPerZone];
        for (int cell = 0; cell < kCellsPerZone; ++cell) to[cell] = static_cast<double>(totals[cell]) * results_.weight;
    }
    return cells;
}

namespace {
double sum_cells(const std::vector<double>& cells, M m, int sex, int group, int edu, int first_group = 0,
                 int last_group = kNumAgeGroups - 1) {
    double total = 0;
    const std::size_t base = static_cast<std::size_t>(measure_index(m)) * kCellsPerZone;
    for (int s = 0; s < kNumSexes; ++s) {
        if (sex != kAll && s != sex) continue;
        for (int g = first_group; g <= last_group; ++g) {
            if (group != kAll && g != group) continue;
            for (int e = 0; e < kNumEducation; ++e)
                if (edu == kAll || e == edu) total += cells[base + cell_of(s, g, e)];
        }
    }
    return total;
}
}  // namespace

// An indicator from a function giving the sum of one measure over the breakdown's cells of one age
// group (kAll: every group); `group` is the breakdown's. Indicators of some ages only (first_group ..
// last_group) add their groups.
template <typename SumOf>
double indicator_from_sums(const IndicatorInfo& info, int group, SumOf&& sum_of) {
    const bool every_age = info.first_group == 0 && info.last_group == kNumAgeGroups - 1;
    auto sum_over_ages = [&](M m) {
        if (every_age) return sum_of(m, group);
        if (group != kAll) return group >= info.first_group && group <= info.last_group ? sum_of(m, group) : 0.0;
        double t = 0;
        for (int g = info.first_group; g <= info.last_group; ++g) t += sum_of(m, g);
        return t;
    };
    double num = 0;
    for (M m : info.numerator) num += sum_over_ages(m);
    switch (info.kind) {
        case K::Count: return num;
        case K::Amount: return num / kAmountScale;
        case K::Ratio: {
            double den = 0;
            for (M m : info.denominator) den += sum_over_ages(m);
            return den > 0 ? num / den : 0.0;
        }
        case K::LifeTable:
        case K::Labour: break;
    }
    throw InputError("indicator '" + std::string(info.name) + "' is a life-table indicator");
}

double indicator_from_cells(const IndicatorInfo& info, const std::vector<double>& cells, int sex, int group, int edu) {
    return indicator_from_sums(info, group, [&](M m, int g) { return sum_cells(cells, m, sex, g, edu); });
}

double Indicators::count(int year, int unit, Measure m, int sex, int group, int edu) const {
    return sum_cells(unit_cells(year_counters(year), unit), m, sex, group, edu);
}

double Indicators::end_population(int unit) const {
    return sum_cells(unit_cells(results_.end_population, unit), M::Population, kAll, kAll, kAll);
}

LifeTableInput Indicators::life_table_input(int year, int unit, int sex, int edu) const {
    const auto& y = year_counters(year);
    const auto& u = units_[unit];
    LifeTableInput in;
    in.sex = sex;
    const int rate_year = std::clamp(year, data_.first_year, data_.last_year) - data_.first_year;
    for (int s = 0; s < kNumSexes; ++s) {
        if (sex != kAll && s != sex) continue;
        for (int a = 0; a < kNumAges; ++a)
            in.fallback_rates[a] += data_.mortality[rate_year][s][a] / (sex == kAll ? kNumSexes : 1);
        for (int z = 0; z < data_.num_zones(); ++z) {
            if (u.zone >= 0 ? z != u.zone : !data_.membership[u.aggregate][z]) continue;
            for (int e = 0; e < kNumEducation; ++e) {
                if (edu != kAll && e != edu) continue;
                for (int a = 0; a < kNumAges; ++a) {
                    const auto k = y.age_index(z, s, e, a);
                    in.deaths[a] += static_cast<double>(y.deaths_by_age[k]);
                    in.exposure_years[a] += static_cast<double>(y.exposure_months[k]) / kMonthsPerYear;
                    in.good_health_years[a] += static_cast<double>(y.good_health_months[k]) / kAmountScale / kMonthsPerYear;
                }
            }
        }
    }
    return in;
}

double Indicators::life_expectancy(int year, int unit, int sex, int age, int edu, bool healthy) const {
    const LifeTableInput in = life_table_input(year, unit, sex, edu);
    return healthy ? healthy_life_expectancy_at(in, age) : life_expectancy_at(in, age);
}

double Indicators::value(const IndicatorInfo& info, int year, int unit, int sex, int group, int edu) const {
    if (info.kind == K::Labour) {
        if (units_[unit].code != "PV26")
            throw InputError("indicator '" + std::string(info.name) + "' exists for the province (PV26) only");
        return labour_value(info, year);
    }
    if (info.kind == K::LifeTable) return life_expectancy(year, unit, sex, info.life_table_age, edu, info.healthy);
    return indicator_from_cells(info, unit_cells(year_counters(year), unit), sex, group, edu);
}

double Indicators::value(std::string_view indicator, int year, int unit, int sex, int group, int edu) const {
    const IndicatorInfo* info = find_indicator(indicator);
    if (info == nullptr) throw InputError("unknown indicator '" + std::string(indicator) + "' (see data/indicators.csv)");
    return value(*info, year, unit, sex, group, edu);
}

int Indicators::unit_index(std::string_view code) const {
    for (std::size_t u = 0; u < units_.size(); ++u)
        if (units_[u].code == code) return static_cast<int>(u);
    return -1;
}

namespace {
// Writes v as format_value does into buf (at least 64 characters); returns the end.
char* format_value_into(char* buf, double v) {
    if (std::abs(v - std::round(v)) < 1e-9 && std::abs(v) < 1e15)
        return std::to_chars(buf, buf + 64, static_cast<long long>(std::llround(v))).ptr;
    const double r = std::round(v * 1e4) / 1e4;
    return std::to_chars(buf, buf + 64, r).ptr;
}
}  // namespace

std::string format_value(double v) {
    char buf[64];
    return std::string(buf, format_value_into(buf, v));
}

namespace {

struct Breakdown {
    int sex, group, edu;
};

// Demographic counts: every combination a pyramid or an education split needs.
std::vector<Breakdown> demographic_breakdowns() {
    std::vector<Breakdown> b = {{kAll, kAll, kAll}};
    for (int s = 0; s < kNumSexes; ++s) b.push_back({s, kAll, kAll});
    for (int g = 0; g < kNumAgeGroups; ++g) b.push_back({kAll, g, kAll});
    for (int s = 0; s < kNumSexes; ++s)
        for (int g = 0; g < kNumAgeGroups; ++g) b.push_back({s, g, kAll});
    for (int e = 0; e < kNumEducation; ++e) b.push_back({kAll, kAll, e});
    for (int s = 0; s < kNumSexes; ++s)
        for (int e = 0; e < kNumEducation; ++e) b.push_back({s, kAll, e});
    return b;
}

// Health indicators: by sex, by age group, by education.
std::vector<Breakdown> health_breakdowns() {
    std::vector<Breakdown> b = {{kAll, kAll, kAll}};
    for (int s = 0; s < kNumSexes; ++s) b.push_back({s, kAll, kAll});
    for (int g = 0; g < kNumAgeGroups; ++g) b.push_back({kAll, g, kAll});
    for (int e = 0; e < kNumEducation; ++e) b.push_back({kAll, kAll, e});
    return b;
}

// Life tables: by sex and by education, and both.
std::vector<Breakdown> life_table_breakdowns() {
    std::vector<Breakdown> b;
    for (int s : {kAll, 0, 1})
        for (int e : {kAll, 0, 1, 2}) b.push_back({s, kAll, e});
    return b;
}

// "sex,age_group,education," of a breakdown.
std::string breakdown_text(const Breakdown& b) {
    std::string t(b.sex == kAll ? std::string_view("all") : kSexNames[b.sex]);
    t += ',';
    t += b.group == kAll ? std::string_view("all") : kAgeGroupNames[b.group];
    t += ',';
    t += b.edu == kAll ? std::string_view("all") : kEducationNames[b.edu];
    t += ',';
    return t;
}

// One row: the "year,zone," prefix and the breakdown's text are made once, not per row.
void append_row(std::string& out, const std::string& prefix, const std::string& breakdown, std::string_view indicator,
                double value) {
    out += prefix;
    out += breakdown;
    out += indicator;
    out += ',';
    char buf[64];
    out.append(buf, format_value_into(buf, value));
    out += '\n';
}

// The breakdowns a detail level keeps: all of them, or the total alone.
std::vector<Breakdown> kept(std::vector<Breakdown> all, Detail detail) {
    if (detail == Detail::Full) return all;
    std::erase_if(all, [](const Breakdown& b) { return b.sex != kAll || b.group != kAll || b.edu != kAll; });
    return all;
}

std::vector<std::string> breakdown_texts(const std::vector<Breakdown>& breakdowns) {
    std::vector<std::string> t;
    for (const auto& b : breakdowns) t.push_back(breakdown_text(b));
    return t;
}

}  // namespace

namespace {

// Sums of every measure of one unit and year over each breakdown (sex or all, age group or all, education
// or all), each computed once when first asked for. A breakdown's sum adds its cells in the order
// sum_cells does (sex, age group, education), so the numbers are the same to the last bit.
class BreakdownSums {
public:
    explicit BreakdownSums(const std::vector<double>& cells) : cells_(cells), done_(kNumMeasures, false),
        sums_(static_cast<std::size_t>(kNumMeasures) * kCombos, 0.0) {}

    double operator()(M m, int sex, int group, int edu) {
        const int mi = measure_index(m);
        if (!done_[mi]) fill(mi);
        return sums_[static_cast<std::size_t>(mi) * kCombos + combo(sex, group, edu)];
    }

private:
    static constexpr int kCombos = (kNumSexes + 1) * (kNumAgeGroups + 1) * (kNumEducation + 1);
    static int combo(int sex, int group, int edu) {  // kAll is -1: index 0
        return ((sex + 1) * (kNumAgeGroups + 1) + group + 1) * (kNumEducation + 1) + edu + 1;
    }
    void fill(int mi) {
        double* sums = &sums_[static_cast<std::size_t>(mi) * kCombos];
        const std::size_t base = static_cast<std::size_t>(mi) * kCellsPerZone;
        for (int s = 0; s < kNumSexes; ++s)
            for (int g = 0; g < kNumAgeGroups; ++g)
                for (int e = 0; e < kNumEducation; ++e) {
                    const double v = cells_[base + cell_of(s, g, e)];
                    for (int bs : {kAll, s})
                        for (int bg : {kAll, g})
                            for (int be : {kAll, e}) sums[combo(bs, bg, be)] += v;
                }
        done_[mi] = true;
    }
    const std::vector<double>& cells_;
    std::vector<bool> done_;
    std::vector<double> sums_;
};

constexpr std::string_view kYearlyHeader = "year,zone,sex,age_group,education,indicator,value\n";

// What the rows of yearly.csv are made of, the same for every year: the indicators, the breakdowns a
// detail level keeps and their texts, the units (`units` and `names` null: every one).
struct YearlyLayout {
    YearlyLayout(const Indicators& ind, Detail detail, const std::vector<std::string>* units,
                 const std::vector<std::string>* names)
        : detail(detail), units(units), demographic(kept(demographic_breakdowns(), detail)),
          health(kept(health_breakdowns(), detail)), life(kept(life_table_breakdowns(), detail)) {
        for (const IndicatorInfo* info : ind.available())
            if (listed(names, info->name)) indicators.push_back(info);
        life_tables = std::any_of(indicators.begin(), indicators.end(),
                                  [](const IndicatorInfo* i) { return i->kind == IndicatorKind::LifeTable; });
        demographic_text = breakdown_texts(demographic);
        health_text = breakdown_texts(health);
        life_text = breakdown_texts(life);
        all_text = breakdown_texts({{kAll, kAll, kAll}});
    }
    static bool listed(const std::vector<std::string>* list, std::string_view s) {
        return list == nullptr || std::find(list->begin(), list->end(), s) != list->end();
    }
    Detail detail;
    const std::vector<std::string>* units;
    std::vector<Breakdown> demographic, health, life;
    std::vector<const IndicatorInfo*> indicators;
    bool life_tables = false;
    std::vector<std::string> demographic_text, health_text, life_text, all_text;
};

// The rows of one unit and year.
void append_unit_year(std::string& out, const Indicators& ind, const YearlyLayout& layout, int year, int u) {
    const auto& code = ind.units()[u].code;
    const std::string prefix = std::to_string(year) + ',' + code + ',';
    const auto cells = ind.unit_cells(ind.year_counters(year), u);
    BreakdownSums sums(cells);
    // Each life table once per unit, year and breakdown, for every life-table indicator.
    std::vector<LifeTable> tables;
    if (layout.life_tables)
        for (const auto& b : layout.life) tables.emplace_back(ind.life_table_input(year, u, b.sex, b.edu));
    for (const IndicatorInfo* info : layout.indicators) {
        if (info->kind == IndicatorKind::Labour) {
            if (code == "PV26") append_row(out, prefix, layout.all_text[0], info->name, ind.labour_value(*info, year));
            continue;
        }
        if (info->kind == IndicatorKind::LifeTable) {
            for (std::size_t b = 0; b < layout.life.size(); ++b)
                append_row(out, prefix, layout.life_text[b], info->name,
                           tables[b].expectancy(info->life_table_age, info->healthy));
            continue;
        }
        const bool core = !info->needs_health && info->kind == IndicatorKind::Count;
        const auto& breakdowns = core ? layout.demographic : layout.health;
        const auto& texts = core ? layout.demographic_text : layout.health_text;
        for (std::size_t k = 0; k < breakdowns.size(); ++k) {
            const auto& b = breakdowns[k];
            append_row(out, prefix, texts[k], info->name,
                       indicator_from_sums(*info, b.group, [&](M m, int g) { return sums(m, b.sex, g, b.edu); }));
        }
    }
}

// The rows of one year, every unit the layout keeps, in unit order.
void append_year(std::string& out, const Indicators& ind, const YearlyLayout& layout, int year) {
    for (int u = 0; u < static_cast<int>(ind.units().size()); ++u) {
        if (layout.detail == Detail::Summary && ind.units()[u].aggregate < 0) continue;  // a zone, not an aggregate
        if (!YearlyLayout::listed(layout.units, ind.units()[u].code)) continue;
        append_unit_year(out, ind, layout, year, u);
    }
}

// yearly.csv at a detail level, or the rows of some units and indicators (`units` and `names` null:
// every one).
std::string yearly_rows_csv(const Indicators& ind, Detail detail, const std::vector<std::string>* units,
                            const std::vector<std::string>* names) {
    const YearlyLayout layout(ind, detail, units, names);
    std::string out(kYearlyHeader);
    for (int year = ind.first_year(); year <= ind.last_complete_year(); ++year) append_year(out, ind, layout, year);
    return out;
}

}  // namespace

void write_yearly_csv(const Indicators& ind, Detail detail, int threads,
                      const std::function<void(std::string_view)>& sink) {
    const YearlyLayout layout(ind, detail, nullptr, nullptr);
    sink(kYearlyHeader);
    const int first = ind.first_year(), last = ind.last_complete_year();
    if (last < first) return;
    // Years are formatted side by side, each into its own string, and handed to `sink` in year order: the
    // bytes of a serial run, with at most two years per thread held at once.
    const int workers = threads > 0 ? threads : tbb::this_task_arena::max_concurrency();
    tbb::task_arena arena(workers);
    int next = first;
    std::atomic<std::size_t> year_bytes{0};  // the largest year so far: the next ones reserve that much
    auto next_year = [&](tbb::flow_control& fc) {
        if (next > last) fc.stop();
        return next > last ? 0 : next++;
    };
    auto format_year = [&](int year) {
        std::string rows;
        rows.reserve(year_bytes.load() + year_bytes.load() / 16);
        append_year(rows, ind, layout, year);
        std::size_t seen = year_bytes.load();
        while (rows.size() > seen && !year_bytes.compare_exchange_weak(seen, rows.size())) {
        }
        return rows;
    };
    auto hand_over = [&](const std::string& rows) { sink(rows); };
    arena.execute([&] {
        tbb::parallel_pipeline(static_cast<std::size_t>(2 * workers),
                               tbb::make_filter<void, int>(tbb::filter_mode::serial_in_order, next_year) &
                                   tbb::make_filter<int, std::string>(tbb::filter_mode::parallel, format_year) &
                                   tbb::make_filter<std::string, void>(tbb::filter_mode::serial_in_order, hand_over));
    });
}

std::string yearly_csv(const Indicators& ind, Detail detail, int threads) {
    std::string out;
    write_yearly_csv(ind, detail, threads, [&](std::string_view rows) { out += rows; });
    return out;
}

std::string yearly_csv(const Indicators& ind, const std::vector<std::string>& units,
                       const std::vector<std::string>& indicator_names) {
    return yearly_rows_csv(ind, Detail::Full, &units, &indicator_names);
}

}  // namespace hhu
