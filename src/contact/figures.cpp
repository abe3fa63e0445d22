// src/contact/figures.cpp
//
// Activities count on the day they were held (held_on) unless revoked; a reception day
// held is its activity of kind reception_day (hold_reception_day logs one), so a day
// recorded from the rota and one logged directly count alike. Key contacts count when they
// were on a member's list at some time in the period; a contact visited, once however
// often, when it took part in an activity held in the period.
#include "contact/figures.hpp"

#include <string>

namespace tongxin::contact {

namespace {

// activities_conference (conference_id, held_on, id) answers this with a range seek.
std::string activity_filter(const figures::Filter& f) {
  std::string w = "a.conference_id IN (" + figures::id_list(f.conference_ids) +
                  ") AND a.held_on >= $1 AND a.held_on <= $2 AND a.revoked_at IS NULL";
  if (f.studio_id) w += " AND a.studio_id = " + std::to_string(*f.studio_id);
  if (f.member_ids) {
    w += " AND EXISTS (SELECT 1 FROM activity_members am WHERE am.activity_id = a.id AND"
         " am.member_id IN (" +
         figures::id_list(*f.member_ids) + "))";
  }
  return w;
}

figures::Query activities(const figures::Filter& f, const std::string& extra,
                          std::string amount = "") {
  return figures::Query{.from_where = "FROM activities a WHERE " + activity_filter(f) + extra,
                        .id_column = "a.id",
                        .row_columns = "a.place, a.held_on, a.kind, a.studio_id, NULL",
                        .kind = "activity",
                        .dates_in_ms = false,
                        .amount = std::move(amount)};
}

// Key contacts of the filter's members, and of the studio's members for a studio.
std::string keeper_clause(const figures::Filter& f) {
  std::string w = figures::member_clause(f, "k.member_id");
  if (f.studio_id) w += " AND k.member_id IN (" + figures::id_list(f.studio_member_ids) + ")";
  return w;
}

}  // namespace

std::optional<figures::Query> figure_query(std::string_view key, const figures::Filter& f) {
  if (key == "reception_days_held") return activities(f, " AND a.kind = 'reception_day'");
  if (key == "people_served") return activities(f, "", "a.reached_count");
  if (key == "things_done") return activities(f, " AND a.kind = 'service'");
  if (key == "contacts_visited") {
    // The row is the contact, masked; its date is none (it may have been visited often). For
    // a studio: the contacts visited in the studio's activities.
    return figures::Query{
        .from_where = "FROM key_contacts k WHERE k.conference_id IN (" +
                      figures::id_list(f.conference_ids) + ")" +
                      figures::member_clause(f, "k.member_id") +
                      " AND EXISTS (SELECT 1 FROM activity_contacts ac JOIN activities a ON a.id ="
                      " ac.activity_id WHERE ac.key_contact_id = k.id AND " +
                      activity_filter(f) + ")",
        .id_column = "k.id",
        .row_columns = "k.name_masked, NULL, k.sector_label, NULL, k.member_id",
        .kind = "key_contact",
        .dates_in_ms = false};
  }
  if (key == "key_contacts") {
    return figures::Query{
        .from_where =
            "FROM key_contacts k WHERE k.conference_id IN (" + figures::id_list(f.conference_ids) +
            ") AND k.created_at <= $2 AND (k.archived_at IS NULL OR k.archived_at >= $1)" +
            keeper_clause(f),
        .id_column = "k.id",
        .row_columns = "k.name_masked, k.created_at, k.sector_label, NULL, k.member_id",
        .kind = "key_contact"};
  }
  return std::nullopt;
}

}  // namespace tongxin::contact
