// The C ABI: keys, the register, bulk issuing, revocation and re-issue, records, issue
// reports and verification (capi/include/smart/issuing.h). An adapter: the core decides
// who gets what (smart::issue_cohort, certificate_register), signs and verifies; this file
// converts handles, options and enums.
#include <sodium.h>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>

#include "capi.hpp"
#include "smart/detail/utf8.hpp"

using namespace smart::capi;

namespace {

// Tags of the issuing handles (see capi.hpp, "handles"): "SMK1", "SMU1", "SMG1", ...
constexpr tag signing_key_tag = static_cast<tag>(0x534d4b31);
constexpr tag public_key_tag = static_cast<tag>(0x534d5531);
constexpr tag register_tag = static_cast<tag>(0x534d4731);
constexpr tag record_tag = static_cast<tag>(0x534d5231);
constexpr tag report_tag = static_cast<tag>(0x534d4931);
constexpr tag verification_tag = static_cast<tag>(0x534d5631);

struct signing_key_box {
    tag kind = signing_key_tag;
    smart::signing_key key;
    std::string did;  ///< its did:key, lent by smart_signing_key_did()
    explicit signing_key_box(smart::signing_key k) : key(std::move(k)), did(smart::did_key(key.public_part())) {}
    ~signing_key_box() { sodium_memzero(key.secret_bytes.data(), key.secret_bytes.size()); }
};
struct public_key_box {
    tag kind = public_key_tag;
    smart::public_key key;
    std::string did;  ///< its did:key, lent by smart_public_key_did()
    explicit public_key_box(smart::public_key k) : key(std::move(k)), did(smart::did_key(key)) {}
};
struct register_box {
    tag kind = register_tag;
    smart::certificate_register reg;
    explicit register_box(const char* path, unsigned mode = 0600) : reg(path, mode) {}
};
/// A record and the texts its accessors lend (dates as ISO text).
struct record_box {
    tag kind = record_tag;
    smart::certificate_record r;
    std::string issued_on;
    std::string revoked_on;
    explicit record_box(smart::certificate_record record)
        : r(std::move(record)),
          issued_on(smart::to_iso(r.issued_on)),
          revoked_on(r.revoked_on.is_special() ? std::string() : smart::to_iso(r.revoked_on)) {}
};
struct report_box {
    tag kind = report_tag;
    smart::issue_report report;
};
struct verification_box {
    tag kind = verification_tag;
    smart::verification_result v;
};

template <class Box, class Handle>
const Box& checked(const Handle* h, tag expected, const char* function, const char* what) {
    if (!h) invalid(function, (std::string(what) + " is NULL").c_str());
    tag actual;
    std::memcpy(&actual, h, sizeof actual);  // every box starts with its tag
    if (actual != expected) invalid(function, (std::string(what) + " is not a live " + what + " handle").c_str());
    return *reinterpret_cast<const Box*>(h);
}

const signing_key_box& box_of(const smart_signing_key* h, const char* fn) {
    return checked<signing_key_box>(h, signing_key_tag, fn, "key");
}
const public_key_box& box_of(const smart_public_key* h, const char* fn) {
    return checked<public_key_box>(h, public_key_tag, fn, "key");
}
const smart::signing_key& key_of(const smart_signing_key* h, const char* fn) { return box_of(h, fn).key; }
const smart::public_key& key_of(const smart_public_key* h, const char* fn) { return box_of(h, fn).key; }
const smart::certificate_register& reg_of(const smart_register* h, const char* fn) {
    return checked<register_box>(h, register_tag, fn, "register").reg;
}
smart::certificate_register& reg_of(smart_register* h, const char* fn) {
    return const_cast<register_box&>(checked<register_box>(h, register_tag, fn, "register")).reg;
}
const record_box& record_of(const smart_record* h, const char* fn) {
    return checked<record_box>(h, record_tag, fn, "record");
}
const smart::issue_report& report_of(const smart_issue_report* h, const char* fn) {
    return checked<report_box>(h, report_tag, fn, "report").report;
}
const smart::verification_result& verification_of(const smart_verification* h, const char* fn) {
    return checked<verification_box>(h, verification_tag, fn, "verification").v;
}

template <class Handle, class Box>
Handle* hand_out(std::unique_ptr<Box> box) noexcept {
    return reinterpret_cast<Handle*>(box.release());
}

smart_record* new_record(const smart::certificate_record& r) {
    return hand_out<smart_record>(std::make_unique<record_box>(r));
}
smart_signing_key* new_signing_key(smart::signing_key k) {
    return hand_out<smart_signing_key>(std::make_unique<signing_key_box>(std::move(k)));
}
smart_public_key* new_public_key(smart::public_key k) {
    return hand_out<smart_public_key>(std::make_unique<public_key_box>(std::move(k)));
}
smart_verification* new_verification(smart::verification_result v) {
    auto box = std::make_unique<verification_box>();
    box->v = std::move(v);
    return hand_out<smart_verification>(std::move(box));
}

/// The register's record of `serial` (letter case aside); not_found when there is none.
const smart::certificate_record& find_serial(const smart::certificate_register& r, const char* serial, const char* fn) {
    need(serial, fn, "serial is NULL");
    const smart::certificate_record* found = r.find(serial);
    if (!found)
        throw smart::error(smart::errc::not_found,
                           "no certificate with serial " + smart::detail::quoted(serial) + " in the register");
    return *found;
}

/// A "YYYY-MM-DD" argument, or today for NULL.
smart::date date_or_today(const char* text, const char* what) {
    return text ? smart::parse_date(text, what) : boost::gregorian::day_clock::local_day();
}

/// What the issuing options say, with the core's defaults for what they leave out.
struct issuing_request {
    smart::issuer_profile issuer;
    smart::date issued_on;
    smart::lang language = smart::lang::nb;
};

issuing_request request_of(const smart_issue_options* options, const smart::evaluation& e,
                           const smart::signing_key& key, const char* fn) {
    smart_issue_options o = SMART_ISSUE_OPTIONS_INIT;
    if (options) {
        if (options->version < 1 || options->version > SMART_ISSUE_OPTIONS_VERSION)
            invalid(fn, "unknown smart_issue_options version (initialise it with SMART_ISSUE_OPTIONS_INIT)");
        o = *options;  // version 1 fields
    }
    issuing_request q;
    q.language = to_cpp(o.lang, fn);
    // the default id is the did:web of the URL, or the key's did:key: derived only when used
    q.issuer = smart::default_issuer(e.programme(), q.language, key.public_part(),
                                     o.issuer_id || !o.issuer_url ? "" : o.issuer_url);
    if (o.issuer_id) q.issuer.id = o.issuer_id;
    if (o.issuer_name) q.issuer.name = o.issuer_name;
    if (o.issuer_url) q.issuer.url = o.issuer_url;
    q.issued_on = o.issued_on ? smart::parse_date(o.issued_on, "issued_on") : e.as_of();
    return q;
}

const smart::issue_entry& entry_of(const smart::issue_report& r, std::size_t entry, const char* fn) {
    if (entry >= r.entries.size()) invalid(fn, "entry index out of range");
    return r.entries[entry];
}

smart::issue_outcome outcome_of(const smart_issue_outcome& o, const char* fn) {
    const long long v = raw_value(o);
    if (v < SMART_ISSUE_ISSUED || v > SMART_ISSUE_REISSUED) invalid(fn, "unknown smart_issue_outcome value");
    return static_cast<smart::issue_outcome>(v);
}

std::vector<smart::public_key> trusted_keys(const smart_public_key* const* trusted, size_t count, const char* fn) {
    if (count > 0) need(trusted, fn, "trusted is NULL");
    std::vector<smart::public_key> keys;
    keys.reserve(count);
    for (std::size_t i = 0; i < count; ++i) keys.push_back(key_of(trusted[i], fn));
    return keys;
}

/// What issuing takes besides the register: the cohort, its evaluation, the key and what
/// the options ask for (checked in this order).
struct issuing_inputs {
    const smart::cohort& c;
    const smart::evaluation& e;
    const smart::signing_key& k;
    issuing_request q;
    /// The certificate data of the participant of an earlier record, as the cohort says now.
    smart::certificate_data data_like(const smart::certificate_record& old) const {
        return smart::certificate_for(c, e, c.index_of(old.data.participant_id));
    }
};

issuing_inputs inputs_of(const smart_cohort* cohort, const smart_evaluation* evaluation, const smart_signing_key* key,
                         const smart_issue_options* options, const char* fn) {
    const smart::cohort& c = get(cohort, fn).c;
    const smart::evaluation& e = get(evaluation, fn).e;
    const smart::signing_key& k = key_of(key, fn);
    return {c, e, k, request_of(options, e, k, fn)};
}

/// smart_register_revoke and smart_register_revoke_for_correction.
int revoke_serial(smart_record** out, smart_register* reg, const char* serial, const char* reason, const char* date,
                  bool for_correction, const char* fn) noexcept {
    return produce(out, fn, [&] {
        smart::certificate_register& r = reg_of(reg, fn);
        need(serial, fn, "serial is NULL");
        need(reason, fn, "reason is NULL");
        return new_record(r.revoke(serial, reason, date_or_today(date, "date"), for_correction));
    });
}

/// The accessors both key handles share: the id, the did:key and the algorithm's name.
template <class Handle>
int key_id_text(const char** out, const Handle* key, const char* fn) noexcept {
    return lend_text(out, fn, [&]() -> const std::string& { return key_of(key, fn).key_id; });
}
template <class Handle>
int key_did_text(const char** out, const Handle* key, const char* fn) noexcept {
    return lend_text(out, fn, [&]() -> const std::string& { return box_of(key, fn).did; });
}
template <class Handle>
int key_algorithm_name(const char** out, const Handle* key, const char* fn) noexcept {
    return produce(out, fn, [&] { return smart::to_string(key_of(key, fn).algorithm); });
}

/// lend_text() of a text of a record, a report entry or a verification.
template <class F>
int record_text(const char** out, const smart_record* record, const char* fn, F field) noexcept {
    return lend_text(out, fn, [&]() -> const std::string& { return field(record_of(record, fn)); });
}
template <class F>
int entry_text(const char** out, const smart_issue_report* report, size_t entry, const char* fn, F field) noexcept {
    return lend_text(out, fn, [&]() -> const std::string& { return field(entry_of(report_of(report, fn), entry, fn)); });
}
template <class F>
int verification_text_of(const char** out, const smart_verification* verification, const char* fn, F field) noexcept {
    return lend_text(out, fn, [&]() -> const std::string& { return field(verification_of(verification, fn)); });
}

}  // namespace

