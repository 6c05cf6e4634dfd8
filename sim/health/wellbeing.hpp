#pragma once
// Life satisfaction (0-10) and the CBS "happy" status of every resident from 12 up, and the informal care
// (mantelzorg) residents give.
//
// The score is derived, not a state: each resident's latent score is mu + sigma x z, where mu is the
// calibrated offset of their age band, sex and education plus the published effects of their present
// state (depression or anxiety or high distress, chronic physical conditions, severe loneliness, living
// alone, heavy caregiving), and z a standard normal personal term fixed for life (drawn from the resident's
// id, so it needs no column). The reported score is the nearest whole number in 0..10; 7 or more is
// "satisfied", and the latent score plus a happiness offset of 6.5 or more is "happy" (CBS). Deriving it
// from the state keeps it cheap and deterministic, lets every programme that changes a determinant change
// life satisfaction with no code of its own, and a programme that reaches nobody changes nothing.
//
// WELLBYs (one point of life satisfaction for one person for one year; HM Treasury 2021) accrue every month
// as the expected score given the resident's state (the personal term averaged out, like the health
// model's expected months in good health); the stocks on 1 January (mean score, shares satisfied and happy,
// carers) are the residents' realised scores and statuses. A month's amounts depend only on the state (zone,
// age group, adulthood, sex, education, distress, physical conditions, loneliness, living alone) and the year, so
// the months in one state are added as months x the monthly amount when the state changes, at death or departure
// and after December, like the health model's accruals (the same integers as a monthly addition).
// Informal care: the share of residents giving it by sex and age (CBS 2022) holds in 2021 and scales with
// the need for it (residents 65+ at home who are frail, receive home care or have dementia) relative to
// 2021; carers give 28 h/week when heavily burdened (19%), 8 otherwise; heavy burden costs life
// satisfaction. Hours are valued at the shadow price of the Kostenhandleiding (2024 edition, 2022 euros).
// Giving care costs the carer health: an EQ-5D loss linear in the hours (0.028 a year heavily burdened, 0.008
// otherwise; Thomas et al. 2015, A-MZ-QALY), accrued monthly as the expected loss and subtracted from their QALYs.
#include <array>
#include <cstdint>
#include <vector>

#include "sim/core/rng.hpp"
#include "sim/health/wellbeing_calibration.hpp"
#include "sim/health/wellbeing_data.hpp"
#include "sim/output/results.hpp"
#include "sim/population/population.hpp"

namespace hhu {

inline constexpr std::uint32_t kNoWellbeingKey = 0xffffffffu;

// The residents of one kind on 1 January that the calibration sums over: adults of one five-year age
// group, sex and education with the same determinants, and how many they are.
struct WellbeingCell {
    int group = 0, sex = 0, education = 0;
    int distress = 0;   // depression or anxiety, or high distress (0/1)
    int physical = 0;   // number of chronic physical conditions
    int lonely = 0;     // severely lonely (0/1)
    int alone = 0;      // living alone (0/1)
    double residents = 0;
};

class WellbeingModel {
public:
    explicit WellbeingModel(const WellbeingData& data);

    // January: the year's need for informal care; in the first year also the calibration to the population of that
    // day, or `fitted` when given: the calibration of a policy-free run of the same key (MigrationPlanKey: the same
    // residents on 1 January 2021, data and settings), which is what the fit would give, bit for bit.
    void begin_year(const Population& pop, int step, const WellbeingCalibration* fitted = nullptr);
    // What changes in a run (sim/simulation/saved_state.hpp): the first year's calibration and need, the year's tables.
    template <typename Archive>
    void transfer_state(Archive& a);
    // Whether the first year's calibration is done (begin_year of the first year has run).
    bool calibrated() const { return calibrated_; }
    // Stocks on 1 January of resident i (adults 18+): satisfied, happy, carer, heavily burdened (the bits of StockTally's
    // lanes, StockTally::bit) and the score (the points). Draws the resident's personal term the first time and keeps it
    // (HealthState::wellbeing_personal).
    struct Stocks {
        std::uint32_t bits = 0;
        std::int32_t points = 0;
    };
    Stocks stocks(Population& pop, std::size_t i, int age, const Rng& rng, int step) const;
    // One month of resident i (the health model's month calls it after each resident's own, HealthModel::run_block):
    // WELLBYs (12+), informal care hours given and their value, and the months of adults the carers' QALYs lost are
    // settled from (settle_carers). The months of one state are kept pending and added when it changes. state_changed
    // says whether an input of their state other than the age may have changed since last month, and must say so in a
    // resident's first month; birthday whether this month is their birthday. flush_all puts the pending months into
    // the counters (after December, and whenever the counters are merged).
    void accrue_resident(Population& pop, std::size_t i, int step, bool state_changed, bool birthday, bool flush_all,
                         YearCounters& counters) const {
        auto& months = pop.health.wellbeing_months[i];
        if (pop.status[i] != static_cast<std::uint8_t>(Status::Present)) {
            flush(pop, i, counters);  // died or left this month: the months before are still theirs
            return;
        }
        // The key's inputs change only with the health model's state (an event, refreshed rates) or on a birthday that
        // changes the key's age (12, 18, a new age group): while they hold, so does the key of last month (of the
        // pending months, or of the last flushed when none are pending). A resident's first month is one whose state
        // may have changed (the health model's rates start stale).
        if (state_changed || (birthday && age_changes_key(age_in_years(step, pop.birth_step[i]))))
            rekey(pop, i, step, counters);
        ++months;
        if (flush_all) flush(pop, i, counters);
    }
    // Adds resident i's pending months to the counters (accrue_resident's flush_all; the health model's December pass).
    void flush(Population& pop, std::size_t i, YearCounters& counters) const;
    // For tests: whether resident i's stored key is the one their state gives at `step` (the month just run), or will be
    // recomputed first next month (the health model's rates stale; absent).
    bool key_current(const Population& pop, std::size_t i, int step) const;
    // The carers' QALYs lost (A-MZ-QALY) of the counters' adult months, out of Measure::Qalys: the expected loss of an
    // adult-month in each zone and cell summed and rounded once. Call after every merge of the counters into a year's
    // (it replaces what an earlier call of the same year settled, so it may be called every month).
    void settle_carers(YearCounters& counters) const;

