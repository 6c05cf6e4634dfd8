#pragma once
// Population synthesis: one resident per person living in the region on 1 January 2021 (or, with a
// scale below 1, a random sample of them whose results are weighted back to the full population).
#include "sim/core/rng.hpp"
#include "sim/model/model_data.hpp"
#include "sim/population/population.hpp"

namespace hhu {

// Draws the discrete attribute from cumulative shares using a uniform u in (0,1).
template <typename Shares>
int draw_category(const Shares& shares, double u) {
    double cum = 0;
    for (std::size_t i = 0; i + 1 < shares.size(); ++i) {
        cum += shares[i];
        if (u < cum) return static_cast<int>(i);
    }
    return static_cast<int>(shares.size()) - 1;
}

// Both fill the residents in parallel, on the threads of the caller's task arena (the same residents at any count).
Population synthesize_population(const ModelData& data, double scale, const Rng& rng);
// Pregnancies on 1 January 2021 and parity; see the definition for the assumptions.
void assign_pregnancies_and_parity(Population& pop, const ModelData& data, double fertility_scale, const Rng& rng);

// Appends a resident with the given attributes, its id the population's next id, and draws its
// initial event budgets. Returns its index.
std::size_t append_resident(Population& pop, const Rng& rng, int step, int birth_step, int sex, int zone,
                            int education, int household);
// The same into slot i of a population already resized to hold it (bulk appends), with the given id.
void set_resident(Population& pop, std::size_t i, ResidentId id, const Rng& rng, int step, int birth_step, int sex,
                  int zone, int education, int household);

// An integer count with the given expectation: floor(expected) plus one with probability equal to
// the remainder, decided by the uniform u. Exact when `expected` is whole.
std::int64_t sampled_count(double expected, double u);

}  // namespace hhu
