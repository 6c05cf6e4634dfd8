#include "sim/calibration/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "sim/core/error.hpp"
#include "sim/health/health_data.hpp"
#include "sim/health/health_model.hpp"
#include "sim/simulation/simulation.hpp"

namespace hhu {

namespace {

double odds_of(double p) { return std::clamp(p, 1e-4, 1 - 1e-4) / (1 - std::clamp(p, 1e-4, 1 - 1e-4)); }

// One update of the entry and admission multipliers from a baseline run: in every sex and age group
// wholly inside a factor's age range (adults 18+ for the lifestyle factors, children 4-17 for overweight; 65+ for frailty, home care
// and nursing homes), compare the prevalence simulated in 2022 to the last year with the published target
// for the same residents (their zone, education and year) and scale the entry hazard by the ratio of the
// odds (the nursing-home admission rate by the ratio of the shares). Returns the largest odds gap.
double calibrate_prevalence(const ModelData& data, HealthData& health, const Results& results, int years,
                            CalibrationReport& report) {
    const HealthModel model(data, health);
    struct Acc { double simulated = 0, expected = 0, persons = 0; };
    std::array<BySexGroup<Acc>, kNumFactors + 1> acc{};
    const int nh = kNumFactors;
    for (int y = 1; y < years; ++y) {
        const auto& c = results.years[y];
        for (int z = 0; z < data.num_zones(); ++z)
            for (int s = 0; s < kNumSexes; ++s)
                for (int g = 0; g < kNumAgeGroups; ++g)
                    for (int e = 0; e < kNumEducation; ++e) {
                        const int cell = cell_of(s, g, e);
                        const auto p = model.targets(z, s, g, e, kFirstYear + y);
                        const double adults = static_cast<double>(c.count(Measure::Adults, z, cell));
                        const double seniors = static_cast<double>(c.count(Measure::Seniors, z, cell));
                        auto add = [&](int f, double persons, double simulated) {
                            auto& a = acc[f][s][g];
                            a.persons += persons;
                            a.simulated += simulated;
                            // Home care is drawn among all seniors and dropped on admission to a nursing
                            // home (as at the start): its share of all seniors is p x (1 - nursing home).
                            const double nh_share = health.nursing_home_prevalence[s][g];
                            a.expected += persons * (f == nh ? nh_share
                                                     : f == static_cast<int>(Factor::HomeCare) ? p[f] * (1 - nh_share)
                                                                                                 : p[f]);
                        };
                        auto n = [&](Measure m) { return static_cast<double>(c.count(m, z, cell)); };
                        using F = Factor;
                        if (g < 4) {
                            // Children 4-17: overweight or obese, against the children's table (A-H-YOUTH);
                            // the entry into overweight carries it.
                            const double children = n(Measure::Children);
                            auto& a = acc[static_cast<int>(F::Overweight)][s][g];
                            a.persons += children;
                            a.simulated += n(Measure::ChildrenOverweight);
                            a.expected += children * (p[static_cast<int>(F::Overweight)] + p[static_cast<int>(F::Obese)]);
                            continue;
                        }
                        add(static_cast<int>(F::SmokingCurrent), adults, n(Measure::Smokers));
                        add(static_cast<int>(F::Overweight), adults, n(Measure::OverweightOrObese) - n(Measure::Obese));
                        add(static_cast<int>(F::Obese), adults, n(Measure::Obese));
                        add(static_cast<int>(F::Active), adults, n(Measure::Active));
                        add(static_cast<int>(F::Alcohol), adults, n(Measure::ExcessiveAlcohol));
                        add(static_cast<int>(F::Distress), adults, n(Measure::Distress));
                        add(static_cast<int>(F::Lonely), adults, n(Measure::LonelySevere));
                        if (g >= 13) {
                            add(static_cast<int>(F::Frail), seniors, n(Measure::Frail));
                            add(static_cast<int>(F::HomeCare), seniors, n(Measure::HomeCare));
                            add(nh, seniors, n(Measure::NursingHome));
                        }
                    }
    }
    double worst = 0;
    for (int f = 0; f <= nh; ++f)
        for (int s = 0; s < kNumSexes; ++s)
            for (int g = 0; g < kNumAgeGroups; ++g) {
                const auto& a = acc[f][s][g];
                // Too few residents or cases to tell (a group outside the factor's ages has none): keep 1.
                if (a.persons < 500 || a.simulated < 20 || a.expected < 20) continue;
                const double sim = a.simulated / a.persons, target = a.expected / a.persons;
                double& m = f == nh ? health.nursing_home_calibration[s][g] : health.entry_calibration[f][s][g];
                const double ratio = f == nh ? target / sim : odds_of(target) / odds_of(sim);
                const double gap = std::abs(odds_of(target) / odds_of(sim) - 1);
                if (gap > worst) {
                    worst = gap;
                    report.worst_prevalence = std::string(f == nh ? "nursing_home" : kFactorNames[f]) + " " +
                                              std::string(kSexNames[s]) + " " + std::string(kAgeGroupNames[g]);
                }
                m = std::clamp(m * ratio, 0.02, 50.0);
            }
    return worst;
}

}  // namespace

CalibrationReport calibrate_mortality(const ModelData& data, const Scenario& baseline, int iterations, double scale,
                                      int threads, const std::function<void(const std::string&)>& log) {
    if (!data.health) throw InputError(data.directory.string() + "/health: no health data to calibrate");
    HealthData health = *data.health;
    const int years = baseline.end_year - kFirstYear + 1;
    CalibrationReport report;
    for (int it = 0; it < iterations; ++it) {
        ModelData copy = data;
        copy.health = std::make_shared<HealthData>(health);
        RunOptions options;
        options.scale = scale;
        options.threads = threads;
        options.seed = baseline.seed;
        options.whole_years = true;
        Simulation sim(copy, baseline, options);
        while (!sim.finished()) sim.step();
        report.max_change = 0;
        std::vector<double> zone_sim(data.num_zones(), 0.0), zone_exp(data.num_zones(), 0.0);
        std::vector<BySexGroup<double>> simulated(years), expected(years);
        for (int y = 0; y < years; ++y) {
            const auto& c = sim.results().years[y];
            simulated[y] = {};
            expected[y] = {};
            for (int z = 0; z < data.num_zones(); ++z)
                for (int s = 0; s < kNumSexes; ++s)
                    for (int e = 0; e < kNumEducation; ++e)
                        for (int a = 0; a < kNumAges; ++a) {
                            const auto k = c.age_index(z, s, e, a);
                            const int g = age_group_of(a);
                            const double d = static_cast<double>(c.deaths_by_age[k]);
                            const double x = static_cast<double>(c.exposure_months[k]) / kMonthsPerYear *
                                             data.mortality[y][s][a] * data.mortality_hr[z] *
                                             baseline.demography.mortality_scale;
                            simulated[y][s][g] += d;
                            expected[y][s][g] += x;
                            zone_sim[z] += d;
                            zone_exp[z] += x;
                        }
        }
        // Each year's factor is updated by its own ratio of expected to simulated deaths when the group has
        // 300 deaths in the year, else by the ratio over the year and its neighbours; then the factors are
        // smoothed over the years (weights 1, 2, 1), so that neither the noise of one year nor a pattern that
        // alternates from year to year (which a pooled ratio cannot see) is fitted.
        for (int s = 0; s < kNumSexes; ++s)
            for (int g = 0; g < kNumAgeGroups; ++g) {
                // Below 30 the health model's risks hardly change mortality and deaths are few:
                // those groups keep factor 1 (an assumption).
                if (g < 6) continue;
                std::vector<double> next(years);
                for (int y = 0; y < years; ++y) {
                    const double f = health.mortality_calibration[y][s][g];
                    double sim_n = simulated[y][s][g], exp_n = expected[y][s][g];
                    if (sim_n < 300)
                        for (int w : {y - 1, y + 1})
                            if (w >= 0 && w < years) {
                                sim_n += simulated[w][s][g];
                                exp_n += expected[w][s][g];
                            }
                    next[y] = sim_n >= 300 && exp_n > 0 ? f * exp_n / sim_n : f;
                }
                for (int y = 0; y < years; ++y) {
                    const double left = next[std::max(0, y - 1)], right = next[std::min(years - 1, y + 1)];
                    const double smooth = std::clamp((left + 2 * next[y] + right) / 4, 0.2, 5.0);
                    auto& f = health.mortality_calibration[y][s][g];
                    if (std::abs(smooth / f - 1) > report.max_change)
                        report.worst_mortality = std::to_string(kFirstYear + y) + " " + std::string(kSexNames[s]) +
                                                 " " + std::string(kAgeGroupNames[g]) + " (" +
                                                 std::to_string(static_cast<int>(simulated[y][s][g])) + " deaths)";
                    report.max_change = std::max(report.max_change, std::abs(smooth / f - 1));
                    f = smooth;
                }
            }
        {
            double sim_total = 0, exp_total = 0;
            for (int s = 0; s < kNumSexes; ++s)
                for (int g = 0; g < kNumAgeGroups; ++g) {
                    sim_total += simulated[years - 1][s][g];
                    exp_total += expected[years - 1][s][g];
                }
            report.deaths_ratio_last = exp_total > 0 ? sim_total / exp_total : 0;
        }
        // Zone factors redistribute deaths between zones (their mean effect is in the factors above).
        double all_sim = 0, all_exp = 0;
        for (int z = 0; z < data.num_zones(); ++z) {
            all_sim += zone_sim[z];
            all_exp += zone_exp[z];
        }
        for (int z = 0; z < data.num_zones(); ++z) {
            if (zone_sim[z] < 50 || all_exp <= 0) continue;
            const double ratio = (zone_exp[z] / zone_sim[z]) / (all_exp / all_sim);
            auto& f = health.mortality_calibration_zone[z];
            const double next = std::clamp(f * ratio, 0.2, 5.0);
            if (std::abs(next / f - 1) > report.max_change) report.worst_mortality = "zone " + data.zones[z].code;
            report.max_change = std::max(report.max_change, std::abs(next / f - 1));
            f = next;
        }
        const double prevalence_change = calibrate_prevalence(copy, health, sim.results(), years, report);
        char line[200];
        std::snprintf(line, sizeof line,
                      "iteration %d/%d: deaths %d simulated / expected %.4f; largest factor change %.2f%% (%s); "
                      "prevalence by age off by at most %.1f%% (odds, %s)",
                      it + 1, iterations, kFirstYear + years - 1, report.deaths_ratio_last, 100 * report.max_change,
                      report.worst_mortality.c_str(),
                      100 * prevalence_change, report.worst_prevalence.c_str());
        log(line);
    }
    std::string csv = "year,sex,age_group,factor,source\n";
    for (int y = 0; y < static_cast<int>(health.mortality_calibration.size()); ++y)
        for (int s = 0; s < kNumSexes; ++s)
            for (int g = 0; g < kNumAgeGroups; ++g) {
                const int yy = std::min(y, years - 1);  // years after the run keep its last factors
                char row[96];
                std::snprintf(row, sizeof row, "%d,%s,%s,%.4f,A-H-MORTALITY-CALIBRATION\n", kFirstYear + y,
                              std::string(kSexNames[s]).c_str(), std::string(kAgeGroupNames[g]).c_str(),
                              health.mortality_calibration[yy][s][g]);
                csv += row;
            }
    report.csv = csv;
    std::string zones = "zone,factor,source\n";
    for (int z = 0; z < data.num_zones(); ++z) {
        char row[96];
        std::snprintf(row, sizeof row, "%s,%.4f,A-H-MORTALITY-CALIBRATION\n", data.zones[z].code.c_str(),
                      health.mortality_calibration_zone[z]);
        zones += row;
    }
    report.zone_csv = zones;
    std::string prevalence = "target,sex,age_group,multiplier,source\n";
    auto row = [&](std::string_view target, int s, int g, double m) {
        char buf[128];
        std::snprintf(buf, sizeof buf, "%s,%s,%s,%.4f,A-H-PREVALENCE-CALIBRATION\n", std::string(target).c_str(),
                      std::string(kSexNames[s]).c_str(), std::string(kAgeGroupNames[g]).c_str(), m);
        prevalence += buf;
    };
    for (int f = 0; f < kNumFactors; ++f)
        for (int s = 0; s < kNumSexes; ++s)
            for (int g = 0; g < kNumAgeGroups; ++g) row(kFactorNames[f], s, g, health.entry_calibration[f][s][g]);
    for (int s = 0; s < kNumSexes; ++s)
        for (int g = 0; g < kNumAgeGroups; ++g) row("nursing_home_admission", s, g, health.nursing_home_calibration[s][g]);
    report.prevalence_csv = prevalence;
    return report;
}

}  // namespace hhu
