#include "progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace hhu {

Progress::Progress(std::string label, int total_steps, bool quiet)
    : label_(std::move(label)), total_(total_steps), quiet_(quiet), terminal_(isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

void Progress::update(int step, int year) {
    if (quiet_ || total_ <= 0) return;
    const auto now = std::chrono::steady_clock::now();
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double fraction = static_cast<double>(step) / total_;
    const double left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0;
    if (terminal_) {
        if (now - last_draw_ < std::chrono::milliseconds(100) && step < total_) return;
        last_draw_ = now;
        constexpr int kWidth = 30;
        const int filled = static_cast<int>(fraction * kWidth);
        std::string bar(filled, '#');
        bar.resize(kWidth, '-');
        std::fprintf(stderr, "\r%s [%s] %3d%%  %d  elapsed %5.1f s  left %5.1f s ", label_.c_str(), bar.c_str(),
                     static_cast<int>(fraction * 100), year, elapsed, left);
        std::fflush(stderr);
    } else if (year != last_year_reported_) {
        last_year_reported_ = year;
        std::fprintf(stderr, "%s: simulating %d (%d%%), elapsed %.1f s, about %.1f s left\n", label_.c_str(), year,
                     static_cast<int>(fraction * 100), elapsed, left);
    }
}

void Progress::finish() {
    if (quiet_) return;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (terminal_) std::fprintf(stderr, "\n");
    std::fprintf(stderr, "%s: done in %.1f s\n", label_.c_str(), elapsed);
}

}  // namespace hhu
