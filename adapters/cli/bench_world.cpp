// load_fixtures: each fixture object becomes a record, its keys read as the record's fields by
// their declared kinds; a mentor's or ECT's school is the school it is listed under.
#include "bench_world.hpp"

#include <stdexcept>

namespace ectflow::cli {

namespace {

FieldValue field_value(const nlohmann::json& value, const FieldSchema& field, const std::string& where);

FieldValue single_value(const nlohmann::json& value, const FieldSchema& field, const std::string& where) {
  if (value.is_null()) return std::monostate{};
  switch (field.kind) {
    case FieldKind::number:
      if (value.is_number()) return value.get<double>();
      break;
    case FieldKind::yes_no:
      if (value.is_boolean()) return value.get<bool>();
      break;
    case FieldKind::date:
      if (value.is_string()) {
        if (auto date = Date::parse_iso(value.get<std::string>())) return *date;
      }
      break;
    default:
      if (value.is_string()) return value.get<std::string>();
      break;
  }
  throw std::runtime_error(where + "." + field.name + ": " + value.dump() + " does not fit the field");
}

FieldValue field_value(const nlohmann::json& value, const FieldSchema& field, const std::string& where) {
  if (!field.is_list) return single_value(value, field, where);
  auto list = std::make_shared<FieldList>();
  if (value.is_array()) {
    for (const nlohmann::json& item : value) list->items.push_back(single_value(item, field, where));
  }
  return std::shared_ptr<const FieldList>(list);
}

class FixtureLoader {
 public:
  FixtureLoader(const Engine& engine, StoreTransaction& txn) : engine_(engine), schemas_(engine.schemas()), txn_(txn) {}

  void add(const char* type_name, const nlohmann::json& item, const std::string& where,
           const std::string& school = "") {
    auto type = engine_.record_type(type_name);
    if (!type) throw std::runtime_error("bench/flows declare no record `" + std::string(type_name) + "`");
    const RecordSchema& schema = schemas_[*type];
    Record record;
    record.fields.resize(schema.fields.size());
    for (std::size_t slot = 0; slot < schema.fields.size(); ++slot) {
      const FieldSchema& field = schema.fields[slot];
      if (field.name == "school_id" && !school.empty()) {
        record.fields[slot] = school;
      } else if (auto it = item.find(field.name); it != item.end()) {
        record.fields[slot] = field_value(*it, field, where);
      }
    }
    txn_.apply({RecordChange::Kind::create, *type, std::move(record)});
  }

  void add_all(const char* type_name, const nlohmann::json& items, const std::string& where,
               const std::string& school = "") {
    for (std::size_t i = 0; i < items.size(); ++i) {
      add(type_name, items[i], where + "[" + std::to_string(i) + "]", school);
    }
  }

 private:
  const Engine& engine_;
  std::vector<RecordSchema> schemas_;
  StoreTransaction& txn_;
};

}  // namespace

void load_fixtures(const Engine& engine, const nlohmann::json& fixtures, Store& store) {
  Store::CommitResult result = store.transact([&](StoreTransaction& txn) {
    FixtureLoader loader(engine, txn);
    loader.add_all("teacher", fixtures.at("teachers"), "teachers");
    nlohmann::json period = fixtures.at("registration_period");
    period["id"] = "current";
    loader.add("registration_period", period, "registration_period");
    loader.add_all("lead_provider", fixtures.at("lead_providers"), "lead_providers");
    loader.add_all("appropriate_body", fixtures.at("appropriate_bodies"), "appropriate_bodies");
    const nlohmann::json& schools = fixtures.at("schools");
    for (std::size_t i = 0; i < schools.size(); ++i) {
      const std::string where = "schools[" + std::to_string(i) + "]";
      const std::string urn = schools[i].at("urn").get<std::string>();
      loader.add("school", schools[i], where);
      loader.add_all("mentor", schools[i].at("mentors"), where + ".mentors", urn);
      loader.add_all("ect", schools[i].at("ects"), where + ".ects", urn);
    }
    return true;
  });
  if (!result.committed) throw std::runtime_error("the fixtures could not be stored: " + result.conflict);
}

}  // namespace ectflow::cli
