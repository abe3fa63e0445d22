// src/core/http/client_address.cpp
#include "core/http/client_address.hpp"

#include <boost/asio/ip/address.hpp>
#include <optional>
#include <stdexcept>

namespace tongxin::http {

namespace {

namespace ip = boost::asio::ip;

// Parses an address, folding IPv4-mapped IPv6 (::ffff:1.2.3.4, what a dual-stack listener
// reports for IPv4 peers) into IPv4 so that one rule covers both spellings.
std::optional<ip::address> parse(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  // "[::1]" as some proxies write IPv6 with a port's brackets.
  if (text.size() > 2 && text.front() == '[' && text.back() == ']') {
    text = text.substr(1, text.size() - 2);
  }
  boost::system::error_code ec;
  auto a = ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  if (a.is_v6() && a.to_v6().is_v4_mapped()) {
    return ip::make_address_v4(ip::v4_mapped, a.to_v6());
  }
  return a;
}

bool prefix_matches(const unsigned char* a, const unsigned char* b, int bits) {
  for (int i = 0; bits > 0; ++i, bits -= 8) {
    const unsigned mask = bits >= 8 ? 0xFFU : (0xFFU << (8 - bits)) & 0xFFU;
    if ((a[i] & mask) != (b[i] & mask)) return false;
  }
  return true;
}

}  // namespace

TrustedProxies::TrustedProxies(const std::vector<std::string>& entries) {
  for (const auto& entry : entries) {
    const auto slash = entry.find('/');
    const auto addr = parse(std::string_view(entry).substr(0, slash));
    if (!addr) throw std::invalid_argument(entry);
    Network n;
    n.v6 = addr->is_v6();
    const int max_bits = n.v6 ? 128 : 32;
    n.prefix = max_bits;
    if (slash != std::string::npos) {
      const auto bits = std::string_view(entry).substr(slash + 1);
      if (bits.empty() || bits.size() > 3 ||
          bits.find_first_not_of("0123456789") != std::string_view::npos) {
        throw std::invalid_argument(entry);
      }
      n.prefix = std::stoi(std::string(bits));
      if (n.prefix > max_bits) throw std::invalid_argument(entry);
    }
    if (n.v6) {
      const auto b = addr->to_v6().to_bytes();
      std::copy(b.begin(), b.end(), n.bytes);
    } else {
      const auto b = addr->to_v4().to_bytes();
      std::copy(b.begin(), b.end(), n.bytes);
    }
    networks_.push_back(n);
  }
}

bool TrustedProxies::contains(std::string_view address) const {
  const auto a = parse(address);
  if (!a) return false;
  unsigned char bytes[16] = {};
  if (a->is_v6()) {
    const auto b = a->to_v6().to_bytes();
    std::copy(b.begin(), b.end(), bytes);
  } else {
    const auto b = a->to_v4().to_bytes();
    std::copy(b.begin(), b.end(), bytes);
  }
  for (const auto& n : networks_) {
    if (n.v6 == a->is_v6() && prefix_matches(bytes, n.bytes, n.prefix)) return true;
  }
  return false;
}

std::string TrustedProxies::client_address(std::string_view peer,
                                           std::string_view forwarded_for) const {
  const auto peer_addr = parse(peer);
  const std::string canonical_peer = peer_addr ? peer_addr->to_string() : std::string(peer);
  if (forwarded_for.empty() || !contains(peer)) return canonical_peer;
  // Walk from the right: each hop we trust vouches for the one before it.
  std::string candidate = canonical_peer;
  std::string_view rest = forwarded_for;
  while (true) {
    const auto comma = rest.rfind(',');
    const auto item = comma == std::string_view::npos ? rest : rest.substr(comma + 1);
    const auto a = parse(item);
    if (!a) return candidate;  // garbage in the chain: stop at the last address we trust
    candidate = a->to_string();
    if (!contains(candidate)) return candidate;
    if (comma == std::string_view::npos) return candidate;
    rest = rest.substr(0, comma);
  }
}

}  // namespace tongxin::http
