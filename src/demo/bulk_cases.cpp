// src/demo/bulk_cases.cpp
#include "demo/bulk_cases.hpp"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <future>
#include <map>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "cases/bulk_load.hpp"
#include "core/divisions/divisions.hpp"
#include "core/error.hpp"
#include "core/text/analyzer.hpp"
#include "core/text/utf8.hpp"
#include "demo/data.hpp"
#include "demo/random.hpp"
#include "organisation/directory.hpp"

namespace tongxin::demo {

namespace {

constexpr std::int64_t kMinuteMs = 60LL * 1000;
constexpr std::int64_t kHourMs = 60 * kMinuteMs;
constexpr std::int64_t kDayMs = 24 * kHourMs;
constexpr std::int64_t kSpanMs = 730 * kDayMs;  // two years of cases

// One kind of matter a constituent brings (bulk_problems.tsv). {p} place, {t} how long, {d}
// one of the details.
struct Problem {
  std::string title, text;
  std::vector<std::string> details;
  std::string agency;  // who the member took it to
};

// The loader's texts (data/demo), resolved once per load: rows are made by the million.
struct Texts {
  std::vector<Problem> problems;
  // Streets and places of Lanzhou, and what lies along them; how long, how a message opens
  // and closes; what a case became; why it was declined; what the citizen said.
  std::vector<std::string> roads, estates, durations, openings, closings, conversions,
      decline_reasons, rating_comments;
  std::string referred, converted, handled, solved, partly_solved, explained, province_city,
      compound, address;
};

const Texts& texts() {
  return demo_table<Texts>("bulk_problems.tsv", [](const Tsv& t) {
    Texts x;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      x.problems.push_back(
          {t.at(i, "title"), t.at(i, "text"), t.list(i, "details"), t.at(i, "agency")});
    }
    x.roads = phrases("bulk.road");
    x.estates = phrases("bulk.estate");
    x.durations = phrases("bulk.duration");
    x.openings = phrases("bulk.opening");
    x.closings = phrases("bulk.closing");
    x.conversions = phrases("bulk.conversion");
    x.decline_reasons = phrases("bulk.decline_reason");
    x.rating_comments = phrases("bulk.rating_comment");
    x.referred = phrase("bulk.reply.referred");
    x.converted = phrase("bulk.reply.converted");
    x.handled = phrase("bulk.reply.handled");
    x.solved = phrase("bulk.result.solved");
    x.partly_solved = phrase("bulk.result.partly_solved");
    x.explained = phrase("bulk.result.explained");
    x.province_city = phrase("bulk.address_fallback");
    x.compound = phrase("bulk.compound");
    x.address = phrase("bulk.address");
    return x;
  });
}

struct Channel {
  const char* name;
  double upto;  // cumulative share
};
const Channel kChannels[] = {{"qr_code", 0.55}, {"reception_day", 0.70}, {"visit", 0.80},
                             {"phone", 0.90},   {"letter", 0.95},        {"online", 1.0}};

std::string fill(std::string_view pattern, const std::string& place, const std::string& detail,
                 const std::string& duration) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}') {
      const char k = pattern[i + 1];
      out += k == 'p' ? place : k == 'd' ? detail : duration;
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

// Tracking codes: a 4-round Feistel permutation of 48-bit indexes (so distinct indexes give
// distinct codes), written in base 31 over the intake's alphabet (31^10 > 2^48).
constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
std::string tracking_code(std::uint64_t index) {
  constexpr std::uint64_t kHalf = 0xFFFFFF;
  std::uint64_t l = (index >> 24) & kHalf, r = index & kHalf;
  for (std::uint64_t round = 1; round <= 4; ++round) {
    const auto f = Random(r * 0x9E3779B97F4A7C15ULL + round).next() & kHalf;
    const auto next_r = l ^ f;
    l = r;
    r = next_r;
  }
  std::uint64_t x = (l << 24) | r;
  std::string out(10, kAlphabet[0]);
  for (int i = 9; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kAlphabet[x % kAlphabet.size()];
    x /= kAlphabet.size();
  }
  return out;
}

