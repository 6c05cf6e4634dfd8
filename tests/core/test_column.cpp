// The residents' columns (sim/core/column.hpp): large blocks aligned to a huge page, so that the kernel may back
// them with huge pages; small ones ordinary; both usable as vectors.
#include <doctest/doctest.h>

#include <cstdint>
#include <numeric>

#include "sim/core/column.hpp"

namespace hhu {

TEST_CASE("a column of a huge page or more starts on a huge page, a smaller one anywhere, and both hold their values") {
    Column<float> large(column_memory::kHugePage / sizeof(float) + 1);
#if !defined(__SANITIZE_ADDRESS__)  // under AddressSanitizer every block is operator new's (sim/core/column.cpp)
    CHECK(reinterpret_cast<std::uintptr_t>(large.data()) % column_memory::kHugePage == 0);
#endif
    std::iota(large.begin(), large.end(), 0.0f);
    CHECK(large.back() == static_cast<float>(large.size() - 1));
    Column<std::uint8_t> small(1000, 7);
    CHECK(small[999] == 7);
    // Growing past a huge page moves the column to an aligned block, with its values.
    small.resize(3 * column_memory::kHugePage, 9);
#if !defined(__SANITIZE_ADDRESS__)
    CHECK(reinterpret_cast<std::uintptr_t>(small.data()) % column_memory::kHugePage == 0);
#endif
    CHECK(small[999] == 7);
    CHECK(small.back() == 9);
}

}  // namespace hhu
