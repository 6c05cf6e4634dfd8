#pragma once
// A run's state on 1 January of a year, between two steps: every resident's columns, the results of the years before,
// and what each module keeps from year to year (Simulation::save_state). A scenario whose programmes all start in
// that year or later lives the years before it exactly as its policy-free province does (a programme acts from its
// start year on; its offers and costs are nil before it, and the scenario takes the baseline's migration), so it may
// start from the baseline's state of that 1 January instead of living those years again (RunOptions::start_from):
// the same results, bit for bit (tests/simulation/test_saved_state.cpp), without synthesis and those years' months.
// A state is keyed like a migration plan (settings without programmes, seed, scale, data, build): another key is
// refused with what differs. `hhu run --save-state YEAR` stores one in a baseline's run directory (state_YEAR.bin),
// beside its migration plan; a scenario run that takes that plan starts from the state when it can.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "sim/core/column.hpp"
#include "sim/simulation/migration_plan.hpp"

namespace hhu {

// The file's layout, and the state's in memory: a head of kStateHead bytes (a line of JSON: what it is, its key and
// year, the length of what follows, its CRC-32, the build id; padded with spaces), then what Simulation's modules wrote
// (sim/core/state_archive.hpp).
inline constexpr std::size_t kStateHead = 1024;

// Bytes in the column allocator's memory (sim/core/column.hpp: huge pages, aligned to one; a state of the full
// population is some 160 MB, and this machine's small pages fault in at some 10 microseconds each), not zero-filled:
// a state is written over them at once.
class StateImage {
public:
    StateImage() = default;
    explicit StateImage(std::size_t size);
    StateImage(const StateImage& other);
    StateImage(StateImage&& other) noexcept;
    StateImage& operator=(StateImage other) noexcept;
    ~StateImage();
    char* data() { return data_; }
    const char* data() const { return data_; }
    std::size_t size() const { return size_; }

private:
    char* data_ = nullptr;
    std::size_t size_ = 0;
};

struct SavedState {
    MigrationPlanKey key;  // the policy-free province this is a state of
    int year = 0;          // 1 January of this year, before its first month
    StateImage image;      // the head (write_state_head) and the bytes: its file's contents
    std::string source{};  // where it came from, for messages: its file, or "" (in memory)
    std::string_view bytes() const {
        return image.size() < kStateHead ? std::string_view{} : std::string_view(image.data() + kStateHead,
                                                                                 image.size() - kStateHead);
    }
    // A state of these bytes, its head written (a copy; for tests).
    static SavedState of_bytes(MigrationPlanKey key, int year, std::string_view bytes);
};

// The file of a run directory holding its state of 1 January `year`.
std::string saved_state_file_name(int year);
// Writes the head of the state's image, once its bytes are: the key and year, the length of the bytes, their CRC-32 and
// the build id of the program that wrote them (build_id(): the bytes are that build's layout of its members; the key's
// version does not tell two builds of an uncommitted tree apart).
void write_state_head(SavedState& state);
// The bytes of the state's file: its image (which must outlive them).
std::string_view saved_state_file(const SavedState& state);
// Reads a file of saved_state_file's bytes: InputError naming the file when it is not one, is cut short, was
// written by another build or its bytes do not match their checksum.
SavedState read_saved_state(const std::filesystem::path& file);

// The state a run keyed `wants` may start from in `dir` (a run directory, or one of replicates with replicates/NNN/):
// the file of the latest year at most `latest_year` (after the first) with this key; empty when there is none (the run
// then lives every year itself). The files passed over, one line each with why: `unusable` those that are not a state
// this program can read (not one, cut short, misnamed, of another build), `other` the states of another key or year.
struct StateSearch {
    std::filesystem::path found;
    std::string unusable, other;
};
StateSearch find_saved_state(const std::filesystem::path& dir, const MigrationPlanKey& wants, int latest_year);
// Whether `file` is a state this program can take, from its head and size (its checksum is checked when it is read).
bool usable_saved_state(const std::filesystem::path& file);

}  // namespace hhu
