// Journey rows: reading and version-checked writing of ectflow_journeys.
#include "journey_rows.hpp"

#include <random>

#include "clock.hpp"

namespace ectflow::sql {

std::string new_journey_id() {
  static thread_local std::mt19937_64 bits{std::random_device{}()};
  char text[33];
  std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(bits()),
                static_cast<unsigned long long>(bits()));
  return text;
}

std::optional<JourneyRow> load_journey(SqlStore::Impl& store, const std::string& id) {
  std::string json;
  long long version = 0;
  try {
    *store.connection.session << "SELECT instance, version FROM ectflow_journeys WHERE id = :id", soci::use(id),
        soci::into(json), soci::into(version);
  } catch (...) {
    store.fail("reading journey " + id);
  }
  if (!store.connection.session->got_data()) return std::nullopt;
  std::string error;
  auto instance = JourneyInstance::from_json(json, error);
  if (!instance) throw StoreError("journey " + id + " in " + store.connection.name + " cannot be read: " + error);
  return JourneyRow{id, version, std::move(*instance)};
}

void insert_journey(SqlStore::Impl& store, const std::string& id, const JourneyInstance& instance) {
  const std::string json = instance.to_json();
  const std::string now = utc_now_iso();
  const int completed = instance.completed ? 1 : 0;
  soci::indicator subject = instance.subject_id.empty() ? soci::i_null : soci::i_ok;
  try {
    *store.connection.session
        << "INSERT INTO ectflow_journeys (id, flow_version, journey, actor_id, subject_id, step, completed, "
           "instance, version, created_at, updated_at) VALUES (:id, :fv, :j, :a, :subj, :step, :c, :inst, 1, "
           ":now, :now2)",
        soci::use(id), soci::use(instance.flow_version), soci::use(instance.journey), soci::use(instance.actor_id),
        soci::use(instance.subject_id, subject), soci::use(instance.step), soci::use(completed), soci::use(json),
        soci::use(now), soci::use(now);
  } catch (...) {
    store.fail("saving the new journey " + id);
  }
}

bool update_journey(SqlStore::Impl& store, const std::string& id, const JourneyInstance& instance,
                    std::int64_t expected) {
  const std::string json = instance.to_json();
  const std::string now = utc_now_iso();
  const int completed = instance.completed ? 1 : 0;
  long long read = expected;
  soci::statement update =
      (store.connection.session->prepare
           << "UPDATE ectflow_journeys SET step = :step, completed = :c, instance = :inst, version = version + 1, "
              "updated_at = :now WHERE id = :id AND version = :v",
       soci::use(instance.step), soci::use(completed), soci::use(json), soci::use(now), soci::use(id),
       soci::use(read));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

}  // namespace ectflow::sql
