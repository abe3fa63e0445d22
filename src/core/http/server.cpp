// src/core/http/server.cpp
#include "core/http/server.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/experimental/as_tuple.hpp>
#include <boost/beast.hpp>
#include <boost/json.hpp>
#include <boost/url.hpp>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "core/error.hpp"
#include "core/http/client_address.hpp"
#include "core/http/metrics.hpp"
#include "core/http/static_files.hpp"
#include "core/http/worker_pool.hpp"

namespace tongxin::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using BeastRequest = bhttp::request<bhttp::string_body>;
using BeastResponse = bhttp::response<bhttp::string_body>;
constexpr auto kTuple = asio::experimental::as_tuple(asio::use_awaitable);

namespace {

std::optional<Method> to_method(bhttp::verb v) {
  switch (v) {
    case bhttp::verb::get:
      return Method::get;
    case bhttp::verb::head:
      return Method::head;
    case bhttp::verb::post:
      return Method::post;
    case bhttp::verb::put:
      return Method::put;
    case bhttp::verb::patch:
      return Method::patch;
    case bhttp::verb::delete_:
      return Method::del;
    case bhttp::verb::options:
      return Method::options;
    default:
      return std::nullopt;
  }
}

std::string new_request_id() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  auto v = rng();
  for (auto& c : id) {
    c = kHex[v & 0xF];
    v >>= 4;
  }
  return id;
}

bool sane_request_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

// English only when the client prefers it over Chinese.
Lang language_of(std::string_view accept) {
  const auto en = accept.find("en");
  const auto zh = accept.find("zh");
  if (en != std::string_view::npos && (zh == std::string_view::npos || en < zh)) return Lang::en;
  return Lang::zh;
}

Response error_response(const Error& e, Lang lang) {
  boost::json::object err{{"code", e.code()},
                          {"message", lang == Lang::en ? e.message_en() : e.message_zh()},
                          {"details", e.details()}};
  auto r = Response::json(boost::json::object{{"error", std::move(err)}},
                          static_cast<unsigned>(e.status()));
  if (e.retry_after() > 0) r.header("Retry-After", std::to_string(e.retry_after()));
  return r;
}

Response internal_error(Lang lang) {
  return error_response(Error(500, "server.internal", "服务器内部错误，请稍后重试",
                              "internal server error, please try again later"),
                        lang);
}

