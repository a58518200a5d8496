#include "recording_directory.hpp"

namespace ectflow::sql {

namespace {

nlohmann::json field_json(const FieldValue& value) {
  return std::visit(
      [](const auto& v) -> nlohmann::json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return nullptr;
        } else if constexpr (std::is_same_v<T, Date>) {
          return v.iso();
        } else if constexpr (std::is_same_v<T, std::shared_ptr<const FieldList>>) {
          nlohmann::json items = nlohmann::json::array();
          if (v) {
            for (const FieldValue& item : v->items) items.push_back(field_json(item));
          }
          return items;
        } else {
          return v;
        }
      },
      value);
}

}  // namespace

std::optional<Record> RecordingTeacherDirectory::find_by_trn(std::string_view trn) const {
  std::optional<Record> found = directory_.find_by_trn(trn);
  nlohmann::json fields = nullptr;
  if (found && schema_) {
    fields = nlohmann::json::object();
    for (std::size_t slot = 0; slot < schema_->fields.size() && slot < found->fields.size(); ++slot) {
      fields[schema_->fields[slot].name] = field_json(found->fields[slot]);
    }
  }
  lookups_.push_back({{"trn", std::string(trn)}, {"found", fields}});
  return found;
}

}  // namespace ectflow::sql
