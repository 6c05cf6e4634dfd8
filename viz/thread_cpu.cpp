#include "thread_cpu.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#ifdef __linux__
#include <unistd.h>
#endif

namespace hhu::viz {

namespace {

// "llvmpipe-1" and "llvmpipe-0" are one pool; "hhu-live" stays as it is.
std::string pool_name(std::string name) {
    while (!name.empty() && (std::isdigit(static_cast<unsigned char>(name.back())) || name.back() == '-' ||
                             name.back() == ':'))
        name.pop_back();
    return name.empty() ? "(unnamed)" : name;
}

// utime + stime of /proc/self/task/TID/stat, in seconds: fields 14 and 15, counted after the command
// name's closing parenthesis (the name may hold spaces). proc(5).
double task_seconds(const std::string& stat, long ticks_per_second) {
    const std::size_t close = stat.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream rest(stat.substr(close + 2));
    std::string field;
    double utime = 0, stime = 0;
    for (int k = 3; k <= 15 && rest >> field; ++k) {  // field 3 is the state
        if (k == 14) utime = std::stod(field);
        if (k == 15) stime = std::stod(field);
    }
    return (utime + stime) / static_cast<double>(ticks_per_second);
}

}  // namespace

std::vector<ThreadCpu> thread_cpu_times() {
    std::vector<ThreadCpu> out;
#ifdef __linux__
    const long ticks = sysconf(_SC_CLK_TCK);
    std::map<std::string, ThreadCpu> pools;
    std::error_code ec;
    for (const auto& task : std::filesystem::directory_iterator("/proc/self/task", ec)) {
        std::ifstream comm(task.path() / "comm"), stat(task.path() / "stat");
        std::string name, line;
        if (!std::getline(comm, name) || !std::getline(stat, line)) continue;  // the thread has ended
        ThreadCpu& pool = pools[pool_name(name)];
        pool.name = pool_name(name);
        ++pool.threads;
        pool.seconds += task_seconds(line, ticks > 0 ? ticks : 100);
    }
    for (auto& [name, pool] : pools) out.push_back(pool);
    std::sort(out.begin(), out.end(), [](const ThreadCpu& a, const ThreadCpu& b) { return a.seconds > b.seconds; });
#endif
    return out;
}

std::string thread_cpu_text(const std::vector<ThreadCpu>& times) {
    std::string out;
    for (const auto& t : times) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "%s%s %.2f s", out.empty() ? "" : ", ", t.name.c_str(), t.seconds);
        out += buf;
        if (t.threads > 1) out += " (" + std::to_string(t.threads) + " threads)";
    }
    return out;
}

}  // namespace hhu::viz
