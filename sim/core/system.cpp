#include "sim/core/system.hpp"

#include <algorithm>
#include <cstring>
#include <chrono>
#include <ctime>
#include <fstream>
#include <thread>

#include "hhu_version.hpp"

#if defined(__linux__)
#include <elf.h>
#include <link.h>
#endif

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

namespace {
#if defined(__linux__)
// The NT_GNU_BUILD_ID note of the main program (the first object dl_iterate_phdr visits).
int find_build_id(dl_phdr_info* info, std::size_t, void* out) {
    auto& id = *static_cast<std::string*>(out);
    for (int k = 0; k < info->dlpi_phnum; ++k) {
        const auto& ph = info->dlpi_phdr[k];
        if (ph.p_type != PT_NOTE) continue;
        const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
        const char* end = p + ph.p_memsz;
        const std::size_t align = ph.p_align == 8 ? 8 : 4;  // a note's name and contents are padded to it
        auto padded = [align](std::size_t n) { return (n + align - 1) / align * align; };
        while (p + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) n;
            std::memcpy(&n, p, sizeof n);
            const char* name = p + sizeof n;
            const char* desc = name + padded(n.n_namesz);
            if (desc > end) break;
            if (n.n_type == NT_GNU_BUILD_ID && n.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0 &&
                desc + n.n_descsz <= end) {
                static const char* hex = "0123456789abcdef";
                for (unsigned b = 0; b < n.n_descsz; ++b) {
                    const auto v = static_cast<unsigned char>(desc[b]);
                    id += hex[v >> 4];
                    id += hex[v & 15];
                }
                return 1;
            }
            p = desc + padded(n.n_descsz);
        }
    }
    return 1;  // the main program only
}
#endif
}  // namespace

const std::string& build_id() {
    static const std::string id = [] {
        std::string s;
#if defined(__linux__)
        dl_iterate_phdr(find_build_id, &s);
#endif
        return s;
    }();
    return id;
}

}  // namespace hhu
