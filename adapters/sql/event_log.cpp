// The event log's SQL: appends with bound values, reads in sequence order.
#include "event_log.hpp"

#include "clock.hpp"

namespace ectflow::sql {

namespace {

// SQLite gives INTEGER columns back as int or long long by size; PostgreSQL's BIGSERIAL as long long.
std::int64_t whole_number(const soci::row& row, std::size_t i) {
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<std::int64_t>(row.get<unsigned long long>(i));
    default:
      return row.get<long long>(i);
  }
}

}  // namespace

void append_event(SqlStore::Impl& store, const JourneyEvent& event) {
  const std::string at = event.at.empty() ? utc_now_iso() : event.at;
  soci::indicator journey = event.journey_id.empty() ? soci::i_null : soci::i_ok;
  soci::indicator result_step = event.result_step.empty() ? soci::i_null : soci::i_ok;
  soci::indicator problem = event.problem.empty() ? soci::i_null : soci::i_ok;
  *store.connection.session
      << "INSERT INTO ectflow_events (at, actor_id, journey_id, journey, flow_version, action, step, answers, "
         "result, result_step, problem, lookups) VALUES (:at, :actor, :jid, :j, :fv, :action, :step, :answers, "
         ":result, :rstep, :problem, :lookups)",
      soci::use(at), soci::use(event.actor_id), soci::use(event.journey_id, journey), soci::use(event.journey),
      soci::use(event.flow_version), soci::use(event.action), soci::use(event.step), soci::use(event.answers),
      soci::use(event.result), soci::use(event.result_step, result_step), soci::use(event.problem, problem),
      soci::use(event.lookups);
}

std::vector<JourneyEvent> select_events(SqlStore::Impl& store, const std::optional<std::string>& journey_id) {
  std::vector<JourneyEvent> events;
  const std::string columns =
      "SELECT seq, at, actor_id, journey_id, journey, flow_version, action, step, answers, result, result_step, "
      "problem, lookups FROM ectflow_events";
  soci::session& s = *store.connection.session;
  const std::string id = journey_id.value_or("");
  soci::rowset<soci::row> rows =
      journey_id ? (s.prepare << columns + " WHERE journey_id = :id ORDER BY seq", soci::use(id))
                 : (s.prepare << columns + " ORDER BY seq");
  auto text = [](const soci::row& row, std::size_t i) {
    return row.get_indicator(i) == soci::i_null ? std::string() : row.get<std::string>(i);
  };
  for (const soci::row& row : rows) {
    JourneyEvent e;
    e.seq = whole_number(row, 0);
    e.at = text(row, 1);
    e.actor_id = text(row, 2);
    e.journey_id = text(row, 3);
    e.journey = text(row, 4);
    e.flow_version = text(row, 5);
    e.action = text(row, 6);
    e.step = text(row, 7);
    e.answers = text(row, 8);
    e.result = text(row, 9);
    e.result_step = text(row, 10);
    e.problem = text(row, 11);
    e.lookups = text(row, 12);
    events.push_back(std::move(e));
  }
  return events;
}

}  // namespace ectflow::sql
