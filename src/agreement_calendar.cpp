#include "smart/agreement_calendar.hpp"

#include <map>
#include <string>

namespace smart {

namespace {

std::string period_end_words(agreement_form form, int n, lang l) {
    const std::string k = std::to_string(n);
    const bool small = form == agreement_form::small;
    switch (l) {
        case lang::nn: return (small ? "Halvår " : "Avtaleår ") + k + " sluttar";
        case lang::en: return (small ? "Half-year " : "Agreement year ") + k + " ends";
        case lang::nb: break;
    }
    return (small ? "Halvår " : "Avtaleår ") + k + " slutter";
}

std::string period_words(agreement_form form, int n, lang l) {
    const std::string k = std::to_string(n);
    const bool small = form == agreement_form::small;
    if (l == lang::en) return (small ? "half-year " : "agreement year ") + k;
    return (small ? "halvår " : "avtaleår ") + k;
}

std::string period_end_description(lang l) {
    switch (l) {
        case lang::nn: return "Det som er planlagt for perioden, skal vere gjennomført innan denne dagen.";
        case lang::en: return "What is planned for the period is to be done by this day.";
        case lang::nb: break;
    }
    return "Det som er planlagt for perioden, skal være gjennomført innen denne dagen.";
}

}  // namespace

std::vector<calendar_event> agreement_events(const agreement& a, lang l) {
    std::vector<calendar_event> events;
    const auto periods = a.periods();
    std::map<plan_item, int> seen;
    for (const auto& d : a.planned_items()) {
        const int n = ++seen[d.kind];
        calendar_event e;
        e.uid = calendar_uid("agreement", a.id(), {to_string(d.kind), std::to_string(n)});
        e.summary = a.organisation().name + ": " + (d.label.empty() ? std::string(label(d.kind, l)) : d.label);
        e.description = std::string(label(d.kind, l)) + ", " + period_words(a.form(), d.period, l);
        e.first = e.last = d.on;
        e.categories = {"agreement", to_string(d.kind)};
        events.push_back(std::move(e));
    }
    for (const auto& p : periods) {
        calendar_event e;
        e.uid = calendar_uid("agreement", a.id(), {"period", std::to_string(p.index), "end"});
        e.summary = a.organisation().name + ": " + period_end_words(a.form(), p.index, l);
        e.description = period_end_description(l);
        e.first = e.last = p.end;
        e.categories = {"agreement", "deadline"};
        events.push_back(std::move(e));
    }
    return events;
}

std::vector<schedule_warning> check_agreement_days(const agreement& a) {
    std::vector<session> days;
    const auto add = [&](std::string pointer, date d) {
        session s;
        s.id = std::move(pointer);
        s.kind = session_kind::other;
        s.days = {d};
        days.push_back(std::move(s));
    };
    for (std::size_t i = 0; i < a.plan().dates.size(); ++i) add("/plan/dates/" + std::to_string(i), a.plan().dates[i].on);
    for (std::size_t i = 0; i < a.meetings().size(); ++i) add("/records/meetings/" + std::to_string(i), a.meetings()[i].on);
    for (std::size_t i = 0; i < a.planning_days().size(); ++i)
        add("/records/planning_days/" + std::to_string(i), a.planning_days()[i]);
    return check_schedule_days(days);
}

}  // namespace smart
