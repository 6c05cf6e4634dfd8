#pragma once
// Facts about the running process and build, for manifests and benchmarks.
#include <cstddef>
#include <string>

namespace hhu {

std::size_t peak_resident_bytes();  // VmHWM of this process, 0 if unknown
std::string utc_timestamp();         // ISO 8601, e.g. 2026-11-23T14:05:09Z
std::string version_string();        // git describe of the source tree at build time
// The linker's build id of the running program (a hash of its contents: another build, even of the same uncommitted
// tree, has another), as hex; "" where there is none.
const std::string& build_id();
unsigned hardware_threads();

}  // namespace hhu
