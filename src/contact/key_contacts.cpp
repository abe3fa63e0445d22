// src/contact/key_contacts.cpp
//
// A member's key contacts: creation and edits (the name and the phone sealed, and masked for
// everyone but the member who keeps them), the views each reader may have, changes in a
// contact's life that fire must-visit triggers, archiving — which cancels the contact's open
// visit tasks — and restoring.
#include <boost/json.hpp>
#include <tuple>

#include "contact/internal.hpp"
#include "core/crypto/field_crypto.hpp"
#include "core/error.hpp"
#include "core/json/fields.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::contact {

namespace json = boost::json;

namespace {

Error not_found() {
  return Error::not_found("key_contact.not_found", "联系人不存在", "not found");
}

void check_length(const std::string& field, const std::string& value, std::size_t max,
                  const std::string& label) {
  if (tongxin::json::utf8_length(value) > max) {
    throw Error::invalid_field(field, label + "不能超过" + std::to_string(max) + "字",
                               field + " must be at most " + std::to_string(max) + " characters");
  }
}

void check_name(const std::string& name) {
  if (name.empty()) throw Error::invalid_field("name", "请填写联系人姓名", "name is required");
  check_length("name", name, 30, "姓名");
}

// The normalised mobile number of `phone`; "" for none. Error 400 for anything else.
std::string normalised_phone(const std::string& phone) {
  if (phone.empty()) return "";
  const auto normal = crypto::normalize_mobile(phone);
  if (!normal) throw Error::invalid_field("phone", "请填写正确的手机号码", "not a mobile number");
  return *normal;
}

KeyContact masked_view(const StoredKeyContact& k) {
  KeyContact v;
  v.id = k.id;
  v.conference_id = k.conference_id;
  v.member_id = k.member_id;
  v.name = k.name_masked;
  v.phone = k.phone_masked;
  v.sector_label = k.sector_label;
  v.work_unit = k.work_unit;
  v.notes = k.notes;
  v.archived = k.archived;
  v.created_at = k.created_at;
  return v;
}

// The stored contact if `p` may see it: the member who keeps it, or staff in scope.
StoredKeyContact visible(storage::Connection& c, const auth::Principal& p, std::int64_t id) {
  const auto k = key_contact_store::find(c, id);
  if (!k) throw not_found();
  const bool own = p.member_id && *p.member_id == k->member_id;
  if (!own && !(p.has(auth::Role::staff) && organisation::in_scope(c, p, k->conference_id))) {
    throw not_found();
  }
  return *k;
}

}  // namespace

KeyContact create_key_contact(storage::Connection& c, const ServiceContext& ctx,
                              const audit::Actor& actor, const NewKeyContact& k,
                              std::int64_t now_ms) {
  check_name(k.name);
  check_length("sector_label", k.sector_label, 30, "界别");
  check_length("work_unit", k.work_unit, 60, "工作单位");
  check_length("notes", k.notes, 500, "备注");
  const auto phone = normalised_phone(k.phone.value_or(""));
  const auto member = k.member_id ? organisation::find_member(c, *k.member_id) : std::nullopt;
  if (!member) throw Error::invalid_field("member_id", "委员不存在", "unknown member");
  StoredKeyContact s;
  s.conference_id = member->conference_id;
  s.member_id = member->id;
  s.name_enc = ctx.crypto->seal(k.name);
  s.name_masked = crypto::mask_name(k.name);
  if (!phone.empty()) {
    s.phone_enc = ctx.crypto->seal(phone);
    s.phone_masked = crypto::mask_phone(phone);
  }
  s.sector_label = k.sector_label;
  s.work_unit = k.work_unit;
  s.notes = k.notes;
  s.created_at = now_ms;
  s.id = key_contact_store::insert(c, s, now_ms);
  audit::record(c, actor, {"key_contact.create", "key_contact", s.id, nullptr});
  return masked_view(s);
}

KeyContact find_key_contact(storage::Connection& c, const ServiceContext& ctx,
                            const auth::Principal& p, std::int64_t id) {
  (void)ctx;
  return masked_view(visible(c, p, id));
}

KeyContact open_key_contact(storage::Connection& c, const ServiceContext& ctx,
                            const audit::Actor& actor, std::int64_t id) {
  if (!actor.principal) throw not_found();
  const auto& p = *actor.principal;
  const auto k = visible(c, p, id);
  auto v = masked_view(k);
  // The member who keeps the contact sees the full details; the view is audited.
  if (p.member_id && *p.member_id == k.member_id) {
    audit::record(c, actor, {"key_contact.view", "key_contact", k.id, nullptr});
    v.masked = false;
    v.name = ctx.crypto->open(k.name_enc).value_or("");
    if (k.phone_enc) v.phone = ctx.crypto->open(*k.phone_enc).value_or("");
  }
  v.changes = key_contact_store::changes(c, k.id);
  return v;
}

Page<KeyContact> key_contacts_of_member(storage::Connection& c, std::int64_t member_id,
                                        bool archived, std::int64_t after, int limit) {
  auto rows = key_contact_store::of_member(c, member_id, archived, after, limit + 1);
  Page<KeyContact> page;
  if (rows.size() > static_cast<std::size_t>(limit)) {
    rows.resize(limit);
    page.next_after = rows.back().id;
  }
  std::vector<std::int64_t> ids;
  for (const auto& r : rows)
    ids.push_back(r.id);
  const auto open = key_contact_store::open_tasks(c, ids);
  for (const auto& r : rows) {
    auto v = masked_view(r);
    const auto it = open.find(r.id);
    v.open_tasks = it == open.end() ? 0 : it->second;
    page.items.push_back(std::move(v));
  }
  return page;
}

