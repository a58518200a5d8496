// "Did you mean ...?": the closest known name to a misspelt one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ectflow::check {

// Edit distance counting an adjacent swap as one edit ("emial" is one edit from "email").
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `wrong`, if it is close enough to be a likely typo.
std::optional<std::string> closest_name(std::string_view wrong, const std::vector<std::string>& candidates);

// ", did you mean `email`?" or "" — ready to append to a message.
std::string did_you_mean(const std::optional<std::string>& suggestion);

}  // namespace ectflow::check
