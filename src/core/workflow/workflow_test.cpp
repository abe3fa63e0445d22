// src/core/workflow/workflow_test.cpp — the engine on a small made-up flow.
#include "core/workflow/workflow.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
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

TEST(Workflow, ValidateRefusesDuplicatesAndRowsNeverReached) {
  Definition twice = door();
  twice.states.push_back({"open", "又开"});
  EXPECT_THROW(validate(twice), std::logic_error);
  // An earlier row without guards takes (closed, open, owner): the later one is dead.
  Definition dead = door();
  dead.transitions.push_back({"open", {"closed"}, {"owner"}, "locked"});
  EXPECT_THROW(validate(dead), std::logic_error);
  // Behind a guard, the later row is what is left when the guard fails.
  Definition guarded = door();
  guarded.transitions.push_back({"lock", {"closed"}, {"owner"}, "closed"});
  EXPECT_NO_THROW(validate(guarded));
}

enum class DoorState { closed, open, locked };

TEST(Workflow, EnumsInTheOrderOfTheLabelsMapToNames) {
  EXPECT_EQ(index_of(door().states, "locked"), 2u);
  EXPECT_FALSE(index_of(door().states, "ajar"));
  EXPECT_EQ(name_of(door().states, DoorState::open), "open");
  EXPECT_EQ(parse_as<DoorState>(door().states, "locked"), DoorState::locked);
  EXPECT_FALSE(parse_as<DoorState>(door().states, "ajar"));
}

TEST(Workflow, SpecFilesAreRowsAfterAHeader) {
  const std::string path = ::testing::TempDir() + "door.tsv";
  {
    std::ofstream out(path);
    out << "# the door\n"
           "from\taction\tparty\tto\tguards\n"
           "\n"
           "open\tclose\towner\tclosed\t\n"
           "closed\tlock\towner\tlocked\thas_key\r\n";
  }
  EXPECT_EQ(read_spec_file(path), (std::vector<std::string>{"closed\tlock\towner\tlocked\thas_key",
                                                            "open\tclose\towner\tclosed"}));
  {
    std::ofstream out(path);
    out << "open\tclose\towner\tclosed\n";
  }
  EXPECT_THROW(read_spec_file(path), std::runtime_error);
  std::remove(path.c_str());
  EXPECT_THROW(read_spec_file(path), std::runtime_error);
}

TEST(Workflow, SpecRowsSplitIntoColumns) {
  const auto r = parse_spec_row("closed\tlock\towner\tlocked\thas_key,sober");
  EXPECT_EQ(r.from, "closed");
  EXPECT_EQ(r.action, "lock");
  EXPECT_EQ(r.party, "owner");
  EXPECT_EQ(r.to, "locked");
  EXPECT_EQ(r.guards, "has_key,sober");
  EXPECT_EQ(parse_spec_row("open\tclose\tguest\tclosed").guards, "");
}

TEST(Workflow, DiffRowsNamesWhatOnlyOneSideHas) {
  EXPECT_EQ(diff_rows({"a\tb", "c"}, {"a\tb", "c"}), "");
  EXPECT_EQ(diff_rows({"a\tb", "c"}, {"c", "d"}), "- a | b\n+ d\n");
}

}  // namespace
}  // namespace tongxin::workflow
