#pragma once
// Counter-based random numbers (Random123 Philox4x32-10). A draw is a pure function of
// (seed, stream, resident id, step, index): no generator state is shared or carried, so the thread
// count and the order in which residents are visited cannot change a result, and adding a new kind of
// decision (a new stream) does not shift anyone's other draws. Replicate r of every scenario uses the
// same seed: common random numbers across scenarios.
#include <Random123/philox.h>

#include <cmath>
#include <cstdint>

namespace hhu {

// One fixed stream per kind of decision. Never renumber: it would change every stored result.
enum class Stream : std::uint32_t {
    SynthesisRounding = 1,
    SynthesisAge = 2,
    SynthesisAttributes = 3,
    InitialBudgets = 4,
    Death = 5,
    Birth = 6,
    Newborn = 7,
    Move = 8,
    MoveDestination = 9,
    Arrival = 10,
    Pregnancy = 11,
    HealthInit = 12,
    HealthEvent = 13,
    Perinatal = 14,
    Intervention = 15,
};

class Rng {
public:
    explicit Rng(std::uint64_t seed) : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}} {}

    // Four independent 32-bit words for (stream, subject, step, index).
    r123::Philox4x32::ctr_type words(Stream stream, std::uint32_t subject, std::uint32_t step,
                                     std::uint32_t index = 0) const {
        r123::Philox4x32 philox;
        r123::Philox4x32::ctr_type ctr = {{subject, step, static_cast<std::uint32_t>(stream), index}};
        return philox(ctr, key_);
    }

    // Uniform in the open interval (0, 1), 32 bits of resolution.
    static double to_unit(std::uint32_t w) { return (static_cast<double>(w) + 0.5) * (1.0 / 4294967296.0); }
    // Standard exponential variate: the cumulative hazard a resident may still accrue before an event.
    static float to_exponential(std::uint32_t w) { return static_cast<float>(-std::log(to_unit(w))); }

    double uniform(Stream stream, std::uint32_t subject, std::uint32_t step, std::uint32_t index = 0) const {
        return to_unit(words(stream, subject, step, index)[0]);
    }

private:
    r123::Philox4x32::key_type key_;
};

}  // namespace hhu
