// The first 1000 days: a birth's outcomes (preterm, small for gestational age; Big2 is either), neonatal
// death, neonatal care costs and a child protection report in the first three years. The parameters and
// their sources are in data/health/perinatal.csv (A-H-BIRTH-OUTCOMES, A-H-NEONATAL, A-H-NEONATAL-COST,
// A-H-CHILD-PROTECTION in data/health/README.md). The child's lifelong utility loss after preterm birth, the
// asthma in childhood attributable to it (A-H-PRETERM-ASTHMA) and the yearly costs after a report accrue with the
// resident's other health accruals (health_model.cpp).
#include <algorithm>

#include "sim/health/health_model.hpp"

namespace hhu {

namespace {
double odds(double p) { return p / (1.0 - p); }
double prob(double o) { return o / (1.0 + o); }
constexpr auto kCurrentSmoker = static_cast<std::uint8_t>(Smoking::Current);
}  // namespace

void HealthModel::read_perinatal() {
    auto v = [&](const char* name) { return h_.perinatal_value(name); };
    peri_.preterm_odds = odds(v("preterm_share_reference"));
    peri_.sga_odds = odds(v("sga_share_reference"));
    peri_.or_sga_preterm = v("or_sga_when_preterm");
    peri_.or_smoking_preterm = v("or_smoking_preterm");
    peri_.or_smoking_sga = v("or_smoking_sga");
    peri_.or_under20 = v("or_mother_under20");
    peri_.or_40plus = v("or_mother_40plus");
    peri_.or_low_education = v("or_low_education");
    peri_.born_preterm_share = v("preterm_share_nl");
    peri_.neonatal_mortality_big2 = v("neonatal_mortality_big2");
    peri_.neonatal_mortality_other = v("neonatal_mortality_other");
    peri_.neonatal_cost_preterm = v("neonatal_cost_preterm_eur");
    peri_.utility_loss_preterm = v("utility_loss_preterm");
    peri_.child_protection_risk_group = v("child_protection_risk_group");
    peri_.child_protection_other = v("child_protection_other");
    peri_.child_protection_cost = v("child_protection_cost_per_year_eur");
    peri_.asthma_excess_preterm = v("asthma_excess_share_preterm");
    peri_.asthma_last_age = static_cast<int>(v("asthma_last_age"));
    peri_.asthma_cost = v("asthma_cost_per_child_year_eur");
    peri_.sen_excess_preterm = v("special_education_excess_share_preterm");
    peri_.sen_first_age = static_cast<int>(v("special_education_first_age"));
    peri_.sen_last_age = static_cast<int>(v("special_education_last_age"));
    peri_.sen_cost = v("special_education_extra_cost_per_pupil_year_eur");
}

void HealthModel::draw_perinatal_history(Population& pop, std::size_t i, const Rng& rng, std::uint32_t step) const {
    const bool preterm = rng.uniform(key::HealthBornPreterm, pop.id[i], step) < peri_.born_preterm_share;
    // A report in the first three years, whose costs last for life (A-H-CHILD-PROTECTION-COST): with the chance of a
    // newborn outside VoorZorg's group, the mother unknown (A-H-CHILD-PROTECTION). Without it nobody born before the
    // run carried the costs, and they grew from nothing in 2021 as the run's own cohorts aged: a trend of the model's
    // start, not of the province.
    const bool report =
        rng.uniform(key::HealthChildProtectionHistory, pop.id[i], step) < peri_.child_protection_other;
    pop.health.perinatal[i] = static_cast<std::uint8_t>((preterm ? perinatal_flag::Preterm : 0) |
                                                        (report ? perinatal_flag::ChildProtection : 0));
}

BirthProbabilities HealthModel::birth_probabilities(const Population& pop, std::size_t mother, int step,
                                                    bool smoking) const {
    // The mother's age and education and her zone act on both outcomes alike (M-BIG2-OR, A-H-BIG2-ZONE).
    const int age = age_in_years(step, pop.birth_step[mother]);
    double o = h_.zone_odds_big2[pop.zone[mother]];
    if (age < 20) o *= peri_.or_under20;
    if (age >= 40) o *= peri_.or_40plus;
    if (pop.education[mother] == static_cast<std::uint8_t>(Education::Low)) o *= peri_.or_low_education;
    const double preterm = o * peri_.preterm_odds * (smoking ? peri_.or_smoking_preterm : 1.0);
    const double sga = o * peri_.sga_odds * (smoking ? peri_.or_smoking_sga : 1.0);
    return {prob(preterm), prob(sga * peri_.or_sga_preterm), prob(sga)};
}

double HealthModel::child_protection_probability(const Population& pop, std::size_t mother, int step) const {
    // The VoorZorg trial's population (MEJDOUBI2015): first child (parity is 1 once this child is born),
    // mother under 26, low education.
    const bool target_group = pop.parity[mother] == 1 && age_in_years(step, pop.birth_step[mother]) < 26 &&
                              pop.education[mother] == static_cast<std::uint8_t>(Education::Low);
    return target_group ? peri_.child_protection_risk_group : peri_.child_protection_other;
}

bool HealthModel::on_birth(const Population& mothers, std::size_t mother, Population& children, std::size_t newborn,
                           int step, const Rng& rng, YearCounters& counters) const {
    const bool smoking = mothers.health.smoking[mother] == kCurrentSmoker;
    const BirthProbabilities p = birth_probabilities(mothers, mother, step, smoking);
    const auto w = rng.words(key::Perinatal, children.id[newborn], static_cast<std::uint32_t>(step));
    const bool preterm = Rng::to_unit(w[0]) < p.preterm;
    const bool sga = Rng::to_unit(w[2]) < (preterm ? p.sga_if_preterm : p.sga_if_term);
    const int zone = children.zone[newborn];
    const int cell = cell_of(children.sex[newborn], 0, children.education[newborn]);
    auto amount = [&](Measure m, double v) { counters.count(m, zone, cell) += to_amount_units(v * kAmountScale); };
    if (smoking) {
        const BirthProbabilities unexposed = birth_probabilities(mothers, mother, step, false);
        amount(Measure::PretermSmokingAttributable, p.preterm - unexposed.preterm);
        amount(Measure::SgaSmokingAttributable, p.sga() - unexposed.sga());
    }
    auto& flags = children.health.perinatal[newborn];
    if (preterm) {
        flags |= perinatal_flag::Preterm;
        ++counters.count(Measure::BirthsPreterm, zone, cell);
    }
    if (sga) {
        flags |= perinatal_flag::Sga;
        ++counters.count(Measure::BirthsSga, zone, cell);
    }
    const bool big2 = preterm || sga;
    if (big2) ++counters.count(Measure::BirthsBig2, zone, cell);
    const double death = big2 ? peri_.neonatal_mortality_big2 : peri_.neonatal_mortality_other;
    if (Rng::to_unit(w[1]) < death) {
        ++counters.count(Measure::PerinatalDeaths, zone, cell);
        counters.count(Measure::Yll, zone, cell) += to_amount_units(remaining_le_[children.sex[newborn]][0] * kAmountScale);
        return true;
    }
    // Neonatal care of a preterm survivor (the length of stay is that of infants surviving to discharge).
    if (preterm) {
        amount(Measure::NeonatalCareCost, peri_.neonatal_cost_preterm);
        amount(Measure::CostEur, peri_.neonatal_cost_preterm);
    }
    // A child protection report in the first three years, decided now and counted with the birth cohort; a
    // programme the mother takes part in (nurse home visiting) may lower its chance.
    double report = child_protection_probability(mothers, mother, step);
    if (modifier_ != nullptr && mothers.in_intervention[mother])
        report *= modifier_->child_protection_multiplier(mothers, mother, step);
    if (rng.uniform(key::ChildProtection, children.id[newborn], static_cast<std::uint32_t>(step)) < report) {
        flags |= perinatal_flag::ChildProtection;
        ++counters.count(Measure::ChildProtectionReports, zone, cell);
    }
    return false;
}

}  // namespace hhu
