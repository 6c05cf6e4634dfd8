// hhu: the command line of the Health Hub Utrecht simulator.
#include <CLI/CLI.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <iostream>

#include "batch_command.hpp"
#include "commands.hpp"
#include "distributed.hpp"
#include "sim/core/error.hpp"
#include "sim/output/indicators.hpp"

namespace {

// CLI11's range checks compare as doubles, and NaN compares false: every number flag is first
// checked to be a finite number written out in full (no "nan", "inf" or trailing text).
const CLI::Validator kFinite(
    [](std::string& text) -> std::string {
        double value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
            return "expected a finite number, got '" + text + "'";
        return {};
    },
    "FINITE");

// A count, a year or a number of threads: a whole number written out in full ("1.0" or "2.5" read as "not in range").
const CLI::Validator kWhole(
    [](std::string& text) -> std::string {
        long long value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size()) return "expected a whole number, got '" + text + "'";
        return {};
    },
    "WHOLE");

// CLI11 clamps out-of-range unsigned values and wraps negative ones; a seed must be given exactly.
const CLI::Validator kSeed(
    [](std::string& text) -> std::string {
        std::uint64_t value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size())
            return "expected a whole number from 0 to 18446744073709551615, got '" + text + "'";
        return {};
    },
    "SEED");

}  // namespace

