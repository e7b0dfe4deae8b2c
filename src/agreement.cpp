// Long-term agreements: the model, agreement years, the default plan and the report as of a
// date (docs/agreements.md).
#include "smart/agreement.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "smart/error.hpp"
#include "smart/limits.hpp"
#include "wording.hpp"

namespace smart {

namespace {

template <class E, std::size_t N>
E parse_name(std::string_view s, const std::array<const char*, N>& names, const char* what) {
    for (std::size_t i = 0; i < N; ++i)
        if (s == names[i]) return static_cast<E>(i);
    std::string expected;
    for (std::size_t i = 0; i < N; ++i) expected += (i ? ", " : "") + std::string("\"") + names[i] + "\"";
    throw error(errc::invalid_argument, "unknown " + std::string(what) + " \"" + std::string(s) + "\": expected one of " + expected);
}

constexpr std::array<const char*, 4> organisation_kinds{"school", "kindergarten", "after_school", "other"};
constexpr std::array<const char*, 2> forms{"full", "small"};
constexpr std::array<const char*, 8> plan_items{"core_group", "staff",      "half_yearly", "planning_day",
                                                "relasjon",   "conference", "network",     "post"};
constexpr std::array<const char*, 3> meeting_kinds{"core_group", "staff", "half_yearly"};
constexpr std::array<const char*, 3> contribution_kinds{"conference", "network", "post"};
constexpr std::array<const char*, 2> price_items{"material_set", "trainer_participant"};

[[noreturn]] void invalid(const std::string& pointer, const std::string& message) {
    throw error(errc::validation_error, message, pointer);
}

/// The day `months` months after `start`; a day that does not exist in the target month
/// (29 February in a common year, the 31st of a 30-day month) becomes the 1st of the next.
date shifted(date start, int months) {
    const auto ymd = start.year_month_day();
    const int total = static_cast<int>(ymd.year) * 12 + (static_cast<int>(ymd.month) - 1) + months;
    const int y = total / 12, m = total % 12 + 1;
    const int last = boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y),
                                                                            static_cast<unsigned short>(m));
    if (static_cast<int>(ymd.day) > last) {
        const int ny = m == 12 ? y + 1 : y, nm = m == 12 ? 1 : m + 1;
        return date(static_cast<unsigned short>(ny), static_cast<unsigned short>(nm), 1);
    }
    return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), ymd.day);
}

int value_for(const std::vector<int>& per_year, int year) {
    if (per_year.empty()) return 0;
    const std::size_t i = static_cast<std::size_t>(year - 1);
    return i < per_year.size() ? per_year[i] : per_year.back();
}

}  // namespace

const char* to_string(organisation_kind k) noexcept { return organisation_kinds[static_cast<std::size_t>(k)]; }
organisation_kind parse_organisation_kind(std::string_view s) {
    return parse_name<organisation_kind>(s, organisation_kinds, "organisation kind");
}
const char* to_string(agreement_form f) noexcept { return forms[static_cast<std::size_t>(f)]; }
agreement_form parse_agreement_form(std::string_view s) { return parse_name<agreement_form>(s, forms, "agreement form"); }
const char* to_string(plan_item k) noexcept { return plan_items[static_cast<std::size_t>(k)]; }
plan_item parse_plan_item(std::string_view s) { return parse_name<plan_item>(s, plan_items, "plan item"); }
const char* to_string(meeting_kind k) noexcept { return meeting_kinds[static_cast<std::size_t>(k)]; }
meeting_kind parse_meeting_kind(std::string_view s) { return parse_name<meeting_kind>(s, meeting_kinds, "meeting kind"); }
const char* to_string(contribution_kind k) noexcept { return contribution_kinds[static_cast<std::size_t>(k)]; }
contribution_kind parse_contribution_kind(std::string_view s) {
    return parse_name<contribution_kind>(s, contribution_kinds, "contribution kind");
}
const char* to_string(price_item k) noexcept { return price_items[static_cast<std::size_t>(k)]; }
price_item parse_price_item(std::string_view s) { return parse_name<price_item>(s, price_items, "price item"); }

