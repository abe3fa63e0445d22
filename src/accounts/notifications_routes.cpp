// src/accounts/notifications_routes.cpp
//
// An account's notifications (core/notify): assignments, reminders, escalations. Each
// account sees only its own.
#include <boost/json.hpp>

#include "accounts/accounts.hpp"
#include "core/error.hpp"
#include "core/paging.hpp"

namespace tongxin::accounts {

namespace {

namespace json = boost::json;

json::object notice_json(const storage::Row& r) {
  return json::object{{"id", r.int64("id")},
                      {"kind", r.text("kind")},
                      {"title", r.text("title")},
                      {"body", r.text("body")},
                      {"link", r.text("link")},
                      {"object_type", r.text("object_type")},
                      {"object_id", r.is_null("object_id") ? json::value(nullptr)
                                                           : json::value(r.int64("object_id"))},
                      {"created_at", r.int64("created_at")},
                      {"read", !r.is_null("read_at")}};
}

}  // namespace

void register_notification_routes(http::Router& router, ServiceContext& ctx) {
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/notifications",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto limit = paging::limit(req.query_param("limit"));
                    const auto cursor = paging::decode(req.query_param("cursor"));
                    const bool unread = req.query_param("unread").value_or("") == "true";
                    const auto user = req.user().user_id;
                    return ctx.db.read([&](storage::Connection& c) {
                      const auto rows =
                          c.q("SELECT * FROM notifications WHERE user_id = $1 AND ($2 = 0 OR id <"
                              " $2) AND ($3 = 0 OR read_at IS NULL) ORDER BY id DESC LIMIT $4",
                              user, cursor ? cursor->id : 0, unread ? 1 : 0, limit + 1);
                      json::array items;
                      const auto n = std::min(rows.size(), static_cast<std::size_t>(limit));
                      for (std::size_t i = 0; i < n; ++i)
                        items.push_back(notice_json(rows[i]));
                      const auto unread_count =
                          c.q("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at"
                              " IS NULL",
                              user)
                              .front()
                              .int64(0);
                      const auto next = paging::next_by_id(rows, n);
                      return http::Response::json(json::object{{"items", std::move(items)},
                                                               {"next_cursor", next},
                                                               {"unread", unread_count}});
                    });
                  },
              .summary = "我的通知 / my notifications",
              .tag = "accounts"});
  router.add(
      {.method = http::Method::post,
       .pattern = "/api/v1/notifications/{id}/read",
       .handler =
           [&ctx](http::Request& req) {
             const auto id = req.id_param();
             const auto user = req.user().user_id;
             ctx.db.write([&](storage::Connection& c) {
               if (c.x("UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1"
                       " AND user_id = $2",
                       id, user, audit::now_ms()) == 0) {
                 throw Error::not_found("notification.not_found", "通知不存在",
                                        "no such notification");
               }
             });
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
                      c.x("UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS"
                          " NULL",
                          user, audit::now_ms());
                    });
                    return http::Response::no_content();
                  },
              .summary = "全部标记已读 / mark all read",
              .tag = "accounts"});
}

}  // namespace tongxin::accounts
