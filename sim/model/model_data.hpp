#pragma once
// The tables the model starts from, read from data/*.csv, checked, and frozen. Model code reads
// this; it never reads files itself. Every table's sources are in data/sources.csv and data/README.md.
#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "sim/core/types.hpp"
#include "sim/io/csv_patch.hpp"
#include "sim/model/prices.hpp"

namespace hhu {

struct HealthData;
struct LabourData;
struct WellbeingData;

struct Zone {
    std::string code;               // GM#### or WK0344##
    std::string name;
    std::string municipality_code;  // GM####
    std::string municipality;
    bool u10 = false;
    bool u16 = false;
    double lat = 0, lon = 0;        // approximate centroid (WGS84)
};

// Reporting aggregates over zones.
inline constexpr int kNumAggregates = 4;
inline constexpr std::array<std::string_view, kNumAggregates> kAggregateCodes = {"GM0344", "U10", "U16", "PV26"};

template <typename T>
using BySexAge = std::array<std::array<T, kNumAges>, kNumSexes>;
template <typename T>
using BySexGroup = std::array<std::array<T, kNumAgeGroups>, kNumSexes>;

struct RegisteredFlows {
    int year = 0;
    double in_domestic = 0, in_international = 0, out_domestic = 0, out_international = 0;
    double admin_removals = 0;  // residents removed from the register by administrative correction
};

// Registered or forecast residents of a zone (or of Utrecht city, GM0344) in an age group on 1 January
// (data/population_by_age.csv): the targets of the yearly alignment of migration by age.
struct AgeGroupCount {
    std::string code;  // a zone code or GM0344
    int year = 0;
    int age_from = 0, age_to = 0;  // inclusive; kMaxAge is open-ended
    double population = 0;
    bool forecast = false;  // a forecast, not the register
};

struct YearValue {
    int year = 0;
    double value = 0;
};

struct DataFile {
    std::string name;    // relative to the data directory
    std::string sha256;
};

struct ModelData {
    std::filesystem::path directory;
    std::vector<DataFile> files;  // every file read, with its checksum

    std::vector<Zone> zones;
    // membership[a][z]: zone z belongs to aggregate a (kAggregateCodes order).
    std::array<std::vector<bool>, kNumAggregates> membership;

    std::vector<BySexGroup<std::int64_t>> population_2021;  // [zone][sex][age group], 1 January 2021

    int first_year = kFirstYear;
    int last_year = 0;                               // last calendar year the rate tables cover
    std::vector<BySexAge<double>> mortality;         // [year - first_year][sex][age], annual central rate
    std::vector<std::array<double, kNumAges>> fertility;  // [year - first_year][age of mother], births/woman/yr
    double male_birth_share = 0.5;

    std::vector<double> mortality_hr;       // [zone]
    std::vector<double> fertility_factor;   // [zone]
    std::vector<double> out_rate;           // [zone], annual share of residents leaving the zone
    std::vector<double> internal_share;     // [zone], share of leavers moving to another zone of the province
    BySexAge<double> migration_profile;     // relative out-migration rate by sex and age
    BySexAge<double> arrival_share;         // age-sex distribution of arrivals in a municipality, sums to 1
    BySexAge<double> arrival_share_city;    // the same for Utrecht city's districts
    std::vector<AgeGroupCount> population_by_age;  // alignment targets by age group

    std::vector<RegisteredFlows> city_register;          // Utrecht city (GM0344), registered flows by year
    std::vector<std::vector<YearValue>> forecast;        // [zone]: population forecast anchors (1 January)
    std::vector<YearValue> city_forecast;                // GM0344 totals
    std::vector<std::pair<std::string, YearValue>> register_population;  // (zone/aggregate code, year, pop)

    std::vector<BySexGroup<std::array<double, kNumEducation>>> education;  // [zone][sex][group] shares
    std::vector<BySexGroup<std::array<double, kNumHousehold>>> household;  // [zone][sex][group] shares

    // Share of residents with at least basic digital skills, by age group and education: scales the
    // uptake of digital interventions (data/digital_skills.csv).
    std::array<std::array<double, kNumEducation>, kNumAgeGroups> digital_skills_share{};
    double digital_skills(int age, int edu) const { return digital_skills_share[age_group_of(age)][edu]; }

    // The consumer price index that takes every euro amount the model reads to kPriceYear prices
    // (data/consumer_prices.csv).
    PriceIndex prices;

    // A parameter draw (sim/uncertainty, `hhu run --draws`): 0 is the central values; otherwise the draw's
    // number, the seed of the draws and the edits the draw makes to the tables as they are read (and to
    // the scenario's intervention effects, table "scenario").
    int parameter_draw = 0;
    std::uint64_t draw_seed = 0;
    std::vector<CellPatch> patches;

    // The health model's tables (data/health); always loaded, used when the scenario enables health.
    std::shared_ptr<const HealthData> health;
    // The care labour market's tables (data/labour); always loaded, used with the health model.
    std::shared_ptr<const LabourData> labour;
    // Life satisfaction and informal care (data/wellbeing/); null when the tables were not loaded.
    std::shared_ptr<const WellbeingData> wellbeing;

    int num_zones() const { return static_cast<int>(zones.size()); }
    int zone_index(const std::string& code) const;  // -1 if unknown
    bool is_utrecht_district(int zone) const { return membership[0][zone]; }
    const BySexAge<double>& arrival_profile(int zone) const {
        return is_utrecht_district(zone) ? arrival_share_city : arrival_share;
    }
};

// Reads and checks the demographic tables (the health and labour tables are added by
// load_model_data, sim/inputs); throws InputError naming the file, line and column of any problem.
ModelData load_demography_data(const std::filesystem::path& directory);

// The data directory: --data flag, else $HHU_DATA, else the source tree's data/.
std::filesystem::path default_data_directory();

}  // namespace hhu