std::vector<price> default_prices() {
    const date from(1900, 1, 1);
    return {price{price_item::material_set, from, 300}, price{price_item::trainer_participant, from, 2000}};
}

agreement_plan default_plan(agreement_form form, int years) {
    agreement_plan p;
    if (form == agreement_form::small) {
        p.core_group_max = 0;
        p.planning_days = 0;
        p.trainer_seats = 0;
        return p;
    }
    for (int y = 1; y <= years; ++y) p.core_group_min.push_back(y == years && years >= 2 ? 2 : 4);
    p.staff = {4, 2};
    for (int y = 2; y <= std::min(3, years); ++y) p.relasjon_years.push_back(y);
    p.conference = {1};
    p.network = {1};
    p.posts = {1};
    return p;
}

// --- the agreement ------------------------------------------------------------------------

agreement::agreement(std::string id, smart::organisation org, date start, int years, agreement_form form, int employees,
                     std::optional<agreement_plan> plan, std::vector<extension> extensions, std::vector<price> prices)
    : id_(std::move(id)), org_(std::move(org)), start_(start), years_(years), form_(form), employees_(employees),
      prices_(std::move(prices)) {
    if (id_.empty()) invalid("/id", "the agreement id is empty: give a non-empty id");
    if (org_.name.empty()) invalid("/organisation/name", "the organisation's name is empty");
    const auto& num = org_.municipality.number;
    if (num.size() != 4 || !std::all_of(num.begin(), num.end(), [](char c) { return c >= '0' && c <= '9'; }))
        invalid("/organisation/municipality/number",
                "municipality number \"" + num + "\" is not four digits (Statistics Norway's number, e.g. \"3905\")");
    if (org_.municipality.name.empty()) invalid("/organisation/municipality/name", "the municipality's name is empty");
    if (start_.is_special()) invalid("/start", "the start is not a date");
    if (years_ < 1 || years_ > 20) invalid("/years", "years must be 1 to 20, got " + std::to_string(years_));
    if (static_cast<int>(start_.year()) + years_ > limits::last_year)
        invalid("/years", "an agreement of " + std::to_string(years_) + " years from " + to_iso(start_) +
                              " ends after the last date the library handles (" + std::to_string(limits::last_year) + "-12-31)");
    if (employees_ < 0 || employees_ > 100000)
        invalid("/employees", "employees must be 0 to 100000, got " + std::to_string(employees_));
    for (std::size_t i = 0; i < prices_.size(); ++i) {
        const std::string p = "/prices/" + std::to_string(i);
        if (prices_[i].nok < 0 || prices_[i].nok > 1000000) invalid(p + "/nok", "a price must be 0 to 1000000 NOK");
        for (std::size_t k = 0; k < i; ++k)
            if (prices_[k].item == prices_[i].item && prices_[k].from == prices_[i].from)
                invalid(p, std::string("a second price of ") + to_string(prices_[i].item) + " from " + to_iso(prices_[i].from) +
                               ": give one price per item and date");
    }
    for (auto& e : extensions) add_extension(e);  // errors point at /extensions/<i>
    if (plan) {
        plan_ = std::move(*plan);
        plan_given_ = true;
    } else {
        plan_ = default_plan(form_, this->years());
    }
    check_plan();
}

int agreement::years() const noexcept {
    int y = years_;
    for (const auto& e : extensions_) y += e.years;
    return y;
}

std::vector<agreement_period> agreement::periods() const {
    const int step = form_ == agreement_form::small ? 6 : 12;
    const int n = form_ == agreement_form::small ? 2 * years() : years();
    std::vector<agreement_period> out;
    out.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        out.push_back({i + 1, shifted(start_, i * step), shifted(start_, (i + 1) * step) - boost::gregorian::days(1)});
    return out;
}

date agreement::end() const { return shifted(start_, (form_ == agreement_form::small ? 6 : 12) * (form_ == agreement_form::small ? 2 * years() : years())) - boost::gregorian::days(1); }

