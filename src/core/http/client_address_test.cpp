// src/core/http/client_address_test.cpp
#include "core/http/client_address.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace tongxin::http {
namespace {

TEST(ClientAddress, WithoutTrustedProxiesThePeerIsTheClient) {
  const TrustedProxies none;
  EXPECT_EQ(none.client_address("203.0.113.7", "198.51.100.1"), "203.0.113.7");
  EXPECT_EQ(none.client_address("::ffff:127.0.0.1", ""), "127.0.0.1");
}

TEST(ClientAddress, AnUntrustedPeerCannotClaimAnotherAddress) {
  const TrustedProxies proxies({"127.0.0.1"});
  EXPECT_EQ(proxies.client_address("203.0.113.7", "198.51.100.1"), "203.0.113.7");
}

TEST(ClientAddress, ATrustedProxyVouchesForTheAddressItSaw) {
  const TrustedProxies proxies({"127.0.0.1", "10.0.0.0/8"});
  EXPECT_EQ(proxies.client_address("127.0.0.1", "198.51.100.1"), "198.51.100.1");
  EXPECT_EQ(proxies.client_address("::ffff:127.0.0.1", " 198.51.100.1 "), "198.51.100.1");
  // Two proxies in a row: the right-most untrusted hop is the client.
  EXPECT_EQ(proxies.client_address("127.0.0.1", "198.51.100.1, 10.1.2.3"), "198.51.100.1");
}

TEST(ClientAddress, WhatTheClientPrependsIsIgnored) {
  const TrustedProxies proxies({"127.0.0.1"});
  // A citizen sends "X-Forwarded-For: 1.1.1.1" hoping for a fresh rate-limit bucket; the
  // proxy appends the real address, which is what counts.
  EXPECT_EQ(proxies.client_address("127.0.0.1", "1.1.1.1, 198.51.100.9"), "198.51.100.9");
  EXPECT_EQ(proxies.client_address("127.0.0.1", "not-an-ip, 198.51.100.9"), "198.51.100.9");
}

TEST(ClientAddress, MalformedOrMissingHeadersFallBackToThePeer) {
  const TrustedProxies proxies({"127.0.0.1"});
  EXPECT_EQ(proxies.client_address("127.0.0.1", ""), "127.0.0.1");
  EXPECT_EQ(proxies.client_address("127.0.0.1", "garbage"), "127.0.0.1");
  EXPECT_EQ(proxies.client_address("127.0.0.1", "198.51.100.1,"), "127.0.0.1");
  // Every hop trusted: the left-most is as far as we can see.
  EXPECT_EQ(proxies.client_address("127.0.0.1", "127.0.0.1"), "127.0.0.1");
}

TEST(ClientAddress, Ipv6NetworksAndBrackets) {
  const TrustedProxies proxies({"fd00::/8", "::1"});
  EXPECT_TRUE(proxies.contains("fd12:3456::1"));
  EXPECT_FALSE(proxies.contains("fe80::1"));
  EXPECT_EQ(proxies.client_address("::1", "[2001:db8::5]"), "2001:db8::5");
  EXPECT_EQ(proxies.client_address("fd00::2", "2001:db8::5, fd00::3"), "2001:db8::5");
}

TEST(ClientAddress, PrefixesMatchBitByBit) {
  const TrustedProxies proxies({"192.168.4.0/22"});
  EXPECT_TRUE(proxies.contains("192.168.7.255"));
  EXPECT_FALSE(proxies.contains("192.168.8.0"));
  EXPECT_FALSE(proxies.contains("::ffff:192.168.8.0"));
  EXPECT_TRUE(TrustedProxies({"0.0.0.0/0"}).contains("8.8.8.8"));
}

TEST(ClientAddress, BadEntriesAreRejectedAtStartUp) {
  EXPECT_THROW(TrustedProxies({"localhost"}), std::invalid_argument);
  EXPECT_THROW(TrustedProxies({"10.0.0.0/33"}), std::invalid_argument);
  EXPECT_THROW(TrustedProxies({"10.0.0.0/"}), std::invalid_argument);
  EXPECT_THROW(TrustedProxies({"10.0.0.0/-1"}), std::invalid_argument);
  EXPECT_NO_THROW(TrustedProxies({"::/0", "127.0.0.1/32"}));
}

}  // namespace
}  // namespace tongxin::http
