// bench_state: schools by urn, their ECTs by trn and mentors by id, with statuses and funding
// as the flows work them out; first_difference walks both documents in order.
#include "bench_state.hpp"

#include <algorithm>

#include "ectflow/records.hpp"

namespace ectflow::cli {

namespace {

nlohmann::json text_or_null(const std::string& text) { return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text); }

nlohmann::json number_or_null(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(std::stoll(text));
}

nlohmann::json numbers(const FieldText& field) {
  nlohmann::json out = nlohmann::json::array();
  for (const std::string& item : field.items) out.push_back(std::stoll(item));
  return out;
}

template <typename Key>
void sort_by(nlohmann::json& list, Key key) {
  std::sort(list.begin(), list.end(), [&](const nlohmann::json& a, const nlohmann::json& b) { return key(a) < key(b); });
}

}  // namespace

nlohmann::json bench_state(const Engine& engine, const RunContext& context, const Tally& tally) {
  std::map<std::string, nlohmann::json> schools;
  RecordFieldsReader school_reader(engine, context, "school", {"urn"});
  for (const RecordFields& school : school_reader.read_all()) {
    schools[school.id] = {{"urn", school.id}, {"ects", nlohmann::json::array()}, {"mentors", nlohmann::json::array()}};
  }
  RecordFieldsReader ects(engine, context, "ect",
                          {"school_id", "trn", "name", "email", "cohort", "mentor_id", "status"});
  for (const RecordFields& ect : ects.read_all()) {
    const FieldText* status = ect.find("status");
    schools[ect.value("school_id")]["ects"].push_back({
        {"trn", ect.value("trn")},
        {"name", ect.value("name")},
        {"email", ect.value("email")},
        {"cohort", number_or_null(ect.value("cohort"))},
        {"mentor_id", text_or_null(ect.value("mentor_id"))},
        {"status", status->value},
        {"reason", text_or_null(status->reason)},
    });
  }
  RecordFieldsReader mentors(engine, context, "mentor",
                             {"school_id", "id", "trn", "name", "cohort", "cohorts", "funding", "funding_reason"});
  for (const RecordFields& mentor : mentors.read_all()) {
    schools[mentor.value("school_id")]["mentors"].push_back({
        {"id", mentor.value("id")},
        {"trn", mentor.value("trn")},
        {"name", mentor.value("name")},
        {"cohort", number_or_null(mentor.value("cohort"))},
        {"cohorts", numbers(*mentor.find("cohorts"))},
        {"funding", text_or_null(mentor.value("funding"))},
        {"funding_reason", text_or_null(mentor.value("funding_reason"))},
    });
  }
  nlohmann::json school_list = nlohmann::json::array();
  for (auto& [urn, school] : schools) {
    sort_by(school["ects"], [](const nlohmann::json& e) { return e["trn"].get<std::string>(); });
    sort_by(school["mentors"], [](const nlohmann::json& m) { return m["id"].get<std::string>(); });
    school_list.push_back(std::move(school));
  }
  nlohmann::json rejections = nlohmann::json::object();
  for (const auto& [code, count] : tally.rejections_by_error) rejections[code] = count;
  nlohmann::json completed = nlohmann::json::object();
  for (const auto& [journey, count] : tally.completed) completed[journey] = count;
  return {{"journeys", tally.journeys},   {"submissions", tally.submissions},
          {"accepted", tally.accepted},   {"rejected", tally.rejected},
          {"rejections_by_error", rejections}, {"completed", completed},
          {"schools", school_list}};
}

namespace {

std::optional<std::string> differ(const nlohmann::json& got, const nlohmann::json& expected, const std::string& path) {
  if (got.type() != expected.type() && !(got.is_number() && expected.is_number())) {
    return path + ": got " + got.dump() + ", expected " + expected.dump();
  }
  if (expected.is_object()) {
    for (const auto& [key, value] : expected.items()) {
      if (!got.contains(key)) return path + "/" + key + ": missing, expected " + value.dump();
      if (auto d = differ(got[key], value, path + "/" + key)) return d;
    }
    for (const auto& [key, value] : got.items()) {
      if (!expected.contains(key)) return path + "/" + key + ": got " + value.dump() + ", expected nothing";
    }
    return std::nullopt;
  }
  if (expected.is_array()) {
    for (std::size_t i = 0; i < std::min(got.size(), expected.size()); ++i) {
      if (auto d = differ(got[i], expected[i], path + "/" + std::to_string(i))) return d;
    }
    if (got.size() != expected.size()) {
      return path + ": got " + std::to_string(got.size()) + " items, expected " + std::to_string(expected.size());
    }
    return std::nullopt;
  }
  if (got != expected) return path + ": got " + got.dump() + ", expected " + expected.dump();
  return std::nullopt;
}

}  // namespace

const std::vector<std::string>& state_keys() {
  static const std::vector<std::string> keys = {"journeys", "submissions", "accepted", "rejected",
                                                "rejections_by_error", "completed", "schools"};
  return keys;
}

std::optional<std::string> first_difference(const nlohmann::json& got, const nlohmann::json& expected,
                                            const std::vector<std::string>& keys) {
  for (const std::string& key : keys) {
    if (!expected.contains(key)) return "/" + key + ": not in the expected state";
    if (auto d = differ(got.value(key, nlohmann::json()), expected[key], "/" + key)) return d;
  }
  return std::nullopt;
}

}  // namespace ectflow::cli