std::int64_t agreement::price_on(price_item item, date on) const {
    const price* best = nullptr;
    static const std::vector<price> defaults = default_prices();
    for (const auto* list : {&defaults, &prices_})
        for (const auto& p : *list)
            if (p.item == item && p.from <= on && (!best || p.from >= best->from)) best = &p;
    return best ? best->nok : 0;
}

void agreement::check_in_period(date d, const std::string& pointer) const {
    if (d < start_ || d > end())
        invalid(pointer, to_iso(d) + " is outside the agreement period " + to_iso(start_) + " to " + to_iso(end()));
}

void agreement::check_plan() const {
    const auto check_list = [&](const std::vector<int>& v, const char* name, int hi) {
        for (std::size_t i = 0; i < v.size(); ++i)
            if (v[i] < 0 || v[i] > hi)
                invalid(std::string("/plan/") + name + "/" + std::to_string(i),
                        std::string(name) + " must be 0 to " + std::to_string(hi) + ", got " + std::to_string(v[i]));
    };
    check_list(plan_.core_group_min, "core_group_min", 52);
    check_list(plan_.staff, "staff", 52);
    check_list(plan_.conference, "conference", 52);
    check_list(plan_.network, "network", 52);
    check_list(plan_.posts, "posts", 365);
    if (plan_.core_group_max < 0 || plan_.core_group_max > 52) invalid("/plan/core_group_max", "core_group_max must be 0 to 52");
    if (plan_.core_group_max > 0)
        for (std::size_t i = 0; i < plan_.core_group_min.size(); ++i)
            if (plan_.core_group_min[i] > plan_.core_group_max)
                invalid("/plan/core_group_min/" + std::to_string(i),
                        "the minimum " + std::to_string(plan_.core_group_min[i]) + " is above core_group_max " +
                            std::to_string(plan_.core_group_max));
    if (form_ == agreement_form::small && (plan_.half_yearly < 1 || plan_.half_yearly > 2))
        invalid("/plan/half_yearly", "the small form has one or two half-yearly meetings, got " + std::to_string(plan_.half_yearly));
    if (plan_.planning_days < 0 || plan_.planning_days > 20) invalid("/plan/planning_days", "planning_days must be 0 to 20");
    if (plan_.trainer_seats < 0 || plan_.trainer_seats > 100) invalid("/plan/trainer_seats", "trainer_seats must be 0 to 100");
    if (static_cast<int>(seats_.size()) > plan_.trainer_seats)
        invalid("/plan/trainer_seats", "fewer seats than the " + std::to_string(seats_.size()) + " already taken");
    for (std::size_t i = 0; i < plan_.relasjon_years.size(); ++i) {
        const int y = plan_.relasjon_years[i];
        if (y < 1 || y > years())
            invalid("/plan/relasjon_years/" + std::to_string(i),
                    "agreement year " + std::to_string(y) + " does not exist: the agreement has " + std::to_string(years()) + " years");
    }
    if (plan_.max_per_month < 1 || plan_.max_per_month > 31) invalid("/plan/max_per_month", "max_per_month must be 1 to 31");
    for (std::size_t i = 0; i < plan_.dates.size(); ++i)
        check_in_period(plan_.dates[i].on, "/plan/dates/" + std::to_string(i) + "/date");
}

void agreement::add_extension(extension e) {
    const std::string p = "/extensions/" + std::to_string(extensions_.size());
    if (e.years < 1 || e.years > 20) invalid(p + "/years", "an extension is 1 to 20 years, got " + std::to_string(e.years));
    if (static_cast<int>(start_.year()) + years() + e.years > limits::last_year)
        invalid(p + "/years", "the extended agreement ends after the last date the library handles (" +
                                  std::to_string(limits::last_year) + "-12-31)");
    if (e.on.is_special() || e.on < start_ || e.on > end())
        invalid(p + "/date", "an extension is agreed within the period it extends (" + to_iso(start_) + " to " +
                                 to_iso(end()) + "), not on " + (e.on.is_special() ? std::string("?") : to_iso(e.on)));
    extensions_.push_back(e);
    if (!plan_given_) {  // a default plan follows the years
        auto dates = std::move(plan_.dates);
        plan_ = default_plan(form_, years());
        plan_.dates = std::move(dates);
    }
}