int main(int argc, char** argv) {
    // Under mpirun, a distributed batch (see distributed.hpp); MPI is finalised on every way out.
    hhu::distributed_init(&argc, &argv);
    struct Finalize {
        ~Finalize() { hhu::distributed_finalize(); }
    } finalize;
    CLI::App app{"hhu: agent-based simulation of every resident of the Utrecht region, 2021-2040"};
    app.require_subcommand(1);

    hhu::RunCommand run;
    auto* run_cmd = app.add_subcommand("run", "run a scenario and write a run directory");
    run_cmd->add_option("scenario", run.scenario, "scenario file (JSON)")->required();
    auto* out_opt = run_cmd->add_option("--out,-o", run.out, "run directory to write (atomically)");
    run_cmd->add_option("--threads,-t", run.threads, "worker threads (default: all cores)")
        ->check(kWhole)->check(CLI::Range(1, 1024));
    run_cmd->add_option("--seed", run.seed, "random seed (default: the scenario's)")->check(kSeed);
    run_cmd->add_option("--scale", run.scale, "share of residents to simulate, results weighted back (0 < F <= 1)")
        ->check(kFinite)->check(CLI::Range(1e-4, 1.0));
    run_cmd->add_flag("--force", run.force, "overwrite an existing run directory");
    run_cmd->add_option("--data", run.data_dir, "data directory (default: $HHU_DATA or the source tree's data/)");
    run_cmd->add_option("-D,--set", run.overrides, "override a scenario value, e.g. -D demography.mortality_scale=0.9");
    run_cmd->add_flag("--check", run.check_only, "validate the scenario and data, run nothing");
    run_cmd->add_option("--replicates,-r", run.replicates,
                        "replicates (seeds seed, seed+1, ...): writes each, their mean and a 95% interval")
        ->check(kWhole)->check(CLI::Range(1, 1000));
    run_cmd->add_flag("--quiet,-q", run.quiet, "no progress output");
    run_cmd->add_flag("--profile", run.profile, "print the seconds spent in each phase of the step plan (one run)");
    run_cmd->add_option("--detail", run.detail,
                        "rows of the tables: full (every breakdown, the default), zones (every zone, totals) or "
                        "summary (the aggregates, totals)")
        ->check(CLI::IsMember({"summary", "zones", "full"}));
    run_cmd->add_flag("--lifetime", run.lifetime,
                      "also write lifetime.csv: the residents alive at the end followed to death (expected-value tail; "
                      "hhu compare reports the lifetime horizon from it)");
    run_cmd->add_flag("--gzip", run.gzip, "write the tables (yearly.csv.gz: pandas and R read them) and the migration plan gzip-compressed");
    run_cmd->add_option("--migration-from", run.migration_from,
                        "run directory of the baseline (same settings without interventions, seed, scale and "
                        "data): a scenario with health interventions takes its migration instead of stepping a "
                        "policy-free twin, and its wellbeing calibration instead of fitting (about half the time; the "
                        "same results; a plan written before the calibration was kept: the scenario fits it). Without "
                        "it, a run directory beside --out with the plan of the same seed, scale, data and settings is "
                        "taken (named on stderr)");
    run_cmd->add_option("--save-state", run.save_state_years,
                        "a run without programmes (a baseline): also write its state of 1 January YEAR (state_YEAR.bin, "
                        "some 110 bytes a resident and 3.4 MB a year before it), from which the runs of scenarios whose "
                        "programmes start in YEAR or later that take this run's migration start, instead of living the "
                        "years before again (the same results); may be given more than once")
        ->check(kWhole)->check(CLI::Range(hhu::kFirstYear + 1, 2040));
    run_cmd->add_flag("--from-start", run.from_start,
                      "live every year from 2021, even when the run directory whose migration is taken holds a state "
                      "to start from (--save-state)");
    run_cmd->add_flag("--step-twin", run.step_twin,
                      "step the policy-free twin even when a run directory beside --out holds its migration");
    run_cmd->add_option("--draws", run.draws,
                        "parameter draws 1..N (data/uncertainty): each a run directory OUT/draws/NNNN with the "
                        "replicates; draw k is the same parameter set in every scenario")
        ->check(kWhole)->check(CLI::Range(1, 100000));
    run_cmd->add_option("--draw", run.draw, "run one parameter draw K (0: the central values, the default)")
        ->check(kWhole)->check(CLI::Range(0, 100000));
    run_cmd->add_option("--draw-seed", run.draw_seed, "seed of the parameter draws (default 1)")->check(kSeed);
    auto* draws_option = run_cmd->get_option("--draws");
    run_cmd->add_option("--runs-at-once", run.runs_at_once,
                        "with --draws: draws side by side, each with the cores shared among them (default: one per "
                        "core at scale 0.1 or less, else one)")
        ->check(kWhole)->check(CLI::Range(1, 1024))
        ->needs(draws_option);  // alone it would be passed over without a word

    std::string check_file, check_data;
    auto* check_cmd = app.add_subcommand("check", "validate a scenario file and the data tables");
    check_cmd->add_option("scenario", check_file, "scenario file (JSON)")->required();
    check_cmd->add_option("--data", check_data, "data directory");

    hhu::BenchCommand bench;
    bench.scenario = std::string(HHU_SOURCE_DIR) + "/scenarios/baseline.json";
    auto* bench_cmd = app.add_subcommand("bench", "time the full population 2021-2040 at 1 and 2 threads, demography only and the full model");
    bench_cmd->add_option("--scenario", bench.scenario, "scenario to time");
    bench_cmd->add_option("--threads", bench.threads, "thread counts to time")->check(kWhole)->check(CLI::Range(1, 1024));
    bench_cmd->add_option("--scale", bench.scale, "share of residents")->check(kFinite)->check(CLI::Range(1e-4, 1.0));
    bench_cmd->add_option("--end-year", bench.end_year, "last simulated year")->check(kWhole)->check(CLI::Range(2021, 2040));
    bench_cmd->add_option("--data", bench.data_dir, "data directory");
    bench_cmd->add_option("--model", bench.model, "demography (health off), full (the scenario as written) or both")
        ->check(CLI::IsMember({"demography", "full", "both"}));
    bench_cmd->add_option("--callgrind-scale", bench.callgrind_scale,
                          "scale of the callgrind run that counts instructions per person-step (0: none)")
        ->check(kFinite)->check(CLI::Range(0.0, 1.0));
    bench_cmd->add_option("--count-instructions-into", bench.count_instructions_into)->group("");  // internal
    bench.paired = std::string(HHU_SOURCE_DIR) + "/scenarios/health_hub_agenda.json";
    bench_cmd->add_option("--paired", bench.paired,
                          "a scenario timed against the full model at the most threads, as hhu run runs it beside a "
                          "finished baseline: from the baseline's saved state (the state written and read through a "
                          "file) and from 2021, with the baseline's migration (\"\": none)");

    hhu::ValidateCommand validate;
    validate.scenario = std::string(HHU_SOURCE_DIR) + "/scenarios/baseline.json";
    auto* validate_cmd = app.add_subcommand("validate", "run the baseline and compare it with the published figures");
    validate_cmd->add_option("--scenario", validate.scenario, "scenario to validate");
    validate_cmd->add_option("--scale", validate.scale, "share of residents (the tolerance widens by the sampling error)")
        ->check(kFinite)->check(CLI::Range(1e-4, 1.0));
    validate_cmd->add_option("--threads,-t", validate.threads, "worker threads")->check(kWhole)->check(CLI::Range(1, 1024));
    validate_cmd->add_option("--data", validate.data_dir, "data directory");
    validate_cmd->add_flag("--quiet,-q", validate.quiet, "no progress output");

    hhu::CompareCommand compare;
    auto* compare_cmd = app.add_subcommand(
        "compare", "differences of a scenario from a baseline (paired replicates): health, cases, care, costs, gaps");
    compare_cmd->add_option("baseline", compare.baseline, "baseline run directory")->required();
    compare_cmd->add_option("scenario", compare.scenario, "scenario run directory")->required();
    compare_cmd->add_option("--zone", compare.zone, "zone or aggregate to compare (default PV26, the province)");
    compare_cmd->add_option("--out,-o", compare.out,
                            "write PREFIX.csv and PREFIX.json (default SCENARIO/compare_<baseline scenario name>)");
    compare_cmd->add_option("--discount-costs", compare.discount_costs, "discount rate of costs a year (default 0.03)")
        ->check(CLI::Range(0.0, 1.0));
    compare_cmd->add_option("--discount-effects", compare.discount_effects,
                            "discount rate of health effects a year (default 0.015)")
        ->check(CLI::Range(0.0, 1.0));
    compare_cmd->add_option("--discount-base-year", compare.discount_base_year,
                            "year to discount to (default: the first year of the runs)")
        ->check(CLI::Range(2000, 2100));
    compare_cmd->add_option("--friction-days", compare.friction_days,
                            "friction period of the productivity losses, calendar days (default 97.5)")
        ->check(CLI::Range(1.0, 730.0));

    hhu::ReportCommand report;
    auto* report_cmd = app.add_subcommand(
        "report", "a policy brief of scenario runs against a baseline run: one self-contained HTML file (nl or en)");
    report_cmd->add_option("baseline", report.baseline, "baseline run directory")->required();
    report_cmd->add_option("scenarios", report.scenarios, "scenario run directories (paired with the baseline)")->required();
    report_cmd->add_option("--out,-o", report.out, "the HTML file to write (atomically)")->required();
    report_cmd->add_option("--lang", report.lang, "language of the brief: nl (default) or en");
    report_cmd->add_option("--data", report.data_dir, "data directory (default: $HHU_DATA or the source tree's data/)");

    hhu::CalibrateCommand calibrate;
    calibrate.scenario = std::string(HHU_SOURCE_DIR) + "/scenarios/baseline.json";
    auto* calibrate_cmd = app.add_subcommand(
        "calibrate", "calibrate the health model to the life table and to the published prevalence by age (writes data/health/*_calibration*.csv)");
    calibrate_cmd->add_option("--iterations", calibrate.iterations, "runs of the baseline")->check(kWhole)->check(CLI::Range(1, 20));
    calibrate_cmd->add_option("--scale", calibrate.scale, "share of residents")->check(kFinite)->check(CLI::Range(1e-4, 1.0));
    calibrate_cmd->add_option("--threads,-t", calibrate.threads, "worker threads")->check(kWhole)->check(CLI::Range(1, 1024));
    calibrate_cmd->add_option("--data", calibrate.data_dir, "data directory");

    hhu::BatchCommand batch;
    auto* batch_cmd = app.add_subcommand(
        "batch", "run a plan of scenarios, overrides and replicates (lists, grids, sweeps): resumable, over threads "
                 "and MPI ranks, with one results table");
    batch_cmd->add_option("plan", batch.plan, "plan file (JSON; see README.md, Batch plans)")->required();
    batch_cmd->add_option("--out,-o", batch.out, "the plan's folder (resumed when it holds this plan)");
    batch_cmd->add_option("--threads,-t", batch.threads, "threads of each run (default: the cores shared among the runs at once)")
        ->check(kWhole)->check(CLI::Range(1, 1024));
    batch_cmd->add_option("--runs-at-once", batch.runs_at_once,
                          "runs side by side (default: one per core at scale 0.1 or less, else one)")
        ->check(kWhole)->check(CLI::Range(1, 1024));
    batch_cmd->add_option("--data", batch.data_dir, "data directory");
    batch_cmd->add_flag("--check", batch.check_only, "validate the plan, its scenarios and the data, run nothing");
    batch_cmd->add_flag("--quiet,-q", batch.quiet, "no progress output");

    app.add_subcommand("plan", "print the phases of a simulation step");
    auto* indicators_cmd =
        app.add_subcommand("indicators", "print the indicator catalogue as CSV (the source of data/indicators.csv)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // A bad flag is bad input like any other: exit 2 (CLI11's own codes differ per kind of error).
        return app.exit(e) == 0 ? 0 : 2;
    }
    try {
        if (*run_cmd) {
            if (!run.check_only && run.out.empty()) throw hhu::InputError("hhu run: --out DIR is required (or --check)");
            (void)out_opt;
            return hhu::run_command(run);
        }
        if (*check_cmd) {
            hhu::RunCommand c;
            c.scenario = check_file;
            c.data_dir = check_data;
            c.check_only = true;
            return hhu::run_command(c);
        }
        if (*bench_cmd) return hhu::bench_command(bench);
        if (*validate_cmd) return hhu::validate_command(validate);
        if (*calibrate_cmd) return hhu::calibrate_command(calibrate);
        if (*compare_cmd) return hhu::compare_command(compare);
        if (*batch_cmd) {
            if (!batch.check_only && batch.out.empty()) throw hhu::InputError("hhu batch: --out DIR is required (or --check)");
            return hhu::batch_command(batch);
        }
        if (*report_cmd) return hhu::report_command(report);
        if (*indicators_cmd) {
            std::cout << hhu::indicator_catalogue_csv();
            return 0;
        }
        hhu::print_step_plan();
        return 0;
    } catch (const hhu::InputError& e) {
        std::cerr << "hhu: error: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "hhu: internal error: " << e.what() << "\n";
        return 3;
    }
}
