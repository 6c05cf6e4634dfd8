#include "sim/health/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "sim/core/error.hpp"
#include "sim/health/health_data.hpp"
#include "sim/simulation/simulation.hpp"

namespace hhu {

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
        Simulation sim(copy, baseline, options);
        while (!sim.finished()) sim.step();
        report.max_change = 0;
        std::vector<double> zone_sim(data.num_zones(), 0.0), zone_exp(data.num_zones(), 0.0);
        for (int y = 0; y < years; ++y) {
            const auto& c = sim.results().years[y];
            BySexGroup<double> simulated{}, expected{};
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
                            simulated[s][g] += d;
                            expected[s][g] += x;
                            zone_sim[z] += d;
                            zone_exp[z] += x;
                        }
            double sim_total = 0, exp_total = 0;
            for (int s = 0; s < kNumSexes; ++s)
                for (int g = 0; g < kNumAgeGroups; ++g) {
                    sim_total += simulated[s][g];
                    exp_total += expected[s][g];
                    // Below 30 the health model's risks hardly change mortality and deaths are few:
                    // those groups keep factor 1 (an assumption); so do groups with too few deaths.
                    if (g < 6 || simulated[s][g] < 50 || expected[s][g] <= 0) continue;
                    const double ratio = expected[s][g] / simulated[s][g];
                    auto& f = health.mortality_calibration[y][s][g];
                    const double next = std::clamp(f * ratio, 0.2, 5.0);
                    report.max_change = std::max(report.max_change, std::abs(next / f - 1));
                    f = next;
                }
            if (y == years - 1) report.deaths_ratio_last = exp_total > 0 ? sim_total / exp_total : 0;
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
            report.max_change = std::max(report.max_change, std::abs(next / f - 1));
            f = next;
        }
        char line[160];
        std::snprintf(line, sizeof line,
                      "iteration %d/%d: deaths %d simulated / expected %.4f; largest factor change %.2f%%", it + 1,
                      iterations, kFirstYear + years - 1, report.deaths_ratio_last, 100 * report.max_change);
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
    return report;
}

}  // namespace hhu
