// src/organisation/public_routes.cpp
//
// What a citizen sees without an account, e.g. after scanning a studio's QR code: studios
// (list, near me, one studio with its members), members' public profiles, QR codes.
// Only fields marked public in the specs leave the server; nothing about constituents.
#include <openssl/hmac.h>

#include <boost/json.hpp>
#include <cmath>

#include "core/error.hpp"
#include "core/text/text.hpp"
#include "organisation/entity_specs.hpp"
#include "organisation/organisation.hpp"
#include "organisation/public_store.hpp"
#include "organisation/qr_code.hpp"
#include "organisation/routes.hpp"

namespace tongxin::organisation {

namespace {

namespace json = boost::json;

ReceptionDaysSource& reception_days_source() {
  static ReceptionDaysSource source;
  return source;
}

json::object public_view(const EntitySpec& spec, const json::object& full) {
  json::object o{{"id", full.at("id")}};
  for (const auto& f : spec.fields) {
    if (f.is_public) o[f.name] = full.at(f.name);
  }
  return o;
}

double distance_m(double lat1, double lng1, double lat2, double lng2) {
  constexpr double kEarthRadius = 6371000.0;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRad;
  const double dlng = (lng2 - lng1) * kRad;
  const double a =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlng / 2) * std::sin(dlng / 2);
  return 2 * kEarthRadius * std::asin(std::sqrt(a));
}

std::optional<std::pair<double, double>> parse_near(const std::optional<std::string>& near) {
  if (!near || near->empty()) return std::nullopt;
  const auto comma = near->find(',');
  try {
    if (comma == std::string::npos) throw std::invalid_argument("no comma");
    const double lat = std::stod(near->substr(0, comma));
    const double lng = std::stod(near->substr(comma + 1));
    if (lat < -90 || lat > 90 || lng < -180 || lng > 180) throw std::out_of_range("range");
    return std::make_pair(lat, lng);
  } catch (const std::exception&) {
    throw Error::invalid_field("near", "位置格式应为“纬度,经度”", "near must be lat,lng");
  }
}

Error studio_not_found() {
  return Error::not_found("studio.not_found", "委员工作室不存在", "studio not found");
}
Error member_not_found() {
  return Error::not_found("member.not_found", "委员不存在", "member not found");
}

bool live(const json::object& o) {
  return !o.at("archived").as_bool();
}

json::object public_member(storage::Connection& c, std::int64_t id) {
  auto full = load(c, member_spec(), id);
  if (!full || !live(*full) || !full->at("is_public").as_bool()) throw member_not_found();
  auto o = public_view(member_spec(), *full);
  o["sector_name"] = full->at("sector_name");
  return o;
}

bool verified(const ServiceContext& ctx, const http::Request& req, const std::string& path) {
  const auto sig = req.query_param("sig");
  return sig && *sig == sign_public_path(ctx.secret_key, path);
}

}  // namespace

void set_reception_days_source(ReceptionDaysSource source) {
  reception_days_source() = std::move(source);
}

std::string sign_public_path(const std::string& key, const std::string& path) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(path.data()), path.size(), mac, &len);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < 8 && i < len; ++i) {
    out += kHex[mac[i] >> 4];
    out += kHex[mac[i] & 0xF];
  }
  return out;
}

std::string public_url(const ServiceContext& ctx, char kind, std::int64_t id) {
  std::string base = ctx.config.public_base_url;
  while (!base.empty() && base.back() == '/')
    base.pop_back();
  const std::string path = std::string(1, kind) + "/" + std::to_string(id);
  return base + "/" + path + "?sig=" + sign_public_path(ctx.secret_key, path);
}

