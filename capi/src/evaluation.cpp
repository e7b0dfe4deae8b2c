// The C ABI: evaluation, its typed accessors, the evaluation document and certificate data.
#include <algorithm>
#include <array>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "capi.hpp"
#include "smart/detail/utf8.hpp"

using namespace smart::capi;

namespace {

const smart::evaluation& checked_participant(const evaluation_box& box, std::size_t participant, const char* function) {
    if (participant >= box.e.size()) invalid(function, "participant index out of range");
    return box.e;
}

void check_requirement(const evaluation_box& box, std::size_t requirement, const char* function) {
    if (requirement >= box.e.requirement_count()) invalid(function, "requirement index out of range");
}

// --- the numbers behind a requirement's state: the core's table (result_numbers.hpp) ------

// smart_number and smart_number_type mirror the core's enums value for value.
#define SMART_SAME_NUMBER(c, cpp) static_assert(c == static_cast<int>(smart::result_number::cpp), #c)
SMART_SAME_NUMBER(SMART_NUMBER_ATTENDED, attended);
SMART_SAME_NUMBER(SMART_NUMBER_COUNTED_DAYS, counted_days);
SMART_SAME_NUMBER(SMART_NUMBER_REQUIRED_DAYS, required_days);
SMART_SAME_NUMBER(SMART_NUMBER_PAST_DAYS, past_days);
SMART_SAME_NUMBER(SMART_NUMBER_REMAINING_DAYS, remaining_days);
SMART_SAME_NUMBER(SMART_NUMBER_UNRECORDED_DAYS, unrecorded_days);
SMART_SAME_NUMBER(SMART_NUMBER_INTERVALS, intervals);
SMART_SAME_NUMBER(SMART_NUMBER_INTERVALS_MET, intervals_met);
SMART_SAME_NUMBER(SMART_NUMBER_MISSING_INTERVALS, missing_intervals);
SMART_SAME_NUMBER(SMART_NUMBER_OPEN_INTERVALS, open_intervals);
SMART_SAME_NUMBER(SMART_NUMBER_PORTFOLIO_APPROVED, portfolio_approved);
SMART_SAME_NUMBER(SMART_NUMBER_PORTFOLIO_DEADLINE, portfolio_deadline);
SMART_SAME_NUMBER(SMART_NUMBER_AWAITING_APPROVAL, awaiting_approval);
SMART_SAME_NUMBER(SMART_NUMBER_DATE, date);
SMART_SAME_NUMBER(SMART_NUMBER_PAGES, pages);
SMART_SAME_NUMBER(SMART_NUMBER_DEADLINE, deadline);
SMART_SAME_NUMBER(SMART_NUMBER_ROLE, role);
SMART_SAME_NUMBER(SMART_NUMBER_FESTIVAL_DAY, festival_day);
#undef SMART_SAME_NUMBER
static_assert(SMART_NUMBER_TYPE_COUNT == static_cast<int>(smart::number_type::count) &&
              SMART_NUMBER_TYPE_RATIO == static_cast<int>(smart::number_type::ratio) &&
              SMART_NUMBER_TYPE_DATE == static_cast<int>(smart::number_type::date) &&
              SMART_NUMBER_TYPE_INTERVALS == static_cast<int>(smart::number_type::intervals) &&
              SMART_NUMBER_TYPE_ROLE == static_cast<int>(smart::number_type::role) &&
              SMART_NUMBER_TYPE_FLAG == static_cast<int>(smart::number_type::flag));

const smart::number_field& number_of(const smart_number& number, const char* function) {
    const long long raw = raw_value(number);  // never loaded as the enum: any int may come from C
    if (raw < 0 || static_cast<std::size_t>(raw) >= smart::number_fields().size())
        invalid(function, ("unknown smart_number " + std::to_string(raw)).c_str());
    return smart::number_fields()[static_cast<std::size_t>(raw)];
}

/// The accessor a number of this type is read with.
const char* accessor_of(smart::number_type t) {
    switch (t) {
        case smart::number_type::ratio: return "smart_evaluation_ratio()";
        case smart::number_type::date: return "smart_evaluation_date_r()";
        case smart::number_type::intervals: return "smart_evaluation_intervals()";
        default: return "smart_evaluation_number()";
    }
}

/// One number of one result, checked: indexes in range, the number known and read by
/// `accessor` (the function asking); not_found when it does not belong to the requirement's
/// kind or is absent.
smart::number_value read_number(const smart_evaluation* evaluation, size_t participant, size_t requirement,
                                const smart_number& number, const char* accessor) {
    const auto& box = get(evaluation, accessor);
    checked_participant(box, participant, accessor);
    check_requirement(box, requirement, accessor);
    const smart::number_field& f = number_of(number, accessor);
    if (std::string_view(accessor_of(f.type)).substr(0, std::strlen(accessor)) != accessor)
        invalid(accessor, (std::string("number ") + f.name + " is a " + smart::to_string(f.type) + ": read it with " +
                           accessor_of(f.type))
                              .c_str());
    const smart::requirement_result& r = box.e.requirements(participant)[requirement];
    smart::number_value v = smart::read(r, f);
    if (std::holds_alternative<std::monostate>(v))
        throw smart::error(smart::errc::not_found,
                           f.belongs_to(r.kind)
                               ? std::string("number ") + f.name + " has no value for this participant"
                               : std::string("number ") + f.name + " does not belong to a requirement of kind " +
                                     smart::to_string(r.kind));
    return v;
}

}  // namespace

