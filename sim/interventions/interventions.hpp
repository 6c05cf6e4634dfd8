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
    enum class Kind { HealthEvent, Death, Care, PregnancySmoking, Labour, Attribute, ChildProtection } kind = Kind::HealthEvent;
    int target = 0;  // HealthEvent index, care kind, or Attribute
    int condition = -1;  // acts only while the participant has this condition (-1: always)
    double probability = 0;  // Attribute: the chance of the change at enrolment
    double relative_risk = 1;
    int duration_months = 12;
    Decay decay = Decay::None;
    double half_life_months = 12;

    // The multiplier on the target `months` after enrolment (1 outside the effect's duration).
    double multiplier(int months) const;
};

// who/risk_factors compiled into tests on the health state's columns (kFactorEligibility).
struct RiskFactorTest {
    bool any = false;           // some risk factor is required
    bool smoking = false;       // smokes now
    bool overweight = false;    // BMI class overweight or obese
    bool obese = false;         // BMI class obese
    bool inactive = false;      // does not meet the physical-activity guideline
    std::uint8_t flags = 0;     // health_flag bits, any of which qualifies (alcohol, distress, lonely, frail, home care)
};

struct CompiledIntervention {
    const InterventionSpec* spec = nullptr;
    std::vector<std::uint8_t> zone;  // eligible zones (1: eligible)
    int sex = -1;
    std::uint8_t education_mask = 0, household_mask = 0, condition_mask = 0;
    // who/risk_factors: a resident qualifies with any one of them (eligible()).
    RiskFactorTest risk_factors;
    PregnancyFilter pregnancy = PregnancyFilter::Any;
    bool without_digital_skills = false;  // a skills course: only residents without basic digital skills
    // The costs in kPriceYear prices: the spec's, indexed from its cost/price_year.
    double cost_per_participant_eur = 0, cost_per_year_eur = 0;
    std::vector<CompiledEffect> effects;
    int window_months = 0;          // longest effect: no new offer while it runs
    bool individual = false;        // has effects on residents
    bool acts_on_care = false;      // has an effect on care hours
    std::vector<std::uint8_t> rates_change_at;  // by months since enrolment (0 to window_months): rates_change()
    // By months since enrolment m (0 to window_months): the months since enrolment of the next month after m in which
    // the rates change or the programme ends (window_months + 1): run_block looks at a participant then, not monthly.
    std::vector<std::int16_t> next_change;
};

// The state changes of "attribute" effects, made once at enrolment.
enum class Attribute : int { QuitSmoking = 0, BmiClassDown, BecomeActive, StopExcessiveAlcohol, EndDistress,
                             EndLoneliness, EndFrailty, GainDigitalSkills };

class InterventionEngine final : public HazardModifier {
public:
    // Throws InputError naming the scenario and the JSON path of an unknown zone code.
    InterventionEngine(const ModelData& data, const Scenario& scenario);

    bool empty() const { return compiled_.empty(); }
    std::size_t size() const { return compiled_.size(); }
    bool needs_health() const;
    // Enrolment probabilities for the year (coverage or capacity over the eligible count, with ramp-up,
    // times uptake and, where it applies, digital skills), and the fixed yearly costs booked in the
    // intervention's zones. A year enrols coverage x uptake of the eligible not yet enrolled: a monthly
    // chance 1 - (1 - coverage x uptake)^(1/12); with pregnancy eligibility, once per pregnancy, in the
    // first month the pregnancy is seen.
    void begin_year(int year, Population& pop, double scale, YearCounters& counters);
    // The living environment of the year: the data's, plus the zone measures running, ramped up.
    std::vector<std::array<double, 3>> environment(int year, const std::vector<std::array<double, 3>>& base) const;
    // Enrolment for residents [begin, end) this month; marks participants' health rates for recomputation.
    void run_block(Population& pop, std::size_t begin, std::size_t end, int step, const Rng& rng,
                   YearCounters& counters) const;

