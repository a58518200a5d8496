// RecordReader's default for_each_where: a scan, for stores that keep no index.
#include "ectflow/store.hpp"

namespace ectflow {

void RecordReader::for_each_where(RecordTypeId type, std::size_t slot, std::string_view value,
                                  const std::function<void(const Record&)>& visit) const {
  for_each(type, [&](const Record& record) {
    if (slot >= record.fields.size()) return;
    const auto* text = std::get_if<std::string>(&record.fields[slot]);
    if (text && *text == value) visit(record);
  });
}

}  // namespace ectflow