extern "C" {

int smart_number_count(size_t* out) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = smart::number_fields().size();
    });
}

int smart_number_name(const char** out, smart_number number) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = number_of(number, fn).name;
    });
}

int smart_number_from_name(smart_number* out, const char* name) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        need(name, fn, "name is NULL");
        const smart::number_field* f = smart::find_number(name);
        if (!f) throw smart::error(smart::errc::not_found, "no result number is called " + smart::detail::quoted(name));
        *out = static_cast<smart_number>(f->number);
    });
}

int smart_number_type_of(smart_number_type* out, smart_number number) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = static_cast<smart_number_type>(number_of(number, fn).type);
    });
}

int smart_number_belongs_to(int* out, smart_number number, smart_requirement_kind kind) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        const smart::number_field& f = number_of(number, fn);
        const long long k = raw_value(kind);
        if (k < SMART_REQUIREMENT_ATTENDANCE || k > SMART_REQUIREMENT_FESTIVAL)
            invalid(fn, ("unknown smart_requirement_kind " + std::to_string(k)).c_str());
        *out = f.belongs_to(static_cast<smart::requirement_kind>(k)) ? 1 : 0;
    });
}

int smart_evaluation_number(long long* out, const smart_evaluation* evaluation, size_t participant, size_t requirement,
                            smart_number number) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        const smart::number_value v = read_number(evaluation, participant, requirement, number, fn);
        if (const auto* n = std::get_if<std::int64_t>(&v)) *out = *n;
        else if (const auto* b = std::get_if<bool>(&v)) *out = *b ? 1 : 0;
        else *out = static_cast<long long>(std::get<smart::festival_role>(v));  // smart_festival_role's values
    });
}

int smart_evaluation_ratio(long long* num_out, long long* den_out, const smart_evaluation* evaluation,
                           size_t participant, size_t requirement, smart_number number) {
    const char* const fn = __func__;
    return guard([&] {
        need(num_out, fn, "num_out is NULL");
        need(den_out, fn, "den_out is NULL");
        const auto r = std::get<smart::ratio>(read_number(evaluation, participant, requirement, number, fn));
        *num_out = r.num();
        *den_out = r.den();
    });
}

int smart_evaluation_date_r(char* out, size_t size, const smart_evaluation* evaluation, size_t participant,
                            size_t requirement, smart_number number) {
    const char* const fn = __func__;
    if (out && size) out[0] = '\0';
    return guard([&] {
        need(out, fn, "out is NULL");
        write_date(out, size, std::get<smart::date>(read_number(evaluation, participant, requirement, number, fn)), fn);
    });
}

