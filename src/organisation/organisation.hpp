// src/organisation/organisation.hpp
//
// The organisation module (product.md §1–2): conferences in a four-level tree, sectors,
// special committees, member groups, party units, members, studios and stations, their
// public pages and QR codes. Other modules use these functions, never the tables.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "core/storage/connection.hpp"

namespace tongxin::organisation {

void register_routes(http::Router& router, ServiceContext& ctx);

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
