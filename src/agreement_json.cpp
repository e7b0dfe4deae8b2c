// Reading smart.agreement/1 documents (all or nothing, JSON Pointer errors) and writing
// agreement reports and the portfolio (docs/agreements.md).
#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "json_read.hpp"
#include "smart/agreement.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/limits.hpp"

namespace smart {

using namespace json_read;

namespace {

constexpr std::size_t max_records = 10000;
constexpr std::size_t line_chars = 256;  // schema: programme.schema.json#/$defs/line

/// A one-line text (names, ids, labels): at most 256 characters, no control characters;
/// non-empty unless `may_be_empty`.
std::string line(const dom& j, const path& p, const char* what, bool may_be_empty = false) {
    const std::string& s = may_be_empty ? string(j, p) : nonempty_string(j, p);
    detail::check_text(s, what, p.str(), detail::text_kind::line, line_chars);
    return s;
}

/// An integer or a list of integers (per agreement year).
std::vector<int> per_year(const dom& j, const path& p, int hi) {
    if (j.is_array()) {
        auto v = read_list<int>(j, p, [&](const dom& x, const path& xp) { return static_cast<int>(integer(x, xp, 0, hi)); },
                                100, "values");
        if (v.empty()) fail(p, "expected at least one value (or one number for every year)");
        return v;
    }
    if (!j.is_number()) wrong_type(j, p, "a number or a list of numbers per year");
    return {static_cast<int>(integer(j, p, 0, hi))};
}

agreement_plan read_plan(const dom& j, const path& p, agreement_form form, int years) {
    const auto& o = object(j, p, {"core_group_min", "core_group_max", "staff", "half_yearly", "planning_days", "trainer_seats",
                                  "relasjon_years", "conference", "network", "posts", "max_per_month", "dates"});
    agreement_plan plan = default_plan(form, years);
    if (const dom* v = find(o, "core_group_min")) plan.core_group_min = per_year(*v, p.child("core_group_min"), 52);
    if (const dom* v = find(o, "core_group_max")) plan.core_group_max = static_cast<int>(integer(*v, p.child("core_group_max"), 0, 52));
    if (const dom* v = find(o, "staff")) plan.staff = per_year(*v, p.child("staff"), 52);
    if (const dom* v = find(o, "half_yearly")) plan.half_yearly = static_cast<int>(integer(*v, p.child("half_yearly"), 1, 2));
    if (const dom* v = find(o, "planning_days")) plan.planning_days = static_cast<int>(integer(*v, p.child("planning_days"), 0, 20));
    if (const dom* v = find(o, "trainer_seats")) plan.trainer_seats = static_cast<int>(integer(*v, p.child("trainer_seats"), 0, 100));
    if (const dom* v = find(o, "relasjon_years"))
        plan.relasjon_years = read_list<int>(*v, p.child("relasjon_years"), [](const dom& x, const path& xp) {
            return static_cast<int>(integer(x, xp, 1, 40));
        });
    if (const dom* v = find(o, "conference")) plan.conference = per_year(*v, p.child("conference"), 52);
    if (const dom* v = find(o, "network")) plan.network = per_year(*v, p.child("network"), 52);
    if (const dom* v = find(o, "posts")) plan.posts = per_year(*v, p.child("posts"), 365);
    if (const dom* v = find(o, "max_per_month")) plan.max_per_month = static_cast<int>(integer(*v, p.child("max_per_month"), 1, 31));
    if (const dom* v = find(o, "dates"))
        plan.dates = read_list<planned_date>(*v, p.child("dates"), [](const dom& x, const path& xp) {
            const auto& d = object(x, xp, {"kind", "date", "label"});
            planned_date pd;
            pd.kind = read_enum(require(d, "kind", xp), xp.child("kind"), parse_plan_item);
            pd.on = read_date(require(d, "date", xp), xp.child("date"));
            if (const dom* l = find(d, "label")) pd.label = line(*l, xp.child("label"), "label", true);
            return pd;
        }, max_records, "planned dates");
    return plan;
}

/// Reads one record of `list` at `p` and adds it (the agreement validates it).
void add_record(agreement& a, std::string_view list, const dom& j, const path& p) {
    if (list == "meetings") {
        const auto& o = object(j, p, {"kind", "date", "who"});
        meeting_record r;
        r.kind = read_enum(require(o, "kind", p), p.child("kind"), parse_meeting_kind);
        r.on = read_date(require(o, "date", p), p.child("date"));
        if (const dom* w = find(o, "who")) {
            if (w->is_string()) r.who = line(*w, p.child("who"), "who", true);
            else if (w->is_number()) r.count = static_cast<int>(integer(*w, p.child("who"), 1, 100000));
            else wrong_type(*w, p.child("who"), "a text or a number of people");
        }
        a.add_meeting(std::move(r));
    } else if (list == "planning_days") {
        a.add_planning_day(read_date(j, p));
    } else if (list == "relasjon") {
        a.add_relasjon(read_date(j, p));
    } else if (list == "trainer_seats") {
        const auto& o = object(j, p, {"cohort", "participant", "date"});
        seat_record r;
        r.cohort = line(require(o, "cohort", p), p.child("cohort"), "cohort id");
        r.participant = line(require(o, "participant", p), p.child("participant"), "participant id");
        r.on = read_date(require(o, "date", p), p.child("date"));
        a.add_seat(std::move(r));
    } else if (list == "contributions") {
        const auto& o = object(j, p, {"kind", "date", "note"});
        contribution_record r;
        r.kind = read_enum(require(o, "kind", p), p.child("kind"), parse_contribution_kind);
        r.on = read_date(require(o, "date", p), p.child("date"));
        if (const dom* n = find(o, "note")) r.note = line(*n, p.child("note"), "note", true);
        a.add_contribution(std::move(r));
    } else if (list == "material_sets") {
        const auto& o = object(j, p, {"count", "date"});
        material_record r;
        r.count = static_cast<int>(integer(require(o, "count", p), p.child("count"), 1, 100000));
        r.on = read_date(require(o, "date", p), p.child("date"));
        a.add_material(r);
    } else if (list == "extensions") {
        const auto& o = object(j, p, {"date", "years"});
        a.add_extension(extension{read_date(require(o, "date", p), p.child("date")),
                                  static_cast<int>(integer(require(o, "years", p), p.child("years"), 1, 20))});
    } else {
        throw error(errc::invalid_argument,
                    "unknown record list \"" + std::string(list) +
                        "\": expected meetings, planning_days, trainer_seats, relasjon, contributions, material_sets or extensions");
    }
}

constexpr std::array<const char*, 6> record_lists{"meetings", "planning_days", "trainer_seats", "relasjon", "contributions", "material_sets"};

}  // namespace

agreement load_agreement(std::string_view json_text) {
    detail::check_document_size(json_text.size());
    const dom j = parse_text(json_text);
    const path root;
    const auto& o = object(j, root, {"format", "id", "organisation", "start", "years", "form", "employees", "extensions",
                                     "plan", "prices", "records"});
    check_format(o, root, agreement_format, true);
    std::string id = line(require(o, "id", root), root.child("id"), "agreement id");
    organisation org;
    {
        const path op = root.child("organisation");
        const auto& oo = object(require(o, "organisation", root), op, {"name", "municipality", "kind"});
        org.name = line(require(oo, "name", op), op.child("name"), "organisation name");
        const path mp = op.child("municipality");
        const auto& mo = object(require(oo, "municipality", op), mp, {"number", "name"});
        org.municipality.number = string(require(mo, "number", mp), mp.child("number"));
        org.municipality.name = line(require(mo, "name", mp), mp.child("name"), "municipality name");
        org.kind = read_enum(require(oo, "kind", op), op.child("kind"), parse_organisation_kind);
    }
    const date start = read_date(require(o, "start", root), root.child("start"));
    agreement_form form = agreement_form::full;
    if (const dom* v = find(o, "form")) form = read_enum(*v, root.child("form"), parse_agreement_form);
    int years = form == agreement_form::small ? 1 : 3;
    if (const dom* v = find(o, "years")) years = static_cast<int>(integer(*v, root.child("years"), 1, 20));
    const int employees = static_cast<int>(integer(require(o, "employees", root), root.child("employees"), 0, 100000));
    std::vector<price> prices;
    if (const dom* v = find(o, "prices"))
        prices = read_list<price>(*v, root.child("prices"), [](const dom& x, const path& xp) {
            const auto& po = object(x, xp, {"item", "from", "nok"});
            price pr;
            pr.item = read_enum(require(po, "item", xp), xp.child("item"), parse_price_item);
            pr.from = read_date(require(po, "from", xp), xp.child("from"));
            pr.nok = integer(require(po, "nok", xp), xp.child("nok"), 0, 1000000);
            return pr;
        }, 1000, "prices");
    std::optional<agreement> a;
    // extensions first (they set the years the plan is made for), then the plan
    std::vector<extension> extensions;
    int total_years = years;
    if (const dom* v = find(o, "extensions"))
        extensions = read_list<extension>(*v, root.child("extensions"), [&](const dom& x, const path& xp) {
            const auto& eo = object(x, xp, {"date", "years"});
            extension e{read_date(require(eo, "date", xp), xp.child("date")),
                        static_cast<int>(integer(require(eo, "years", xp), xp.child("years"), 1, 20))};
            total_years += e.years;
            return e;
        }, 100, "extensions");
    std::optional<agreement_plan> plan;
    if (const dom* v = find(o, "plan")) plan = read_plan(*v, root.child("plan"), form, std::min(total_years, 40));
    a.emplace(std::move(id), std::move(org), start, years, form, employees, std::move(plan), std::move(extensions),
              std::move(prices));
    if (const dom* v = find(o, "records")) {
        const path rp = root.child("records");
        const auto& ro = object(*v, rp, {"meetings", "planning_days", "trainer_seats", "relasjon", "contributions", "material_sets"});
        for (const char* list : record_lists)
            if (const dom* l = find(ro, list)) {
                const path lp = rp.child(list);
                const auto& arr = array(*l, lp);
                if (arr.size() > max_records)
                    fail(lp, std::to_string(arr.size()) + " records; at most " + std::to_string(max_records) + " are allowed");
                for (std::size_t i = 0; i < arr.size(); ++i) add_record(*a, list, arr[i], lp.at(i));
            }
    }
    return std::move(*a);
}

agreement load_agreement_file(const std::filesystem::path& file) { return load_agreement(detail::read_document_file(file)); }

void add_agreement_record_json(agreement& a, std::string_view list, std::string_view json_text) {
    const dom j = parse_text(json_text);
    const path root;
    if (list == "extensions") {
        const path ep = root.child("extensions");
        add_record(a, list, j, ep.at(a.extensions().size()));
        return;
    }
    const path rp = root.child("records");
    const path lp = rp.child(list);
    std::size_t n = 0;
    if (list == "meetings") n = a.meetings().size();
    else if (list == "planning_days") n = a.planning_days().size();
    else if (list == "trainer_seats") n = a.seats().size();
    else if (list == "relasjon") n = a.relasjon().size();
    else if (list == "contributions") n = a.contributions().size();
    else if (list == "material_sets") n = a.materials().size();
    // all or nothing without a copy: the record is read whole before the agreement's add_*
    // runs, and each add_* checks everything before it changes anything
    add_record(a, list, j, lp.at(n));
}

// --- writing --------------------------------------------------------------------------------

namespace {

using ojson = nlohmann::ordered_json;

ojson costs_json(const agreement_costs& c) {
    return ojson{{"material_sets", c.material_sets},
                 {"material_nok", c.material_nok},
                 {"trainer_participants", c.trainer_participants},
                 {"trainer_nok", c.trainer_nok},
                 {"total_nok", c.total_nok()}};
}

ojson item_json(const item_status& s, lang l, agreement_form form) {
    return ojson{{"item", to_string(s.item)},
                 {"label", label(s.item, l)},
                 {"period", s.period},
                 {"from", to_iso(s.from)},
                 {"until", to_iso(s.until)},
                 {"planned", s.planned},
                 {"max", s.max == 0 ? ojson(nullptr) : ojson(s.max)},
                 {"held", s.held},
                 {"missing", s.missing},
                 {"possible", s.possible},
                 {"state", to_string(s.state)},
                 {"at_risk", s.at_risk},
                 {"state_label", s.at_risk ? agreement_heading("at_risk", l) : label(s.state, l)},
                 {"explanation", explain(s, l, form)}};
}

ojson report_json(const agreement& a, const agreement_report& r, lang l) {
    const auto& org = a.organisation();
    ojson periods = ojson::array();
    for (std::size_t i = 0; i < r.periods.size(); ++i) {
        const auto& p = r.periods[i];
        ojson items = ojson::array();
        for (const auto& s : r.items)
            if (s.period == p.index) items.push_back(item_json(s, l, a.form()));
        periods.push_back(ojson{{"index", p.index},
                                {"start", to_iso(p.start)},
                                {"end", to_iso(p.end)},
                                {"status", r.as_of < p.start ? "not_started" : r.as_of > p.end ? "ended" : "running"},
                                {"items", std::move(items)},
                                {"costs", costs_json(r.period_costs[i])}});
    }
    ojson whole = ojson::array();
    for (const auto& s : r.items)
        if (s.period == 0) whole.push_back(item_json(s, l, a.form()));
    ojson seats = ojson::array();
    for (const auto& s : r.seats)
        seats.push_back(ojson{{"cohort", s.seat.cohort},
                              {"participant", s.seat.participant},
                              {"date", to_iso(s.seat.on)},
                              {"status", s.status ? ojson(to_string(*s.status)) : ojson(nullptr)}});
    ojson planned = ojson::array();
    for (const auto& d : a.planned_items())
        planned.push_back(ojson{{"kind", to_string(d.kind)}, {"date", to_iso(d.on)}, {"period", d.period}, {"label", d.label}});
    return ojson{{"format", agreement_report_format},
                 {"id", a.id()},
                 {"organisation",
                  {{"name", org.name},
                   {"municipality", {{"number", org.municipality.number}, {"name", org.municipality.name}}},
                   {"kind", to_string(org.kind)}}},
                 {"form", to_string(a.form())},
                 {"lang", to_string(l)},
                 {"as_of", to_iso(r.as_of)},
                 {"start", to_iso(a.start())},
                 {"end", to_iso(a.end())},
                 {"years", a.years()},
                 {"employees", a.employees()},
                 {"current_period", r.current_period},
                 {"summary", {{"met", r.met}, {"unmet", r.unmet}, {"pending", r.pending}, {"at_risk", r.at_risk}}},
                 {"periods", std::move(periods)},
                 {"agreement_items", std::move(whole)},
                 {"seats",
                  {{"planned", r.seats_planned}, {"used", r.seats_used}, {"left", r.seats_left}, {"taken", std::move(seats)}}},
                 {"certificates", {{"trainees_evaluated", r.trainees_evaluated}, {"eligible", r.trainees_eligible}}},
                 {"costs", costs_json(r.costs)},
                 {"planned_dates", std::move(planned)}};
}

}  // namespace

std::string report_to_json(const agreement& a, const agreement_report& r, lang l) { return report_json(a, r, l).dump(2); }

std::string portfolio_to_json(std::span<const agreement* const> agreements, date as_of,
                              std::span<const cohort* const> trainer_cohorts, lang l) {
    ojson rows = ojson::array();
    ojson reports = ojson::array();
    for (std::size_t i = 0; i < agreements.size(); ++i) {
        const agreement* a = agreements[i];
        if (!a) throw error(errc::invalid_argument, "portfolio: agreement " + std::to_string(i) + " is null");
        for (std::size_t k = 0; k < i; ++k)
            if (agreements[k]->id() == a->id())
                throw error(errc::invalid_argument, "portfolio: agreement id \"" + a->id() + "\" is given twice",
                            "/" + std::to_string(i));
        const agreement_report r = report(*a, as_of, trainer_cohorts);
        const auto& org = a->organisation();
        rows.push_back(ojson{{"id", a->id()},
                             {"organisation", org.name},
                             {"municipality_number", org.municipality.number},
                             {"municipality_name", org.municipality.name},
                             {"kind", to_string(org.kind)},
                             {"form", to_string(a->form())},
                             {"start", to_iso(a->start())},
                             {"end", to_iso(a->end())},
                             {"years", a->years()},
                             {"current_period", r.current_period},
                             {"met", r.met},
                             {"unmet", r.unmet},
                             {"pending", r.pending},
                             {"at_risk", r.at_risk},
                             {"seats_used", r.seats_used},
                             {"seats_left", r.seats_left},
                             {"trainees_eligible", r.trainees_eligible},
                             {"material_nok", r.costs.material_nok},
                             {"trainer_nok", r.costs.trainer_nok},
                             {"total_nok", r.costs.total_nok()}});
        reports.push_back(report_json(*a, r, l));
    }
    return ojson{{"format", agreement_portfolio_format},
                 {"as_of", to_iso(as_of)},
                 {"lang", to_string(l)},
                 {"rows", std::move(rows)},
                 {"reports", std::move(reports)}}
        .dump(2);
}

}  // namespace smart