int smart_evaluation_intervals(unsigned long long* out, const smart_evaluation* evaluation, size_t participant,
                               size_t requirement, smart_number number) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = std::get<smart::interval_set>(read_number(evaluation, participant, requirement, number, fn)).bits;
    });
}

int smart_evaluate_options_init(smart_evaluate_options* options, unsigned int version) {
    const char* const fn = __func__;
    return guard([&] {
        need(options, fn, "options is NULL");
        if (version < 1 || version > SMART_EVALUATE_OPTIONS_VERSION) invalid(fn, "unknown structure version");
        *options = smart_evaluate_options SMART_EVALUATE_OPTIONS_INIT;
        options->version = version;
    });
}

int smart_evaluate(smart_evaluation** out, const smart_cohort* cohort, const smart_evaluate_options* options) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const smart::cohort& c = get(cohort, fn).c;
        smart_evaluate_options opts = SMART_EVALUATE_OPTIONS_INIT;
        if (options) {
            if (options->version < 1 || options->version > SMART_EVALUATE_OPTIONS_VERSION)
                invalid(fn, "unknown smart_evaluate_options version (initialise it with SMART_EVALUATE_OPTIONS_INIT)");
            opts.as_of = options->as_of;  // version 1 fields
        }
        const smart::date as_of =
            opts.as_of ? smart::parse_date(opts.as_of) : boost::gregorian::day_clock::local_day();

        auto box = std::make_unique<evaluation_box>();
        box->e = smart::evaluate(c, as_of);
        box->cohort_view = std::make_unique<cohort_box>(cohort_box{tag::cohort, box->e.cohort()});
        *out = handle(box.release());
    });
}

int smart_evaluation_as_of(char* out, const smart_evaluation* evaluation) {
    const char* const fn = __func__;
    if (out) out[0] = '\0';
    return guard([&] {
        need(out, fn, "out is NULL");
        write_date(out, get(evaluation, fn).e.as_of());
    });
}

int smart_evaluation_as_of_r(char* out, size_t size, const smart_evaluation* evaluation) {
    const char* const fn = __func__;
    if (out && size > 0) out[0] = '\0';
    return guard([&] {
        need(out, fn, "out is NULL");
        write_date(out, size, get(evaluation, fn).e.as_of(), fn);
    });
}

int smart_evaluation_cohort(const smart_cohort** out, const smart_evaluation* evaluation) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = handle(get(evaluation, fn).cohort_view.get());
    });
}

int smart_evaluation_participant_count(size_t* out, const smart_evaluation* evaluation) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = get(evaluation, fn).e.size();
    });
}

int smart_evaluation_participant_id(const char** out, const smart_evaluation* evaluation, size_t participant) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& box = get(evaluation, fn);
        checked_participant(box, participant, fn);
        *out = box.e.participant(participant).id.c_str();
    });
}

int smart_evaluation_participant_index(size_t* out, const smart_evaluation* evaluation, const char* participant_id) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& box = get(evaluation, fn);
        need(participant_id, fn, "participant_id is NULL");
        *out = box.e.index_of(participant_id);
    });
}

int smart_evaluation_status(smart_overall_status* out, const smart_evaluation* evaluation, size_t participant) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& e = checked_participant(get(evaluation, fn), participant, fn);
        *out = to_c(e.result(participant).status);
    });
}

int smart_evaluation_at_risk(int* out, const smart_evaluation* evaluation, size_t participant) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& e = checked_participant(get(evaluation, fn), participant, fn);
        *out = e.result(participant).at_risk ? 1 : 0;
    });
}