// The C enums are the core's, value for value.
static_assert(static_cast<int>(smart::issue_outcome::too_early) == SMART_ISSUE_TOO_EARLY);
static_assert(static_cast<int>(smart::issue_outcome::withdrawn) == SMART_ISSUE_WITHDRAWN);
static_assert(static_cast<int>(smart::issue_outcome::reissued) == SMART_ISSUE_REISSUED);
static_assert(static_cast<int>(smart::issue_outcome::revoked) == SMART_ISSUE_REVOKED);
static_assert(static_cast<int>(smart::record_status::replaced) == SMART_RECORD_REPLACED);
static_assert(static_cast<int>(smart::verification_status::unknown_key) == SMART_VERIFY_UNKNOWN_KEY);
static_assert(static_cast<int>(smart::verification_status::tampered) == SMART_VERIFY_TAMPERED);
static_assert(static_cast<int>(smart::verification_status::unsigned_document) == SMART_VERIFY_UNSIGNED);

extern "C" {

// --- keys --------------------------------------------------------------------------------

int smart_signing_key_generate(smart_signing_key** out) {
    return produce(out, __func__, [] { return new_signing_key(smart::generate_signing_key()); });
}

int smart_signing_key_from_json(smart_signing_key** out, const char* json) {
    const char* const fn = __func__;
    return produce(out, fn, [&] { return new_signing_key(smart::load_signing_key(need(json, fn, "json is NULL"))); });
}

int smart_signing_key_load_file(smart_signing_key** out, const char* path) {
    const char* const fn = __func__;
    return produce(out, fn,
                   [&] { return new_signing_key(smart::load_signing_key_file(need(path, fn, "path is NULL"))); });
}

int smart_signing_key_to_json(char** out, const smart_signing_key* key) {
    const char* const fn = __func__;
    return produce(out, fn, [&] { return dup(smart::save_signing_key(key_of(key, fn))); });
}

int smart_signing_key_save_files(char** out, const smart_signing_key* key, const char* path) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        const smart::signing_key& k = key_of(key, fn);
        return dup(smart::save_signing_key_file(k, need(path, fn, "path is NULL")).string());
    });
}