void agreement::add_meeting(meeting_record r) {
    const std::string p = "/records/meetings/" + std::to_string(meetings_.size());
    if ((form_ == agreement_form::small) != (r.kind == meeting_kind::half_yearly))
        invalid(p + "/kind", form_ == agreement_form::small
                                 ? "the small form records half_yearly meetings, not " + std::string(to_string(r.kind))
                                 : "half_yearly meetings belong to the small form: record core_group or staff");
    if (r.count < 0 || r.count > 100000) invalid(p + "/who", "a count of people must be 0 to 100000");
    check_in_period(r.on, p + "/date");
    meetings_.push_back(std::move(r));
}

void agreement::add_planning_day(date d) {
    check_in_period(d, "/records/planning_days/" + std::to_string(planning_days_.size()));
    planning_days_.push_back(d);
}

void agreement::add_seat(seat_record r) {
    const std::string p = "/records/trainer_seats/" + std::to_string(seats_.size());
    if (r.cohort.empty()) invalid(p + "/cohort", "the trainer cohort's id is empty");
    if (r.participant.empty()) invalid(p + "/participant", "the participant id is empty");
    check_in_period(r.on, p + "/date");
    if (static_cast<int>(seats_.size()) >= plan_.trainer_seats)
        invalid(p, "seat " + std::to_string(seats_.size() + 1) + " is one too many: the plan has " +
                       std::to_string(plan_.trainer_seats) + " trainer seats");
    for (const auto& s : seats_)
        if (s.cohort == r.cohort && s.participant == r.participant)
            invalid(p + "/participant", "participant " + r.participant + " of cohort " + r.cohort + " already has a seat");
    seats_.push_back(std::move(r));
}

void agreement::add_relasjon(date d) {
    check_in_period(d, "/records/relasjon/" + std::to_string(relasjon_.size()));
    relasjon_.push_back(d);
}

void agreement::add_contribution(contribution_record r) {
    check_in_period(r.on, "/records/contributions/" + std::to_string(contributions_.size()) + "/date");
    contributions_.push_back(std::move(r));
}

void agreement::add_material(material_record r) {
    const std::string p = "/records/material_sets/" + std::to_string(materials_.size());
    if (r.count < 1 || r.count > 100000) invalid(p + "/count", "a purchase is 1 to 100000 sets, got " + std::to_string(r.count));
    check_in_period(r.on, p + "/date");
    materials_.push_back(r);
}

std::vector<dated_item> agreement::planned_items() const {
    const auto ps = periods();
    std::vector<dated_item> out;
    for (const auto& d : plan_.dates) {
        int period = 0;
        for (const auto& p : ps)
            if (d.on >= p.start && d.on <= p.end) period = p.index;
        out.push_back({d.kind, d.on, period, d.label});
    }
    std::stable_sort(out.begin(), out.end(), [](const dated_item& a, const dated_item& b) { return a.on < b.on; });
    return out;
}

// --- the report ---------------------------------------------------------------------------

namespace {

/// "Still possible" (docs/agreements.md): at most max_per_month of an item in each calendar
/// month with a day in (as_of, until] within the window, less those already held in
/// as-of's month; capped by the item's maximum.
int still_possible(date from, date until, date as_of, int per_month, const std::vector<date>& held_dates, int held, int max) {
    if (as_of >= until) return 0;
    date first = std::max(from, as_of + boost::gregorian::days(1));
    int possible = 0;
    const auto month_no = [](date d) { return static_cast<int>(d.year()) * 12 + static_cast<int>(d.month()) - 1; };
    const int as_of_month = month_no(as_of);
    for (int m = month_no(first); m <= month_no(until); ++m) {
        int in_month = per_month;
        if (as_of >= from && m == as_of_month)
            for (const date d : held_dates)
                if (month_no(d) == m) --in_month;
        possible += std::max(0, in_month);
    }
    if (max > 0) possible = std::min(possible, std::max(0, max - held));
    return possible;
}

item_status evaluate_item(plan_item kind, int period, date from, date until, int planned, int max,
                          const std::vector<date>& dates, date as_of, int per_month) {
    item_status s;
    s.item = kind;
    s.period = period;
    s.from = from;
    s.until = until;
    s.planned = planned;
    s.max = max;
    std::vector<date> held;
    for (const date d : dates)
        if (d >= from && d <= until && d <= as_of) held.push_back(d);
    s.held = static_cast<int>(held.size());
    s.missing = std::max(0, planned - s.held);
    s.possible = still_possible(from, until, as_of, per_month, held, s.held, max);
    if (s.held >= planned)
        s.state = requirement_state::met;
    else if (s.held + s.possible < planned)
        s.state = requirement_state::unmet;
    else {
        s.state = requirement_state::pending;
        s.at_risk = s.held + s.possible == planned;
    }
    return s;
}

}  // namespace

