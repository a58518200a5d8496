// `check --watch`: polls the .flow files' sizes and modification times, and checks again after
// every change, until SIGINT or SIGTERM.
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <csignal>
#include <ctime>
#include <filesystem>
#include <map>
#include <thread>

#include "commands.hpp"

namespace ectflow::cli {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

constexpr milliseconds kPollInterval{300};
// Editors often save in several steps: a change is checked once the files stay still this long.
constexpr milliseconds kSettleTime{100};
// Sleeps are cut into slices this long so a signal stops the watch promptly.
constexpr milliseconds kSleepSlice{50};

volatile std::sig_atomic_t stop_requested = 0;
extern "C" void request_stop(int) {
  stop_requested = 1;
}

struct FileState {
  fs::file_time_type modified;
  std::uintmax_t size = 0;
  bool operator==(const FileState&) const = default;
};
using Snapshot = std::map<std::string, FileState>;

void add_file(Snapshot& snapshot, const fs::path& path) {
  std::error_code size_error, time_error;
  const auto size = fs::file_size(path, size_error);
  const auto modified = fs::last_write_time(path, time_error);
  if (!size_error && !time_error) snapshot[path.string()] = {modified, size};
}

// The .flow files under each directory, and each named file; missing paths are simply absent,
// so a file appearing or disappearing is a change too.
Snapshot take_snapshot(const std::vector<std::string>& paths) {
  Snapshot snapshot;
  for (const std::string& path : paths) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      add_file(snapshot, path);
      continue;
    }
    const auto options = fs::directory_options::skip_permission_denied;
    for (fs::recursive_directory_iterator it(path, options, error), end; !error && it != end;
         it.increment(error)) {
      std::error_code type_error;
      if (it->path().extension() == ".flow" && it->is_regular_file(type_error)) {
        add_file(snapshot, it->path());
      }
    }
  }
  return snapshot;
}

// Sleeps for `duration`; false when a stop was requested meanwhile.
bool sleep_unless_stopped(milliseconds duration) {
  for (milliseconds slept{0}; slept < duration && !stop_requested; slept += kSleepSlice) {
    std::this_thread::sleep_for(kSleepSlice);
  }
  return !stop_requested;
}

std::string separator_line() {
  return fmt::format("--- {:%H:%M:%S} flow files changed; checking again ---\n",
                     fmt::localtime(std::time(nullptr)));
}

}  // namespace

int watch(const std::vector<std::string>& paths, int max_runs,
          const std::function<int()>& check_once) {
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  Snapshot seen = take_snapshot(paths);
  int status = check_once();
  for (int runs = 1; max_runs == 0 || runs < max_runs; ++runs) {
    Snapshot now = seen;
    while (now == seen) {
      if (!sleep_unless_stopped(kPollInterval)) return status;
      now = take_snapshot(paths);
    }
    for (Snapshot settled; sleep_unless_stopped(kSettleTime); now = std::move(settled)) {
      settled = take_snapshot(paths);
      if (settled == now) break;
    }
    if (stop_requested) return status;
    seen = std::move(now);
    print(stdout, separator_line());
    status = check_once();
  }
  return status;
}

}  // namespace ectflow::cli
