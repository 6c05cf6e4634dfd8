#include "sim/core/system.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <thread>

#include "hhu_version.hpp"

namespace hhu {

std::size_t peak_resident_bytes() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
    return 0;
}

std::string utc_timestamp() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string version_string() { return std::string(HHU_GIT_DESCRIBE) + " (hhu " + HHU_PROJECT_VERSION + ")"; }

unsigned hardware_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace hhu
