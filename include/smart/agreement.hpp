// Long-term agreements (langtidsavtale, domain.md "Long-term agreements"): an organisation's
// agreement with the SMART centre, its agreement years (or half-yearly periods for the small
// form), the plan (defaults from the seed, every number a setting), what was recorded, and
// a report per agreement year as of a date with the met / unmet / pending / at-risk
// vocabulary of the certificates. docs/agreements.md states every rule.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "smart/cohort.hpp"
#include "smart/evaluation.hpp"
#include "smart/schedule.hpp"
#include "smart/text.hpp"

namespace smart {

inline constexpr std::string_view agreement_format = "smart.agreement/1";
inline constexpr std::string_view agreement_report_format = "smart.agreement_report/1";
inline constexpr std::string_view agreement_portfolio_format = "smart.agreement_portfolio/1";

/// What kind of organisation made the agreement.
enum class organisation_kind : std::uint8_t { school, kindergarten, after_school, other };
const char* to_string(organisation_kind k) noexcept;
organisation_kind parse_organisation_kind(std::string_view s);

/// full: agreement years with the whole plan; small: half-yearly periods with one or two
/// half-yearly meetings each (the seed's "one or two half-yearly meetings").
enum class agreement_form : std::uint8_t { full, small };
const char* to_string(agreement_form f) noexcept;
agreement_form parse_agreement_form(std::string_view s);

/// The plan items a report follows.
enum class plan_item : std::uint8_t {
    core_group,     ///< core-group meetings, per year
    staff,          ///< staff meetings, per year
    half_yearly,    ///< small form: meetings per half-yearly period
    planning_day,   ///< full planning days, over the whole period
    relasjon,       ///< SMART relasjon delivered, within its years
    conference,     ///< conference contributions, per year
    network,        ///< network gatherings, per year
    post,           ///< posts (social media, the centre's web page), per year
};
const char* to_string(plan_item k) noexcept;
plan_item parse_plan_item(std::string_view s);

/// Kinds of meeting records.
enum class meeting_kind : std::uint8_t { core_group, staff, half_yearly };
const char* to_string(meeting_kind k) noexcept;
meeting_kind parse_meeting_kind(std::string_view s);

/// Kinds of contribution records.
enum class contribution_kind : std::uint8_t { conference, network, post };
const char* to_string(contribution_kind k) noexcept;
contribution_kind parse_contribution_kind(std::string_view s);

/// Priced items.
enum class price_item : std::uint8_t { material_set, trainer_participant };
const char* to_string(price_item k) noexcept;
price_item parse_price_item(std::string_view s);

/// A price in whole NOK from a date on (until the next price of the item).
struct price {
    price_item item = price_item::material_set;
    date from;
    std::int64_t nok = 0;
    friend bool operator==(const price&, const price&) = default;
};
/// The core's default prices: 300 NOK per material set, 2000 NOK per trainer participant,
/// both from 1 January 1900.
std::vector<price> default_prices();

struct organisation {
    std::string name;
    smart::municipality municipality;
    organisation_kind kind = organisation_kind::school;
    friend bool operator==(const organisation&, const organisation&) = default;
};

struct extension {
    date on;          ///< when it was agreed (on or before the end of the period it extends)
    int years = 1;    ///< years appended
    friend bool operator==(const extension&, const extension&) = default;
};

/// A planned date for an item (optional; for calendars).
struct planned_date {
    plan_item kind = plan_item::core_group;
    date on;
    std::string label;  ///< free text, may be empty
    friend bool operator==(const planned_date&, const planned_date&) = default;
};

/// The plan. A per-year list gives years 1, 2, ...; years past its end use its last value.
struct agreement_plan {
    std::vector<int> core_group_min;  ///< minimum core-group meetings per year
    int core_group_max = 8;           ///< at most per year (0 = no maximum)
    std::vector<int> staff;           ///< staff meetings per year
    int half_yearly = 1;              ///< small form: meetings per half-yearly period (1 or 2)
    int planning_days = 1;            ///< full planning days over the period
    int trainer_seats = 6;            ///< seats on the trainer programme over the period
    std::vector<int> relasjon_years;  ///< the years SMART relasjon may be delivered in (once)
    std::vector<int> conference;      ///< conference contributions per year
    std::vector<int> network;         ///< network gatherings per year
    std::vector<int> posts;           ///< posts per year
    int max_per_month = 1;            ///< "still possible": at most this many of an item per month
    std::vector<planned_date> dates;  ///< planned dates (optional)
    friend bool operator==(const agreement_plan&, const agreement_plan&) = default;
};

/// The default plan for a form and number of years (docs/agreements.md): core group at
/// least 4 a year (2 in the last year of 2 or more), at most 8; staff 4 in year 1, 2 later;
/// one planning day; 6 trainer seats; SMART relasjon in year 2 or 3; one conference
/// contribution, one network gathering and one post a year. Small form: one half-yearly
/// meeting per period, nothing else.
agreement_plan default_plan(agreement_form form, int years);

struct meeting_record {
    meeting_kind kind = meeting_kind::core_group;
    date on;
    std::string who;  ///< free text (no personal data needed), may be empty
    int count = 0;    ///< how many took part, 0 = not recorded
    friend bool operator==(const meeting_record&, const meeting_record&) = default;
};
struct seat_record {
    std::string cohort;       ///< the trainer cohort's id
    std::string participant;  ///< the participant's id in that cohort
    date on;                  ///< when the seat was taken (its price applies)
    friend bool operator==(const seat_record&, const seat_record&) = default;
};
struct contribution_record {
    contribution_kind kind = contribution_kind::conference;
    date on;
    std::string note;
    friend bool operator==(const contribution_record&, const contribution_record&) = default;
};
struct material_record {
    int count = 0;
    date on;
    friend bool operator==(const material_record&, const material_record&) = default;
};

/// One agreement year (full form) or half-yearly period (small form).
struct agreement_period {
    int index = 1;  ///< 1-based
    date start;
    date end;       ///< inclusive
    friend bool operator==(const agreement_period&, const agreement_period&) = default;
};

/// A dated planned item, for calendars.
struct dated_item {
    plan_item kind = plan_item::core_group;
    date on;
    int period = 1;  ///< the agreement year (or half-year) it falls in
    std::string label;
};

/// A long-term agreement. Every change is validated the way the loader validates the
/// document (dates within the agreement period, seats within the plan, ...); errors carry
/// the JSON Pointer the member would have in the document.
class agreement {
public:
    agreement(std::string id, smart::organisation org, date start, int years, agreement_form form, int employees,
              std::optional<agreement_plan> plan = {}, std::vector<extension> extensions = {},
              std::vector<price> prices = {});