    // The latent mean of resident i without caregiving: calibrated offsets plus the determinants' effects.
    double latent_mean(const Population& pop, std::size_t i, int age) const;
    // The same for a cell of the calibration.
    double latent_mean(const WellbeingCell& c) const;
    // Resident i's determinants as a cell of one resident (the one place they are read from the columns).
    static WellbeingCell resident_cell(const Population& pop, std::size_t i, int age);
    // Expected whole score (0..10) of a latent mean: sum over k of P(latent >= k - 0.5).
    double expected_score(double mu) const;
    // Probability of giving informal care this year, and of being a heavily burdened carer.
    double carer_probability(int sex, int age) const;
    // The same by five-year age group, adult (18+) or not.
    double carer_probability(int sex, int group, bool adult) const;
    double need_index() const { return need_index_; }
    const WellbeingCalibration& calibration() const { return cal_; }

    // The calibration (A-WB-CALIB): raking of the expected share satisfied to the CBS margins by age
    // band, sex and education, sigma so that the mean score is the target, then the happiness offset.
    // `parallel`: the normal terms of a Newton step's cells computed side by side in the calling task arena; the
    // sums stay serial in cell order, so the result is the same bits either way.
    static WellbeingCalibration calibrate(const WellbeingData& data, const std::vector<WellbeingCell>& cells,
                                          const BySexGroup<double>& heavy_probability, bool parallel = true);
    // Residents at home who need informal care (the need the carers meet).
    static bool needs_informal_care(const Population& pop, std::size_t i, int age);
    // Whether turning `age` changes the age in a key: 12 (wellbeing accrues from 12), 18 (adulthood) or a new age
    // group (HealthModel::plain_birthday asks it too).
    static bool age_changes_key(int age) {
        return age == 12 || age == 18 || age_group_of(age) != age_group_of(age - 1);
    }

private:
    std::vector<WellbeingCell> adult_cells(const Population& pop, int step) const;
    // The first year's calibration to the residents of the day (need_index_ already set).
    WellbeingCalibration fit(const Population& pop, int step) const;
    void build_expected_table();
    // What a month of one state adds (accrue_resident), computed once a year (begin_year): the state's WELLBYs and, per
    // age group, adulthood and sex, the carers' amounts. The same numbers, from the same expressions, as computing
    // them resident by resident every month.
    void build_month_tables();
    static std::size_t age_key(int group, bool adult) { return static_cast<std::size_t>(group) * 2 + (adult ? 1 : 0); }
    static std::size_t state_index(std::size_t age_key, int sex, int education, int distress, int physical, int lonely,
                                   int alone);
    // The state of a month's accruals, packed: state_index (bits 0-14), zone (15-20), cell (21-27); kNoWellbeingKey
    // under 12 (nothing accrues).
    std::uint32_t accrual_key(const Population& pop, std::size_t i, int age) const;
    // The key of resident i's month: their pending months flushed first when it differs from theirs.
    void rekey(Population& pop, std::size_t i, int step, YearCounters& counters) const;
    struct CarerMonth {
        double carer = 0;             // probability of giving informal care
        std::int64_t hours = 0;       // informal care hours given, in amount units
        std::int64_t value_eur = 0;   // their value, in amount units
        double lost = 0;              // the carers' QALYs lost, in amount units before rounding
    };

    const WellbeingData& d_;
    WellbeingCalibration cal_;
    bool calibrated_ = false;
    double need_base_ = 0;    // residents needing informal care in the first year
    double need_index_ = 0;   // this year's need over the first year's
    std::vector<float> expected_;  // expected score on a grid of latent means (kGridMin + k x kGridStep)
    std::vector<std::int64_t> wellbys_month_;  // [state_index]: a month's WELLBYs, in amount units
    std::vector<CarerMonth> carer_month_;      // [age_key][sex]
};

}  // namespace hhu
