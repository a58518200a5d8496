// Writing generated flow text line by line, and the seeded dice that vary it. Both are
// deterministic, so one seed and size always give the same flows on every machine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ectflow::bench {

// One flow file's text, indented 2 spaces per level as `ectflow fmt` lays it out.
class FlowWriter {
 public:
  void line(int depth, std::string_view text) {
    text_.append(static_cast<std::size_t>(depth) * 2, ' ');
    text_.append(text);
    text_.push_back('\n');
    ++lines_;
  }
  void blank() {
    text_.push_back('\n');
    ++lines_;
  }
  std::size_t lines() const { return lines_; }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
  std::size_t lines_ = 0;
};

// splitmix64: std::uniform_int_distribution differs between standard libraries, this does not.
class Dice {
 public:
  explicit Dice(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // A whole number from `low` to `high`, both included.
  int between(int low, int high) {
    return low + static_cast<int>(next() % static_cast<std::uint64_t>(high - low + 1));
  }
  bool chance(int percent) { return between(1, 100) <= percent; }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[next() % items.size()];
  }

 private:
  std::uint64_t state_;
};

}  // namespace ectflow::bench
