#pragma once
// Test hook: HHU_KILL_AT=STAGE makes hhu kill itself (SIGKILL, as kill -9) when it reaches STAGE,
// so that the tests interrupt a batch or a plan at an exact point instead of after a guessed time.
#include <csignal>
#include <cstdlib>
#include <string>

namespace hhu {

inline void kill_point(const std::string& stage) {
    const char* at = std::getenv("HHU_KILL_AT");
    if (at && stage == at) ::raise(SIGKILL);
}

}  // namespace hhu
