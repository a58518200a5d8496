// The checksum that tells an applied migration's file has changed since: SHA-256, in hex.
#pragma once

#include <string>
#include <string_view>

namespace ectflow::sql {

std::string sha256_hex(std::string_view data);

}  // namespace ectflow::sql
