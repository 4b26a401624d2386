// groupfit::bench: the grid of executors x workers x threads-per-model (plus auto), each run
// several times in a fresh process, alternating configurations so that machine noise spreads
// evenly; medians, and efficiency against the lower bound. The lower bound and the simulation
// on other core counts come from the auto run's run.json: its per-group training times (taken
// back to one thread with the calibrated scaling) and its time outside training.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "base/atomic_file.hpp"
#include "exec/core_count.hpp"
#include "groupfit/error.hpp"
#include "groupfit/groupfit.hpp"
#include "groupfit/tools.hpp"
#include "plan/planner.hpp"

namespace groupfit {
namespace {

namespace fs = std::filesystem;

struct GridEntry {
  std::string label;
  std::vector<std::string> flags;
};

std::vector<GridEntry> grid(unsigned cores) {
  const std::string c = std::to_string(cores);
  std::vector<GridEntry> g = {
      {"sequential 1x" + c, {"--executor", "sequential", "--threads-per-model", c}}};
  for (const char* executor : {"threads", "processes"}) {
    for (auto [w, t] : {std::pair{1u, cores}, {cores, 1u}, {cores, 2u}}) {
      const std::string label = fmt::format("{} {}x{}", executor, w, t);
      if (std::any_of(g.begin(), g.end(), [&](const GridEntry& e) { return e.label == label; })) {
        continue;
      }
      g.push_back({label,
                   {"--executor", executor, "--workers", std::to_string(w), "--threads-per-model",
                    std::to_string(t)}});
    }
  }
  g.push_back({"auto", {"--executor", "auto"}});
  return g;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Per-group single-thread training times, scaling and time outside training, from run.json.
struct RunProfile {
  std::vector<double> single_thread_seconds;
  ThreadScaling scaling;
  double outside_training_seconds = 0;
};

RunProfile read_profile(const fs::path& run_json) {
  std::ifstream in(run_json);
  if (!in) throw InputError(fmt::format("bench: the auto run wrote no '{}'", run_json.string()));
  const nlohmann::json doc = nlohmann::json::parse(in);
  RunProfile p;
  if (doc.at("plan").contains("calibration")) {
    p.scaling.speedup =
        doc.at("plan").at("calibration").at("speedup_by_threads").get<std::vector<double>>();
  }
  for (const auto& g : doc.at("groups")) {
    if (g.at("status") != "ok") continue;
    const int threads = g.at("threads").get<int>();
    p.single_thread_seconds.push_back(g.at("train_seconds").get<double>() * p.scaling.at(threads));
  }
  const auto& t = doc.at("timings");
  p.outside_training_seconds =
      t.at("wall_seconds").get<double>() - t.at("train_seconds").get<double>();
  return p;
}

// Keeps, group by group, the fastest of the auto runs: on a shared machine a run's times are
// its true cost plus whatever else ran, so the minimum is the best estimate of the cost and
// the lower bound is not inflated by one unlucky run.
void keep_fastest(std::optional<RunProfile>& fastest, RunProfile run) {
  if (!fastest || fastest->single_thread_seconds.size() != run.single_thread_seconds.size()) {
    if (!fastest) fastest = std::move(run);
    return;
  }
  for (std::size_t i = 0; i < run.single_thread_seconds.size(); ++i) {
    fastest->single_thread_seconds[i] =
        std::min(fastest->single_thread_seconds[i], run.single_thread_seconds[i]);
  }
  fastest->outside_training_seconds =
      std::min(fastest->outside_training_seconds, run.outside_training_seconds);
}

std::string markdown(const BenchReport& r, unsigned cores, const BenchConfig& c) {
  std::ostringstream md;
  md << fmt::format("groupfit bench: {} ({} rounds), {} cores, {} runs each\n\n", c.input, c.rounds,
                    cores, c.runs);
  md << "| configuration | wall s median | min | max | CPU s | peak MB | efficiency |\n";
  md << "|---|---|---|---|---|---|---|\n";
  for (const auto& row : r.rows) {
    md << fmt::format(
        "| {}{} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.0f} | {:.0f}% |\n", row.configuration,
        row.failed_runs ? fmt::format(" ({} failed)", row.failed_runs) : "", row.wall_median,
        row.wall_min, row.wall_max, row.cpu_median, row.peak_mb_median, 100 * row.efficiency);
  }
  md << fmt::format(
      "\nLower bound (each group at its fastest in the auto runs and at its best thread count, "
      "plus the shortest time outside training): {:.2f} s\n",
      r.lower_bound_seconds);
  if (!r.simulated.empty()) {
    md << "\n| cores (simulated) | auto plan makespan s | lower bound s | ratio "
          "|\n|---|---|---|---|\n";
    for (const auto& s : r.simulated) {
      md << fmt::format("| {} | {:.2f} | {:.2f} | {:.2f} |\n", s.cores, s.makespan_seconds,
                        s.lower_bound_seconds, s.makespan_seconds / s.lower_bound_seconds);
    }
  }
  return md.str();
}

}  // namespace

BenchReport bench(const BenchConfig& config, const WarningSink& warn,
                  const std::function<void(const std::string&)>& on_run) {
  if (config.group_column.empty() || config.target_column.empty()) {
    throw InputError("bench: --group and --target are required");
  }
  if (config.runs < 1) throw InputError("bench: --runs must be at least 1");
  const unsigned cores = available_cores();
  const fs::path out(config.out_dir);
  prepare_output_dir(out);
  const auto entries = grid(cores);
  std::vector<std::vector<CommandCost>> costs(entries.size());
  std::optional<RunProfile> profile;
  std::ostringstream csv;
  csv << "configuration,run,wall_seconds,cpu_seconds,peak_mb,exit_status\n";
  for (int run = 1; run <= config.runs; ++run) {
    for (std::size_t e = 0; e < entries.size(); ++e) {
      std::string dir = entries[e].label;
      std::replace(dir.begin(), dir.end(), ' ', '-');
      std::vector<std::string> argv = {config.program,
                                       "train",
                                       config.input,
                                       "--group",
                                       config.group_column,
                                       "--target",
                                       config.target_column,
                                       "--out",
                                       (out / "runs" / dir).string(),
                                       "--quiet",
                                       "--param",
                                       fmt::format("iterations={}", config.rounds)};
      if (!config.id_column.empty()) argv.insert(argv.end(), {"--id", config.id_column});
      for (const auto& p : config.params) argv.insert(argv.end(), {"--param", p});
      argv.insert(argv.end(), entries[e].flags.begin(), entries[e].flags.end());
      const CommandCost cost = measure_command(argv);
      costs[e].push_back(cost);
      const std::string line =
          fmt::format("{},{},{:.3f},{:.3f},{:.1f},{}", entries[e].label, run, cost.wall_seconds,
                      cost.cpu_seconds, cost.peak_mb, cost.exit_status);
      csv << line << "\n";
      if (on_run) on_run(line);
      if (cost.exit_status != 0) {
        warn(fmt::format("bench: {} run {} exited with {}", entries[e].label, run,
                         cost.exit_status));
      } else if (entries[e].label == "auto") {
        keep_fastest(profile, read_profile(out / "runs" / dir / "run.json"));
      }
    }
  }
  write_file_atomically(out / "bench.csv", csv.str());
  if (!profile) throw InputError("bench: no auto run succeeded; see bench.csv");
  BenchReport report;
  report.lower_bound_seconds =
      profile->outside_training_seconds +
      makespan_lower_bound(profile->single_thread_seconds, cores, profile->scaling);
  for (std::size_t e = 0; e < entries.size(); ++e) {
    BenchRow row;
    row.configuration = entries[e].label;
    std::vector<double> wall, cpu, mem;
    for (const auto& c : costs[e]) {
      row.failed_runs += c.exit_status != 0 ? 1 : 0;
      wall.push_back(c.wall_seconds);
      cpu.push_back(c.cpu_seconds);
      mem.push_back(c.peak_mb);
    }
    row.runs = wall.size();
    row.wall_median = median(wall);
    row.wall_min = *std::min_element(wall.begin(), wall.end());
    row.wall_max = *std::max_element(wall.begin(), wall.end());
    row.cpu_median = median(cpu);
    row.peak_mb_median = median(mem);
    row.efficiency = report.lower_bound_seconds / row.wall_median;
    report.rows.push_back(row);
  }
  for (unsigned p : config.simulate_cores) {
    ThreadScaling scaling = profile->scaling;
    while (scaling.speedup.size() < p) scaling.speedup.push_back(scaling.speedup.back());
    const Schedule plan = make_schedule(profile->single_thread_seconds, p, scaling);
    report.simulated.push_back({p, plan.makespan, plan.lower_bound});
  }
  report.markdown = markdown(report, cores, config);
  write_file_atomically(out / "bench.md", report.markdown);
  return report;
}

}  // namespace groupfit
