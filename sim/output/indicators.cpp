#include "sim/output/indicators.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

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
        ratio("prevalence_diabetes", "all residents", "share with type 2 diabetes", M::Diabetes, M::Population),
        ratio("prevalence_chd", "all residents", "share with coronary heart disease", M::Chd, M::Population),
        ratio("prevalence_stroke", "all residents", "share who have had a stroke", M::Stroke, M::Population),
        ratio("prevalence_copd", "all residents", "share with COPD", M::Copd, M::Population),
        ratio("prevalence_dementia", "all residents", "share with dementia", M::Dementia, M::Population),
        ratio("prevalence_depression_anxiety", "all residents", "share with a depressive or anxiety disorder",
              M::DepressionAnxiety, M::Population),
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
        count("incidence_diabetes", "persons", "all residents", "new cases of type 2 diabetes during the year",
              M::IncidenceDiabetes, true),
        count("incidence_chd", "persons", "all residents", "new cases of coronary heart disease", M::IncidenceChd, true),
        count("incidence_stroke", "persons", "all residents", "first strokes", M::IncidenceStroke, true),
        count("incidence_copd", "persons", "all residents", "new cases of COPD", M::IncidenceCopd, true),
        count("incidence_dementia", "persons", "all residents", "new cases of dementia", M::IncidenceDementia, true),
        count("incidence_depression_anxiety", "persons", "all residents",
              "new episodes of a depressive or anxiety disorder", M::IncidenceDepressionAnxiety, true),
        {"big2_share", "share (0-1)", "live births", "share of births preterm (<37 weeks) and/or small for "
         "gestational age (<p10)", K::Ratio, {M::BirthsBig2}, {M::Births}, 0, false, true},
        count("perinatal_deaths", "persons", "live births", "neonatal deaths (within 28 days)", M::PerinatalDeaths, true),
        count("hip_fractures", "persons", "all residents", "hip fractures during the year", M::HipFractures, true),
        count("falls_ed", "persons", "all residents", "falls treated at an emergency department", M::Falls, true),
        count("nursing_home_admissions", "persons", "all residents", "admissions to a nursing home",
              M::NursingHomeAdmissions, true),
        amount("healthy_life_years", "years", "person-years lived in good or very good perceived health during the year",
               {M::HealthyYears}),
        amount("qalys", "QALY", "quality-adjusted life years lived during the year (EQ-5D norm x (1 - disability))",
               {M::Qalys}),
        amount("dalys", "DALY", "disability-adjusted life years: years lived with disability plus years of life lost "
               "(standard remaining life expectancy at death)", {M::Yld, M::Yll}),
        amount("care_hours", "hours", "hours of formal care: general practice, home care, nursing-home care and "
               "mental-health care", {M::CareHoursGp, M::CareHoursHomeCare, M::CareHoursNursingHome,
                                      M::CareHoursMentalHealth}),
        amount("care_hours_gp", "hours", "hours of general-practice care", {M::CareHoursGp}),
        amount("care_hours_home_care", "hours", "hours of home care", {M::CareHoursHomeCare}),
        amount("care_hours_nursing_home", "hours", "hours of nursing-home care", {M::CareHoursNursingHome}),
        amount("care_hours_mental_health", "hours", "hours of mental-health care", {M::CareHoursMentalHealth}),
        amount("cost_eur", "EUR (2019 prices)", "costs of care by condition (RIVM cost of illness per case) plus home "
               "care and nursing home where not inside them", {M::CostEur}),
        count("intervention_participants", "persons", "all residents",
              "residents enrolled in an intervention of the scenario during the year", M::InterventionParticipants, true),
        amount("intervention_cost_eur", "EUR", "costs of the scenario's interventions during the year (per "
               "participant and fixed yearly costs)", {M::InterventionCost}),
        labour("care_workers", "persons", "residents employed in care and welfare on 1 January", LabourValue::Workers),
        labour("care_fte_supply", "FTE", "full-time equivalents the residents employed in care and welfare provide",
               LabourValue::Supply),
        labour("care_fte_demand", "FTE", "full-time equivalents needed for the residents' care use", LabourValue::Demand),
        labour("care_fte_gap", "FTE", "shortage: FTE needed minus FTE available", LabourValue::Gap),
        labour("labour_lever_cost_eur", "EUR", "costs of the labour-market levers with published unit costs",
               LabourValue::LeverCost),
    };
    const auto& names = labour_names();
    for (int k = 0; k < kNumCareKinds; ++k) {
        c.push_back(labour(names[k], "FTE", "FTE supply in this kind of care", LabourValue::Supply, k));
        c.push_back(labour(names[kNumCareKinds + k], "FTE", "FTE demand in this kind of care", LabourValue::Demand, k));
        c.push_back(labour(names[2 * kNumCareKinds + k], "FTE", "FTE shortage in this kind of care", LabourValue::Gap, k));
    }
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
    const auto& u = units_[unit];
    std::vector<double> cells(static_cast<std::size_t>(kNumMeasures) * kCellsPerZone, 0.0);
    for (int m = 0; m < kNumMeasures; ++m) {
        const bool flow = m == measure_index(M::Immigration) || m == measure_index(M::Emigration);
        for (int cell = 0; cell < kCellsPerZone; ++cell) {
            std::int64_t total = 0;
            if (u.zone >= 0) {
                total = y.count(static_cast<M>(m), u.zone, cell);
            } else {
                for (int z = 0; z < data_.num_zones(); ++z)
                    if (data_.membership[u.aggregate][z]) total += y.count(static_cast<M>(m), z, cell);
                if (flow) total -= y.internal(u.aggregate, cell);
            }
            cells[static_cast<std::size_t>(m) * kCellsPerZone + cell] = static_cast<double>(total) * results_.weight;
        }
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

double indicator_from_cells(const IndicatorInfo& info, const std::vector<double>& cells, int sex, int group, int edu) {
    double num = 0;
    for (M m : info.numerator) num += sum_cells(cells, m, sex, group, edu, info.first_group, info.last_group);
    switch (info.kind) {
        case K::Count: return num;
        case K::Amount: return num / kAmountScale;
        case K::Ratio: {
            double den = 0;
            for (M m : info.denominator) den += sum_cells(cells, m, sex, group, edu, info.first_group, info.last_group);
            return den > 0 ? num / den : 0.0;
        }
        case K::LifeTable:
        case K::Labour: break;
    }
    throw InputError("indicator '" + std::string(info.name) + "' is a life-table indicator");
}

double Indicators::count(int year, int unit, Measure m, int sex, int group, int edu) const {
    return sum_cells(unit_cells(year_counters(year), unit), m, sex, group, edu);
}

double Indicators::end_population(int unit) const {
    return sum_cells(unit_cells(results_.end_population, unit), M::Population, kAll, kAll, kAll);
}

double Indicators::life_expectancy(int year, int unit, int sex, int age, int edu, bool healthy) const {
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

std::string format_value(double v) {
    char buf[64];
    if (std::abs(v - std::round(v)) < 1e-9 && std::abs(v) < 1e15) {
        auto [p, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(std::llround(v)));
        return std::string(buf, p);
    }
    const double r = std::round(v * 1e4) / 1e4;
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, r);
    return std::string(buf, p);
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

void append_row(std::string& out, int year, const std::string& unit, const Breakdown& b, std::string_view indicator,
                double value) {
    out += std::to_string(year);
    out += ',';
    out += unit;
    out += ',';
    out += b.sex == kAll ? std::string_view("all") : kSexNames[b.sex];
    out += ',';
    out += b.group == kAll ? std::string_view("all") : kAgeGroupNames[b.group];
    out += ',';
    out += b.edu == kAll ? std::string_view("all") : kEducationNames[b.edu];
    out += ',';
    out += indicator;
    out += ',';
    out += format_value(value);
    out += '\n';
}

}  // namespace

std::string yearly_csv(const Indicators& ind) {
    std::string out = "year,zone,sex,age_group,education,indicator,value\n";
    out.reserve(48u << 20);
    const auto demographic = demographic_breakdowns();
    const auto health = health_breakdowns();
    const auto life = life_table_breakdowns();
    const auto indicators = ind.available();
    for (int year = ind.first_year(); year <= ind.last_complete_year(); ++year) {
        const auto& counters = ind.year_counters(year);
        for (int u = 0; u < static_cast<int>(ind.units().size()); ++u) {
            const auto& code = ind.units()[u].code;
            const auto cells = ind.unit_cells(counters, u);
            for (const IndicatorInfo* info : indicators) {
                if (info->kind == IndicatorKind::Labour) {
                    if (code == "PV26") append_row(out, year, code, {kAll, kAll, kAll}, info->name, ind.labour_value(*info, year));
                    continue;
                }
                if (info->kind == IndicatorKind::LifeTable) {
                    for (const auto& b : life)
                        append_row(out, year, code, b, info->name,
                                   ind.life_expectancy(year, u, b.sex, info->life_table_age, b.edu, info->healthy));
                    continue;
                }
                const bool core = !info->needs_health && info->kind == IndicatorKind::Count;
                for (const auto& b : core ? demographic : health)
                    append_row(out, year, code, b, info->name, indicator_from_cells(*info, cells, b.sex, b.group, b.edu));
            }
        }
    }
    return out;
}

}  // namespace hhu
