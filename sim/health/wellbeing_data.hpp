#pragma once
// The tables of life satisfaction and informal care (data/wellbeing/, built by tools/build_wellbeing_data.py):
// the published effects of the determinants of life satisfaction, the CBS 84572NED shares satisfied and
// happy the model is calibrated to, the share of residents giving informal care by sex and age, and the
// hours and shadow price of informal care. Every number's source is in data/wellbeing/sources.csv.
#include <array>
#include <filesystem>
#include <vector>

#include "sim/core/types.hpp"
#include "sim/model/model_data.hpp"

namespace hhu {

// The CBS age bands of life satisfaction (adults): 18-24, 25-34, ..., 65-74, 75+.
inline constexpr int kNumWellbeingBands = 7;
inline constexpr std::array<std::string_view, kNumWellbeingBands> kWellbeingBandNames = {
    "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"};
// Residents 12-17 take the 18-24 band (assumption A-WB-YOUTH).
constexpr int wellbeing_band(int age) { return age < 25 ? 0 : age >= 75 ? kNumWellbeingBands - 1 : (age - 15) / 10; }

struct WellbeingData {
    std::vector<DataFile> files;

    double satisfied_threshold = 6.5;  // latent score from which a resident is satisfied (a whole score of 7+)
    double mean_score_target = 0;      // mean score of adults (calibrates the personal term's spread)
    double share_happy_target = 0;     // share happy of adults (calibrates the happiness offset)
    // Effects on the latent score: in points, or in units of the personal term's standard deviation (sigma).
    double effect_depression_anxiety = 0, effect_physical_condition = 0, effect_heavy_caregiving = 0;  // points
    double effect_living_alone_sigma = 0, effect_lonely_severe_sigma = 0;                            // sigma
    double heavily_burdened_share = 0;
    double hours_per_week_heavy = 0, hours_per_week_other = 0;
    // EQ-5D utility a carer loses a year while giving care (THOMAS2015, A-MZ-QALY), heavily burdened or not.
    double utility_loss_heavy_carer = 0, utility_loss_other_carer = 0;
    double informal_care_price_eur = 0;  // an hour of informal care, kPriceYear prices

    // Shares satisfied and happy of adults, CBS 84572NED 2021, by margin.
    std::array<double, kNumWellbeingBands> satisfied_by_band{}, happy_by_band{};
    std::array<double, kNumSexes> satisfied_by_sex{}, happy_by_sex{};
    std::array<double, kNumEducation> satisfied_by_education{}, happy_by_education{};
    // Share of residents giving informal care in 2021 by sex and five-year age group (0 below 18).
    BySexGroup<double> carer_share{};

    // The utility a carer loses a year on average over heavily burdened and other carers.
    double mean_carer_utility_loss() const {
        return heavily_burdened_share * utility_loss_heavy_carer + (1 - heavily_burdened_share) * utility_loss_other_carer;
    }
    double mean_hours_per_week() const {
        return heavily_burdened_share * hours_per_week_heavy + (1 - heavily_burdened_share) * hours_per_week_other;
    }
};

// Reads data/wellbeing/ under `directory`; throws InputError naming the file, line and column.
WellbeingData load_wellbeing_data(const std::filesystem::path& directory, const PriceIndex& prices);

}  // namespace hhu