agreement_report report(const agreement& a, date as_of, std::span<const cohort* const> trainer_cohorts) {
    if (as_of.is_special()) throw error(errc::invalid_argument, "report: the as-of date is not a date");
    agreement_report r;
    r.as_of = as_of;
    r.periods = a.periods();
    const auto& plan = a.plan();
    const int per_month = plan.max_per_month;
    for (const auto& p : r.periods)
        if (as_of >= p.start && as_of <= p.end) r.current_period = p.index;

    std::map<int, std::vector<date>> meetings_by_kind;
    for (const auto& m : a.meetings()) meetings_by_kind[static_cast<int>(m.kind)].push_back(m.on);
    std::map<int, std::vector<date>> contributions_by_kind;
    for (const auto& c : a.contributions()) contributions_by_kind[static_cast<int>(c.kind)].push_back(c.on);

    for (const auto& p : r.periods) {
        const auto add = [&](plan_item kind, int planned, int max, const std::vector<date>& dates) {
            if (planned > 0) r.items.push_back(evaluate_item(kind, p.index, p.start, p.end, planned, max, dates, as_of, per_month));
        };
        if (a.form() == agreement_form::small) {
            add(plan_item::half_yearly, plan.half_yearly, 0, meetings_by_kind[static_cast<int>(meeting_kind::half_yearly)]);
        } else {
            add(plan_item::core_group, value_for(plan.core_group_min, p.index), plan.core_group_max,
                meetings_by_kind[static_cast<int>(meeting_kind::core_group)]);
            add(plan_item::staff, value_for(plan.staff, p.index), 0, meetings_by_kind[static_cast<int>(meeting_kind::staff)]);
            add(plan_item::conference, value_for(plan.conference, p.index), 0,
                contributions_by_kind[static_cast<int>(contribution_kind::conference)]);
            add(plan_item::network, value_for(plan.network, p.index), 0,
                contributions_by_kind[static_cast<int>(contribution_kind::network)]);
            add(plan_item::post, value_for(plan.posts, p.index), 0, contributions_by_kind[static_cast<int>(contribution_kind::post)]);
        }
        agreement_costs c;
        for (const auto& m : a.materials())
            if (m.on >= p.start && m.on <= p.end && m.on <= as_of) {
                c.material_sets += m.count;
                c.material_nok += m.count * a.price_on(price_item::material_set, m.on);
            }
        for (const auto& s : a.seats())
            if (s.on >= p.start && s.on <= p.end && s.on <= as_of) {
                c.trainer_participants += 1;
                c.trainer_nok += a.price_on(price_item::trainer_participant, s.on);
            }
        r.costs.material_sets += c.material_sets;
        r.costs.material_nok += c.material_nok;
        r.costs.trainer_participants += c.trainer_participants;
        r.costs.trainer_nok += c.trainer_nok;
        r.period_costs.push_back(c);
    }
    // whole-agreement items
    if (plan.planning_days > 0)
        r.items.push_back(evaluate_item(plan_item::planning_day, 0, a.start(), a.end(), plan.planning_days, 0,
                                        a.planning_days(), as_of, per_month));
    if (!plan.relasjon_years.empty() && a.form() == agreement_form::full) {
        const auto [lo, hi] = std::minmax_element(plan.relasjon_years.begin(), plan.relasjon_years.end());
        const auto& first = r.periods[static_cast<std::size_t>(*lo - 1)];
        const auto& last = r.periods[static_cast<std::size_t>(*hi - 1)];
        r.items.push_back(evaluate_item(plan_item::relasjon, 0, first.start, last.end, 1, 0, a.relasjon(), as_of, per_month));
    }
    for (const auto& s : r.items) {
        if (s.state == requirement_state::met) ++r.met;
        else if (s.state == requirement_state::unmet) ++r.unmet;
        else ++r.pending;
        if (s.at_risk) ++r.at_risk;
    }

    // seats and the trainees' certificates
    r.seats_planned = plan.trainer_seats;
    std::map<std::string, std::pair<const cohort*, std::optional<evaluation>>> cohorts;
    for (const cohort* c : trainer_cohorts) {
        if (!c) throw error(errc::invalid_argument, "report: a trainer cohort is null");
        cohorts.try_emplace(c->id(), c, std::nullopt);
    }
    for (std::size_t i = 0; i < a.seats().size(); ++i) {
        const auto& s = a.seats()[i];
        if (s.on > as_of) continue;
        ++r.seats_used;
        seat_status st{s, std::nullopt};
        if (auto it = cohorts.find(s.cohort); it != cohorts.end()) {
            auto& [c, ev] = it->second;
            std::size_t idx = 0;
            try {
                idx = c->index_of(s.participant);
            } catch (const error&) {
                throw error(errc::not_found,
                            "participant " + s.participant + " is not in trainer cohort " + s.cohort,
                            "/records/trainer_seats/" + std::to_string(i) + "/participant");
            }
            if (!ev) ev.emplace(evaluate(*c, as_of));
            st.status = ev->result(idx).status;
            ++r.trainees_evaluated;
            if (*st.status == overall_status::eligible) ++r.trainees_eligible;
        }
        r.seats.push_back(std::move(st));
    }
    r.seats_left = std::max(0, r.seats_planned - r.seats_used);
    return r;
}