Response busy_response(Lang lang) {
  return error_response(Error::unavailable(1, "服务繁忙，请稍后重试", "server busy, retry shortly"),
                        lang);
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, const Router& r)
      : options(std::move(o)),
        proxies(options.trusted_proxies),
        router(r),
        pool_owner(std::make_unique<WorkerPool>(options.worker_threads, options.queue_capacity)),
        pool(*pool_owner) {}
  // Workers finish and join before the io_context goes: their last act is a post to it.
  ~Impl() { pool_owner.reset(); }

  ServerOptions options;
  TrustedProxies proxies;
  const Router& router;
  std::unique_ptr<WorkerPool> pool_owner;
  WorkerPool& pool;
  Metrics metrics;
  Authenticator authenticator;
  std::vector<MetricsProvider> providers;

  asio::io_context ioc;
  std::optional<tcp::acceptor> acceptor;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::optional<asio::steady_timer> drain_timer;
  std::atomic<bool> stopping{false};

  struct Conn {
    beast::tcp_stream* stream;
    bool busy = false;
  };
  std::mutex conns_mutex;
  std::set<std::shared_ptr<Conn>> conns;

  // ---- request processing (worker thread, or network thread for inline routes) ----

  Response process(const Route* route, Request& req) {
    try {
      if (route == nullptr) return serve_static(options.static_dir, req.path);
      if (authenticator && !route->run_inline) req.principal = authenticator(req);
      if (route->access == Access::authenticated) {
        if (!req.principal)
          throw Error::unauthorized("auth.required", "请先登录", "please sign in");
        if (!route->roles.empty() && !req.principal->has_any(route->roles)) {
          throw Error::forbidden("auth.forbidden", "无权执行此操作",
                                 "you are not allowed to do this");
        }
      }
      return route->handler(req);
    } catch (const Error& e) {
      return error_response(e, req.lang);
    } catch (const std::exception& e) {
      spdlog::error("request {} {} failed: {}", req.request_id, req.target, e.what());
      return internal_error(req.lang);
    }
  }

  // Runs `task` on the worker pool; the awaiting coroutine resumes on `executor`. A plain
  // function (not a coroutine) on purpose: g++ 12 mishandles by-value parameters and
  // temporaries of coroutines (double destruction), so callers pass named objects.
  auto offload(asio::any_io_executor executor, std::function<Response()> task, Lang lang) {
    return asio::async_initiate<decltype(asio::use_awaitable), void(Response)>(
        [this, executor, lang, task = std::move(task)](auto handler) mutable {
          auto shared = std::make_shared<decltype(handler)>(std::move(handler));
          auto work_guard = asio::make_work_guard(executor);
          const bool queued = pool.try_post([task, shared, work_guard]() mutable {
            Response r = task();
            asio::post(work_guard.get_executor(),
                       [shared, r = std::move(r)]() mutable { (*shared)(std::move(r)); });
          });
          if (!queued) {
            metrics.count_rejected();
            asio::post(executor, [shared, lang]() mutable { (*shared)(busy_response(lang)); });
          }
        },
        asio::use_awaitable);
  }

  Request make_request(BeastRequest& breq, const std::string& remote, bool& bad_target) {
    Request req;
    req.method = to_method(breq.method()).value_or(Method::get);
    req.target = std::string(breq.target());
    for (const auto& field : breq) {
      std::string name(field.name_string());
      for (auto& c : name)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    const auto incoming_id = req.header("x-request-id");
    req.request_id =
        incoming_id && sane_request_id(*incoming_id) ? std::string(*incoming_id) : new_request_id();
    req.lang = language_of(req.header("accept-language").value_or(""));
    req.remote_addr = proxies.client_address(remote, req.header("x-forwarded-for").value_or(""));
    req.body = std::move(breq.body());
    const auto parsed = boost::urls::parse_origin_form(req.target);
    if (!parsed) {
      bad_target = true;
      return req;
    }
    req.path = std::string(parsed->path());
    for (const auto& p : parsed->params())
      req.query.emplace(p.key, p.value);
    return req;
  }

  asio::awaitable<Response> handle(BeastRequest& breq, const std::string& remote,
                                   std::string& route_label, std::string& request_id) {
    bool bad_target = false;
    auto req = std::make_shared<Request>(make_request(breq, remote, bad_target));
    request_id = req->request_id;
    route_label = "unmatched";
    if (bad_target || !to_method(breq.method())) {
      co_return error_response(
          Error::bad_request("request.bad_target", "请求地址无效", "invalid request target"),
          req->lang);
    }
    const auto match = router.match(req->method, req->path);
    const bool api = req->path.starts_with("/api/") || req->path.starts_with("/open311/");
    if (match.route == nullptr) {
      if (!match.allowed.empty()) {
        std::string allow;
        for (const auto m : match.allowed) {
          allow += (allow.empty() ? "" : ", ") + std::string(method_name(m));
        }
        auto r = error_response(
            Error(405, "route.method_not_allowed", "不支持该请求方法", "method not allowed"),
            req->lang);
        r.header("Allow", allow);
        co_return r;
      }
      if (api || (req->method != Method::get && req->method != Method::head)) {
        co_return error_response(
            Error::not_found("route.not_found", "接口不存在", "no such API route"), req->lang);
      }
      route_label = "static";
      std::function<Response()> task = [this, req] { return process(nullptr, *req); };
      auto executor = co_await asio::this_coro::executor;
      Response r = co_await offload(executor, std::move(task), req->lang);
      co_return r;
    }
    route_label = match.route->pattern;
    req->route = match.route->pattern;
    req->path_params = match.params;
    const Route* route = match.route;
    if (route->run_inline) co_return process(route, *req);
    std::function<Response()> task = [this, req, route] { return process(route, *req); };
    auto executor = co_await asio::this_coro::executor;
    Response r = co_await offload(executor, std::move(task), req->lang);
    co_return r;
  }

  static void add_headers(BeastResponse& res, const Response& r, const std::string& request_id) {
    if (!r.content_type.empty()) res.set(bhttp::field::content_type, r.content_type);
    res.set("X-Request-Id", request_id);
    res.set("X-Content-Type-Options", "nosniff");
    res.set("X-Frame-Options", "DENY");
    res.set("Referrer-Policy", "same-origin");
    res.set("Content-Security-Policy",
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
            // Vant's icon font is inlined in its CSS as a data: URL.
            "font-src 'self' data:; "
            "script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
    for (const auto& [name, value] : r.headers)
      res.insert(name, value);
  }

  asio::awaitable<void> write_error(beast::tcp_stream& stream, unsigned status, std::string code,
                                    std::string zh, std::string en) {
    auto r = error_response(
        Error(static_cast<int>(status), std::move(code), std::move(zh), std::move(en)), Lang::zh);
    BeastResponse res{static_cast<bhttp::status>(status), 11};
    add_headers(res, r, new_request_id());
    res.keep_alive(false);
    res.body() = std::move(r.body);
    res.prepare_payload();
    co_await bhttp::async_write(stream, res, kTuple);
  }

  asio::awaitable<void> session(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    std::string remote;
    {
      boost::system::error_code ec;
      const auto ep = stream.socket().remote_endpoint(ec);
      if (!ec) remote = ep.address().to_string();
    }
    auto conn = std::make_shared<Conn>(Conn{&stream});
    {
      std::lock_guard lock(conns_mutex);
      conns.insert(conn);
    }
    beast::flat_buffer buffer;
    for (;;) {
      if (stopping) break;
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
      parser.body_limit(options.max_body_bytes);
      stream.expires_after(options.idle_timeout);
      auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
      if (ec == bhttp::error::header_limit) {
        co_await write_error(stream, 431, "request.header_too_large", "请求头过大",
                             "request header too large");
        break;
      }
      if (ec == bhttp::error::body_limit) {  // Content-Length already over the limit
        co_await write_error(stream, 413, "request.too_large", "请求内容过大",
                             "request body too large");
        break;
      }
      if (ec) {
        if (ec != bhttp::error::end_of_stream && ec != asio::error::operation_aborted &&
            ec != beast::error::timeout && ec != asio::error::connection_reset &&
            ec != asio::error::eof && n > 0) {
          co_await write_error(stream, 400, "request.malformed", "请求格式错误",
                               "malformed request");
        }
        break;
      }
      {
        std::lock_guard lock(conns_mutex);
        conn->busy = true;
      }
      const auto started = std::chrono::steady_clock::now();
      stream.expires_after(options.request_timeout);
      if (!parser.is_done()) {
        auto [ec2, n2] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
        if (ec2 == bhttp::error::body_limit) {
          co_await write_error(stream, 413, "request.too_large", "请求内容过大",
                               "request body too large");
          break;
        }
        if (ec2) break;
      }
      auto breq = parser.release();
      const bool keep_alive = breq.keep_alive();
      const auto method = breq.method_string();
      const std::string method_text(method);
      std::string route_label;
      std::string request_id;
      const std::string target(breq.target());
      Response r = co_await handle(breq, remote, route_label, request_id);

      BeastResponse res{static_cast<bhttp::status>(r.status), breq.version()};
      add_headers(res, r, request_id);
      const bool close = !keep_alive || stopping;
      res.keep_alive(!close);
      const auto bytes = r.body.size();
      if (breq.method() == bhttp::verb::head) {
        res.content_length(bytes);
      } else {
        res.body() = std::move(r.body);
        res.prepare_payload();
      }
      // Counted before the write, so a client that has its answer sees it in /metrics.
      const auto elapsed = std::chrono::steady_clock::now() - started;
      metrics.observe(route_label, method_text, r.status, elapsed);
      stream.expires_after(options.request_timeout);
      auto [wec, wn] = co_await bhttp::async_write(stream, res, kTuple);
      if (options.access_log) {
        spdlog::info(
            R"(access {{"method":"{}","target":"{}","route":"{}","status":{},"ms":{:.2f},"bytes":{},"request_id":"{}","remote":"{}"}})",
            method_text, target.substr(0, 200), route_label, r.status,
            std::chrono::duration<double, std::milli>(elapsed).count(), bytes, request_id, remote);
      }
      {
        std::lock_guard lock(conns_mutex);
        conn->busy = false;
      }
      if (wec || close) break;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.socket().close(ignored);
    {
      std::lock_guard lock(conns_mutex);
      conns.erase(conn);
    }
    maybe_finish();
  }

  asio::awaitable<void> accept_loop() {
    for (;;) {
      auto [ec, socket] = co_await acceptor->async_accept(kTuple);
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        spdlog::warn("accept failed: {}", ec.message());
        continue;
      }
      socket.set_option(tcp::no_delay(true), ec);
      asio::co_spawn(asio::make_strand(ioc), session(std::move(socket)), asio::detached);
    }
  }

  void maybe_finish() {
    if (!stopping) return;
    std::lock_guard lock(conns_mutex);
    if (conns.empty()) {
      asio::post(ioc, [this] {
        if (drain_timer) drain_timer->cancel();
        work.reset();
      });
    }
  }

  void begin_stop() {
    if (stopping.exchange(true)) return;
    asio::post(ioc, [this] {
      boost::system::error_code ec;
      if (acceptor) acceptor->close(ec);
      {
        std::lock_guard lock(conns_mutex);
        // Idle keep-alive connections are closed now; busy ones finish their request
        // and then close (they answer with Connection: close).
        for (const auto& c : conns) {
          if (!c->busy) c->stream->socket().cancel(ec);
        }
      }
      drain_timer.emplace(ioc);
      drain_timer->expires_after(options.drain_timeout);
      drain_timer->async_wait([this](const boost::system::error_code& e) {
        if (!e) {
          spdlog::warn("drain timeout: closing remaining connections");
          ioc.stop();
        }
      });
      maybe_finish();
    });
  }
};

Server::Server(ServerOptions options, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(options), router)) {}

