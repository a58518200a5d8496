// The import progress bar (progress.hpp).
#include "progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>

namespace ectflow::cli {
namespace {

constexpr std::size_t kBarWidth = 30;

}  // namespace

ProgressBar::ProgressBar(std::FILE* stream) : stream_(stream), shown_(::isatty(::fileno(stream)) == 1) {}

ProgressBar::~ProgressBar() { clear(); }

void ProgressBar::stage(std::string label, std::size_t total) {
  label_ = std::move(label);
  total_ = total;
  last_percent_ = 101;
  update(0);
}

void ProgressBar::update(std::size_t done) {
  if (!shown_) return;
  const std::size_t percent = total_ == 0 ? 0 : std::min<std::size_t>(100, done * 100 / total_);
  if (percent == last_percent_) return;
  last_percent_ = percent;
  draw(percent, done);
}

void ProgressBar::draw(std::size_t percent, std::size_t done) {
  std::string line = "\r\x1b[2K" + label_;
  if (total_ > 0) {
    const std::size_t filled = percent * kBarWidth / 100;
    line += fmt::format(" [{}{}] {:>3}% {}/{}", std::string(filled, '#'), std::string(kBarWidth - filled, '.'),
                        percent, done, total_);
  }
  std::fputs(line.c_str(), stream_);
  std::fflush(stream_);
  drawn_ = true;
}

void ProgressBar::clear() {
  if (!shown_ || !drawn_) return;
  std::fputs("\r\x1b[2K", stream_);
  std::fflush(stream_);
  drawn_ = false;
}

}  // namespace ectflow::cli
