// src/contact/contact.hpp
//
// Contact work (product.md §3 and §7, workflows.md §5): the "1158" method — each member tied
// to one grassroots unit, about ten key contacts, five channels, eight must-visit occasions
// (八必访) that create visit tasks — plus activities of every kind, studios' reception days
// with a monthly rota and an iCalendar feed, and leaders' contact points. Other modules use
// these functions, never the tables.
#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/context.hpp"
#include "core/storage/connection.hpp"

// Route registration is in contact/routes.hpp (the app wires it; nothing else needs it).
namespace tongxin::contact {

// A page of a list ordered by id: `next_after` is the id to continue after (a cursor), absent
// on the last page.
template <class T>
struct Page {
  std::vector<T> items;
  std::optional<std::int64_t> next_after;
};

// Something named by id (a member, a sector, a studio); name empty when it is unknown.
struct NamedRef {
  std::int64_t id = 0;
  std::string name;
};

// Grassroots units (基层单元): the compound, building, village, enterprise or campus a member
// is tied to.
struct GrassrootsUnit {
  std::int64_t id = 0;
  std::string name;
  std::string kind;  // compound | building | village | enterprise | campus
  std::string division_code;
  std::string address;
  std::int64_t members = 0;  // members tied to it
};
struct NewGrassrootsUnit {
  std::string name, kind, division_code, address;  // validated by the caller
};
// The live units of the principal's scope whose search key contains `q` (normalised; empty:
// all), after id `after`, at most `limit`.
Page<GrassrootsUnit> grassroots_units_in_scope(storage::Connection& c, const auth::Principal& p,
                                               const std::string& q, std::int64_t after, int limit);
// Stores a unit of the conference; audits.
GrassrootsUnit create_grassroots_unit(storage::Connection& c, const audit::Actor& actor,
                                      std::int64_t conference_id, const NewGrassrootsUnit& u,
                                      std::int64_t now_ms);
// Ties a member to a unit (one unit per member, replacing the previous); audits. Error 400
// naming unit_id for an unknown or archived unit. The caller checks who may.
void tie_member_to_unit(storage::Connection& c, const audit::Actor& actor, std::int64_t member_id,
                        std::int64_t unit_id, std::int64_t now_ms);

struct NewActivity {
  std::string kind = "visit";  // reception_day | visit | talk | briefing | training | reading |
                               // inspection | consultation | service | matchmaking | salon
  std::string channel;         // face_to_face | regular_work | online | service | innovative;
                               // empty: the kind's usual channel
  std::string held_on;         // YYYY-MM-DD (China date); empty: today
  std::string place;
  std::optional<std::int64_t> studio_id;
  std::vector<std::int64_t> member_ids;
  std::vector<std::int64_t> key_contact_ids;
  int reached_count = 0;
  std::string summary;
  std::int64_t conference_id = 0;
};

struct LoggedActivity {
  std::int64_t id = 0;
  int tasks_closed = 0;  // visit tasks this activity fulfilled
};

// Stores an activity with its members and key contacts, closes the open visit tasks it
// fulfils (a member of the activity visiting a key contact of the task), audits.
LoggedActivity log_activity(storage::Connection& c, const ServiceContext& ctx,
                            const audit::Actor& actor, const NewActivity& a, std::int64_t now_ms);

struct Activity {
  std::int64_t id = 0;
  std::string kind, channel, held_on, place;
  std::optional<std::int64_t> studio_id;
  std::int64_t reached_count = 0;
  std::string summary;
  std::vector<NamedRef> members;  // by id
};
// The live (not revoked) activities of the principal's scope, newest first, before id
// `before` (0: from the newest), at most `limit`; only those of member `member_id` and of
// studio `studio_id` when non-zero. Members' names come from one query for the page.
Page<Activity> activities_in_scope(storage::Connection& c, const auth::Principal& p,
                                   std::int64_t member_id, std::int64_t studio_id,
                                   std::int64_t before, int limit);

// The usual channel of an activity kind (visit → face_to_face, salon → innovative, …).
std::string default_channel(std::string_view kind);

struct NewTrigger {
  std::int64_t conference_id = 0;
  std::string occasion;  // speech | congress | policy | plenary | life_change | demand |
                         // difficulty | sector_day
  std::string title;
  std::string source = "event";  // event | contact_change | calendar
  std::vector<std::int64_t> sector_ids;
  std::optional<std::int64_t> key_contact_id;
  std::optional<std::int64_t> sector_date_id;
  std::string fired_on;  // YYYY-MM-DD
  int due_days = 15;     // workflows.md §5: due 15 days after the trigger
};

struct FiredTrigger {
  std::int64_t id = 0;
  int tasks = 0;
};

// Records the trigger and creates one visit task per (member, key contact) concerned: for
// an event, every live key contact of every member of the listed sectors; for a change on a
// key contact, that contact and its member. Members are notified.
FiredTrigger fire_trigger(storage::Connection& c, const ServiceContext& ctx,
                          const audit::Actor& actor, const NewTrigger& t, std::int64_t now_ms);

// A trigger with its progress.
struct VisitTrigger {
  std::int64_t id = 0;
  std::string occasion, title, source, fired_on, due_on;
  std::int64_t tasks = 0, done = 0;
};
// The latest 100 triggers of the principal's scope, newest first.
std::vector<VisitTrigger> visit_triggers_in_scope(storage::Connection& c, const auth::Principal& p);

struct VisitTask {
  std::int64_t id = 0;
  std::string due_on, status;  // status: open | done | cancelled
  bool overdue = false;        // open and due before today
  std::string title, occasion;
  std::int64_t key_contact_id = 0;
  std::string key_contact;  // the contact's masked name
  std::optional<std::int64_t> done_activity_id;
};
// A member's visit tasks (at most 200), open ones first then by due date: `status` empty for
// all but the cancelled ones, "overdue" for open ones due before `today`, else that status.
std::vector<VisitTask> visit_tasks_of_member(storage::Connection& c, std::int64_t member_id,
                                             const std::string& status, const std::string& today);

// Fires the sector days (solar or lunar) that fall on `today` and have not fired this year.
int fire_sector_days(storage::Connection& c, const ServiceContext& ctx,
                     std::chrono::year_month_day today, std::int64_t now_ms);

// Key contacts (界别群众联系人): about ten per member, the name and the phone sealed at rest
// and shown masked to everyone but the member who keeps them.
struct KeyContactChange {
  std::string kind;  // life_event | demand | difficulty
  std::string note;
  std::int64_t at = 0;
};
struct KeyContact {
  std::int64_t id = 0;
  std::int64_t conference_id = 0;
  std::int64_t member_id = 0;
  std::string name;   // masked unless `masked` is false
  std::string phone;  // likewise; empty when none
  std::string sector_label, work_unit, notes;
  bool masked = true;
  bool archived = false;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> open_tasks;  // set in lists
  std::vector<KeyContactChange> changes;   // set in the detail view, newest first
};
struct NewKeyContact {
  std::string name;                       // not empty, at most 30 characters
  std::optional<std::string> phone;       // a mainland mobile number; empty or absent: none
  std::string sector_label, work_unit;    // at most 30, 60
  std::string notes;                      // at most 500
  std::optional<std::int64_t> member_id;  // who keeps it; the caller resolves and checks it
};
// Seals and masks the name and the phone, stores the contact for `k.member_id` (REQUIRED:
// a known member) in the member's conference, audits. Error 400 for a bad phone or name.
// Returns the masked view.
KeyContact create_key_contact(storage::Connection& c, const ServiceContext& ctx,
                              const audit::Actor& actor, const NewKeyContact& k,
                              std::int64_t now_ms);
// The contact as `p` may see it — the member who keeps it, or staff whose scope holds its
// conference — masked. Error 404 when unknown or not visible.
KeyContact find_key_contact(storage::Connection& c, const ServiceContext& ctx,
                            const auth::Principal& p, std::int64_t id);
// The detail view: as find_key_contact for the actor's principal, with the changes; the
// member who keeps it sees the name and phone in clear, and that view is audited.
KeyContact open_key_contact(storage::Connection& c, const ServiceContext& ctx,
                            const audit::Actor& actor, std::int64_t id);
// A member's live (or archived) key contacts after id `after`, at most `limit`, masked, with
// their open visit tasks counted in one query for the page.
Page<KeyContact> key_contacts_of_member(storage::Connection& c, std::int64_t member_id,
                                        bool archived, std::int64_t after, int limit);
struct NewKeyContactChange {
  std::string kind;  // life_event | demand | difficulty
  std::string note;
};
// Records a change in a contact's life and fires the must-visit trigger it calls for (due in
// 7 days for a difficulty, else 15). Error 409 for an archived contact. The caller checks
// who may (find_key_contact).
FiredTrigger record_key_contact_change(storage::Connection& c, const ServiceContext& ctx,
                                       const audit::Actor& actor, std::int64_t id,
                                       const NewKeyContactChange& change, std::int64_t now_ms);

// Key contacts: edit, archive, restore. The caller checks who may (the member who keeps the
// contact, staff in scope); these validate, write and audit in the caller's transaction.
struct KeyContactEdit {
  std::optional<std::string> name;          // not empty, at most 30 characters
  std::optional<std::string> sector_label;  // at most 30
  std::optional<std::string> work_unit;     // at most 60
  std::optional<std::string> phone;         // a mainland mobile number; "" removes it
  std::optional<std::string> notes;         // at most 500
};
// Applies the fields given; the name and the phone are sealed and masked as on creation.
// Error 400 on a bad field or an empty edit, 404 for an unknown contact, 409 for an archived
// one. Returns the fields that changed; the audit row names them, never their values (no
// audit row when nothing changed).
std::vector<std::string> update_key_contact(storage::Connection& c, const ServiceContext& ctx,
                                            const audit::Actor& actor, std::int64_t id,
                                            const KeyContactEdit& edit, std::int64_t now_ms);
// Archives a key contact: it leaves the lists, no trigger gives it new visit tasks, and its
// open visit tasks are cancelled (status 'cancelled': neither done nor overdue). Error 404 for
// an unknown contact, 409 when already archived. Returns how many tasks were cancelled.
int archive_key_contact(storage::Connection& c, const audit::Actor& actor, std::int64_t id,
                        std::int64_t now_ms);
// Brings an archived key contact back; its cancelled tasks stay cancelled (later triggers
// reach it again). Error 404 for an unknown contact, 409 when it is not archived.
void restore_key_contact(storage::Connection& c, const audit::Actor& actor, std::int64_t id,
                         std::int64_t now_ms);

// The first day on or after `from` on which a sector day falls: `calendar` "solar" (month/day
// of the Gregorian calendar; 29 Feb only in leap years) or "lunar" (not a leap month; a 30th
// is skipped in years whose month has 29 days). nullopt when none within ten years.
std::optional<std::chrono::year_month_day> next_sector_day(std::string_view calendar, int month,
                                                           int day,
                                                           std::chrono::year_month_day from);
// A sector's day (界别节日): fires a must-visit trigger for its sectors each year.
struct SectorDate {
  std::int64_t id = 0;
  std::int64_t conference_id = 0;
  std::string title;
  std::string calendar;  // solar | lunar
  int month = 0, day = 0;
  std::vector<std::int64_t> sector_ids;
  std::vector<NamedRef> sectors;       // those of sector_ids that are known, in their order
  std::optional<std::string> next_on;  // YYYY-MM-DD; none when archived or never
  std::optional<std::int64_t> last_fired_year;
  bool archived = false;
  std::int64_t created_at = 0;
};
struct NewSectorDate {
  std::string title;
  std::vector<std::int64_t> sector_ids;
  std::string calendar = "solar";
  std::int64_t month = 0, day = 0;
};
// Validates (Error 400: a day that does not exist in its month — 29 Feb is allowed, a lunar
// month has up to 30 days; no sectors; a sector that is not a live one of the conference),
// stores and audits. `today` gives next_on.
SectorDate create_sector_date(storage::Connection& c, const audit::Actor& actor,
                              std::int64_t conference_id, const NewSectorDate& d,
                              std::chrono::year_month_day today, std::int64_t now_ms);
// The sector days of the principal's scope, live or archived, of one calendar (empty: both),
// after id `after`, at most `limit`.
Page<SectorDate> sector_dates_in_scope(storage::Connection& c, const auth::Principal& p,
                                       bool archived, const std::string& calendar,
                                       std::int64_t after, int limit,
                                       std::chrono::year_month_day today);
std::optional<SectorDate> find_sector_date(storage::Connection& c, std::int64_t id,
                                           std::chrono::year_month_day today);
// Archives a sector day: it no longer fires and leaves the list; the triggers it fired keep
// their reference. Error 404 for an unknown one, 409 when already archived.
void archive_sector_date(storage::Connection& c, const audit::Actor& actor, std::int64_t id,
                         std::int64_t now_ms);

// A studio's monthly rota: the n-th `weekday` (1 = Monday … 7 = Sunday) of each month.
struct Rota {
  int week_of_month = 1;
  int weekday = 3;
  std::string start_time = "09:00";
  std::string end_time = "11:30";
  std::string place;
  std::vector<std::int64_t> member_ids;
  bool skip_holidays = true;
};

// Stores (creates or replaces) a studio's rota; validates it (Error 400).
void save_rota(storage::Connection& c, std::int64_t studio_id, const Rota& rota,
               std::int64_t now_ms);
// Error 404 when the studio has none.
Rota get_rota(storage::Connection& c, std::int64_t studio_id);

// The rota's date in a month; when that day is not a working day and skip_holidays is set,
// the next working day.
std::chrono::year_month_day rota_date(const Rota& rota, std::chrono::year_month ym,
                                      const calendar::WorkCalendar& cal);

// Creates the reception days of the next `months` months from the studio's rota (existing
// ones are kept). Returns how many were created.
int generate_reception_days(storage::Connection& c, const ServiceContext& ctx,
                            std::int64_t studio_id, std::chrono::year_month from, int months,
                            std::int64_t now_ms);

// Records a scheduled reception day as held: an activity of kind reception_day at the
// studio, on the day's date and place, with the members on duty (or `fallback_member` when
// the day has none), then the day's status 'held'. The activity's conference is the
// studio's (`fallback_conference` when the studio is no longer live). Error 404 for an
// unknown day, 409 when it is not scheduled (held or cancelled); log_activity's errors (400)
// otherwise. The caller checks who may.
struct HeldReceptionDay {
  std::string summary;
  int reached_count = 0;
  std::vector<std::int64_t> key_contact_ids;
  std::optional<std::int64_t> fallback_member;
  std::int64_t fallback_conference = 0;  // when the studio is no longer live
};
LoggedActivity hold_reception_day(storage::Connection& c, const ServiceContext& ctx,
                                  const audit::Actor& actor, std::int64_t reception_day_id,
                                  const HeldReceptionDay& held, std::int64_t now_ms);

// The studio's scheduled reception days from `from` on, as an iCalendar (RFC 5545) text.
std::string reception_days_ics(storage::Connection& c, const ServiceContext& ctx,
                               std::int64_t studio_id, const std::string& from);

// Upcoming reception days of a studio for its public page.
boost::json::array upcoming_reception_days(storage::Connection& c, std::int64_t studio_id,
                                           const std::string& from, int limit = 6);

// Daily work: sector days, reminders for visit tasks and reception days, next months'
// reception days. Idempotent for the same day.
struct SweepReport {
  int sector_days = 0;
  int task_reminders = 0;
  int reception_reminders = 0;
  int reception_days_created = 0;
};
SweepReport sweep(storage::Database& db, const ServiceContext& ctx, std::int64_t now_ms);

// Leaders' contact points (领导包抓联系): a leader (a member) tied to one studio, one county
// conference below the leader's own and one township studio; visited once a quarter.
struct LeaderLink {
  std::int64_t leader_member_id = 0;
  std::int64_t studio_id = 0;
  std::int64_t county_conference_id = 0;
  std::int64_t township_studio_id = 0;
};
struct LeaderLinkSaved {
  std::int64_t id = 0;
  std::int64_t conference_id = 0;  // the leader's
};
// Creates or replaces the leader's link; audits. Error 400 naming the field for an unknown
// member, a studio that is not live, or a county conference that is not below the
// leader's conference. The caller checks that all of them are in its scope.
LeaderLinkSaved save_leader_link(storage::Connection& c, const audit::Actor& actor,
                                 const LeaderLink& link, std::int64_t now_ms);

// The leaders' links of the principal's scope with their visits in a quarter (1..4).
struct LeaderLinkVisits {
  std::int64_t id = 0;
  std::int64_t leader_member_id = 0;
  std::string leader;  // name
  std::optional<NamedRef> studio, county, township;
  std::int64_t studio_visits = 0, county_visits = 0, township_visits = 0;
};
std::vector<LeaderLinkVisits> leader_links_in_scope(storage::Connection& c,
                                                    const auth::Principal& p, int year,
                                                    int quarter);

// A member's activities in [from, to] (YYYY-MM-DD), for the duty record (records module).
struct MemberActivity {
  std::int64_t id = 0;
  std::string kind, channel, held_on, summary;
  int reached_count = 0;
  int participants = 0;  // members in the activity
  bool revoked = false;
};
std::vector<MemberActivity> activities_of_member(storage::Connection& c, std::int64_t member_id,
                                                 const std::string& from, const std::string& to);
struct VisitTaskCounts {
  int done = 0;
  int overdue = 0;
};
VisitTaskCounts visit_task_counts(storage::Connection& c, std::int64_t member_id,
                                  const std::string& from, const std::string& to,
                                  const std::string& today);

}  // namespace tongxin::contact