    const std::string& id() const noexcept { return id_; }
    const smart::organisation& organisation() const noexcept { return org_; }
    date start() const noexcept { return start_; }
    int base_years() const noexcept { return years_; }
    /// Years including extensions.
    int years() const noexcept;
    agreement_form form() const noexcept { return form_; }
    int employees() const noexcept { return employees_; }
    const agreement_plan& plan() const noexcept { return plan_; }
    bool plan_given() const noexcept { return plan_given_; }
    const std::vector<extension>& extensions() const noexcept { return extensions_; }
    /// The document's own prices (the defaults apply where it has none).
    const std::vector<price>& prices() const noexcept { return prices_; }
    /// The price of `item` valid on `on` (the document's, else the default).
    std::int64_t price_on(price_item item, date on) const;

    /// Agreement years (full) or half-yearly periods (small), extensions appended. An
    /// anniversary that does not exist in its month (29 February, 31st) is the 1st of the
    /// next month.
    std::vector<agreement_period> periods() const;
    date end() const;  ///< the last day of the last period

    /// Planned dated items with their period.
    std::vector<dated_item> planned_items() const;

    void add_extension(extension e);
    void add_meeting(meeting_record r);
    void add_planning_day(date d);
    void add_seat(seat_record r);
    void add_relasjon(date d);
    void add_contribution(contribution_record r);
    void add_material(material_record r);

    const std::vector<meeting_record>& meetings() const noexcept { return meetings_; }
    const std::vector<date>& planning_days() const noexcept { return planning_days_; }
    const std::vector<seat_record>& seats() const noexcept { return seats_; }
    const std::vector<date>& relasjon() const noexcept { return relasjon_; }
    const std::vector<contribution_record>& contributions() const noexcept { return contributions_; }
    const std::vector<material_record>& materials() const noexcept { return materials_; }

private:
    void check_in_period(date d, const std::string& pointer) const;
    void check_plan() const;

