// Reading a credential back: the OB 3.0 document inside a JWT payload, and what it
// certifies as a person reads it.
#include "internal.hpp"
#include "smart/error.hpp"

namespace smart {

using namespace detail;  // the issuing internals (internal.hpp)

namespace {

ojson object_or_throw(std::string_view json_text) {
    ojson o = parse_json(json_text, "credential");
    if (!o.is_object()) throw error(errc::parse_error, "a credential is a JSON object");
    return o;
}

const ojson& member_object(const ojson& o, const char* key) {
    static const ojson empty = ojson::object();
    const auto it = o.find(key);
    return it != o.end() && it->is_object() ? *it : empty;
}

/// The date part of an XML Schema dateTime ("2025-04-30T00:00:00Z" -> "2025-04-30").
std::string day_of(const std::string& datetime_text) { return datetime_text.substr(0, 10); }

}  // namespace

std::string credential_of_payload(std::string_view payload_json) {
    ojson o = object_or_throw(payload_json);
    for (std::string_view claim : jwt_claims) o.erase(std::string(claim));
    return o.dump(2) + "\n";
}

credential_summary summarize_credential(std::string_view credential_json) {
    const ojson c = object_or_throw(credential_json);
    const ojson& subject = member_object(c, "credentialSubject");
    const ojson& achievement = member_object(subject, "achievement");
    const ojson& issuer = member_object(c, "issuer");
    credential_summary s;
    if (const auto ids = subject.find("identifier"); ids != subject.end() && ids->is_array())
        for (const auto& id : *ids)
            if (string_member(id, "identityType") == "name") {
                s.holder = string_member(id, "identityHash");
                break;
            }
    s.certificate = string_member(achievement, "description");
    s.period_start = day_of(string_member(subject, "activityStartDate"));
    s.period_end = day_of(string_member(subject, "activityEndDate"));
    s.issuer_name = string_member(issuer, "name");
    s.issuer_id = string_member(issuer, "id");
    s.issued_on = day_of(string_member(c, "validFrom"));
    if (const auto al = achievement.find("alignment"); al != achievement.end() && al->is_array())
        for (const auto& a : *al) s.goals.emplace_back(string_member(a, "targetCode"), string_member(a, "targetName"));
    s.requirements = string_member(member_object(achievement, "criteria"), "narrative");
    return s;
}

}  // namespace smart
