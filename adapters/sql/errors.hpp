// Turning database failures into StoreErrors that say which database, what broke and what to do;
// and telling a lost race (a conflict) from broken infrastructure.
#pragma once

#include <exception>
#include <string>

#include "connection.hpp"

namespace ectflow::sql {

// A database message on one line: trailing new lines and spaces dropped, inner ones made spaces.
std::string first_line(std::string text);

// PostgreSQL refused a statement because a concurrent transaction got there first: the whole
// transaction is to be run again (it never reaches callers of the store).
class LostRace : public StoreError {
 public:
  using StoreError::StoreError;
};

// Call inside a catch block: rethrows the current exception as a StoreError (StoreErrors and
// std::invalid_argument pass through unchanged; a lost race becomes LostRace). `doing` says what
// the store was doing.
[[noreturn]] void rethrow_as_store_error(const Connection& connection, const std::string& doing);

// Whether the exception is PostgreSQL refusing a statement because another transaction got there
// first (serialization failure, deadlock, unique violation), or a LostRace: a race, not a fault.
bool is_lost_race(const std::exception_ptr& error);

}  // namespace ectflow::sql
