// src/demo/demo.hpp
//
// `tongxin seed-demo`: a living city conference for newcomers, demos and tests, modelled
// on the seeds (Lanzhou: ~30 sectors, ~350 members, 8 committees, ~120 studios named after
// its real streets, townships and industries, with real division codes). Deterministic for
// a seed (own PRNG, no std::*_distribution whose output varies between libraries).
// Idempotent: a database that already holds a conference is left alone.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/context.hpp"

namespace tongxin::demo {

struct SeedOptions {
  std::string password;        // of every demo account
  std::string scale = "city";  // small | city
  std::uint64_t seed = 2026;
};

struct SeedReport {
  bool already_seeded = false;
  std::string summary;  // human-readable, Chinese first
};

SeedReport seed(ServiceContext& ctx, const SeedOptions& options);

// Later modules (cases, contact work, outputs) add their part of the demo here; each step
// runs in the seeding transaction after the organisation and the accounts exist.
struct SeedContext {
  ServiceContext& ctx;
  storage::Connection& conn;
  std::uint64_t seed;
  std::string scale;
};
using SeedStep = std::function<std::string(SeedContext&)>;  // returns a summary line
void add_seed_step(std::string name, SeedStep step);

}  // namespace tongxin::demo
