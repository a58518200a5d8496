// RecordReader's defaults for stores that keep no index: for_each_where scans, and
// for_each_where_lower declines.
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

bool RecordReader::for_each_where_lower(RecordTypeId, std::size_t, std::string_view,
                                        const std::function<void(const Record&)>&) const {
  return false;
}

}  // namespace ectflow