Server::~Server() {
  if (impl_) impl_->ioc.stop();
}

void Server::set_authenticator(Authenticator a) {
  impl_->authenticator = std::move(a);
}
void Server::add_metrics_provider(MetricsProvider p) {
  impl_->providers.push_back(std::move(p));
}

unsigned short Server::start() {
  auto& i = *impl_;
  const auto& listen = i.options.listen;
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) throw std::runtime_error("listen must be host:port: " + listen);
  auto host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
  const auto port = static_cast<unsigned short>(std::stoi(listen.substr(colon + 1)));
  const tcp::endpoint endpoint(asio::ip::make_address(host), port);
  i.acceptor.emplace(i.ioc);
  i.acceptor->open(endpoint.protocol());
  i.acceptor->set_option(asio::socket_base::reuse_address(true));
  i.acceptor->bind(endpoint);
  i.acceptor->listen(asio::socket_base::max_listen_connections);
  i.work.emplace(i.ioc.get_executor());
  asio::co_spawn(i.ioc, i.accept_loop(), asio::detached);
  return i.acceptor->local_endpoint().port();
}

void Server::run() {
  auto& i = *impl_;
  std::vector<std::thread> extra;
  for (std::size_t t = 1; t < i.options.network_threads; ++t) {
    extra.emplace_back([&i] { i.ioc.run(); });
  }
  i.ioc.run();
  for (auto& t : extra)
    t.join();
}

void Server::stop() {
  impl_->begin_stop();
}

std::string Server::metrics_text() const {
  auto& i = *impl_;
  i.metrics.set_pool(i.pool.queued(), i.pool.busy());
  std::string out = i.metrics.text();
  for (const auto& p : i.providers)
    out += p();
  return out;
}

}  // namespace tongxin::http
