#pragma once
// Where the viewer's processor time went: the CPU seconds of each of its threads, summed by the
// thread's name (the window's own thread, the renderer's, each run's: SimRunner::name_thread). Read
// from /proc/self/task (Linux); empty elsewhere. For the summary of a scripted run, so that a slow
// result says whether the model, the window or the renderer took the cores.
#include <string>
#include <vector>

namespace hhu::viz {

struct ThreadCpu {
    std::string name;  // the thread's name with a trailing number dropped ("llvmpipe-1" -> "llvmpipe")
    int threads = 0;   // threads of that name
    double seconds = 0;  // user + system CPU time
};

// Largest first.
std::vector<ThreadCpu> thread_cpu_times();
// "name 1.23 s (2 threads), ..." in one line.
std::string thread_cpu_text(const std::vector<ThreadCpu>& times);

}  // namespace hhu::viz