    std::string id_;
    smart::organisation org_;
    date start_;
    int years_ = 3;
    agreement_form form_ = agreement_form::full;
    int employees_ = 0;
    agreement_plan plan_;
    bool plan_given_ = false;
    std::vector<extension> extensions_;
    std::vector<price> prices_;
    std::vector<meeting_record> meetings_;
    std::vector<date> planning_days_;
    std::vector<seat_record> seats_;
    std::vector<date> relasjon_;
    std::vector<contribution_record> contributions_;
    std::vector<material_record> materials_;
};

/// Loads a smart.agreement/1 document, all or nothing; errors name the JSON Pointer.
agreement load_agreement(std::string_view json_text);
agreement load_agreement_file(const std::filesystem::path& file);
/// Adds one record given as JSON, read and validated as in the document: `list` is the
/// member of "records" ("meetings", "planning_days", "trainer_seats", "relasjon",
/// "contributions", "material_sets") or "extensions". Errors point at
/// /records/<list>/<its index>.
void add_agreement_record_json(agreement& a, std::string_view list, std::string_view json_text);

// --- reports ------------------------------------------------------------------------------

/// One plan item in one period (or over the whole agreement), as of a date.
struct item_status {
    plan_item item = plan_item::core_group;
    int period = 0;          ///< 1-based; 0 = over the whole agreement
    date from, until;        ///< the window the item is counted in
    int planned = 0;         ///< the minimum
    int max = 0;             ///< 0 = no maximum
    int held = 0;            ///< recorded on or before as-of within the window
    int missing = 0;         ///< max(0, planned - held)
    int possible = 0;        ///< still possible after as-of (docs/agreements.md)
    requirement_state state = requirement_state::pending;  ///< met / unmet / pending
    bool at_risk = false;    ///< pending and held + possible == planned: no slack left
};

/// A trainer seat with its participant's certificate status (when the cohort was given).
struct seat_status {
    seat_record seat;
    std::optional<overall_status> status;  ///< none: the cohort was not given
};

struct agreement_costs {
    std::int64_t material_sets = 0;        ///< sets bought on or before as-of
    std::int64_t material_nok = 0;
    std::int64_t trainer_participants = 0; ///< seats taken on or before as-of
    std::int64_t trainer_nok = 0;
    std::int64_t total_nok() const noexcept { return material_nok + trainer_nok; }
};

struct agreement_report {
    date as_of;
    std::vector<agreement_period> periods;
    int current_period = 0;  ///< the period as-of falls in; 0 before the start or after the end
    std::vector<item_status> items;  ///< per period in order, then the whole-agreement items
    std::vector<agreement_costs> period_costs;  ///< per period
    agreement_costs costs;   ///< the whole agreement
    int seats_planned = 0, seats_used = 0, seats_left = 0;
    std::vector<seat_status> seats;
    int trainees_evaluated = 0;  ///< seats whose cohort was given
    int trainees_eligible = 0;   ///< of them, eligible for the certificate as of the date
    std::size_t met = 0, unmet = 0, pending = 0, at_risk = 0;  ///< item counts
};

/// The report as of `as_of`. `trainer_cohorts` are evaluated as of the same date for the
/// seats linked to them; a seat naming a given cohort but a participant not in it is a
/// not_found error pointing at the seat. Cohorts not given leave their seats' status open.
agreement_report report(const agreement& a, date as_of, std::span<const cohort* const> trainer_cohorts = {});
/// The item's name for people ("Kjernegruppemøter", "Core-group meetings").
const char* label(plan_item k, lang l) noexcept;
/// Column headings of agreement reports by key ("organisation", "held", ...); throws
/// invalid_argument naming the keys for an unknown one.
const char* agreement_heading(std::string_view key, lang l);
/// One line for people explaining an item's status.
std::string explain(const item_status& s, lang l, agreement_form form);
/// The report as a smart.agreement_report/1 JSON document with explanations in `l`.
std::string report_to_json(const agreement& a, const agreement_report& r, lang l);
/// A trainer seat seen from the cohort: which agreement a participant's seat belongs to.
struct cohort_seat {
    std::string participant;  ///< the participant's id in the cohort
    std::string agreement;    ///< the agreement's id
    std::string organisation; ///< the organisation's name
    date on;                  ///< when the seat was taken
    friend bool operator==(const cohort_seat&, const cohort_seat&) = default;
};
/// The other way of the seat link (the report goes from an agreement to its trainees'
/// certificates): every seat of `agreements` in the trainer cohort `cohort_id`, ordered by
/// participant id, so a cohort's participant — and the certificate issued to them — can be
/// traced to the agreement that paid the seat. A participant holding seats in two
/// agreements appears twice.
std::vector<cohort_seat> seats_in_cohort(std::span<const agreement* const> agreements, std::string_view cohort_id);

/// All agreements as of a date: smart.agreement_portfolio/1 (one row each, and the reports).
std::string portfolio_to_json(std::span<const agreement* const> agreements, date as_of,
                              std::span<const cohort* const> trainer_cohorts, lang l);

}  // namespace smart
