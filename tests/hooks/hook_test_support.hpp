// Helpers for the hook tests: values and types in one line, and a call in one line.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <type_traits>

#include "hooks/hook_host.hpp"

namespace ectflow::hooks {

// So GoogleTest prints values readably: nil, true, 2025, "text", [..], {name = ..}.
inline void PrintTo(const DataValue& value, std::ostream* out) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          *out << "nil";
        else if constexpr (std::is_same_v<T, bool>)
          *out << (v ? "true" : "false");
        else if constexpr (std::is_same_v<T, double>)
          *out << v;
        else if constexpr (std::is_same_v<T, std::string>)
          *out << '"' << v << '"';
        else if constexpr (std::is_same_v<T, std::vector<DataValue>>) {
          *out << '[';
          for (const auto& item : v) PrintTo(item, out), *out << ' ';
          *out << ']';
        } else {
          *out << '{';
          for (const auto& [name, item] : v) *out << name << " = ", PrintTo(item, out), *out << ' ';
          *out << '}';
        }
      },
      value.v);
}

}  // namespace ectflow::hooks

namespace ectflow::hooks::testing {

inline DataValue nil() {
  return DataValue{};
}
inline DataValue yes(bool b) {
  return DataValue{b};
}
inline DataValue num(double n) {
  return DataValue{n};
}
inline DataValue text(std::string s) {
  return DataValue{std::move(s)};
}
inline DataValue list(std::vector<DataValue> items) {
  return DataValue{std::move(items)};
}
inline DataValue record(std::map<std::string, DataValue> fields) {
  return DataValue{std::move(fields)};
}

inline HookType type(HookType::Kind kind, std::vector<std::string> values = {}) {
  return HookType{kind, std::move(values), nullptr};
}
inline HookType list_of(HookType element) {
  return HookType{HookType::Kind::list, {}, std::make_shared<const HookType>(std::move(element))};
}
inline const HookType kNumber = type(HookType::Kind::number);
inline const HookType kText = type(HookType::Kind::text);

// Loads `source` as FILE (expecting it to compile) and calls `function` in it.
inline HookResult run(const std::string& source, const std::string& function = "hook",
                      const std::vector<DataValue>& args = {}, const HookType& result = kNumber,
                      const std::string& file = "rules/test.lua") {
  HookHost host;
  if (auto error = host.load(file, source)) {
    ADD_FAILURE() << "load failed: " << error->code << ": " << error->message << " at line "
                  << error->line;
  }
  return host.call(file, function, args, result);
}

inline std::string read_source(const std::string& path) {
  std::ifstream in(std::string(ECTFLOW_SOURCE_DIR) + "/" + path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::string describe(const HookResult& r) {
  if (!r.error) return "a value";
  return r.error->file + ":" + std::to_string(r.error->line) + ": " + r.error->code + ": " +
         r.error->message;
}

}  // namespace ectflow::hooks::testing
