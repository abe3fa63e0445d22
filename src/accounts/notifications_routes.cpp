// src/accounts/notifications_routes.cpp
//
// An account's notifications (core/notify): assignments, reminders, escalations. Each
// account sees only its own.
#include <boost/json.hpp>

#include "accounts/accounts.hpp"
#include "accounts/internal.hpp"
#include "accounts/routes.hpp"
#include "core/error.hpp"
#include "core/notify/notify.hpp"
#include "core/paging.hpp"

namespace tongxin::accounts {

namespace {

namespace json = boost::json;

json::object notice_json(const notify::Delivered& d) {
  const auto& n = d.notice;
  return json::object{{"id", d.id},
                      {"kind", n.kind},
                      {"title", n.title},
                      {"body", n.body},
                      {"link", n.link},
                      {"object_type", n.object_type},
                      {"object_id", n.object_id ? json::value(*n.object_id) : json::value(nullptr)},
                      {"created_at", d.created_at},
                      {"read", d.read}};
}

}  // namespace

void register_notification_routes(http::Router& router, ServiceContext& ctx) {
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/notifications",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto cursor = paging::decode(req.query_param("cursor"));
                    notify::InboxQuery q;
                    q.user_id = req.user().user_id;
                    q.limit = static_cast<std::size_t>(paging::limit(req.query_param("limit")));
                    q.before_id = cursor ? cursor->id : 0;
                    q.unread_only = req.query_param("unread").value_or("") == "true";
                    const auto page =
                        ctx.db.read([&](storage::Connection& c) { return notify::inbox(c, q); });
                    json::array items;
                    for (const auto& d : page.items)
                      items.push_back(notice_json(d));
                    const auto last = page.items.empty() ? 0 : page.items.back().id;
                    return http::Response::json(
                        json::object{{"items", std::move(items)},
                                     {"next_cursor", next_cursor(page.more, last)},
                                     {"unread", page.unread}});
                  },
              .summary = "我的通知 / my notifications",
              .tag = "accounts"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/notifications/{id}/read",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto id = req.id_param();
                    const auto user = req.user().user_id;
                    const bool found = ctx.db.write([&](storage::Connection& c) {
                      return notify::mark_read(c, user, id, audit::now_ms());
                    });
                    if (!found) {
                      throw Error::not_found("notification.not_found", "通知不存在",
                                             "no such notification");
                    }
                    return http::Response::no_content();
                  },
              .summary = "标记通知已读 / mark a notification read",
              .tag = "accounts"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/notifications/read-all",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto user = req.user().user_id;
                    ctx.db.write([&](storage::Connection& c) {
                      notify::mark_all_read(c, user, audit::now_ms());
                    });
                    return http::Response::no_content();
                  },
              .summary = "全部标记已读 / mark all read",
              .tag = "accounts"});
}

}  // namespace tongxin::accounts
