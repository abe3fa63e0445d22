// src/contact/key_contacts.cpp
//
// A member's key contacts after creation: edits (the name and the phone sealed and masked
// again), archiving — which cancels the contact's open visit tasks — and restoring.
#include <boost/json.hpp>

#include "contact/contact.hpp"
#include "core/crypto/field_crypto.hpp"
#include "core/error.hpp"
#include "core/json/fields.hpp"

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

}  // namespace

std::vector<std::string> update_key_contact(storage::Connection& c, const ServiceContext& ctx,
                                            const audit::Actor& actor, std::int64_t id,
                                            const KeyContactEdit& edit, std::int64_t now_ms) {
  if (!edit.name && !edit.sector_label && !edit.work_unit && !edit.phone && !edit.notes) {
    throw Error::bad_request("key_contact.nothing_to_change", "请至少修改一项",
                             "nothing to change");
  }
  if (edit.name) {
    if (edit.name->empty())
      throw Error::invalid_field("name", "请填写联系人姓名", "name is required");
    check_length("name", *edit.name, 30, "姓名");
  }
  if (edit.sector_label) check_length("sector_label", *edit.sector_label, 30, "界别");
  if (edit.work_unit) check_length("work_unit", *edit.work_unit, 60, "工作单位");
  if (edit.notes) check_length("notes", *edit.notes, 500, "备注");
  std::optional<std::string> phone;  // normalised; empty: remove
  if (edit.phone) {
    phone = "";
    if (!edit.phone->empty()) {
      phone = crypto::normalize_mobile(*edit.phone);
      if (!phone)
        throw Error::invalid_field("phone", "请填写正确的手机号码", "not a mobile number");
    }
  }

  const auto rows = c.q("SELECT * FROM key_contacts WHERE id = $1", id);
  if (rows.empty()) throw not_found();
  const auto r = rows.front();
  if (!r.is_null("archived_at")) {
    throw Error::conflict("key_contact.archived", "联系人已归档，请先恢复再修改",
                          "the contact is archived; restore it first");
  }

  // Only what differs is written and named in the audit row.
  std::vector<std::string> changed;
  std::string sets;
  std::vector<storage::Value> params{now_ms};
  const auto set = [&](const std::string& column, storage::Value v) {
    params.push_back(std::move(v));
    sets += ", " + column + " = $" + std::to_string(params.size());
  };
  if (edit.name && ctx.crypto->open(r.text("name_enc")).value_or("") != *edit.name) {
    set("name_enc", ctx.crypto->seal(*edit.name));
    set("name_masked", crypto::mask_name(*edit.name));
    changed.emplace_back("name");
  }
  for (const auto& [field, value] :
       {std::pair{"sector_label", &edit.sector_label}, std::pair{"work_unit", &edit.work_unit},
        std::pair{"notes", &edit.notes}}) {
    if (*value && r.text(field) != **value) {
      set(field, **value);
      changed.emplace_back(field);
    }
  }
  if (phone) {
    const std::string current =
        r.is_null("phone_enc") ? "" : ctx.crypto->open(r.text("phone_enc")).value_or("");
    if (current != *phone) {
      set("phone_enc", phone->empty() ? storage::Value(storage::Null{})
                                      : storage::Value(ctx.crypto->seal(*phone)));
      set("phone_masked", phone->empty() ? std::string() : crypto::mask_phone(*phone));
      changed.emplace_back("phone");
    }
  }
  if (changed.empty()) return changed;
  params.push_back(id);
  c.execute("UPDATE key_contacts SET updated_at = $1" + sets + " WHERE id = $" +
                std::to_string(params.size()),
            params);
  json::array fields;
  for (const auto& f : changed)
    fields.emplace_back(f);
  audit::record(c, actor,
                {"key_contact.update", "key_contact", id, json::object{{"fields", fields}}});
  return changed;
}

int archive_key_contact(storage::Connection& c, const audit::Actor& actor, std::int64_t id,
                        std::int64_t now_ms) {
  if (c.x("UPDATE key_contacts SET archived_at = $2, updated_at = $2 WHERE id = $1 AND"
          " archived_at IS NULL",
          id, now_ms) == 0) {
    if (c.q("SELECT 1 FROM key_contacts WHERE id = $1", id).empty()) throw not_found();
    throw Error::conflict("key_contact.archived", "联系人已归档", "already archived");
  }
  const auto cancelled =
      static_cast<int>(c.x("UPDATE visit_tasks SET status = 'cancelled', cancelled_at = $2 WHERE"
                           " key_contact_id = $1 AND status = 'open'",
                           id, now_ms));
  audit::record(
      c, actor,
      {"key_contact.archive", "key_contact", id, json::object{{"tasks_cancelled", cancelled}}});
  return cancelled;
}

void restore_key_contact(storage::Connection& c, const audit::Actor& actor, std::int64_t id,
                         std::int64_t now_ms) {
  if (c.x("UPDATE key_contacts SET archived_at = NULL, updated_at = $2 WHERE id = $1 AND"
          " archived_at IS NOT NULL",
          id, now_ms) == 0) {
    if (c.q("SELECT 1 FROM key_contacts WHERE id = $1", id).empty()) throw not_found();
    throw Error::conflict("key_contact.not_archived", "联系人未归档", "not archived");
  }
  audit::record(c, actor, {"key_contact.restore", "key_contact", id, nullptr});
}

}  // namespace tongxin::contact