// --- wording --------------------------------------------------------------------------------

namespace {

}  // namespace

const char* label(plan_item k, lang l) noexcept {
    using detail::t;
    switch (k) {
        case plan_item::core_group: return t(l, "Kjernegruppemøter", "Kjernegruppemøte", "Core-group meetings");
        case plan_item::staff: return t(l, "Personalmøter", "Personalmøte", "Staff meetings");
        case plan_item::half_yearly: return t(l, "Halvårlige møtepunkter", "Halvårlege møtepunkt", "Half-yearly meetings");
        case plan_item::planning_day: return t(l, "Planleggingsdag", "Planleggingsdag", "Planning day");
        case plan_item::relasjon: return t(l, "SMART relasjon", "SMART relasjon", "SMART relasjon");
        case plan_item::conference: return t(l, "Konferansebidrag", "Konferansebidrag", "Conference contributions");
        case plan_item::network: return t(l, "Nettverkssamlinger", "Nettverkssamlingar", "Network gatherings");
        case plan_item::post: return t(l, "Innlegg", "Innlegg", "Posts");
    }
    return "?";
}

const char* agreement_heading(std::string_view key, lang l) {
    using detail::t;
    struct entry {
        const char* key;
        const char* nb;
        const char* nn;
        const char* en;
    };
    static constexpr entry headings[] = {
        {"agreement", "Avtale", "Avtale", "Agreement"},
        {"organisation", "Virksomhet", "Verksemd", "Organisation"},
        {"municipality", "Kommune", "Kommune", "Municipality"},
        {"as_of", "Per", "Per", "As of"},
        {"period", "Avtaleperiode", "Avtaleperiode", "Agreement period"},
        {"year", "År", "År", "Year"},
        {"whole_period", "Hele perioden", "Heile perioden", "Whole period"},
        {"item", "Punkt", "Punkt", "Item"},
        {"planned", "Planlagt", "Planlagt", "Planned"},
        {"held", "Gjennomført", "Gjennomført", "Held"},
        {"missing", "Mangler", "Manglar", "Missing"},
        {"possible", "Mulig", "Mogleg", "Possible"},
        {"state", "Status", "Status", "State"},
        {"met", "Oppfylt", "Oppfylt", "Met"},
        {"unmet", "Ikke oppfylt", "Ikkje oppfylt", "Unmet"},
        {"pending", "Pågår", "Pågår", "Pending"},
        {"at_risk", "I faresonen", "I faresona", "At risk"},
        {"seats_used", "Trenerplasser brukt", "Trenarplassar brukte", "Trainer seats used"},
        {"seats_left", "Trenerplasser igjen", "Trenarplassar att", "Trainer seats left"},
        {"trainees_eligible", "Trenere med bevis", "Trenarar med prov", "Trainees eligible"},
        {"costs_nok", "Kostnader (kr)", "Kostnader (kr)", "Costs (NOK)"},
        {"current_year", "Avtaleår nå", "Avtaleår no", "Current year"},
        {"material_sets", "Materiellsett", "Materiellsett", "Material sets"},
        {"trainer_participants", "Trenerdeltakere", "Trenardeltakarar", "Trainer participants"},
        {"total", "Sum", "Sum", "Total"},
    };
    for (const auto& h : headings)
        if (key == h.key) return t(l, h.nb, h.nn, h.en);
    std::string keys;
    for (const auto& h : headings) keys += (keys.empty() ? "" : ", ") + std::string(h.key);
    throw error(errc::invalid_argument, "unknown agreement heading \"" + std::string(key) + "\": expected one of " + keys);
}