int smart_signing_key_id(const char** out, const smart_signing_key* key) { return key_id_text(out, key, __func__); }

int smart_signing_key_public(smart_public_key** out, const smart_signing_key* key) {
    const char* const fn = __func__;
    return produce(out, fn, [&] { return new_public_key(key_of(key, fn).public_part()); });
}

void smart_signing_key_free(smart_signing_key* key) { release<signing_key_box>(key, signing_key_tag, __func__); }

int smart_public_key_from_json(smart_public_key** out, const char* json) {
    const char* const fn = __func__;
    return produce(out, fn, [&] { return new_public_key(smart::load_public_key(need(json, fn, "json is NULL"))); });
}

int smart_public_key_load_file(smart_public_key** out, const char* path) {
    const char* const fn = __func__;
    return produce(out, fn,
                   [&] { return new_public_key(smart::load_public_key_file(need(path, fn, "path is NULL"))); });
}

int smart_public_key_to_json(char** out, const smart_public_key* key) {
    const char* const fn = __func__;
    return produce(out, fn, [&] { return dup(smart::save_public_key(key_of(key, fn))); });
}

int smart_public_key_id(const char** out, const smart_public_key* key) { return key_id_text(out, key, __func__); }

void smart_public_key_free(smart_public_key* key) { release<public_key_box>(key, public_key_tag, __func__); }

