// src/core/workflow/workflow_test.cpp — the engine on a small made-up flow.
#include "core/workflow/workflow.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace tongxin::workflow {
namespace {

const Definition& door() {
  static const Definition d{
      .name = "door",
      .states = {{"closed", "关"}, {"open", "开"}, {"locked", "锁"}},
      .actions = {{"open", "开门"}, {"close", "关门"}, {"lock", "上锁"}, {"knock", "敲门"}},
      .parties = {{"owner", "主人"}, {"guest", "客人"}},
      .transitions = {{"open", {"closed"}, {"owner", "guest"}, "open"},
                      {"close", {"open"}, {"owner", "guest"}, "closed"},
                      {"lock", {"closed"}, {"owner"}, "locked", {"has_key"}},
                      {"knock", {"closed", "locked"}, {"guest"}, kSame}},
      .open_states = {"open"}};
  return d;
}

TEST(Workflow, FindsTheRowForStateActionAndParty) {
  const auto t = door().find("closed", "open", {"guest"});
  ASSERT_TRUE(t);
  EXPECT_EQ(t->to, "open");
  EXPECT_FALSE(door().find("open", "open", {"guest"}));
  EXPECT_FALSE(door().find("closed", "lock", {"guest"}));
}

TEST(Workflow, GuardsDecideAfterStateAndParty) {
  const GuardCheck no_key = [](std::string_view g) { return g != "has_key"; };
  EXPECT_FALSE(door().find("closed", "lock", {"owner"}, no_key));
  EXPECT_TRUE(door().find("closed", "lock", {"owner"}));
  EXPECT_EQ(door().allowed("closed", {"owner"}, no_key), (std::vector<std::string_view>{"open"}));
  EXPECT_EQ(door().allowed("closed", {"owner"}), (std::vector<std::string_view>{"open", "lock"}));
}

TEST(Workflow, SameKeepsTheState) {
  const auto t = door().find("locked", "knock", {"guest"});
  ASSERT_TRUE(t);
  EXPECT_EQ(Definition::target(*t, "locked"), "locked");
}

TEST(Workflow, LabelsAndOpenStates) {
  EXPECT_EQ(door().state_label_zh("locked"), "锁");
  EXPECT_EQ(door().action_label_zh("nope"), "nope");
  EXPECT_TRUE(door().is_open("open"));
  EXPECT_FALSE(door().is_open("closed"));
  EXPECT_EQ(door().initial_state(), "closed");
}

TEST(Workflow, SpecRowsListEveryCombination) {
  EXPECT_EQ(spec_rows(door()), (std::vector<std::string>{
                                   "closed\tknock\tguest\tclosed",
                                   "closed\tlock\towner\tlocked\thas_key",
                                   "closed\topen\tguest\topen",
                                   "closed\topen\towner\topen",
                                   "locked\tknock\tguest\tlocked",
                                   "open\tclose\tguest\tclosed",
                                   "open\tclose\towner\tclosed",
                               }));
}

TEST(Workflow, ValidateNamesTheBadRow) {
  Definition bad = door();
  bad.transitions.push_back({"open", {"ajar"}, {"owner"}, "open"});
  try {
    validate(bad);
    FAIL();
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("row 5"), std::string::npos);
  }
  EXPECT_NO_THROW(validate(door()));
}

}  // namespace
}  // namespace tongxin::workflow
