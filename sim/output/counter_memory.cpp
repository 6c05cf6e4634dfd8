#include "sim/output/counter_memory.hpp"

#include "sim/core/column.hpp"

#include <map>
#include <mutex>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define HHU_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define HHU_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define HHU_POISON(p, n) ((void)(p), (void)(n))
#define HHU_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

namespace hhu::counter_memory {
namespace {
struct Kept {
    std::mutex mutex;
    std::multimap<std::size_t, void*> blocks;  // by size
    std::size_t bytes = 0;
};
Kept& kept() {
    static Kept* k = new Kept;  // never destroyed: vectors freed during static destruction still find it
    return *k;
}
}  // namespace

void* allocate(std::size_t bytes) {
    if (bytes >= kSmallestKept) {
        Kept& k = kept();
        const std::lock_guard lock(k.mutex);
        if (const auto it = k.blocks.find(bytes); it != k.blocks.end()) {
            void* p = it->second;
            k.blocks.erase(it);
            k.bytes -= bytes;
            HHU_UNPOISON(p, bytes);
            return p;
        }
    }
    return column_memory::allocate(bytes);  // a year's counts (3.4 MB) on huge pages, like the residents' columns
}

void release(void* p, std::size_t bytes) noexcept {
    if (bytes >= kSmallestKept) {
        Kept& k = kept();
        const std::lock_guard lock(k.mutex);
        if (k.bytes + bytes <= kMaxKeptBytes) {
            try {
                k.blocks.emplace(bytes, p);
                k.bytes += bytes;
                HHU_POISON(p, bytes);
                return;
            } catch (...) {  // no room to remember it: freed below
            }
        }
    }
    column_memory::release(p, bytes);
}

void drop_kept() {
    Kept& k = kept();
    const std::lock_guard lock(k.mutex);
    for (const auto& [bytes, p] : k.blocks) {
        HHU_UNPOISON(p, bytes);
        column_memory::release(p, bytes);
    }
    k.blocks.clear();
    k.bytes = 0;
}

std::size_t kept_bytes() {
    Kept& k = kept();
    const std::lock_guard lock(k.mutex);
    return k.bytes;
}

}  // namespace hhu::counter_memory
