// src/organisation/organisation.hpp
//
// The organisation module (product.md §1–2): conferences in a four-level tree, sectors,
// special committees, member groups, party units, members, studios and stations, their
// public pages and QR codes. Other modules use these functions, never the tables. The
// HTTP side is in organisation/routes.hpp.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/context.hpp"
#include "core/storage/connection.hpp"

namespace tongxin::organisation {

struct NewConference {
  std::string name;
  std::string short_name;
  std::string level;  // national | provincial | city | county
  std::string division_code;
  std::optional<std::int64_t> parent_id;
  int term = 1;
};
// Creates a conference under its parent (or a root); audits. Used by the API and seeder.
std::int64_t create_conference(storage::Connection& c, const ServiceContext& ctx,
                               const audit::Actor& actor, const NewConference& n);

struct Conference {
  std::int64_t id = 0;
  std::string name;
  std::string short_name;
  std::string level;
  std::string division_code;
  std::optional<std::int64_t> parent_id;
  std::int64_t term = 1;
  bool archived = false;
};
std::optional<Conference> find_conference(storage::Connection& c, std::int64_t id);

struct ConferencePage {
  std::vector<Conference> items;  // by id, at most the limit asked for
  bool more = false;
};
// Live conferences in the principal's scope (theirs and below) whose name matches `q`
// (normalised, by name or pinyin; empty: all), after `after_id`.
ConferencePage list_conferences(storage::Connection& c, const auth::Principal& p,
                                std::string_view q, std::int64_t after_id, std::size_t limit);

struct ConferenceChange {
  std::optional<std::string> name, short_name;
  std::optional<std::int64_t> term;
};
// Applies the change and audits it with `detail` (the request as sent). No scope check:
// the caller does that.
void update_conference(storage::Connection& c, const audit::Actor& actor, std::int64_t id,
                       const ConferenceChange& change, const boost::json::value& detail);

struct NationalSector {
  std::int64_t id = 0;
  std::string name;
};
// The 34 sectors of the national conference, in their official order.
std::vector<NationalSector> national_sectors(storage::Connection& c);

// Signature for QR links: first 16 hex chars of HMAC-SHA256(key, "s/12" or "m/7").
std::string sign_public_path(const std::string& key, const std::string& path);

// The public page URL a studio's or member's QR code encodes.
std::string public_url(const ServiceContext& ctx, char kind, std::int64_t id);

// What other modules add to a studio's public page (the contact module: upcoming reception
// days). Set once at start-up, before the server runs.
using ReceptionDaysSource =
    std::function<boost::json::array(storage::Connection&, std::int64_t studio_id)>;
void set_reception_days_source(ReceptionDaysSource source);

// Public profile fields of the members of a studio (for other modules' public pages).
struct PublicMember {
  std::int64_t id = 0;
  std::string name;
};

}  // namespace tongxin::organisation

namespace tongxin::organisation {
// Creates a record of `kind` (sector, committee, member_group, party_unit, member, studio)
// from a JSON body validated exactly as the API validates it; returns its id.
std::int64_t create_record(storage::Connection& c, const ServiceContext& ctx,
                           const audit::Actor& actor, std::string_view kind,
                           std::int64_t conference_id, const boost::json::object& body);
}  // namespace tongxin::organisation
