// src/organisation/briefs.hpp
//
// Read-only views of the organisation for other modules (cases, contact work): who a
// member is, where a studio is, who is in scope. Other modules call these instead of
// reading the organisation's tables.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "core/storage/connection.hpp"

namespace tongxin::organisation {

struct StudioRef {
  std::int64_t id = 0;
  std::string name;
  std::string division_code;  // 12 digits
};

struct MemberBrief {
  std::int64_t id = 0;
  std::int64_t conference_id = 0;
  std::string name;
  std::optional<std::int64_t> sector_id;
  std::optional<std::int64_t> committee_id;  // the special committee (专委会) of the member
  std::string sector_name;                   // the conference's own sector name
  std::string national_sector_name;          // the national sector it maps to, if any
  std::vector<std::string> expertise, resources;
  std::optional<std::string> division_code;
  std::vector<StudioRef> studios;
  bool is_public = true;
  std::vector<std::string> posts;  // chair | vice_chair | standing | member (常委、主席、副主席)
};

struct CommitteeBrief {
  std::int64_t id = 0;
  std::int64_t conference_id = 0;
  std::string name;
};

struct AgencyBrief {
  std::int64_t id = 0;
  std::int64_t conference_id = 0;
  std::string name;
};

struct StudioBrief {
  std::int64_t id = 0;
  std::int64_t conference_id = 0;
  std::string name;
  std::string division_code;
  std::string status;
};

std::optional<MemberBrief> find_member(storage::Connection& c, std::int64_t id);
// Live (not archived) members of one conference, with their studios.
std::vector<MemberBrief> members_of_conference(storage::Connection& c, std::int64_t conference_id);
// Live members of every conference with ids above `after_id`, in id order, at most `limit`
// (without their studios): for sweeps that walk all members a batch at a time.
std::vector<MemberBrief> live_members_after(storage::Connection& c, std::int64_t after_id,
                                            int limit);
// A live studio.
std::optional<StudioBrief> find_studio(storage::Connection& c, std::int64_t id);
// A live special committee (专委会).
std::optional<CommitteeBrief> find_committee(storage::Connection& c, std::int64_t id);
// A live agency (承办单位).
std::optional<AgencyBrief> find_agency(storage::Connection& c, std::int64_t id);
// The conference path ("/1/4/") of a conference; empty when unknown.
std::string conference_path(storage::Connection& c, std::int64_t conference_id);
// True when conference `id` is the principal's or below it.
bool in_scope(storage::Connection& c, const auth::Principal& p, std::int64_t conference_id);
// The principal's scope path (rows whose conference path starts with it are visible).
std::string scope_path(storage::Connection& c, const auth::Principal& p);
// The ids of the conferences in the principal's scope: theirs and those below. Lists pass
// these as values rather than a sub-select on paths so that the planner of either engine
// sees a short list of keys.
std::vector<std::int64_t> conferences_in_scope(storage::Connection& c, const auth::Principal& p);

}  // namespace tongxin::organisation

namespace tongxin::organisation {
// id → name for the given ids (unknown ids are left out). One query each.
std::map<std::int64_t, std::string> names_of_members(storage::Connection& c,
                                                     const std::vector<std::int64_t>& ids);
std::map<std::int64_t, std::string> names_of_studios(storage::Connection& c,
                                                     const std::vector<std::int64_t>& ids);
std::map<std::int64_t, std::string> names_of_sectors(storage::Connection& c,
                                                     const std::vector<std::int64_t>& ids);
std::map<std::int64_t, std::string> names_of_committees(storage::Connection& c,
                                                        const std::vector<std::int64_t>& ids);
std::map<std::int64_t, std::string> names_of_agencies(storage::Connection& c,
                                                      const std::vector<std::int64_t>& ids);
std::map<std::int64_t, std::string> names_of_conferences(storage::Connection& c,
                                                         const std::vector<std::int64_t>& ids);
}  // namespace tongxin::organisation