void register_public_routes(http::Router& router, ServiceContext& ctx) {
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/public/studios",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto near = parse_near(req.query_param("near"));
                    const auto q = req.query_param("q").value_or("");
                    const auto code = req.query_param("division_code").value_or("");
                    std::string prefix;
                    if (!code.empty()) {
                      const auto* d = ctx.divisions->find(code);
                      if (d == nullptr) {
                        throw Error::invalid_field("division_code", "行政区划代码无效",
                                                   "unknown division code");
                      }
                      prefix = divisions::subtree_prefix(d->code);
                    }
                    const StudioSearch search{
                        .division_prefix = prefix, .q = text::normalize(q), .near = near};
                    return ctx.db.read([&](storage::Connection& c) {
                      const auto spots = find_public_studios(c, search);
                      std::vector<std::pair<double, std::int64_t>> order;
                      for (const auto& spot : spots) {
                        double d = 0;
                        if (near) {
                          if (!spot.lat || !spot.lng) continue;
                          d = distance_m(near->first, near->second, *spot.lat, *spot.lng);
                        }
                        order.emplace_back(d, spot.id);
                      }
                      if (near) std::stable_sort(order.begin(), order.end());
                      json::array items;
                      for (std::size_t i = 0; i < order.size() && i < 100; ++i) {
                        auto full = load(c, studio_spec(), order[i].second);
                        auto o = public_view(studio_spec(), *full);
                        o["division_name"] =
                            ctx.divisions->full_name(full->at("division_code").as_string());
                        o["member_count"] = full->at("member_ids").as_array().size();
                        if (near) o["distance_m"] = std::round(order[i].first);
                        items.push_back(std::move(o));
                      }
                      return http::Response::json(json::object{{"items", std::move(items)}});
                    });
                  },
              .access = http::Access::open,
              .summary = "公开：委员工作室列表（可按地区、关键词、附近） / public studio list",
              .tag = "public"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/public/studios/{id}",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto id = req.id_param();
                    return ctx.db.read([&](storage::Connection& c) {
                      const auto full = load(c, studio_spec(), id);
                      if (!full || !live(*full) || full->at("status").as_string() == "archived") {
                        throw studio_not_found();
                      }
                      auto o = public_view(studio_spec(), *full);
                      o["division_name"] =
                          ctx.divisions->full_name(full->at("division_code").as_string());
                      json::array members;
                      for (const auto& m : full->at("member_ids").as_array()) {
                        try {
                          members.push_back(public_member(c, m.as_int64()));
                        } catch (const Error&) {
                          // Archived or private members are simply not shown.
                        }
                      }
                      o["members"] = std::move(members);
                      o["reception_days"] =
                          reception_days_source() ? reception_days_source()(c, id) : json::array{};
                      o["verified"] = verified(ctx, req, "s/" + std::to_string(id));
                      o["public_url"] = public_url(ctx, 's', id);
                      return http::Response::json(o);
                    });
                  },
              .access = http::Access::open,
              .summary = "公开：委员工作室主页 / a studio's public page",
              .tag = "public"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/public/members/{id}",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto id = req.id_param();
                    return ctx.db.read([&](storage::Connection& c) {
                      auto o = public_member(c, id);
                      json::array studios;
                      for (const auto& s : studios_of_member(c, id))
                        studios.push_back(json::object{{"id", s.id}, {"name", s.name}});
                      o["studios"] = std::move(studios);
                      o["verified"] = verified(ctx, req, "m/" + std::to_string(id));
                      o["public_url"] = public_url(ctx, 'm', id);
                      return http::Response::json(o);
                    });
                  },
              .access = http::Access::open,
              .summary = "公开：委员风采 / a member's public profile",
              .tag = "public"});

  const auto qr_route = [&ctx, &router](const std::string& pattern, char kind, bool svg) {
    router.add({.method = http::Method::get,
                .pattern = pattern,
                .handler =
                    [&ctx, kind, svg](http::Request& req) {
                      const auto id = req.id_param();
                      const bool exists = ctx.db.read([&](storage::Connection& c) {
                        return kind == 's' ? live_studio_exists(c, id) : live_member_exists(c, id);
                      });
                      if (!exists) throw kind == 's' ? studio_not_found() : member_not_found();
                      const auto url = public_url(ctx, kind, id);
                      auto res = svg ? http::Response::bytes(qr_svg(url), "image/svg+xml")
                                     : http::Response::bytes(qr_png(url), "image/png");
                      res.header("Cache-Control", "public, max-age=86400");
                      return res;
                    },
                .access = http::Access::open,
                .summary = std::string(kind == 's' ? "工作室" : "委员") + "二维码（" +
                           (svg ? "SVG" : "PNG") + "） / QR code",
                .tag = "public"});
  };
  qr_route("/api/v1/public/studios/{id}/qr.png", 's', false);
  qr_route("/api/v1/public/studios/{id}/qr.svg", 's', true);
  qr_route("/api/v1/public/members/{id}/qr.png", 'm', false);
}

}  // namespace tongxin::organisation
