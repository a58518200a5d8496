// Connects the declared hooks to the Lua host: each hook's file is read and compiled when the
// engine loads (a missing file or a syntax error is a diagnostic at the hook's declaration), and
// every call converts values in and out, turning a hook's failure into a problem that names the
// Lua file and line while the engine carries on.
#include "runtime/hook_binding.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "hooks/hook_host.hpp"

namespace ectflow {
namespace {

using hooks::DataValue;
using hooks::HookType;
using model::Value;

hooks::HookType result_type(const model::Model& m, const model::Hook& hook) {
  HookType element;
  if (hook.result_is_status) {
    element.kind = HookType::Kind::status;
    element.values = hook.status_codes;
  } else if (hook.result.choice) {
    element.kind = HookType::Kind::choice;
    for (const auto& [code, label] : m.choices[*hook.result.choice].values) element.values.push_back(code);
  } else {
    switch (hook.result.kind) {
      case FieldKind::number: element.kind = HookType::Kind::number; break;
      case FieldKind::date: element.kind = HookType::Kind::date; break;
      case FieldKind::yes_no: element.kind = HookType::Kind::yes_no; break;
      case FieldKind::reference: element.kind = HookType::Kind::record; break;
      default: element.kind = HookType::Kind::text; break;
    }
  }
  if (!hook.result_is_list) return element;
  HookType list;
  list.kind = HookType::Kind::list;
  list.element = std::make_shared<const HookType>(std::move(element));
  return list;
}

class LuaHookCaller : public expr::HookCaller {
 public:
  LuaHookCaller(const model::Model& m, const hooks::HookHost& host, std::vector<std::string>& problems)
      : m_(m), host_(host), problems_(problems) {}

  Value call(std::uint32_t index, const std::vector<Value>& args) override {
    const model::Hook& hook = m_.hooks[index];
    std::vector<DataValue> data;
    for (const Value& arg : args) data.push_back(to_data(arg, 0));
    hooks::HookResult result = host_.call(hook.file, hook.name, data, result_type(m_, hook));
    if (result.error) {
      const hooks::HookError& e = *result.error;
      problems_.push_back(fmt::format("{}:{}: error[{}]: {}", e.file, e.line, e.code, e.message));
      return Value{};
    }
    return from_data(*result.value, hook);
  }

 private:
  // Records arrive as tables of their stored fields; dates as ISO text.
  DataValue to_data(const Value& value, int depth) const {
    return std::visit(
        [&](const auto& v) -> DataValue {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>) {
            return DataValue{};
          } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, double> || std::is_same_v<T, std::string>) {
            return DataValue{v};
          } else if constexpr (std::is_same_v<T, Date>) {
            return DataValue{v.iso()};
          } else if constexpr (std::is_same_v<T, model::Duration>) {
            return DataValue{};
          } else if constexpr (std::is_same_v<T, model::RecordRef>) {
            std::map<std::string, DataValue> fields;
            if (!v.record || depth > 4) return DataValue{fields};
            const RecordSchema& schema = m_.records[v.type].schema;
            for (std::size_t i = 0; i < schema.fields.size() && i < v.record->fields.size(); ++i) {
              fields[schema.fields[i].name] = to_data(expr::Evaluator::from_field(v.record->fields[i]), depth + 1);
            }
            return DataValue{fields};
          } else if constexpr (std::is_same_v<T, model::StatusRef>) {
            return DataValue{std::map<std::string, DataValue>{{"code", DataValue{v->code}}, {"reason", DataValue{v->reason}}}};
          } else {
            std::vector<DataValue> items;
            if (v) {
              for (const Value& item : *v) items.push_back(to_data(item, depth + 1));
            }
            return DataValue{items};
          }
        },
        value.v);
  }

  Value from_data(const DataValue& data, const model::Hook& hook) const {
    if (const auto* items = std::get_if<std::vector<DataValue>>(&data.v)) {
      std::vector<Value> out;
      model::Hook element = hook;
      element.result_is_list = false;
      for (const DataValue& item : *items) out.push_back(from_data(item, element));
      return model::make_list(std::move(out));
    }
    if (hook.result_is_status) {
      if (const auto* code = std::get_if<std::string>(&data.v)) return model::make_status({*code, "", ""});
      if (const auto* table = std::get_if<std::map<std::string, DataValue>>(&data.v)) {
        model::StatusValue status;
        if (auto c = table->find("code"); c != table->end() && std::holds_alternative<std::string>(c->second.v)) {
          status.code = std::get<std::string>(c->second.v);
        }
        if (auto r = table->find("reason"); r != table->end() && std::holds_alternative<std::string>(r->second.v)) {
          status.reason = std::get<std::string>(r->second.v);
        }
        return model::make_status(std::move(status));
      }
      return Value{};
    }
    if (hook.result.kind == FieldKind::date) {
      if (const auto* text = std::get_if<std::string>(&data.v)) {
        if (auto date = Date::parse_iso(*text)) return Value{*date};
      }
      return Value{};
    }
    if (const auto* b = std::get_if<bool>(&data.v)) return Value{*b};
    if (const auto* d = std::get_if<double>(&data.v)) return Value{*d};
    if (const auto* s = std::get_if<std::string>(&data.v)) return Value{*s};
    return Value{};
  }

  const model::Model& m_;
  const hooks::HookHost& host_;
  std::vector<std::string>& problems_;
};

std::optional<std::string> read_hook_file(const EngineOptions& options, const std::string& file) {
  if (options.hook_sources) {
    for (const SourceFile& source : *options.hook_sources) {
      if (source.path == file) return source.text;
    }
    return std::nullopt;
  }
  const std::string root = options.project_root.empty() ? "." : options.project_root;
  std::ifstream in(std::filesystem::path(root) / file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Diagnostic hook_diagnostic(const model::Hook& hook, std::string code, std::string message) {
  Diagnostic d;
  d.code = std::move(code);
  d.span = hook.file_span;
  d.message = std::move(message);
  return d;
}

}  // namespace

void bind_hooks(const model::Model& model, Engine::Internals& internals, CheckReport& report) {
  if (model.hooks.empty()) return;
  auto host = std::make_shared<hooks::HookHost>();
  std::set<std::string> loaded;
  for (const model::Hook& hook : model.hooks) {
    if (!loaded.insert(hook.file).second) continue;
    std::optional<std::string> text = read_hook_file(internals.options, hook.file);
    if (!text) {
      report.diagnostics.push_back(hook_diagnostic(
          hook, "hook-file-missing",
          fmt::format("cannot read the hook file {} in the project folder (the one holding the flows' folder); "
                      "write it, or fix the path",
                      hook.file)));
      continue;
    }
    internals.snapshot.hooks.push_back({hook.file, *text});
    if (auto error = host->load(hook.file, *text)) {
      report.diagnostics.push_back(hook_diagnostic(
          hook, "hook-load-error", fmt::format("{}:{}: {}", error->file, error->line, error->message)));
    }
  }
  sort_diagnostics(report.diagnostics);
  const model::Model* m = &model;
  internals.hook_caller = [m, host](std::vector<std::string>& problems) -> std::unique_ptr<expr::HookCaller> {
    return std::make_unique<LuaHookCaller>(*m, *host, problems);
  };
}

}  // namespace ectflow