int smart_signing_key_algorithm(const char** out, const smart_signing_key* key) {
    return key_algorithm_name(out, key, __func__);
}

int smart_signing_key_did(const char** out, const smart_signing_key* key) { return key_did_text(out, key, __func__); }

int smart_public_key_algorithm(const char** out, const smart_public_key* key) {
    return key_algorithm_name(out, key, __func__);
}

int smart_public_key_did(const char** out, const smart_public_key* key) { return key_did_text(out, key, __func__); }

int smart_public_key_from_did(smart_public_key** out, const char* did) {
    const char* const fn = __func__;
    return produce(out, fn, [&] { return new_public_key(smart::resolve_did_key(need(did, fn, "did is NULL"))); });
}

int smart_public_key_did_document(char** out, char** did_out, const smart_public_key* key, const char* issuer_url) {
    const char* const fn = __func__;
    if (did_out) *did_out = nullptr;
    return produce(out, fn, [&] {
        const public_key_box& b = box_of(key, fn);
        const std::string did = issuer_url ? smart::did_web(issuer_url) : b.did;
        std::unique_ptr<char, void (*)(char*)> doc(dup(smart::did_document(b.key, did)), smart_string_free);
        if (did_out) *did_out = dup(did);
        return doc.release();
    });
}

int smart_public_key_from_did_document(smart_public_key** out, const char* json, const char* key_id) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        const std::vector<smart::public_key> keys = smart::load_did_document(need(json, fn, "json is NULL"));
        const smart::public_key* chosen = key_id ? nullptr : &keys.front();
        for (const auto& k : keys)
            if (!chosen && k.key_id == key_id) chosen = &k;
        if (!chosen)
            throw smart::error(smart::errc::not_found,
                               "the DID document has no key " + smart::detail::quoted(key_id ? key_id : ""));
        return new_public_key(*chosen);
    });
}

