#pragma once
// Several runs at once in one process (parameter draws, a batch plan's small runs): tasks 0..n-1 on `at_once`
// threads, the calling thread among them, each thread taking the next task. The first failure stops the others
// after their current task and is rethrown as an InputError with its message (a bad draw or row names itself).
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "sim/core/error.hpp"

namespace hhu {

template <class Task>
void run_side_by_side(std::size_t n, int at_once, Task&& task) {
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::mutex m;
    std::string failure;
    auto worker = [&] {
        for (std::size_t k; !failed && (k = next++) < n;) {
            try {
                task(k);
            } catch (const std::exception& e) {
                std::lock_guard lock(m);
                if (!failed.exchange(true)) failure = e.what();
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < at_once; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    if (failed) throw InputError(failure);
}

}  // namespace hhu
