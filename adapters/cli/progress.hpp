// A progress bar for long imports, on stderr and only when stderr is a terminal: a pipe or a log
// file gets none of it, so what it captures stays clean.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace ectflow::cli {

class ProgressBar {
 public:
  // Draws on `stream` if it is a terminal; otherwise every call does nothing.
  explicit ProgressBar(std::FILE* stream = stderr);
  ~ProgressBar();  // clears the bar
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Starts a stage ("Checking", "Saving") of `total` steps; 0 shows the label alone.
  void stage(std::string label, std::size_t total);
  // Redraws when the shown percentage moves, so a million updates cost a hundred redraws.
  void update(std::size_t done);
  void clear();
  bool shown() const { return shown_; }

 private:
  void draw(std::size_t percent, std::size_t done);

  std::FILE* stream_;
  bool shown_;
  bool drawn_ = false;
  std::string label_;
  std::size_t total_ = 0;
  std::size_t last_percent_ = 101;  // none drawn yet
};

}  // namespace ectflow::cli
