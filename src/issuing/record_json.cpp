// A certificate record as the register stores it (JSON), and back.
#include "internal.hpp"
#include "smart/error.hpp"

namespace smart::detail {

namespace {

localized_text text_from(const ojson& o) {
    localized_text x;
    if (o.is_string()) {
        x.nb = o.get<std::string>();
        return x;
    }
    x.nb = o.value("nb", "");
    x.nn = o.value("nn", "");
    x.en = o.value("en", "");
    return x;
}

}  // namespace

ojson data_json(const certificate_data& d) { return ojson::parse(certificate_data_to_json(d)); }

certificate_data data_from(const ojson& o) {
    certificate_data d;
    d.participant_id = o.at("participant_id").get<std::string>();
    d.holder = o.at("holder").get<std::string>();
    d.programme_id = o.at("programme").at("id").get<std::string>();
    d.programme_name = text_from(o.at("programme").at("name"));
    d.provider = text_from(o.at("programme").at("provider"));
    d.cohort_id = o.at("cohort").at("id").get<std::string>();
    d.cohort_label = o.at("cohort").at("label").get<std::string>();
    d.period_start = parse_date(o.at("period").at("start").get<std::string>());
    d.period_end = parse_date(o.at("period").at("end").get<std::string>());
    d.as_of = parse_date(o.at("as_of").get<std::string>());
    for (const auto& g : o.at("competence_goals")) d.goals.push_back({g.at("id").get<std::string>(), text_from(g.at("text"))});
    for (const auto& r : o.at("requirements")) {
        certified_requirement cr;
        cr.id = r.at("id").get<std::string>();
        cr.label = text_from(r.at("label"));
        cr.state = parse_requirement_state(r.at("state").get<std::string>());
        cr.exemption_reason = r.value("exemption_reason", "");
        d.requirements.push_back(std::move(cr));
    }
    return d;
}

ojson record_json(const certificate_record& r) {
    ojson o;
    o["serial"] = r.serial;
    o["issue_number"] = r.issue_number;
    o["issued_on"] = to_iso(r.issued_on);
    o["language"] = to_string(r.language);
    o["issuer"] = {{"id", r.issuer.id}, {"name", r.issuer.name}, {"url", r.issuer.url}};
    if (!r.replaces.empty()) o["replaces"] = r.replaces;
    if (!r.status_list.empty()) o["status"] = {{"list", r.status_list}, {"index", r.status_index}};
    o["data"] = data_json(r.data);
    o["credential_jws"] = r.credential_jws;
    o["verification_code"] = r.verification_code;
    return o;
}

certificate_record record_from(const ojson& o) {
    certificate_record r;
    r.serial = o.at("serial").get<std::string>();
    r.issue_number = o.at("issue_number").get<std::uint32_t>();
    r.issued_on = parse_date(o.at("issued_on").get<std::string>());
    r.language = parse_lang(o.at("language").get<std::string>());
    r.issuer = {o.at("issuer").at("id").get<std::string>(), o.at("issuer").at("name").get<std::string>(),
                o.at("issuer").value("url", "")};
    r.replaces = o.value("replaces", "");
    if (const auto it = o.find("status"); it != o.end()) {
        r.status_list = it->at("list").get<std::string>();
        r.status_index = it->at("index").get<std::uint32_t>();
    }
    r.data = data_from(o.at("data"));
    r.credential_jws = o.at("credential_jws").get<std::string>();
    r.verification_code = o.at("verification_code").get<std::string>();
    return r;
}

}  // namespace smart::detail
