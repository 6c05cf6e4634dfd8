#pragma once
// Interventions as data: each scenario intervention is compiled against the model's zones into an
// eligibility test (who), a yearly offer probability (when, how many), effects on its participants'
// rates with duration and decay (what), and costs. Enrolment draws from its own random stream keyed
// by (resident, month, intervention), so an intervention that reaches nobody changes no one's draws:
// the run is then byte-identical to the baseline.
#include <array>
#include <cstdint>
#include <vector>

#include "sim/core/rng.hpp"
#include "sim/health/health_model.hpp"
#include "sim/model/model_data.hpp"
#include "sim/output/results.hpp"
#include "sim/population/population.hpp"
#include "sim/scenario/scenario.hpp"

namespace hhu {

struct CompiledEffect {
    enum class Kind { HealthEvent, Death, Care, PregnancySmoking, Labour } kind = Kind::HealthEvent;
    int target = 0;  // HealthEvent index, or care kind
    double relative_risk = 1;
    int duration_months = 12;
    int decay = 0;  // 0 none, 1 linear, 2 exponential
    double half_life_months = 12;

    // The multiplier on the target `months` after enrolment (1 outside the effect's duration).
    double multiplier(int months) const;
};

struct CompiledIntervention {
    const InterventionSpec* spec = nullptr;
    std::vector<bool> zone;  // eligible zones
    int sex = -1;
    std::uint8_t education_mask = 0, household_mask = 0, condition_mask = 0;
    std::vector<int> risk_factors;  // see eligible()
    int pregnancy = 0;              // 0 any, 1 pregnant, 2 first pregnancy
    std::vector<CompiledEffect> effects;
    int window_months = 0;          // longest effect: no new offer while it runs
    bool individual = false;        // has effects on residents
};

class InterventionEngine final : public HazardModifier {
public:
    // Throws InputError naming the scenario and the JSON path of an unknown zone code.
    InterventionEngine(const ModelData& data, const Scenario& scenario);

    bool empty() const { return compiled_.empty(); }
    std::size_t size() const { return compiled_.size(); }
    bool needs_health() const;
    // Offer probabilities for the year (coverage or capacity over the eligible count, with ramp-up),
    // and the fixed yearly costs booked in the intervention's zones.
    void begin_year(int year, const Population& pop, double scale, YearCounters& counters);
    // The living environment of the year: the data's, plus the zone measures running, ramped up.
    std::vector<std::array<double, 3>> environment(int year, const std::vector<std::array<double, 3>>& base) const;
    // Enrolment for residents [begin, end) this month; marks participants' health rates for recomputation.
    void run_block(Population& pop, std::size_t begin, std::size_t end, int step, const Rng& rng,
                   YearCounters& counters) const;

    void apply(const Population& pop, std::size_t i, int step, std::array<double, kNumHealthEvents>& h,
               double& death_multiplier) const override;
    double care_multiplier(const Population& pop, std::size_t i, int step, int kind) const override;
    double pregnancy_smoking_multiplier(const Population& pop, std::size_t i, int step) const override;

    // Ramp-up share of an intervention in a year (0 before start and after end).
    static double ramp(const InterventionSpec& spec, int year);

private:
    bool eligible(const CompiledIntervention& c, const Population& pop, std::size_t i, int age) const;
    template <typename F>
    void for_each_running_effect(const Population& pop, std::size_t i, int step, F&& f) const;

    const ModelData& data_;
    std::vector<CompiledIntervention> compiled_;
    std::vector<double> offer_probability_;  // per intervention, per month, this year
    std::vector<double> uptake_;
};

}  // namespace hhu
