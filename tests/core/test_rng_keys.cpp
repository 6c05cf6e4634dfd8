// Every random decision has its own named key (sim/core/rng.hpp): no two share a counter index, and
// the draws of different decisions for the same resident and step are uncorrelated.
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "sim/core/rng.hpp"

namespace hhu {

namespace {

// Pearson's correlation of two equally long series.
double correlation(const std::vector<double>& a, const std::vector<double>& b) {
    const double n = static_cast<double>(a.size());
    double ma = 0, mb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) ma += a[i] / n, mb += b[i] / n;
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / std::sqrt(saa * sbb);
}

// The first word of each of a decision's first (up to) three indices, for residents 0..n-1 at one step.
std::vector<std::vector<double>> draws(const Rng& rng, const RandomKey& k, std::uint32_t n, std::uint32_t step) {
    std::vector<std::vector<double>> out;
    for (std::uint32_t offset = 0; offset < std::min<std::uint32_t>(k.count, 3); ++offset) {
        std::vector<double> v(n);
        for (std::uint32_t id = 0; id < n; ++id) v[id] = Rng::to_unit(rng.words(k, id, step, offset)[0]);
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace

TEST_CASE("random keys: every decision has its own counter indices and its own name") {
    CHECK(keys_distinct(kRandomKeys));
    std::set<std::string> names;
    for (const auto& k : kRandomKeys) names.insert(k.name);
    CHECK(names.size() == std::size(kRandomKeys));
    // The check itself catches an overlap, a shared name and an empty range.
    constexpr RandomKey overlapping[] = {{Stream::HealthInit, 3, 6, "a"}, {Stream::HealthInit, 8, 1, "b"}};
    constexpr RandomKey renamed[] = {{Stream::HealthInit, 3, 1, "a"}, {Stream::Death, 3, 1, "a"}};
    constexpr RandomKey empty[] = {{Stream::HealthInit, 3, 0, "a"}};
    constexpr RandomKey apart[] = {{Stream::HealthInit, 3, 6, "a"}, {Stream::HealthInit, 9, 1, "b"},
                                   {Stream::Death, 3, 6, "c"}};
    static_assert(!keys_distinct(overlapping) && !keys_distinct(renamed) && !keys_distinct(empty));
    static_assert(keys_distinct(apart));
}

TEST_CASE("random keys: the nursing-home and the initial-condition draws are different numbers") {
    const Rng rng(20210101);
    int same = 0;
    for (std::uint32_t id = 0; id < 1000; ++id)
        same += rng.words(key::HealthNursingHome, id, 0)[0] == rng.words(key::HealthConditions, id, 0, 0)[0];
    CHECK(same == 0);
}

TEST_CASE("random keys: the draws of different decisions for the same resident are uncorrelated") {
    const Rng rng(12345);
    constexpr std::uint32_t n = 20000;
    // |r| of independent uniforms has standard deviation 1/sqrt(n); 5 of them is a bound that a real
    // dependence (a shared number: r = 1) breaks and chance does not (p ~ 6e-7 per pair).
    const double bound = 5 / std::sqrt(static_cast<double>(n));
    std::vector<std::pair<std::string, std::vector<double>>> series;
    for (const auto& k : kRandomKeys) {
        int offset = 0;
        for (auto& v : draws(rng, k, n, 7)) series.emplace_back(std::string(k.name) + "#" + std::to_string(offset++), std::move(v));
    }
    double worst = 0;
    std::string worst_pair;
    for (std::size_t a = 0; a < series.size(); ++a)
        for (std::size_t b = a + 1; b < series.size(); ++b) {
            const double r = std::abs(correlation(series[a].second, series[b].second));
            if (r > worst) worst = r, worst_pair = series[a].first + " ~ " + series[b].first;
        }
    INFO("most correlated: " << worst_pair << " r = " << worst);
    CHECK(worst < bound);
}

TEST_CASE("random keys: a subject of up to 56 bits, and one below 2^32 draws the counter it drew with 32-bit subjects") {
    const Rng rng(77);
    r123::Philox4x32 philox;
    const r123::Philox4x32::key_type key = {{77, 0}};
    for (std::uint64_t subject : {std::uint64_t{0}, std::uint64_t{5}, std::uint64_t{0xFFFFFFFF}}) {
        const r123::Philox4x32::ctr_type ctr = {{static_cast<std::uint32_t>(subject), 9,
                                                 static_cast<std::uint32_t>(key::HealthEvent.stream), key::HealthEvent.first + 3}};
        CHECK(rng.words(key::HealthEvent, subject, 9, 3) == philox(ctr, key));
    }
    // The bits above 32 make other numbers, whatever the stream: no subject shares another's counter.
    std::set<std::uint32_t> first_words;
    for (std::uint64_t high : {0ull, 1ull, 2ull, (1ull << 23), (1ull << 24) - 1})
        for (const RandomKey& k : {key::HealthEvent, key::Newborn, key::InformalCarer})
            first_words.insert(rng.words(k, high << 32 | 12345, 4)[0]);
    CHECK(first_words.size() == 15);
    // A stream wider than its 8 bits would run into a subject's high bits: keys_distinct refuses it.
    constexpr RandomKey wide[] = {{static_cast<Stream>(1u << kStreamBits), 0, 1, "wide"}, {Stream::Death, 0, 1, "death"}};
    static_assert(!keys_distinct(wide));
    constexpr RandomKey narrow[] = {{static_cast<Stream>((1u << kStreamBits) - 1), 0, 1, "narrow"}, {Stream::Death, 0, 1, "death"}};
    static_assert(keys_distinct(narrow));
}

}  // namespace hhu