int smart_did_web_document_url(char** out, const char* did) {
    const char* const fn = __func__;
    return produce(out, fn, [&] { return dup(smart::did_web_document_url(need(did, fn, "did is NULL"))); });
}

// --- options -------------------------------------------------------------------------------

int smart_issue_options_init(smart_issue_options* options, unsigned int version) {
    const char* const fn = __func__;
    return guard([&] {
        need(options, fn, "options is NULL");
        if (version < 1 || version > SMART_ISSUE_OPTIONS_VERSION) invalid(fn, "unknown structure version");
        *options = smart_issue_options SMART_ISSUE_OPTIONS_INIT;
        options->version = version;
    });
}

// --- the register ------------------------------------------------------------------------

int smart_register_open(smart_register** out, const char* path) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        return hand_out<smart_register>(std::make_unique<register_box>(need(path, fn, "path is NULL")));
    });
}

int smart_register_reload(smart_register* reg) {
    const char* const fn = __func__;
    return guard([&] { reg_of(reg, fn).reload(); });
}

int smart_register_record_count(size_t* out, const smart_register* reg) {
    const char* const fn = __func__;
    return produce(out, fn, [&] { return reg_of(reg, fn).records().size(); });
}

int smart_register_record(smart_record** out, const smart_register* reg, size_t index) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        const auto& records = reg_of(reg, fn).records();
        if (index >= records.size()) invalid(fn, "record index out of range");
        return new_record(records[index]);
    });
}

int smart_register_find(smart_record** out, const smart_register* reg, const char* serial) {
    const char* const fn = __func__;
    return produce(out, fn, [&] { return new_record(find_serial(reg_of(reg, fn), serial, fn)); });
}

int smart_register_issue_cohort(smart_issue_report** out, smart_register* reg, const smart_cohort* cohort,
                                const smart_evaluation* evaluation, const smart_signing_key* key,
                                const smart_issue_options* options) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        smart::certificate_register& r = reg_of(reg, fn);
        const issuing_inputs in = inputs_of(cohort, evaluation, key, options, fn);
        auto box = std::make_unique<report_box>();
        box->report = smart::issue_cohort(r, in.c, in.e, in.q.issuer, in.k, in.q.issued_on, in.q.language);
        return hand_out<smart_issue_report>(std::move(box));
    });
}

int smart_register_issue(smart_record** out, int* is_new, smart_register* reg, const smart_cohort* cohort,
                         const smart_evaluation* evaluation, size_t participant, const smart_signing_key* key,
                         const smart_issue_options* options) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        smart::certificate_register& r = reg_of(reg, fn);
        const issuing_inputs in = inputs_of(cohort, evaluation, key, options, fn);
        const auto [record, fresh] =
            r.issue(smart::certificate_for(in.c, in.e, participant), in.q.issuer, in.k, in.q.issued_on, in.q.language);
        smart_record* made = new_record(record);
        if (is_new) *is_new = fresh ? 1 : 0;
        return made;
    });
}

int smart_register_revoke(smart_record** out, smart_register* reg, const char* serial, const char* reason,
                          const char* date) {
    return revoke_serial(out, reg, serial, reason, date, false, __func__);
}

int smart_register_reissue(smart_record** out, smart_register* reg, const char* serial, const smart_cohort* cohort,
                           const smart_evaluation* evaluation, const smart_signing_key* key,
                           const smart_issue_options* options) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        smart::certificate_register& r = reg_of(reg, fn);
        need(serial, fn, "serial is NULL");
        const issuing_inputs in = inputs_of(cohort, evaluation, key, options, fn);
        const smart::certificate_data d = in.data_like(find_serial(r, serial, fn));
        return new_record(r.reissue(serial, d, in.q.issuer, in.k, in.q.issued_on, in.q.language));
    });
}

int smart_register_open_mode(smart_register** out, const char* path, unsigned int mode) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        return hand_out<smart_register>(std::make_unique<register_box>(need(path, fn, "path is NULL"), mode));
    });
}

