#pragma once
// Progress of a run on stderr: a bar with the time left on a terminal, plain lines otherwise.
#include <chrono>
#include <string>

namespace hhu {

class Progress {
public:
    Progress(std::string label, int total_steps, bool quiet);
    void update(int step, int year);  // after `step` steps, simulating `year`
    void finish();

private:
    std::string label_;
    int total_;
    bool quiet_;
    bool terminal_;
    int last_year_reported_ = 0;
    std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace hhu
