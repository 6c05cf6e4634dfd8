#pragma once
// A quiet month, sixteen residents at a time (HealthModel::run_block). In most months most residents have nothing
// to do for the health and wellbeing models but their clocks' subtractions (budget - hazard, none running out) and a
// month more of pending accruals. These helpers find those residents among sixteen and do that month for them with
// SSE2 (every x86-64 processor has it): the same single-precision subtractions and byte increments a resident's month
// makes one by one, so the results are the same bits. Where SSE2 is missing, every month is one by one
// (HealthModel::run_block).
#include <array>
#include <cstdint>

#include "sim/population/health_state.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hhu::quiet_month {

#if defined(__SSE2__)
inline __m128i load16(const std::uint8_t* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }

// Bit j: resident j's months lived at `step` (step - birth_step[j], 0 to 32,767) are not a multiple of 12, so this
// month is not their birthday. x % 12 is 0 when x % 4 and x % 3 are; x / 3 is (x * 21,846) >> 16 for every x below
// 32,768 (a 16-bit multiply; tests/health/test_quiet_month.cpp checks every x).
inline unsigned no_birthday16(const std::int16_t* birth_step, int step) {
    const __m128i now = _mm_set1_epi16(static_cast<short>(step));
    auto birthday8 = [&](const std::int16_t* b) {
        const __m128i x = _mm_sub_epi16(now, _mm_loadu_si128(reinterpret_cast<const __m128i*>(b)));
        const __m128i third = _mm_mulhi_epu16(x, _mm_set1_epi16(21846));
        const __m128i mod3 = _mm_sub_epi16(x, _mm_mullo_epi16(third, _mm_set1_epi16(3)));
        const __m128i mod4 = _mm_and_si128(x, _mm_set1_epi16(3));
        return _mm_cmpeq_epi16(_mm_or_si128(mod3, mod4), _mm_setzero_si128());
    };
    const __m128i birthday = _mm_packs_epi16(birthday8(birth_step), birthday8(birth_step + 8));
    return ~static_cast<unsigned>(_mm_movemask_epi8(birthday)) & 0xffffu;
}

// Bit j: words[j] has none of `bits` (of sixteen 64-bit words: a resident in none of some programmes,
// Population::in_intervention).
inline unsigned no_bits16(const std::uint64_t* words, std::uint64_t bits) {
    const __m128i select = _mm_set1_epi64x(static_cast<long long>(bits));
    unsigned zero = 0;
    for (unsigned j = 0; j < 16; j += 2) {
        const __m128i word = _mm_and_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(words + j)), select);
        const __m128i halves = _mm_cmpeq_epi32(word, _mm_setzero_si128());
        // A word is 0 when both its halves are.
        const __m128i both = _mm_and_si128(halves, _mm_shuffle_epi32(halves, _MM_SHUFFLE(2, 3, 0, 1)));
        zero |= static_cast<unsigned>(_mm_movemask_pd(_mm_castsi128_pd(both))) << j;
    }
    return zero;
}

// Adds 1 to the bytes p[j] whose bit j is set; the other bytes are written back as they were.
inline void add_one16(std::uint8_t* p, unsigned bits) {
    const __m128i select = _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128);
    const __m128i spread = _mm_unpacklo_epi64(_mm_set1_epi8(static_cast<char>(bits & 0xffu)),
                                              _mm_set1_epi8(static_cast<char>((bits >> 8) & 0xffu)));
    const __m128i add = _mm_cmpeq_epi8(_mm_and_si128(spread, select), select);  // 0xff (-1) where a bit is set
    _mm_storeu_si128(reinterpret_cast<__m128i*>(p), _mm_sub_epi8(load16(p), add));
}

// The lanes of four residents' five clocks (20 floats, five vectors), by which of the four are quiet (bit j: resident j).
struct ClockLanes {
    std::array<std::array<std::uint32_t, 4 * kHealthClocks>, 16> lanes{};
    constexpr ClockLanes() {
        for (unsigned q = 0; q < 16; ++q)
            for (int f = 0; f < 4 * kHealthClocks; ++f) lanes[q][f] = (q >> (f / kHealthClocks) & 1u) ? 0xffffffffu : 0u;
    }
};
inline constexpr ClockLanes kClockLanes{};

// Of four residents (bits in `wanted`), those none of whose clocks runs out this month (budget - hazard > 0, in single
// precision, as HealthModel's use_clocks computes it): their budgets become budget - hazard; every other budget is
// written back as it was. Returns their bits.
static_assert(kHealthClocks == 5, "four residents' clocks are five vectors of four");
inline unsigned commit_clocks4(std::array<float, kHealthClocks>* budget, const std::array<float, kHealthClocks>* hazard,
                               unsigned wanted) {
    float* const b = budget->data();
    const float* const h = hazard->data();
    __m128 before[kHealthClocks], left[kHealthClocks];
    unsigned out = 0;  // bit 5j + c: resident j's clock c runs out
    for (int k = 0; k < kHealthClocks; ++k) {
        before[k] = _mm_loadu_ps(b + 4 * k);
        left[k] = _mm_sub_ps(before[k], _mm_loadu_ps(h + 4 * k));
        out |= static_cast<unsigned>(_mm_movemask_ps(_mm_cmple_ps(left[k], _mm_setzero_ps()))) << (4 * k);
    }
    unsigned quiet = 0;
    for (unsigned j = 0; j < 4; ++j) quiet |= ((out >> (kHealthClocks * j)) & 31u) == 0 ? 1u << j : 0u;
    quiet &= wanted;
    if (quiet == 0) return 0;
    const auto& lanes = kClockLanes.lanes[quiet];
    for (int k = 0; k < kHealthClocks; ++k) {
        const __m128 use = _mm_castsi128_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(&lanes[4 * k])));
        _mm_storeu_ps(b + 4 * k, _mm_or_ps(_mm_and_ps(use, left[k]), _mm_andnot_ps(use, before[k])));
    }
    return quiet;
}
#endif

}  // namespace hhu::quiet_month