int smart_evaluation_count(size_t* out, const smart_evaluation* evaluation, smart_overall_status status) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& e = get(evaluation, fn).e;
        const smart::status_counts n = e.counts();
        switch (to_cpp(status, fn)) {
            case smart::overall_status::eligible: *out = n.eligible; break;
            case smart::overall_status::not_eligible: *out = n.not_eligible; break;
            case smart::overall_status::in_progress: *out = n.in_progress; break;
            case smart::overall_status::no_certificate: *out = n.no_certificate; break;
            case smart::overall_status::withdrawn: *out = n.withdrawn; break;
        }
    });
}

int smart_evaluation_at_risk_count(size_t* out, const smart_evaluation* evaluation) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = get(evaluation, fn).e.counts().at_risk;
    });
}

int smart_evaluation_requirement_count(size_t* out, const smart_evaluation* evaluation) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = get(evaluation, fn).e.requirement_count();
    });
}

int smart_evaluation_requirement_id(const char** out, const smart_evaluation* evaluation, size_t requirement) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& box = get(evaluation, fn);
        check_requirement(box, requirement, fn);
        *out = box.e.programme().requirements[requirement].id.c_str();
    });
}

int smart_evaluation_requirement_kind(smart_requirement_kind* out, const smart_evaluation* evaluation,
                                      size_t requirement) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& box = get(evaluation, fn);
        check_requirement(box, requirement, fn);
        *out = to_c(box.e.programme().requirements[requirement].kind());
    });
}

int smart_evaluation_requirement_state(smart_requirement_state* out, const smart_evaluation* evaluation,
                                       size_t participant, size_t requirement) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& box = get(evaluation, fn);
        checked_participant(box, participant, fn);
        check_requirement(box, requirement, fn);
        *out = to_c(box.e.requirements(participant)[requirement].state);
    });
}

int smart_status_label(const char** out, smart_overall_status status, int at_risk, smart_lang lang) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const smart::overall_status s = to_cpp(status, fn);
        const smart::lang l = to_cpp(lang, fn);
        // every status, with and without the note, in every language: made once, kept
        static const std::array<std::string, 5 * 2 * 3> labels = [] {
            std::array<std::string, 5 * 2 * 3> a;
            for (std::size_t i = 0; i < a.size(); ++i)
                a[i] = smart::status_label(static_cast<smart::overall_status>(i / 6), (i / 3) % 2 == 1,
                                           static_cast<smart::lang>(i % 3));
            return a;
        }();
        *out = labels[static_cast<std::size_t>(s) * 6 + (at_risk ? 3 : 0) + static_cast<std::size_t>(l)].c_str();
    });
}

int smart_requirement_state_label(const char** out, smart_requirement_state state, smart_lang lang) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = smart::label(to_cpp(state, fn), to_cpp(lang, fn));
    });
}

int smart_evaluation_explain(char** out, const smart_evaluation* evaluation, size_t participant, size_t requirement,
                             smart_lang lang) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& box = get(evaluation, fn);
        checked_participant(box, participant, fn);
        check_requirement(box, requirement, fn);
        *out = dup(box.e.explain(participant, requirement, to_cpp(lang, fn)));
    });
}

int smart_evaluation_missing(char** out, const smart_evaluation* evaluation, size_t participant, smart_lang lang) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& box = get(evaluation, fn);
        checked_participant(box, participant, fn);
        std::string text;
        for (const std::string& line : box.e.missing(participant, to_cpp(lang, fn))) {
            text += line;
            text += '\n';
        }
        *out = dup(text);
    });
}

int smart_evaluation_to_json(char** out, const smart_evaluation* evaluation, const smart_cohort* cohort) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& e = get(evaluation, fn).e;
        *out = dup(smart::evaluation_to_json(e, get(cohort, fn).c));
    });
}

int smart_certificate_data_json(char** out, const smart_cohort* cohort, const smart_evaluation* evaluation,
                                size_t participant) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& c = get(cohort, fn).c;
        const auto& e = get(evaluation, fn).e;
        *out = dup(smart::certificate_data_to_json(smart::certificate_for(c, e, participant)));
    });
}

void smart_evaluation_free(smart_evaluation* evaluation) {
    release<evaluation_box>(evaluation, tag::evaluation, __func__);
}

}  // extern "C"
