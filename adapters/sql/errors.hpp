// Turning database failures into StoreErrors that say which database, what broke and what to do;
// and telling a lost race (a conflict) from broken infrastructure.
#pragma once

#include <exception>
#include <string>

#include "connection.hpp"

namespace ectflow::sql {

// Call inside a catch block: rethrows the current exception as a StoreError (StoreErrors and
// std::invalid_argument pass through unchanged). `doing` says what the store was doing.
[[noreturn]] void rethrow_as_store_error(const Connection& connection, const std::string& doing);

// Whether the current exception is PostgreSQL refusing a write because another transaction got
// there first (serialization failure, deadlock, unique violation): a conflict, not a fault.
bool is_lost_race(const std::exception_ptr& error);

}  // namespace ectflow::sql