FiredTrigger record_key_contact_change(storage::Connection& c, const ServiceContext& ctx,
                                       const audit::Actor& actor, std::int64_t id,
                                       const NewKeyContactChange& change, std::int64_t now_ms) {
  const auto k = key_contact_store::find(c, id);
  if (!k) throw not_found();
  if (k->archived) {
    throw Error::conflict("key_contact.archived", "联系人已归档，请先恢复",
                          "the contact is archived; restore it first");
  }
  key_contact_store::insert_change(c, id, change, actor.user_id(), now_ms);
  NewTrigger t;
  t.conference_id = k->conference_id;
  t.occasion = change.kind == "life_event" ? "life_change" : change.kind;
  t.title = k->name_masked + "：" + change.note;
  t.source = "contact_change";
  t.key_contact_id = id;
  t.fired_on = today_of(now_ms);
  t.due_days = change.kind == "difficulty" ? 7 : 15;
  return fire_trigger(c, ctx, actor, t, now_ms);
}

std::vector<std::string> update_key_contact(storage::Connection& c, const ServiceContext& ctx,
                                            const audit::Actor& actor, std::int64_t id,
                                            const KeyContactEdit& edit, std::int64_t now_ms) {
  if (!edit.name && !edit.sector_label && !edit.work_unit && !edit.phone && !edit.notes) {
    throw Error::bad_request("key_contact.nothing_to_change", "请至少修改一项",
                             "nothing to change");
  }
  if (edit.name) check_name(*edit.name);
  if (edit.sector_label) check_length("sector_label", *edit.sector_label, 30, "界别");
  if (edit.work_unit) check_length("work_unit", *edit.work_unit, 60, "工作单位");
  if (edit.notes) check_length("notes", *edit.notes, 500, "备注");
  std::optional<std::string> phone;  // normalised; empty: remove
  if (edit.phone) phone = normalised_phone(*edit.phone);

  const auto k = key_contact_store::find(c, id);
  if (!k) throw not_found();
  if (k->archived) {
    throw Error::conflict("key_contact.archived", "联系人已归档，请先恢复再修改",
                          "the contact is archived; restore it first");
  }

  // Only what differs is written and named in the audit row.
  std::vector<std::string> changed;
  std::vector<std::pair<std::string, storage::Value>> columns;
  if (edit.name && ctx.crypto->open(k->name_enc).value_or("") != *edit.name) {
    columns.emplace_back("name_enc", ctx.crypto->seal(*edit.name));
    columns.emplace_back("name_masked", crypto::mask_name(*edit.name));
    changed.emplace_back("name");
  }
  for (const auto& [field, value, current] :
       {std::tuple{"sector_label", &edit.sector_label, &k->sector_label},
        std::tuple{"work_unit", &edit.work_unit, &k->work_unit},
        std::tuple{"notes", &edit.notes, &k->notes}}) {
    if (*value && *current != **value) {
      columns.emplace_back(field, **value);
      changed.emplace_back(field);
    }
  }
  if (phone) {
    const std::string current = k->phone_enc ? ctx.crypto->open(*k->phone_enc).value_or("") : "";
    if (current != *phone) {
      columns.emplace_back("phone_enc", phone->empty() ? storage::Value(storage::Null{})
                                                       : storage::Value(ctx.crypto->seal(*phone)));
      columns.emplace_back("phone_masked",
                           phone->empty() ? std::string() : crypto::mask_phone(*phone));
      changed.emplace_back("phone");
    }
  }
  if (changed.empty()) return changed;
  key_contact_store::update(c, id, columns, now_ms);
  json::array fields;
  for (const auto& f : changed)
    fields.emplace_back(f);
  audit::record(c, actor,
                {"key_contact.update", "key_contact", id, json::object{{"fields", fields}}});
  return changed;
}

int archive_key_contact(storage::Connection& c, const audit::Actor& actor, std::int64_t id,
                        std::int64_t now_ms) {
  if (!key_contact_store::set_archived(c, id, true, now_ms)) {
    if (!key_contact_store::exists(c, id)) throw not_found();
    throw Error::conflict("key_contact.archived", "联系人已归档", "already archived");
  }
  const auto cancelled = key_contact_store::cancel_open_tasks(c, id, now_ms);
  audit::record(
      c, actor,
      {"key_contact.archive", "key_contact", id, json::object{{"tasks_cancelled", cancelled}}});
  return cancelled;
}

void restore_key_contact(storage::Connection& c, const audit::Actor& actor, std::int64_t id,
                         std::int64_t now_ms) {
  if (!key_contact_store::set_archived(c, id, false, now_ms)) {
    if (!key_contact_store::exists(c, id)) throw not_found();
    throw Error::conflict("key_contact.not_archived", "联系人未归档", "not archived");
  }
  audit::record(c, actor, {"key_contact.restore", "key_contact", id, nullptr});
}

}  // namespace tongxin::contact