int smart_register_revoke_for_correction(smart_record** out, smart_register* reg, const char* serial,
                                         const char* reason, const char* date) {
    return revoke_serial(out, reg, serial, reason, date, true, __func__);
}

int smart_register_correct(smart_record** out, smart_register* reg, const char* serial, const char* reason,
                           const smart_cohort* cohort, const smart_evaluation* evaluation, const smart_signing_key* key,
                           const smart_issue_options* options) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        smart::certificate_register& r = reg_of(reg, fn);
        need(serial, fn, "serial is NULL");
        need(reason, fn, "reason is NULL");
        const issuing_inputs in = inputs_of(cohort, evaluation, key, options, fn);
        const smart::certificate_data d = in.data_like(find_serial(r, serial, fn));
        return new_record(r.reissue(serial, reason, d, in.q.issuer, in.k, in.q.issued_on, in.q.language));
    });
}

void smart_register_free(smart_register* reg) { release<register_box>(reg, register_tag, __func__); }

// --- records -------------------------------------------------------------------------------

int smart_record_serial(const char** out, const smart_record* record) {
    return record_text(out, record, __func__, [](const record_box& b) -> auto& { return b.r.serial; });
}

int smart_record_status(smart_certificate_status* out, const smart_record* record) {
    const char* const fn = __func__;
    return produce(out, fn, [&] { return static_cast<smart_certificate_status>(record_of(record, fn).r.status); });
}

int smart_record_issue_number(unsigned int* out, const smart_record* record) {
    const char* const fn = __func__;
    return produce(out, fn, [&] { return record_of(record, fn).r.issue_number; });
}

int smart_record_holder(const char** out, const smart_record* record) {
    return record_text(out, record, __func__, [](const record_box& b) -> auto& { return b.r.data.holder; });
}

int smart_record_participant_id(const char** out, const smart_record* record) {
    return record_text(out, record, __func__, [](const record_box& b) -> auto& { return b.r.data.participant_id; });
}

int smart_record_verification_code(const char** out, const smart_record* record) {
    return record_text(out, record, __func__, [](const record_box& b) -> auto& { return b.r.verification_code; });
}

int smart_record_issued_on(const char** out, const smart_record* record) {
    return record_text(out, record, __func__, [](const record_box& b) -> auto& { return b.issued_on; });
}

int smart_record_replaces(const char** out, const smart_record* record) {
    return record_text(out, record, __func__, [](const record_box& b) -> auto& { return b.r.replaces; });
}

int smart_record_replaced_by(const char** out, const smart_record* record) {
    return record_text(out, record, __func__, [](const record_box& b) -> auto& { return b.r.replaced_by; });
}

int smart_record_revoked_reason(const char** out, const smart_record* record) {
    return record_text(out, record, __func__, [](const record_box& b) -> auto& { return b.r.revoked_reason; });
}

int smart_record_revoked_on(const char** out, const smart_record* record) {
    return record_text(out, record, __func__, [](const record_box& b) -> auto& { return b.revoked_on; });
}

int smart_record_revoked_for_correction(int* out, const smart_record* record) {
    const char* const fn = __func__;
    return produce(out, fn, [&] { return record_of(record, fn).r.revoked_for_correction ? 1 : 0; });
}

int smart_record_credential_jws(const char** out, const smart_record* record) {
    return record_text(out, record, __func__, [](const record_box& b) -> auto& { return b.r.credential_jws; });
}

int smart_record_credential_json(char** out, const smart_record* record) {
    const char* const fn = __func__;
    return produce(out, fn, [&] { return dup(smart::open_badge_credential(record_of(record, fn).r)); });
}

int smart_record_status_list(const char** out, const smart_record* record) {
    return record_text(out, record, __func__, [](const record_box& b) -> auto& { return b.r.status_list; });
}

int smart_record_status_index(long long* out, const smart_record* record) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        const smart::certificate_record& r = record_of(record, fn).r;
        return r.status_list.empty() ? -1LL : static_cast<long long>(r.status_index);
    });
}