std::string explain(const item_status& s, lang l, agreement_form form) {
    using detail::t;
    std::string out = label(s.item, l);
    if (s.period == 0)
        out += t(l, " i avtaleperioden", " i avtaleperioden", " in the agreement period");
    else if (form == agreement_form::small)
        out += t(l, " i halvår ", " i halvår ", " in half-year ") + std::to_string(s.period);
    else
        out += t(l, " i avtaleår ", " i avtaleår ", " in agreement year ") + std::to_string(s.period);
    out += " (" + detail::day_text(s.from, l) + "–" + detail::day_text(s.until, l) + "): ";
    out += std::to_string(s.held) + t(l, " av minst ", " av minst ", " of at least ") + std::to_string(s.planned) +
           t(l, " gjennomført", " gjennomført", " held");
    const std::string missing = std::to_string(s.missing);
    const std::string possible = std::to_string(s.possible);
    const std::string until = detail::day_text(s.until, l);
    switch (s.state) {
        case requirement_state::met: out += t(l, "; oppfylt", "; oppfylt", "; met"); break;
        case requirement_state::unmet:
            if (s.possible == 0)
                out += t(l, "; ", "; ", "; ") + missing +
                       t(l, " mangler og kan ikke nås lenger", " manglar og kan ikkje nåast lenger",
                         " missing, and it can no longer be reached");
            else
                out += t(l, "; bare ", "; berre ", "; only ") + possible +
                       t(l, " til er mulig innen ", " til er mogleg innan ", " more possible by ") + until +
                       t(l, ", så målet kan ikke nås lenger", ", så målet kan ikkje nåast lenger", ", so it can no longer be reached");
            break;
        default:
            out += t(l, "; ", "; ", "; ") + missing + t(l, " mangler, ", " manglar, ", " missing, ") + possible +
                   t(l, " til er mulig innen ", " til er mogleg innan ", " more possible by ") + until;
            if (s.at_risk)
                out += t(l, " – ingen slakk: alle gjenstående må gjennomføres",
                         " – inga slakk: alle som står att, må gjennomførast", " – no slack: every remaining one must be held");
            break;
    }
    return out;
}

std::vector<cohort_seat> seats_in_cohort(std::span<const agreement* const> agreements, std::string_view cohort_id) {
    std::vector<cohort_seat> out;
    for (const agreement* a : agreements)
        for (const auto& s : a->seats())
            if (s.cohort == cohort_id) out.push_back({s.participant, a->id(), a->organisation().name, s.on});
    std::stable_sort(out.begin(), out.end(),
                     [](const cohort_seat& x, const cohort_seat& y) { return x.participant < y.participant; });
    return out;
}

}  // namespace smart
