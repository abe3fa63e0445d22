// src/core/http/client_address.hpp
//
// The address a request came from. Behind a reverse proxy (nginx in front of the server, as
// in docs/operations.md) every connection's peer is the proxy, so per-client limits on public
// writes would put all citizens into one bucket. The proxy appends the address it saw to
// X-Forwarded-For; we believe that header only from peers listed as trusted proxies, and
// take the right-most address that is not itself a trusted proxy — the left part of the
// header is whatever the client chose to send and cannot be trusted.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tongxin::http {

class TrustedProxies {
 public:
  TrustedProxies() = default;
  // Each entry an address ("10.0.0.5", "::1") or a network ("10.0.0.0/8", "fd00::/8").
  // Throws std::invalid_argument naming the first entry that is neither.
  explicit TrustedProxies(const std::vector<std::string>& entries);

  bool empty() const { return networks_.empty(); }
  bool contains(std::string_view address) const;

  // The client's address given the connection's peer and the X-Forwarded-For header (empty
  // when absent). Returns the peer unchanged when it is not a trusted proxy or the header is
  // missing or malformed; IPv4-mapped IPv6 addresses come back in their IPv4 form.
  std::string client_address(std::string_view peer, std::string_view forwarded_for) const;

 private:
  struct Network {
    bool v6 = false;
    unsigned char bytes[16] = {};
    int prefix = 0;
  };
  std::vector<Network> networks_;
};

}  // namespace tongxin::http
