// Checks on metrics.csv's statuses (see status_by_group in run_program.hpp) shared by the tests
// that inject a fault into one group's worker.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace groupfit::testing_support {

// Exactly `groups` groups; `failed_group` failed with a message containing `message_part`;
// every other group ok or skipped.
inline void expect_only_group_failed(const std::map<std::string, std::string>& status,
                                     std::size_t groups, const std::string& failed_group,
                                     const std::string& message_part) {
  ASSERT_EQ(status.size(), groups);
  for (const auto& [group, s] : status) {
    if (group == failed_group) {
      EXPECT_EQ(s.substr(0, 7), "failed,") << s;
      EXPECT_NE(s.find(message_part), std::string::npos) << s;
    } else {
      EXPECT_TRUE(s.substr(0, 3) == "ok," || s.substr(0, 8) == "skipped,") << group << ": " << s;
    }
  }
}

}  // namespace groupfit::testing_support
