// src/core/sms/sms.cpp
#include "core/sms/sms.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <boost/url/parse.hpp>
#include <stdexcept>

#include "core/audit/audit.hpp"

namespace tongxin::sms {

namespace {

namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = boost::asio::ip::tcp;

class DevGateway final : public Gateway {
 public:
  void deliver(const std::string&, const std::string&) override {}
};

class HttpGateway final : public Gateway {
 public:
  explicit HttpGateway(const config::SmsConfig& config) : config_(config) {
    const auto url = boost::urls::parse_uri(config.http_url);
    if (!url || url->scheme() != "http") {
      throw std::invalid_argument("sms.http_url must be an http:// URL");
    }
    host_ = url->host();
    port_ = url->has_port() ? std::string(url->port()) : "80";
    target_ = url->encoded_target().empty() ? "/" : std::string(url->encoded_target());
  }

  void deliver(const std::string& phone, const std::string& text) override {
    boost::asio::io_context io;
    tcp::resolver resolver(io);
    beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(10));
    stream.connect(resolver.resolve(host_, port_));
    bhttp::request<bhttp::string_body> req{bhttp::verb::post, target_, 11};
    req.set(bhttp::field::host, host_);
    req.set(bhttp::field::content_type, "application/json");
    if (!config_.http_token.empty()) {
      req.set(bhttp::field::authorization, "Bearer " + config_.http_token);
    }
    req.body() = boost::json::serialize(boost::json::object{{"phone", phone}, {"text", text}});
    req.prepare_payload();
    bhttp::write(stream, req);
    beast::flat_buffer buffer;
    bhttp::response<bhttp::string_body> res;
    bhttp::read(stream, buffer, res);
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    if (res.result_int() < 200 || res.result_int() >= 300) {
      throw std::runtime_error("SMS relay answered " + std::to_string(res.result_int()));
    }
  }

 private:
  config::SmsConfig config_;
  std::string host_, port_, target_;
};

constexpr int kMaxAttempts = 5;

}  // namespace

std::unique_ptr<Gateway> make_gateway(const config::SmsConfig& config) {
  if (config.driver == "http") return std::make_unique<HttpGateway>(config);
  return std::make_unique<DevGateway>();
}

std::string signed_text(const config::SmsConfig& config, const std::string& body) {
  return "【" + config.sign + "】" + body;
}

std::int64_t enqueue(storage::Connection& c, const crypto::FieldCrypto& crypto,
                     const std::string& phone, const std::string& purpose, const std::string& body,
                     std::int64_t now_ms) {
  return c
      .q("INSERT INTO sms_outbox (phone_enc, phone_hash, purpose, body, created_at)"
         " VALUES ($1, $2, $3, $4, $5) RETURNING id",
         crypto.seal(phone), crypto.lookup_hash(phone), purpose, body, now_ms)
      .front()
      .int64(0);
}

int dispatch(storage::Database& db, const crypto::FieldCrypto& crypto, Gateway& gateway,
             const config::SmsConfig& config, int max) {
  struct Pending {
    std::int64_t id;
    std::string phone_enc, body;
  };
  const auto pending = db.read([&](storage::Connection& c) {
    std::vector<Pending> out;
    for (const auto& r :
         c.q("SELECT id, phone_enc, body FROM sms_outbox WHERE status = 'pending' ORDER BY id"
             " LIMIT $1",
             max)) {
      out.push_back({r.int64(0), r.text(1), r.text(2)});
    }
    return out;
  });
  int sent = 0;
  for (const auto& p : pending) {
    std::string error;
    try {
      const auto phone = crypto.open(p.phone_enc);
      if (!phone) throw std::runtime_error("phone number cannot be decrypted with this key");
      gateway.deliver(*phone, signed_text(config, p.body));
    } catch (const std::exception& e) {
      error = e.what();
    }
    db.write([&](storage::Connection& c) {
      if (error.empty()) {
        c.x("UPDATE sms_outbox SET status = 'sent', attempts = attempts + 1, sent_at = $2"
            " WHERE id = $1",
            p.id, audit::now_ms());
      } else {
        c.x("UPDATE sms_outbox SET attempts = attempts + 1, last_error = $2,"
            " status = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE 'pending' END"
            " WHERE id = $1",
            p.id, error, kMaxAttempts);
      }
    });
    if (error.empty()) ++sent;
  }
  return sent;
}

}  // namespace tongxin::sms
