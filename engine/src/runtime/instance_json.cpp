// A journey instance as JSON, and back, refusing anything this version did not write.
#include <nlohmann/json.hpp>

#include "ectflow/engine.hpp"

namespace ectflow {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxInstanceText = 4096;   // any one value an instance holds
constexpr std::size_t kMaxInstanceEntries = 256; // answers, path steps, errors
constexpr int kInstanceFormat = 1;

bool read_text(const json& j, const char* key, std::string& out, std::string& error) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string() || it->get_ref<const std::string&>().size() > kMaxInstanceText) {
    error = std::string("`") + key + "` must be text";
    return false;
  }
  out = it->get<std::string>();
  return true;
}

bool read_map(const json& j, const char* key, std::map<std::string, std::string>& out, std::string& error) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_object() || it->size() > kMaxInstanceEntries) {
    error = std::string("`") + key + "` must be an object of texts";
    return false;
  }
  for (const auto& [k, v] : it->items()) {
    if (!v.is_string() || k.size() > kMaxInstanceText || v.get_ref<const std::string&>().size() > kMaxInstanceText) {
      error = std::string("`") + key + "." + k + "` must be text";
      return false;
    }
    out[k] = v.get<std::string>();
  }
  return true;
}

}  // namespace

std::string JourneyInstance::to_json() const {
  json j = {{"format", kInstanceFormat},
            {"flow_version", flow_version},
            {"journey", journey},
            {"actor_id", actor_id},
            {"subject_id", subject_id},
            {"step", step},
            {"path", path},
            {"answers", answers},
            {"errors", errors},
            {"error_messages", error_messages},
            {"entered", entered},
            {"created", created},
            {"changing", changing},
            {"completed", completed}};
  return j.dump();
}

std::optional<JourneyInstance> JourneyInstance::from_json(std::string_view text, std::string& error) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    error = "a journey instance must be a JSON object";
    return std::nullopt;
  }
  static const char* const kKeys[] = {"format", "flow_version", "journey", "actor_id", "subject_id", "step", "path",
                                      "answers", "errors", "error_messages", "entered", "created", "changing",
                                      "completed"};
  for (const auto& item : j.items()) {
    const std::string& key = item.key();
    if (std::find_if(std::begin(kKeys), std::end(kKeys), [&](const char* k) { return key == k; }) == std::end(kKeys)) {
      error = "unknown key `" + key + "` in a journey instance";
      return std::nullopt;
    }
  }
  if (!j.contains("format") || j["format"] != kInstanceFormat) {
    error = "this journey instance was not written by this version of ectflow";
    return std::nullopt;
  }
  JourneyInstance instance;
  if (!read_text(j, "flow_version", instance.flow_version, error) || !read_text(j, "journey", instance.journey, error) ||
      !read_text(j, "actor_id", instance.actor_id, error) || !read_text(j, "subject_id", instance.subject_id, error) ||
      !read_text(j, "step", instance.step, error) || !read_map(j, "answers", instance.answers, error) ||
      !read_map(j, "errors", instance.errors, error) || !read_map(j, "error_messages", instance.error_messages, error) ||
      !read_map(j, "entered", instance.entered, error) || !read_map(j, "created", instance.created, error)) {
    return std::nullopt;
  }
  const json& path = j.value("path", json());
  if (!path.is_array() || path.size() > kMaxInstanceEntries) {
    error = "`path` must be a list of step names";
    return std::nullopt;
  }
  for (const auto& step : path) {
    if (!step.is_string()) {
      error = "`path` must be a list of step names";
      return std::nullopt;
    }
    instance.path.push_back(step.get<std::string>());
  }
  if (!j.contains("changing") || !j["changing"].is_boolean() || !j.contains("completed") || !j["completed"].is_boolean()) {
    error = "`changing` and `completed` must be true or false";
    return std::nullopt;
  }
  instance.changing = j["changing"].get<bool>();
  instance.completed = j["completed"].get<bool>();
  return instance;
}

}  // namespace ectflow