    // Whether resident i's kept standing offers (Population::standing_offers) are those their attributes give (true
    // when they will be recomputed first: stale): a check for tests.
    bool offers_current(const Population& pop, std::size_t i) const;
    void apply(const Population& pop, std::size_t i, int step, std::array<double, kNumHealthEvents>& h,
               double& death_multiplier) const override;
    double care_multiplier(const Population& pop, std::size_t i, int step, int kind) const override;
    bool changes_care(const Population& pop, std::size_t i, int step) const override;
    double pregnancy_smoking_multiplier(const Population& pop, std::size_t i, int step) const override;
    double child_protection_multiplier(const Population& pop, std::size_t i, int step) const override;
    std::uint64_t care_programmes() const override { return care_programmes_; }
    bool offers_unchanged(const Population& pop, std::size_t i) const override;

    // Ramp-up share of an intervention in a year (0 before start and after end).
    static double ramp(const InterventionSpec& spec, int year);
    // This year's annual share of the eligible offered a place (after begin_year), per intervention.
    double offer_share(std::size_t k) const { return offer_share_[k]; }
    // This year's monthly enrolment probability of an eligible resident (of a digital-care intervention: one who
    // has basic digital skills; the others do not take it up).
    double enrol_probability(std::size_t k) const { return enrol_p_[k]; }
    // Whether resident i has basic digital skills (sim/health/digital.hpp) at this age.
    bool digitally_skilled(const Population& pop, std::size_t i, int age) const;

private:
    bool eligible(const CompiledIntervention& c, const Population& pop, std::size_t i, int age) const;
    // What run_block learns of a resident this month: the programmes running and drawn, the earliest month of a
    // place drawn and of a running programme's next change (kNoOfferWake: none), the health model's rates to
    // recompute.
    struct ResidentMonth {
        std::uint64_t drawn = 0, running = 0;
        int wake = kNoOfferWake;      // the earliest month of a place drawn (Population::offer_wake)
        int run_wake = kNoOfferWake;  // the next month a programme running changes the rates or ends
        std::uint8_t refresh = 0;  // the rates to recompute (HealthState's stale bits kSomeRates)
        // Programme `bit` offers no place this month (not offered, or running): a place due now lapses.
        void no_place(std::uint64_t bit, const std::int16_t& next, int step);  // next read only if drawn
    };
    // The month to look at a resident again with every place offered drawn: the earliest of `wake` (the month of a
    // drawn place, of a running programme's next change), the next birthday at which what is offered at their age
    // changes (OfferFilter::next_offer_age) and the next January (Population::engine_wake).
    std::int16_t next_look(int step, unsigned months, int wake) const;
    // Whether programme c, which ran last month for a resident enrolled at `enrolled`, still runs (then marked in m).
    static bool runs_on(const CompiledIntervention& c, std::uint64_t bit, std::int16_t enrolled, int step,
                        ResidentMonth& m);
    // Whether a place of intervention k offered to resident i falls due this month (its waiting time drawn when none
    // is, or when the one drawn has run out), and the month of the next drawn.
    bool place_due(std::size_t k, Population& pop, std::size_t i, int step, const Rng& rng, ResidentMonth& m) const;
    // Whether resident i, in a month of a place of intervention c, takes it up: eligible now (a pregnancy in the
    // first month it is seen, digital skills where uptake needs them).
    bool takes_up(const CompiledIntervention& c, const Population& pop, std::size_t i, int age) const;
    // The encoded month (Population::offer_month) of the first place of intervention k taken up from month `from` on,
    // `u` a uniform draw: the months to it are geometric at this year's monthly chance.
    std::int16_t offer_month_from(std::size_t k, int from, double u) const;
    // Enrols resident i: the month, the participant and cost counters, the attribute effects.
    void enrol(const CompiledIntervention& c, std::size_t k, Population& pop, std::size_t i, int step, int age,
               const Rng& rng, YearCounters& counters) const;
    // Residents on 1 January in a digital-care programme (one whose uptake needs digital skills) still running.
    void count_digital_care(int step, const Population& pop, YearCounters& counters) const;
    // The residents present `counted` by zone and cell (zone x kCellsPerZone + cell), on the run's threads.
    template <typename Counted>
    std::vector<std::int64_t> residents_by_cell(const Population& pop, int step, Counted&& counted) const;
    // The fixed yearly cost of intervention c, spread over the residents of its zones on 1 January (the year's
    // population counts).
    void book_yearly_cost(const CompiledIntervention& c, double ramp_share, double scale, YearCounters& counters) const;
    // The residents eligible for intervention k now (with digital skills where its uptake needs them).
    double eligible_count(std::size_t k, const Population& pop, int step) const;
    // The year's share of the eligible offered a place: the coverage ramped up, or what gives the capacity.
    double annual_offer(std::size_t k, double ramp_share, double scale, const Population& pop,
                        int step) const;
    template <typename F>
    void for_each_running_effect(const Population& pop, std::size_t i, int step, F&& f) const;