void smart_record_free(smart_record* record) { release<record_box>(record, record_tag, __func__); }

// --- issue reports ---------------------------------------------------------------------------

int smart_issue_report_size(size_t* out, const smart_issue_report* report) {
    const char* const fn = __func__;
    return produce(out, fn, [&] { return report_of(report, fn).entries.size(); });
}

int smart_issue_report_count(size_t* out, const smart_issue_report* report, smart_issue_outcome outcome) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        const smart::issue_report& r = report_of(report, fn);
        const smart::issue_outcome o = outcome_of(outcome, fn);
        std::size_t n = 0;
        for (const auto& x : r.entries) n += x.outcome == o;
        return n;
    });
}

int smart_issue_report_outcome(smart_issue_outcome* out, const smart_issue_report* report, size_t entry) {
    const char* const fn = __func__;
    return produce(out, fn,
                   [&] { return static_cast<smart_issue_outcome>(entry_of(report_of(report, fn), entry, fn).outcome); });
}

int smart_issue_report_participant_id(const char** out, const smart_issue_report* report, size_t entry) {
    return entry_text(out, report, entry, __func__, [](const smart::issue_entry& x) -> auto& { return x.participant_id; });
}

int smart_issue_report_name(const char** out, const smart_issue_report* report, size_t entry) {
    return entry_text(out, report, entry, __func__, [](const smart::issue_entry& x) -> auto& { return x.name; });
}

int smart_issue_report_reason(const char** out, const smart_issue_report* report, size_t entry) {
    return entry_text(out, report, entry, __func__, [](const smart::issue_entry& x) -> auto& { return x.reason; });
}

int smart_issue_report_record(smart_record** out, const smart_issue_report* report, size_t entry) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        const smart::issue_entry& x = entry_of(report_of(report, fn), entry, fn);
        if (!x.record)
            throw smart::error(smart::errc::not_found, std::string(fn) + ": entry " + std::to_string(entry) +
                                                           " (" + smart::to_string(x.outcome) + ") has no record");
        return new_record(*x.record);
    });
}

void smart_issue_report_free(smart_issue_report* report) { release<report_box>(report, report_tag, __func__); }

int smart_issue_outcome_name(const char** out, smart_issue_outcome outcome) {
    const char* const fn = __func__;
    return produce(out, fn, [&] { return smart::to_string(outcome_of(outcome, fn)); });
}

// --- verification --------------------------------------------------------------------------

int smart_verify_credential(smart_verification** out, const char* jws, const smart_public_key* const* trusted,
                            size_t trusted_count, const smart_register* reg) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        need(jws, fn, "jws is NULL");
        const std::vector<smart::public_key> keys = trusted_keys(trusted, trusted_count, fn);
        const smart::certificate_register* r = reg ? &reg_of(reg, fn) : nullptr;
        return new_verification(smart::verify_credential(jws, keys, r));
    });
}

int smart_verify_credential_with_status_list(smart_verification** out, const char* jws,
                                             const smart_public_key* const* trusted, size_t trusted_count,
                                             const smart_register* reg, const char* status_list_jws) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        need(jws, fn, "jws is NULL");
        const std::vector<smart::public_key> keys = trusted_keys(trusted, trusted_count, fn);
        const smart::certificate_register* r = reg ? &reg_of(reg, fn) : nullptr;
        return new_verification(smart::verify_credential(jws, keys, r, status_list_jws ? status_list_jws : ""));
    });
}

int smart_status_list_credential(char** out, const smart_register* reg, const smart_signing_key* key,
                                 const char* issuer_id, const char* issuer_url, const char* list_url,
                                 const char* valid_from) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        const smart::certificate_register& r = reg_of(reg, fn);
        const smart::signing_key& k = key_of(key, fn);
        need(issuer_url, fn, "issuer_url is NULL (the list is published under the issuer's https URL)");
        const smart::issuer_profile issuer{issuer_id ? std::string(issuer_id) : smart::did_web(issuer_url), "",
                                           issuer_url};
        const std::string url = list_url ? std::string(list_url) : smart::status_list_url(issuer_url);
        return dup(smart::status_list_credential(r, issuer, k, url, date_or_today(valid_from, "valid_from")));
    });
}