struct Studio {
  std::int64_t id = 0;
  std::string division;        // 12 digits
  std::string address_prefix;  // "甘肃省兰州市城关区雁南街道"
  std::vector<std::pair<std::int64_t, std::optional<std::int64_t>>> members;  // id, sector
};

struct World {
  std::int64_t conference_id = 0;
  std::vector<Studio> studios;
  std::string consent_version;
  int claim_days = 3, reply_days = 15;
  const calendar::WorkCalendar* calendar = nullptr;
  std::int64_t now = 0;
  std::int64_t first_index = 0;  // for tracking codes: MAX(cases.id) before the load
  std::int64_t total = 0;
  const Texts* texts = nullptr;
};

// Column order of the INSERT below; Row::values follows it.
class TokenCache {
 public:
  std::string tokens(std::string_view s) {
    std::string out;
    std::size_t start = 0;
    int kind = 0;  // 0 none, 1 Han, 2 letters/digits
    const auto close = [&](std::size_t end) {
      if (kind == 0) return;
      const auto& t = run_tokens(s.substr(start, end - start));
      if (!t.empty()) {
        if (!out.empty()) out += ' ';
        out += t;
      }
      kind = 0;
    };
    for (std::size_t i = 0; i < s.size();) {
      std::size_t len = 1;
      const char32_t cp = text::decode_at(s, i, len);
      const bool word =
          (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
      const int k = text::is_han(cp) ? 1 : word ? 2 : 0;
      if (k != kind) {
        close(i);
        kind = k;
        start = i;
      }
      i += len;
    }
    close(s.size());
    return out;
  }

 private:
  const std::string& run_tokens(std::string_view run) {
    if (runs_.size() > 1'000'000) runs_.clear();  // bounded memory whatever the texts
    auto it = runs_.find(run);
    if (it == runs_.end()) it = runs_.emplace(std::string(run), text::index_text(run)).first;
    return it->second;
  }
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view v) const { return std::hash<std::string_view>{}(v); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> runs_;
};

using cases::BulkCase;
using namespace cases;  // the column names

std::string json_string(const boost::json::object& o) {
  return boost::json::serialize(o);
}

BulkCase make_row(const World& w, Random& r, TokenCache& cache, std::int64_t index) {
  BulkCase row;
  row.values.assign(kColumns, storage::Null{});
  auto& v = row.values;

  // When: position in the load → time, with volume growing linearly over the two years
  // (density ∝ 1 + t, t = 0 two years ago); ids follow created_at.
  const double f = (static_cast<double>(index) + r.unit()) / static_cast<double>(w.total);
  const double t = std::sqrt(1.0 + 3.0 * f) - 1.0;
  const std::int64_t end = w.now - 10 * kMinuteMs;
  const std::int64_t created = end - kSpanMs + static_cast<std::int64_t>(t * kSpanMs);
  const std::int64_t now = w.now;

  // Where and what.
  const auto& studio = w.studios[r.below(w.studios.size())];
  const auto& tx = *w.texts;
  row.group = r.below(tx.problems.size());
  const auto& problem = tx.problems[row.group];
  const auto road = r.pick(tx.roads);
  const double form = r.unit();
  const std::string place = form < 0.4   ? road
                            : form < 0.7 ? road + r.pick(tx.estates)
                                         : demo::fill(demo::fill(tx.compound, "{road}", road),
                                                      "{n}", std::to_string(1 + r.below(300)));
  const auto& detail = problem.details[r.below(problem.details.size())];
  const auto& duration = r.pick(tx.durations);
  const std::string title = r.chance(0.7) ? fill(problem.title, place, detail, duration) : "";
  const std::string text =
      r.pick(tx.openings) + fill(problem.text, place, detail, duration) + r.pick(tx.closings);
  const std::string address = demo::fill(
      demo::fill(demo::fill(tx.address, "{prefix}", studio.address_prefix), "{road}", road), "{n}",
      std::to_string(1 + r.below(400)));
  const double ch = r.unit();
  const char* channel = kChannels[0].name;
  for (const auto& c : kChannels) {
    if (ch < c.upto) {
      channel = c.name;
      break;
    }
  }

  v[kConference] = w.conference_id;
  v[kCode] = tracking_code(static_cast<std::uint64_t>(w.first_index + index + 1));
  v[kChannel] = std::string(channel);
  v[kTitle] = title;
  v[kText] = text;
  v[kAddress] = address;
  v[kDivision] = studio.division;
  v[kStudio] = studio.id;
  v[kChosen] = false;
  v[kConsentVersion] = w.consent_version;
  v[kConsentAt] = created;
  v[kReopenCount] = std::int64_t{0};
  v[kEscalationLevel] = std::int64_t{0};
  v[kTokens] = cache.tokens(title + " " + text + " " + address);
  v[kAnalyzerVersion] = std::int64_t{text::kAnalyzerVersion};
  v[kCreatedAt] = created;
  row.submit_detail = json_string({{"channel", channel}, {"photos", 0}});

  // The state it has reached, by age.
  enum class Plan { submitted, assigned, in_progress, replied, declined, merged, closed };
  const double age_days = static_cast<double>(now - created) / kDayMs;
  const double p = r.unit();
  Plan plan;
  if (age_days < 1.5) {
    plan = p < 0.45 ? Plan::submitted : p < 0.8 ? Plan::assigned : Plan::in_progress;
  } else if (age_days < 7) {
    plan = p < 0.04   ? Plan::submitted
           : p < 0.2  ? Plan::assigned
           : p < 0.7  ? Plan::in_progress
           : p < 0.9  ? Plan::replied
           : p < 0.93 ? Plan::declined
           : p < 0.96 ? Plan::merged
                      : Plan::closed;
  } else if (age_days < 40) {
    plan = p < 0.04   ? Plan::assigned
           : p < 0.45 ? Plan::in_progress
           : p < 0.6  ? Plan::replied
           : p < 0.62 ? Plan::declined
           : p < 0.65 ? Plan::merged
                      : Plan::closed;
  } else {
    plan = p < 0.004  ? Plan::assigned
           : p < 0.02 ? Plan::in_progress
           : p < 0.05 ? Plan::merged
                      : Plan::closed;
  }
  const auto between = [&](std::int64_t lo, std::int64_t hi) {
    return hi <= lo ? lo : lo + static_cast<std::int64_t>(r.unit() * static_cast<double>(hi - lo));
  };
  std::int64_t updated = created;
  const auto status = [&](const char* s) { v[kStatus] = std::string(s); };

  if (plan == Plan::submitted) {
    status("submitted");
    v[kUpdatedAt] = updated;
    return row;
  }
  if (plan == Plan::merged) {
    status("merged");
    row.merged = true;
    v[kUpdatedAt] = between(created + kHourMs, std::min(now, created + 3 * kDayMs));
    return row;
  }

  // Assigned to a member of the studio, with the deadlines of the working-day calendar.
  const std::int64_t assigned = between(
      created + kHourMs / 2, std::min(created + 30 * kHourMs, created + (now - created) / 2));
  if (!studio.members.empty()) {
    const auto& [member, sector] = studio.members[r.below(studio.members.size())];
    v[kMember] = member;
    v[kSector] = sector ? storage::Value(*sector) : storage::Value(storage::Null{});
    v[kChosen] = std::string_view(channel) == "qr_code" && r.chance(0.06);
  }
  const auto claim_due = w.calendar->deadline_ms(assigned, w.claim_days);
  const auto reply_due = w.calendar->deadline_ms(assigned, w.reply_days);
  v[kAssignedAt] = assigned;
  v[kClaimDueAt] = claim_due;
  v[kReplyDueAt] = reply_due;
  updated = assigned;

  // Overdue open cases carry what the sweeper did: reminder, escalation (level 2 after a
  // few days at level 1).
  const auto escalate_if_overdue = [&](std::int64_t due) {
    if (now <= due) return;
    const bool to_staff = now - due > 4 * kDayMs;
    v[kEscalationLevel] = std::int64_t{to_staff ? 2 : 1};
    v[kEscalatedAt] = to_staff ? due + 3 * kDayMs : due + 5 * kMinuteMs;
  };
  if (plan == Plan::assigned) {
    status("assigned");
    escalate_if_overdue(claim_due);
    v[kUpdatedAt] = updated;
    return row;
  }

  const std::int64_t claimed = between(
      assigned + 2 * kHourMs, std::min(assigned + 3 * kDayMs, assigned + (now - assigned) / 2));
  v[kClaimedAt] = claimed;
  updated = claimed;
  if (plan == Plan::in_progress) {
    status("in_progress");
    if (reply_due - kDayMs < now) v[kRemindedAt] = reply_due - kDayMs;
    escalate_if_overdue(reply_due);
    v[kUpdatedAt] = updated;
    return row;
  }

  // Answered: replied or declined (waiting for a rating, within the 7-day period), or closed.
  const double o = r.unit();
  std::string outcome = o < 0.56   ? "solved"
                        : o < 0.71 ? "partly_solved"
                        : o < 0.85 ? "explained"
                        : o < 0.93 ? "referred"
                        : o < 0.96 ? "converted"
                                   : "declined";
  if (plan == Plan::replied && outcome == "declined") outcome = "solved";
  if (plan == Plan::declined) outcome = "declined";
  std::int64_t replied;
  if (plan == Plan::closed) {
    replied =
        between(claimed + kDayMs, std::min(claimed + 20 * kDayMs, claimed + (now - claimed) / 2));
  } else {
    const auto lo = std::max(claimed + kHourMs, now - 6 * kDayMs);
    replied = lo >= now ? claimed : between(lo, now - kMinuteMs);
  }
  v[kOutcome] = outcome;
  v[kRepliedAt] = replied;
  const std::string topic = fill(problem.title, "", "", "");
  if (outcome == "referred") {
    v[kReferredTo] = problem.agency;
    v[kReplyText] =
        demo::fill(demo::fill(tx.referred, "{topic}", topic), "{agency}", problem.agency);
  } else if (outcome == "converted") {
    const auto& into = r.pick(tx.conversions);
    v[kConvertedTo] = into;
    v[kReplyText] = demo::fill(demo::fill(tx.converted, "{topic}", topic), "{into}", into);
  } else if (outcome == "declined") {
    const auto& reason = r.pick(tx.decline_reasons);
    v[kDeclineReason] = reason;
    v[kReplyText] = reason;
  } else {
    v[kReplyText] =
        demo::fill(demo::fill(demo::fill(tx.handled, "{topic}", topic), "{agency}", problem.agency),
                   "{result}",
                   outcome == "solved"          ? tx.solved
                   : outcome == "partly_solved" ? tx.partly_solved
                                                : tx.explained);
  }
  updated = replied;
  if (plan != Plan::closed) {
    status(plan == Plan::declined ? "declined" : "replied");
    v[kUpdatedAt] = updated;
    return row;
  }

  // Closed: rated (reopened once when unsatisfied, in some cases) or auto-closed unrated.
  status("closed");
  const bool can_rate = outcome != "declined";
  const bool rated = can_rate && (r.chance(0.72) || replied + 7 * kDayMs > now - kHourMs);
  std::int64_t closed;
  if (rated) {
    const double q = r.unit();
    const std::string rating = q < 0.68  ? "satisfied"
                               : q < 0.9 ? "basically_satisfied"
                                         : "unsatisfied";
    closed = between(replied + kHourMs, std::min(replied + 6 * kDayMs, now - kMinuteMs));
    v[kRating] = rating;
    v[kRatedAt] = closed;
    const auto& comment = r.pick(tx.rating_comments);
    if (!comment.empty()) v[kRatingComment] = comment;
    if (rating == "unsatisfied" && r.chance(0.5)) v[kReopenCount] = std::int64_t{1};
  } else {
    closed = std::min(replied + 7 * kDayMs + between(0, kHourMs), now - kMinuteMs);
  }
  v[kClosedAt] = closed;
  v[kUpdatedAt] = closed;
  return row;
}

std::vector<BulkCase> make_batch(const World& w, TokenCache& cache, std::uint64_t seed,
                                 std::int64_t first, std::int64_t n) {
  // A generator per batch, so the output does not depend on how batches are scheduled.
  Random r(Random(seed ^ (0xB5AD4ECEDA1CE2A9ULL * static_cast<std::uint64_t>(first + 1))).next());
  std::vector<BulkCase> rows;
  rows.reserve(static_cast<std::size_t>(n));
  for (std::int64_t i = first; i < first + n; ++i)
    rows.push_back(make_row(w, r, cache, i));
  return rows;
}

World load_world(ServiceContext& ctx, std::int64_t count) {
  World w;
  use_demo_data(demo_data_dir(ctx.config));
  w.texts = &texts();
  ctx.db.read([&](storage::Connection& c) {
    w.conference_id = organisation::first_conference_of_level(c, "city").value_or(0);
    if (w.conference_id != 0) {
      for (const auto& s : organisation::studio_rosters(c, w.conference_id)) {
        Studio studio;
        studio.id = s.id;
        studio.division = divisions::normalize_code(s.division_code).value_or(s.division_code);
        studio.address_prefix = ctx.divisions->find(studio.division)
                                    ? ctx.divisions->full_name(studio.division)
                                    : w.texts->province_city;
        for (const auto& m : s.members)
          studio.members.emplace_back(m.member_id, m.sector_id);
        w.studios.push_back(std::move(studio));
      }
    }
    w.first_index = cases::max_case_id(c);
  });
  if (w.conference_id == 0 || w.studios.empty()) {
    throw Error::bad_request("demo.not_seeded", "请先运行 seed-demo 生成演示数据",
                             "run seed-demo first: no city conference with studios");
  }
  w.consent_version = ctx.config.cases.privacy_notice_version;
  w.claim_days = ctx.config.cases.claim_working_days;
  w.reply_days = ctx.config.cases.reply_working_days;
  w.calendar = ctx.calendar.get();
  w.now = std::chrono::duration_cast<std::chrono::milliseconds>(
              std::chrono::system_clock::now().time_since_epoch())
              .count();
  w.total = count;
  return w;
}

}  // namespace

std::int64_t load_cases(ServiceContext& ctx, std::int64_t count, std::uint64_t seed,
                        const std::function<void(std::int64_t done)>& progress) {
  if (count <= 0) return 0;
  const World w = load_world(ctx, count);
  // The next batch is generated while this one is written; one generator at a time, so
  // the token cache needs no lock (future::get orders the accesses).
  TokenCache cache;
  const auto batch = [&](std::int64_t first) {
    return std::async(std::launch::async, make_batch, std::cref(w), std::ref(cache), seed, first,
                      std::min(kBatchSize, count - first));
  };
  cases::BulkLoader loader(ctx.db);
  std::int64_t done = 0;
  auto next = batch(0);
  while (done < count) {
    auto rows = next.get();
    const auto n = static_cast<std::int64_t>(rows.size());
    if (done + n < count) next = batch(done + n);
    loader.write(rows);
    done += n;
    if (progress) progress(done);
  }
  return done;
}

}  // namespace tongxin::demo