    const ModelData& data_;
    std::vector<CompiledIntervention> compiled_;
    // The health model's rates that change `months` after enrolment, as an effect on them starts, decays or ends: the
    // clocks of the events it acts on and the mortality multiplier (HealthState's stale bits kSomeRates; 0: none).
    static std::uint8_t rates_change(const CompiledIntervention& c, int months);
    // The attribute effects (and pregnancy_smoking for a participant already pregnant) at enrolment.
    void apply_at_enrolment(const CompiledIntervention& c, std::size_t k, Population& pop, std::size_t i, int step,
                            const Rng& rng) const;

    std::uint64_t care_programmes_ = 0;  // acting on care hours (CompiledIntervention::acts_on_care), as bits
    std::vector<double> offer_share_;  // per intervention: annual share offered, this year
    std::vector<double> enrol_p_;      // per intervention: monthly (or per pregnancy) enrolment probability
    std::vector<double> log_stay_;     // per intervention: log(1 - enrol_p_), the waiting time's scale
    // The interventions a resident may be offered a place in this month, as bits (bit k: intervention k): from
    // the resident's attributes through small tables, a superset of those eligible() accepts, so that run_block
    // tests eligibility in full only for these (most residents: none).
    struct OfferFilter {
        std::uint64_t individual = 0;                     // acting on residents (the rest are zone measures, labour)
        std::array<std::uint64_t, 256> offered_at_age{};  // offering places this year (begin_year), by age in years
        // By age in years: the next age whose offered_at_age differs (256: none). A birthday before it changes nothing
        // a resident is offered.
        std::array<std::uint16_t, 256> next_offer_age{};
        std::array<std::array<std::uint64_t, kNumEducation>, kNumSexes> by_person{};
        std::array<std::uint64_t, kNumHousehold> by_household{};
        std::vector<std::uint64_t> by_zone;
        std::uint64_t pregnancy = 0;                      // offered once, in a pregnancy's first month seen
        std::array<std::uint64_t, 512> by_risk{};         // by risk_bits()
        std::array<std::uint64_t, 256> by_conditions{};   // by HealthState::conditions
    };
    OfferFilter filter_;
    void build_filter();
    // The interventions that may offer resident i a place in their present state at some age, pregnancy aside (what
    // Population::standing_offers keeps); offered_at: of those, the ones offering places this year at `age`;
    // candidates: of those, the ones this month (a pregnancy only in its first month).
    std::uint64_t standing_offers(const Population& pop, std::size_t i) const;
    std::uint64_t offered_at(int age, std::uint64_t standing) const;
    std::uint64_t candidates(const Population& pop, std::size_t i, std::uint64_t mask) const;
};

}  // namespace hhu