int smart_verify_credential_document(smart_verification** out, const char* json, const smart_public_key* const* trusted,
                                     size_t trusted_count, const smart_register* reg) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        need(json, fn, "json is NULL");
        const std::vector<smart::public_key> keys = trusted_keys(trusted, trusted_count, fn);
        return new_verification(smart::verify_credential_document(json, keys, reg_of(reg, fn)));
    });
}

int smart_verification_status(smart_verdict* out, const smart_verification* verification) {
    const char* const fn = __func__;
    return produce(out, fn, [&] { return static_cast<smart_verdict>(verification_of(verification, fn).status); });
}

int smart_verification_key_id(const char** out, const smart_verification* verification) {
    return verification_text_of(out, verification, __func__,
                                [](const smart::verification_result& v) -> auto& { return v.key_id; });
}

int smart_verification_serial(const char** out, const smart_verification* verification) {
    return verification_text_of(out, verification, __func__,
                                [](const smart::verification_result& v) -> auto& { return v.serial; });
}

int smart_verification_detail(const char** out, const smart_verification* verification) {
    return verification_text_of(out, verification, __func__,
                                [](const smart::verification_result& v) -> auto& { return v.detail; });
}

int smart_verification_credential_json(const char** out, const smart_verification* verification) {
    return verification_text_of(out, verification, __func__,
                                [](const smart::verification_result& v) -> auto& { return v.credential_json; });
}

int smart_verify_serial_code(smart_verification** out, const smart_register* reg, const char* serial, const char* code,
                             const smart_public_key* const* trusted, size_t trusted_count) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        need(serial, fn, "serial is NULL");
        need(code, fn, "code is NULL");
        const std::vector<smart::public_key> keys = trusted_keys(trusted, trusted_count, fn);
        return new_verification(smart::verify_serial_code(reg_of(reg, fn), serial, code, keys));
    });
}

int smart_verify_site_certificate(smart_verification** out, const char* jws, const char* serial, const char* code,
                                  const smart_public_key* const* trusted, size_t trusted_count,
                                  const char* status_list_jws, const char* status_json) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        need(jws, fn, "jws is NULL");
        need(serial, fn, "serial is NULL");
        need(code, fn, "code is NULL");
        const std::vector<smart::public_key> keys = trusted_keys(trusted, trusted_count, fn);
        std::optional<smart::site_status> stated;
        if (status_json) stated = smart::read_site_status(status_json);
        return new_verification(smart::verify_site_certificate(jws, serial, code, keys,
                                                               status_list_jws ? status_list_jws : "",
                                                               stated ? &*stated : nullptr));
    });
}

int smart_verification_replaced_by(const char** out, const smart_verification* verification) {
    return verification_text_of(out, verification, __func__,
                                [](const smart::verification_result& v) -> auto& { return v.replaced_by; });
}

int smart_verification_token(char** out, const char* serial, const char* code) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        need(serial, fn, "serial is NULL");
        need(code, fn, "code is NULL");
        return dup(smart::verification_token(serial, code));
    });
}

int smart_verification_text(char** out, const smart_verification* verification, smart_lang lang) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        const smart::verification_result& v = verification_of(verification, fn);
        return dup(smart::verification_text(v, to_cpp(lang, fn)));
    });
}

void smart_verification_free(smart_verification* verification) {
    release<verification_box>(verification, verification_tag, __func__);
}

int smart_verdict_name(const char** out, smart_verdict verdict) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        const long long v = raw_value(verdict);
        if (v < SMART_VERIFY_VALID || v > SMART_VERIFY_UNSIGNED) invalid(fn, "unknown smart_verdict value");
        return smart::to_string(static_cast<smart::verification_status>(v));
    });
}

}  // extern "C"
