// Runs the built `ectflow` binary in a shell and captures what it printed, for the CLI tests.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ectflow::cli_test {

namespace fs = std::filesystem;

struct Result {
  int exit_code = -1;  // the exit status, or minus the signal that ended the process
  std::string out;
  std::string err;
};

// One shell word holding `text` exactly.
inline std::string quoted(const std::string& text) {
  std::string word = "'";
  for (char c : text) word += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return word + "'";
}

inline std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline int exit_code_of(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return -1;
}

// A scratch directory, removed when the test ends.
class TempDir {
 public:
  TempDir() {
    static int count = 0;
    path_ = fs::temp_directory_path() /
            ("ectflow-cli-" + std::to_string(::getpid()) + "-" + std::to_string(count++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  std::string str() const { return path_.string(); }
  fs::path write(const std::string& name, const std::string& text) const {
    const fs::path file = path_ / name;
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    return file;
  }

 private:
  fs::path path_;
};

// Runs `ectflow ARGS` (ARGS are shell words, already quoted as needed).
inline Result run_ectflow(const std::string& args) {
  const TempDir scratch;
  const fs::path err = scratch.path() / "stderr";
  const std::string command = quoted(ECTFLOW_BINARY) + " " + args + " 2>" + quoted(err.string());
  Result run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    run.out.append(buffer, n);
  run.exit_code = exit_code_of(::pclose(pipe));
  run.err = read_all(err);
  return run;
}

// What a failed expectation should show: the whole run.
inline std::string describe(const Result& run) {
  return "exit " + std::to_string(run.exit_code) + "\n--- stdout\n" + run.out + "--- stderr\n" +
         run.err;
}

}  // namespace ectflow::cli_test
