#pragma once
// Scenario files: what to simulate. A scenario is a JSON object (see scenarios/baseline.json); it may
// `extends` another scenario file, whose keys it overrides by a deep merge of objects (arrays and
// other values replace). Loading validates everything and reports every problem at once, each with
// the JSON pointer of the offending value, as a ScenarioError. Bad input is refused, never
// truncated or guessed at: a file is at most 1 MB, JSON nests at most 64 levels (sim/io/strict_json),
// a key appears once per object, a number fits a double, descriptions and sources are at most
// 10000 characters. A UTF-8 byte-order mark at the start of a file is skipped.
//
// The schema lives in one table in scenario.cpp (field name, kind, range, whether required, and the
// Scenario member it sets); a new section is added there. Defaults are the initializers below.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/error.hpp"

namespace hhu {

struct DemographyParams {
    double mortality_scale = 1.0;             // multiplies every death rate; [0, 10]
    double fertility_scale = 1.0;             // multiplies every fertility rate; [0, 10]
    double out_migration_scale = 1.0;         // multiplies every zone's out-migration rate; [0, 10]
    bool align_migration_to_forecast = true;  // arrivals from outside the province follow data/population_forecast.csv
    bool align_migration_by_age = true;       // arrivals and departures by age follow data/population_by_age.csv
    bool use_registered_migration = true;     // Utrecht city 2021-2023 uses the registered inflow (back-cast)
};

// The closed choices of a scenario, parsed once at the JSON edge; the names are what files hold.
enum class EffectKind : std::uint8_t { Rate, Attribute };
inline constexpr std::array<std::string_view, 2> kEffectKindNames = {"rate", "attribute"};
enum class Decay : std::uint8_t { None, Linear, Exponential };
inline constexpr std::array<std::string_view, 3> kDecayNames = {"none", "linear", "exponential"};
enum class SexFilter : std::uint8_t { All, Male, Female };
inline constexpr std::array<std::string_view, 3> kSexFilterNames = {"all", "male", "female"};
enum class PregnancyFilter : std::uint8_t { Any, Pregnant, FirstPregnancy };
inline constexpr std::array<std::string_view, 3> kPregnancyFilterNames = {"any", "pregnant", "first_pregnancy"};

// One effect of an intervention on its participants. A "rate" effect multiplies a rate for a while;
// an "attribute" effect changes a participant's state once, at enrolment, with a probability.
struct InterventionEffect {
    EffectKind kind = EffectKind::Rate;
    std::string target;            // rate: a health event (e.g. "fall", "smoking_quit"), "death",
                                   // "care_hours_<kind>", "pregnancy_smoking" (the probability of continuing
                                   // to smoke in pregnancy: at conception, and at enrolment if already pregnant)
                                   // a labour lever "labour_<lever>", or "child_protection_report" (the
                                   // chance of a report for a child the participant gives birth to);
                                   // attribute: quit_smoking, bmi_class_down, become_active, stop_excessive_alcohol,
                                   // end_distress, end_loneliness, end_frailty, gain_digital_skills
    std::string condition;         // rate: acts only while the participant has this condition ("" always), so that a
                                   // trial's effect reaches the participants with the trial's condition
    double relative_risk = 1.0;    // rate: multiplier on the target's rate (or on the lever)
    double probability = 0.0;      // attribute: share of the participants (with the state) whose state changes
    double duration_years = 1.0;   // rate: how long after enrolment the effect lasts; both: no new enrolment
                                   // in the same intervention before it has passed
    Decay decay = Decay::None;     // none | linear (to no effect at the end) | exponential (half_life_years)
    double half_life_years = 1.0;
};

// A policy that reaches residents: who, when, how many, what it does, and what it costs.
struct InterventionSpec {
    std::string id;                // unique within a scenario, [a-z0-9_]
    std::string name;
    std::string name_nl;           // optional: the name in Dutch (the viewer and the brief in Dutch)
    std::string programme;         // the Health Hub programme it belongs to (kProgrammes, sim/core/programmes.hpp)
    std::string description;
    std::string description_nl;    // optional: the description in Dutch, for an alderman (documentation)
    std::string source;            // where its effect size and cost come from
    std::vector<std::string> assumptions;  // what is not from a source, each with its reason (documentation)
    bool enabled = true;
    // who
    int age_min = 0, age_max = 105;
    SexFilter sex = SexFilter::All;
    std::vector<std::string> zones;         // zone or aggregate codes; empty: everywhere
    std::vector<std::string> education;     // low | middle | high; empty: all
    std::vector<std::string> household;     // alone | couple | parent | child | institution; empty: all
    std::vector<std::string> conditions;    // has any of these; empty: no condition needed
    std::vector<std::string> risk_factors;  // has any of these (smoking, overweight, obese, inactive,
                                            // excessive_alcohol, psych_distress, lonely_severe, frail, home_care)
    PregnancyFilter pregnancy = PregnancyFilter::Any;  // pregnant: offered in the first month of a pregnancy
    bool without_digital_skills = false;    // only residents without basic digital skills (a skills course)
    // when
    int start_year = 2025, end_year = 2040;
    double ramp_up_years = 0;      // coverage grows linearly to its full level over this many years
    // how many
    double coverage = 0;           // share of the eligible offered a place per year (with pregnancy
                                   // eligibility: share of the pregnancies, offered once, in the first month)
    double capacity_per_year = 0;  // if > 0: participants per year instead of coverage (full population)
    double uptake = 1;             // share of those offered who take part: a year enrols about
                                   // coverage x uptake of the eligible not yet enrolled
    bool digital_skills = false;   // digital care: only residents with basic digital skills take it up
                                   // (sim/health/digital.hpp), so uptake follows the share who have them
    // what
    std::vector<InterventionEffect> effects;
    // cost
    double cost_per_participant_eur = 0;
    double cost_per_year_eur = 0;  // fixed yearly cost while running (zone measures, levers)
    // The year whose prices the costs are in (0: not given; required with a cost). The engine indexes them to
    // kPriceYear with the consumer price index (sim/model/prices.hpp).
    int cost_price_year = 0;
    // the living environment of the zones in `zones` (zone-level measures), reached by start_year + ramp
    double green_m2_per_dwelling = 0;   // change in public green per dwelling (m2)
    double active_mobility_index = 0;   // change in the active-mobility index
};

// Which published trends the care labour market's supply follows (data/labour/supply_trends.csv and
// parameters.csv inflow_scale). All false: participation and hours by age frozen at 2021, the sensitivity
// scenario scenarios/labour_frozen_participation.json.
struct LabourParams {
    bool inflow_at_published_rates = true;       // entrants at the published rate, not the steady state's
    bool education_intake_trend = true;          // entrants from education follow care-education intake
    bool retirement_follows_pension_age = true;  // retirement by age moves with the state pension age
    bool hours_trend = true;                     // contract hours rise as observed through 2024
};

struct HealthParams {
    bool enabled = true;  // the health model (data/health); off: demography only
};

// The keys of a scenario that are words for readers, not settings of the model: what a run is called and documents.
// Whatever compares scenarios' settings (a baseline's migration plan, the viewer's baselines) leaves them out.
inline constexpr std::array<const char*, 7> kScenarioWordKeys = {"name",  "description",    "title", "title_nl",
                                                                 "description_nl", "notes", "notes_nl"};
// The rest of a resolved scenario that is no setting of its policy-free province (beside its words): its programmes,
// seed, replicates and end year. What is left are the settings a migration plan's key and compare's check hold equal.
inline constexpr std::array<const char*, 4> kRunKeys = {"interventions", "seed", "replicates", "end_year"};

struct Scenario {
    std::string name;                         // required, non-empty, [A-Za-z0-9_-]+; a scenario that
                                              // extends another must give its own name
    std::string description;                  // optional
    // The scenario in plain words for the viewer's cards and the policy brief (optional, at most 120
    // characters on one line; description_nl at most 10000). The file's own: never inherited through
    // `extends` (a scenario extending the baseline is not "the baseline"), and left out of the resolved
    // scenario when empty. The model does not read them.
    std::string title;                        // English
    std::string title_nl;                     // Dutch
    std::string description_nl;               // Dutch beside `description`
    std::vector<std::string> notes;           // optional documentation (sources, assumptions); not used by the model
    std::vector<std::string> notes_nl;        // the same in Dutch, for the policy brief in Dutch; not used by the model
    std::string source_file;                  // the file it was loaded from ("" if parsed from text)
    std::vector<std::string> extends_chain;   // files this one extends: its direct base first, outermost last
    int start_year = 2021;                    // [2021, 2021] for now (the population table is of 1-1-2021)
    int end_year = 2040;                      // [start_year, 2040]
    std::uint64_t seed = 1;                   // unsigned integer
    int replicates = 1;                       // [1, 1000]
    DemographyParams demography;
    HealthParams health;
    LabourParams labour;
    std::vector<InterventionSpec> interventions;
    std::string resolved_json;                // after `extends` is resolved and defaults filled in;
                                              // pretty-printed, keys sorted, no `extends`
};

struct ValidationIssue {
    std::string path;     // JSON pointer such as /demography/mortality_scale ("" is the whole document)
    std::string message;  // what is wrong, e.g. "must be between 0 and 10, got 12.5"
};

// what() is multi-line:
//   scenario FILE: N problem(s):
//     /json/path: message
//     ...
class ScenarioError : public InputError {
public:
    ScenarioError(std::string file, std::vector<ValidationIssue> issues);
    const std::vector<ValidationIssue>& issues() const { return issues_; }
    const std::string& file() const { return file_; }

private:
    std::string file_;
    std::vector<ValidationIssue> issues_;
};

// Loads `file`, resolves `extends` (relative to the folder of the file that names it), validates,
// and fills in defaults. Throws ScenarioError listing every problem; the file is named as given.
Scenario load_scenario(const std::filesystem::path& file);

// The same from text; `name` stands for the file name in messages, and `extends` is resolved
// relative to the folder of `name` (the working directory if it has none). source_file is "".
Scenario parse_scenario(const std::string& json_text, const std::string& name);

// Applies dotted assignments such as "demography.mortality_scale=0.5" or "seed=7" (the command
// line's -D flags) to `base` and validates the result the same way. The value is read as JSON
// (numbers, true/false, arrays, quoted strings); for a string-valued key an unquoted value is taken
// as is ("name=my_run"). Throws ScenarioError naming base's file, each issue marked with the -D
// flag that caused it. `extends` cannot be overridden.
Scenario with_overrides(const Scenario& base, const std::vector<std::string>& assignments);

}  // namespace hhu
