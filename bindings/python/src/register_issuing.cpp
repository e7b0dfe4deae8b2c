// Issuing certificates: keys, frozen records, Open Badges 3.0 credentials signed as VC-JWT,
// verification and the append-only register (include/smart/issuing.hpp). An adapter: the
// core signs, verifies, locks and appends; this file converts types and releases the GIL
// around signing, verification and register I/O.
#include <pybind11/stl/filesystem.h>

#include <map>
#include <mutex>
#include <tuple>

#include "bindings.hpp"

namespace smart_py {

namespace {

/// A member of a str-based enum of smart/issuing.py (RecordStatus, VerificationStatus).
py::object issuing_enum(const char* cls, const char* name) {
    static py::handle module = py::module_::import("smart.issuing").release();
    return module.attr(cls)(name);
}

/// The register as Python holds it: the core's register is not safe to use from two
/// threads at once, and its calls run without the GIL, so one mutex serialises them.
/// (Two processes are the core's business: it flocks the file.)
struct py_register {
    explicit py_register(std::filesystem::path p, unsigned mode = 0600) : reg(std::move(p), mode) {}
    smart::certificate_register reg;
    std::mutex mu;
};

std::string short_repr(const std::string& s) { return py_repr(py::str(s)); }

}  // namespace

void register_issuing(py::module_& m) {
    py::module_ s = m.def_submodule(
        "issuing", "Issuing certificates: keys, frozen records, signed credentials, verification, the register.");

    // --- keys -------------------------------------------------------------------------
    py::class_<smart::public_key>(s, "PublicKey", "A public key (ES256, or Ed25519 for keys made before) with its id.")
        .def_readonly("key_id", &smart::public_key::key_id,
                      "The key id: its multibase 'zDn…' (ES256), 'smart-' + 16 hex digits (Ed25519 /1 files).")
        .def_property_readonly(
            "algorithm", [](const smart::public_key& k) { return issuing_enum("KeyAlgorithm", smart::to_string(k.algorithm)); },
            "The JOSE algorithm it verifies: KeyAlgorithm.es256 or KeyAlgorithm.ed25519.")
        .def_property_readonly("did", [](const smart::public_key& k) { return smart::did_key(k); },
                               "Its did:key ('did:key:zDn…').")
        .def_property_readonly("multibase", [](const smart::public_key& k) { return smart::key_multibase(k); },
                               "Its multibase ('zDn…'): the fragment of its DID URL.")
        .def("to_json", &smart::save_public_key, "The public key file (smart.public-key/2; /1 for Ed25519).")
        .def(
            "public_key_pem", [](const smart::public_key& k) { return py::bytes(smart::public_key_pem(k)); },
            "The ES256 key as SubjectPublicKeyInfo PEM, the form X.509 tools compare signer keys with. "
            "Raises InvalidArgumentError for an Ed25519 key.")
        .def("__eq__", [](const smart::public_key& a, const smart::public_key& b) { return a == b; })
        .def("__hash__", [](const smart::public_key& k) { return py::hash(py::str(k.key_id)); })
        .def("__repr__", [](const smart::public_key& k) { return "PublicKey(" + short_repr(k.key_id) + ")"; });

    py::class_<smart::signing_key>(s, "SigningKey",
                                   "A key pair (ES256; Ed25519 for keys made before). Its repr and str never show "
                                   "the secret; to_json() is the key file and contains it.")
        .def_readonly("key_id", &smart::signing_key::key_id, "The key id (as PublicKey.key_id).")
        .def_property_readonly(
            "algorithm",
            [](const smart::signing_key& k) { return issuing_enum("KeyAlgorithm", smart::to_string(k.algorithm)); },
            "The JOSE algorithm it signs with: KeyAlgorithm.es256 or KeyAlgorithm.ed25519.")
        .def_property_readonly("did", [](const smart::signing_key& k) { return smart::did_key(k.public_part()); },
                               "Its did:key: the default issuer id of what it signs.")
        .def_property_readonly("public_key", &smart::signing_key::public_part, "The public half.")
        .def("to_json", &smart::save_signing_key, "The secret key file (smart.signing-key/2): keep it private.")
        .def(
            "private_key_pem",
            [](const smart::signing_key& k) { return py::bytes(smart::signing_key_pem(k)); },
            "The ES256 key pair as unencrypted PKCS#8 PEM, for the PDF signer (PAdES); keep it in memory. "
            "Raises InvalidArgumentError for an Ed25519 key (PDF readers do not verify Ed25519).")
        .def("__repr__", [](const smart::signing_key& k) { return "SigningKey(" + short_repr(k.key_id) + ")"; });

    s.def(
        "generate_signing_key",
        [](const std::string& algorithm) {
            const auto a = algorithm == "Ed25519" ? smart::key_algorithm::ed25519 : smart::key_algorithm::es256;
            if (algorithm != "ES256" && algorithm != "Ed25519")
                throw smart::error(smart::errc::invalid_argument, "expected the algorithm ES256 or Ed25519");
            py::gil_scoped_release nogil;
            return smart::generate_signing_key(a);
        },
        py::arg("algorithm") = "ES256", "A fresh key pair from the operating system's randomness.");
    s.def("resolve_did_key", &smart::resolve_did_key, py::arg("did"),
          "The public key a did:key (or did:key URL) names. Raises InvalidArgumentError.");
    s.def("did_web", &smart::did_web, py::arg("url"), "The did:web of an https URL. Raises InvalidArgumentError.");
    s.def("did_web_document_url", &smart::did_web_document_url, py::arg("did"),
          "Where a did:web's document is published.");
    s.def("key_reference", &smart::key_reference, py::arg("key"), py::arg("issuer_id"),
          "The DID URL a credential's JWS kid names for this key and issuer.");
    s.def("did_document", &smart::did_document, py::arg("key"), py::arg("did"),
          "The DID document (JSON) publishing the key under the DID.");
    s.def("load_did_document", &smart::load_did_document, py::arg("text"),
          "The keys a DID document publishes. Raises ParseError / ValidationError.");
    s.def(
        "load_signing_key",
        [](std::string_view text) {
            py::gil_scoped_release nogil;
            return smart::load_signing_key(text);
        },
        py::arg("text"), "Reads a secret key file's text. Raises ParseError / ValidationError (naming places).");
    s.def(
        "load_signing_key_file",
        [](const std::filesystem::path& p) {
            py::gil_scoped_release nogil;
            return smart::load_signing_key_file(p);
        },
        py::arg("path"), "Reads a secret key file. Raises NotFoundError, ParseError, ValidationError.");
    s.def(
        "load_public_key",
        [](std::string_view text) {
            py::gil_scoped_release nogil;
            return smart::load_public_key(text);
        },
        py::arg("text"), "Reads a public key file's text. Raises ParseError / ValidationError.");

    s.def("public_key_path", &smart::public_key_path, py::arg("key_file"),
          "Where the public key of a secret key file goes: NAME.key.json -> NAME.pub.json.");
    s.def(
        "save_signing_key_file",
        [](const smart::signing_key& k, const std::filesystem::path& p) {
            py::gil_scoped_release nogil;
            return smart::save_signing_key_file(k, p);
        },
        py::arg("key"), py::arg("path"),
        "Writes the secret key file (mode 0600) and the public one beside it; returns the public file's path. "
        "Raises NotAllowedError when either exists.");
    s.def(
        "save_public_key_file",
        [](const smart::public_key& k, const std::filesystem::path& p) {
            py::gil_scoped_release nogil;
            smart::save_public_key_file(k, p);
        },
        py::arg("key"), py::arg("path"), "Writes a new public key file. Raises NotAllowedError when it exists.");
    s.def(
        "load_public_key_file",
        [](const std::filesystem::path& p) {
            py::gil_scoped_release nogil;
            return smart::load_public_key_file(p);
        },
        py::arg("path"), "Reads a public key file, or the public half of a secret key file.");
    s.def("check_key_outside", &smart::check_key_outside, py::arg("key_file"), py::arg("folder"),
          "Raises InvalidArgumentError when the key file lies inside the folder.");

    // --- what a certificate states ------------------------------------------------------
    py::class_<smart::certified_requirement>(s, "CertifiedRequirement",
                                             "A requirement as it stands on a certificate: met, or exempt.")
        .def_readonly("id", &smart::certified_requirement::id, "The requirement id.")
        .def_readonly("label", &smart::certified_requirement::label, "Its label (nb/nn/en).")
        .def_readonly("state", &smart::certified_requirement::state, "met or exempt.")
        .def_readonly("exemption_reason", &smart::certified_requirement::exemption_reason,
                      "Why it was exempted ('' when met).")
        .def("__eq__", [](const smart::certified_requirement& a, const smart::certified_requirement& b) {
            return a == b;
        });

    py::class_<smart::certificate_data>(s, "CertificateData",
                                        "Everything a certificate states about its holder (no contact data). "
                                        "Read-only.")
        .def_readonly("participant_id", &smart::certificate_data::participant_id, "The participant's id.")
        .def_readonly("holder", &smart::certificate_data::holder, "The holder's name.")
        .def_readonly("programme_id", &smart::certificate_data::programme_id, "The programme's id.")
        .def_readonly("programme_name", &smart::certificate_data::programme_name, "The programme's name.")
        .def_readonly("provider", &smart::certificate_data::provider, "Who provides the programme.")
        .def_readonly("cohort_id", &smart::certificate_data::cohort_id, "The cohort's id.")
        .def_readonly("cohort_label", &smart::certificate_data::cohort_label, "The cohort's label.")
        .def_readonly("period_start", &smart::certificate_data::period_start, "The cohort's first day.")
        .def_readonly("period_end", &smart::certificate_data::period_end, "The cohort's last day.")
        .def_readonly("as_of", &smart::certificate_data::as_of, "The evaluation date that established eligibility.")
        .def_readonly("goals", &smart::certificate_data::goals, "The competence goals.")
        .def_readonly("requirements", &smart::certificate_data::requirements, "The requirements met or exempted.")
        .def("to_json", &smart::certificate_data_to_json, "As JSON (smart.certificate-data/1).")
        .def("__eq__", [](const smart::certificate_data& a, const smart::certificate_data& b) { return a == b; })
        .def("__repr__", [](const smart::certificate_data& d) {
            return "CertificateData(" + short_repr(d.participant_id) + ", holder=" + short_repr(d.holder) +
                   ", programme=" + short_repr(d.programme_id) + ", cohort=" + short_repr(d.cohort_id) + ")";
        });

    s.def(
        "certificate_for",
        [](const std::shared_ptr<py_evaluation>& x, std::size_t i) { return smart::certificate_for(x->cohort(), x->e, i); },
        py::arg("evaluation"), py::arg("index"),
        "The certificate data of one participant. Raises NotAllowedError unless eligible (and the evaluation is "
        "dated on or after the cohort's last day).");

    // --- records ----------------------------------------------------------------------
    py::class_<smart::issuer_profile>(s, "Issuer", "Who issues: id (https://… or urn:…), name, optional url.")
        .def(py::init([](text id, text name, text url) {
                 return smart::issuer_profile{std::move(id), std::move(name), std::move(url)};
             }),
             py::kw_only(), py::arg("id"), py::arg("name"), py::arg("url") = "")
        .def_readonly("id", &smart::issuer_profile::id, "A URI identifying the issuer.")
        .def_readonly("name", &smart::issuer_profile::name, "The issuer's name, as printed.")
        .def_readonly("url", &smart::issuer_profile::url, "The issuer's web address ('' when none).")
        .def("__eq__", [](const smart::issuer_profile& a, const smart::issuer_profile& b) { return a == b; })
        .def("__repr__", [](const smart::issuer_profile& i) {
            return "Issuer(id=" + short_repr(i.id) + ", name=" + short_repr(i.name) +
                   (i.url.empty() ? "" : ", url=" + short_repr(i.url)) + ")";
        });

    py::class_<smart::certificate_record>(s, "CertificateRecord",
                                          "An issued certificate, frozen: its own copy of everything it states. "
                                          "Read-only; the status is as the register knew it when read.")
        .def_readonly("serial", &smart::certificate_record::serial, "SMART-XXXX-XXXX-XXXX.")
        .def_readonly("issue_number", &smart::certificate_record::issue_number, "1, then 2, 3, ... for re-issues.")
        .def_readonly("data", &smart::certificate_record::data, "What it states (frozen).")
        .def_readonly("issuer", &smart::certificate_record::issuer, "Who issued it.")
        .def_readonly("issued_on", &smart::certificate_record::issued_on, "The issue date.")
        .def_readonly("language", &smart::certificate_record::language, "The language it was issued in.")
        .def_readonly("credential_jws", &smart::certificate_record::credential_jws,
                      "The signed Open Badges 3.0 credential (compact JWS, VC-JWT).")
        .def_readonly("verification_code", &smart::certificate_record::verification_code, "XXXX-XXXX.")
        .def_property_readonly(
            "status",
            [](const smart::certificate_record& r) { return issuing_enum("RecordStatus", smart::to_string(r.status)); },
            "valid, revoked or replaced.")
        .def_property_readonly(
            "revoked_reason",
            [](const smart::certificate_record& r) -> py::object {
                if (r.status != smart::record_status::revoked) return py::none();
                return py::str(r.revoked_reason);
            },
            "Why it was revoked, or None.")
        .def_readonly("revoked_on", &smart::certificate_record::revoked_on, "When it was revoked, or None.")
        .def_readonly("revoked_for_correction", &smart::certificate_record::revoked_for_correction,
                      "True when it was revoked to be corrected (a bulk run issues the replacement).")
        .def_property_readonly(
            "replaces",
            [](const smart::certificate_record& r) -> py::object {
                return r.replaces.empty() ? py::object(py::none()) : py::object(py::str(r.replaces));
            },
            "The serial this record re-issues, or None.")
        .def_property_readonly(
            "replaced_by",
            [](const smart::certificate_record& r) -> py::object {
                return r.replaced_by.empty() ? py::object(py::none()) : py::object(py::str(r.replaced_by));
            },
            "The serial of the record that re-issued this one, or None.")
        .def_property_readonly(
            "status_list",
            [](const smart::certificate_record& r) -> py::object {
                return r.status_list.empty() ? py::object(py::none()) : py::object(py::str(r.status_list));
            },
            "The URL of the issuer's status list (revocation) the credential names, or None (no issuer URL).")
        .def_property_readonly(
            "status_index",
            [](const smart::certificate_record& r) -> py::object {
                return r.status_list.empty() ? py::object(py::none()) : py::object(py::int_(r.status_index));
            },
            "The credential's index in that status list, or None.")
        .def("__eq__", [](const smart::certificate_record& a, const smart::certificate_record& b) { return a == b; })
        .def("__repr__", [](const smart::certificate_record& r) {
            return "CertificateRecord(" + short_repr(r.serial) + ", holder=" + short_repr(r.data.holder) +
                   ", issued_on=" + smart::to_iso(r.issued_on) + ", status=" + smart::to_string(r.status) + ")";
        });

    py::class_<smart::certificate_wording>(s, "Wording", "The words of a certificate, in one language.")
        .def_readonly("title", &smart::certificate_wording::title, "The title.")
        .def_readonly("holder_line", &smart::certificate_wording::holder_line, "The holder's name.")
        .def_readonly("attests", &smart::certificate_wording::attests, "The attesting sentence.")
        .def_readonly("goals_heading", &smart::certificate_wording::goals_heading, "The heading of the goals.")
        .def_readonly("goals", &smart::certificate_wording::goals, "The competence goals.")
        .def_readonly("requirements_heading", &smart::certificate_wording::requirements_heading, "The heading of the requirements.")
        .def_readonly("requirements", &smart::certificate_wording::requirements, "The requirements met, and exemptions.")
        .def_readonly("issued_line", &smart::certificate_wording::issued_line, "Issued on … by …")
        .def_readonly("serial_line", &smart::certificate_wording::serial_line, "The serial number line.")
        .def_readonly("code_line", &smart::certificate_wording::code_line, "The verification code line.")
        .def_readonly("verify_hint", &smart::certificate_wording::verify_hint, "How to check it.");

    s.def(
        "wording",
        [](const smart::certificate_record& r, std::optional<smart::lang> l) {
            return l ? smart::wording(r, *l) : smart::wording(r);
        },
        py::arg("record"), py::arg("lang") = py::none(),
        "The certificate's words in `lang` (default: the record's language).");
    s.def("open_badge_credential", &smart::open_badge_credential, py::arg("record"),
          "The Open Badges 3.0 AchievementCredential of a record, as JSON text.");
    s.def("certificate_serial", &smart::certificate_serial, py::arg("programme_id"), py::arg("cohort_id"),
          py::arg("participant_id"), py::arg("issue_number") = 1, py::arg("issuer_id") = "",
          "The stable serial of a certificate: SMART-IIII-XXXX-XXXX-XXXX with an issuer id, the older "
          "SMART-XXXX-XXXX-XXXX without.");
    s.def("is_certificate_serial", &smart::is_certificate_serial, py::arg("text"),
          "True for text of the form SMART-IIII-XXXX-XXXX-XXXX or the older SMART-XXXX-XXXX-XXXX.");
    s.def("same_serial", &smart::same_serial, py::arg("a"), py::arg("b"),
          "True when two serials (or codes) are the same but for letter case.");
    s.def("find_certificate_serials", &smart::find_certificate_serials, py::arg("text"),
          "The distinct serials in a text, sorted.");
    s.def("verification_token", &smart::verification_token, py::arg("serial"), py::arg("code"),
          "The token of a certificate's page on a published verification site (URL/c/<token>/): 26 "
          "lowercase base32 characters of SHA-256 of the serial and code.");
    py::class_<smart::qr_code>(s, "QrCode", "A QR code symbol (error correction M, lowest-penalty mask), no quiet zone.")
        .def_readonly("size", &smart::qr_code::size, "Modules per side.")
        .def_readonly("version", &smart::qr_code::version, "The QR version, 1-40.")
        .def("dark", &smart::qr_code::dark, py::arg("row"), py::arg("column"), "True for a dark module.")
        .def(
            "rectangles",
            [](const smart::qr_code& q) {
                std::vector<std::tuple<int, int, int, int>> out;
                for (const auto& r : smart::qr_rectangles(q)) out.emplace_back(r.row, r.column, r.width, r.height);
                return out;
            },
            "The dark modules as (row, column, width, height) rectangles covering each once.");
    s.def(
        "qr_code", [](std::string_view text) { return smart::make_qr_code(text); }, py::arg("text"),
        "The smallest QR code (version 1-40, error correction M) holding `text` as UTF-8.");
    py::class_<smart::site_wording>(s, "SiteWording", "The words of a published verification site, in one language.")
        .def_readonly("site_title", &smart::site_wording::site_title)
        .def_readonly("about", &smart::site_wording::about)
        .def_readonly("how_to_check", &smart::site_wording::how_to_check)
        .def_readonly("independent", &smart::site_wording::independent)
        .def_readonly("page_title", &smart::site_wording::page_title)
        .def_readonly("status_heading", &smart::site_wording::status_heading)
        .def_readonly("status_note", &smart::site_wording::status_note)
        .def_readonly("download", &smart::site_wording::download)
        .def_readonly("keys", &smart::site_wording::keys)
        .def_readonly("status_list", &smart::site_wording::status_list)
        .def_readonly("language", &smart::site_wording::language);
    s.def("site_words", &smart::site_words, py::arg("lang"), py::arg("issuer_name"), py::arg("published_on"),
          "The words of a published verification site in `lang` (the issuer named in `about`, the day of "
          "publishing in `status_note`).");
    s.def("certificate_urn", &smart::certificate_urn, py::arg("serial"), "urn:smart:certificate:<serial>.");
    s.def("serial_of_urn", &smart::serial_of_urn, py::arg("id"), "The serial in a credential id, or ''.");
    s.def(
        "default_issuer",
        [](const std::shared_ptr<py_evaluation>& x, smart::lang l, const smart::public_key& key, const std::string& url) {
            return smart::default_issuer(x->e.programme(), l, key, url);
        },
        py::arg("evaluation"), py::arg("lang"), py::arg("key"), py::arg("url") = "",
        "The issuer the programme's certificates name by default: the did:web of url, else the key's did:key.");
    s.def("credential_of_payload", &smart::credential_of_payload, py::arg("payload_json"),
          "The OB 3.0 credential inside a JWT payload (without iss, jti, nbf), as JSON text.");
    py::class_<smart::credential_summary>(s, "CredentialSummary", "What a credential certifies, as a person reads it.")
        .def_readonly("holder", &smart::credential_summary::holder, "The holder's name.")
        .def_readonly("certificate", &smart::credential_summary::certificate, "Programme (cohort).")
        .def_readonly("period_start", &smart::credential_summary::period_start, "YYYY-MM-DD.")
        .def_readonly("period_end", &smart::credential_summary::period_end, "YYYY-MM-DD.")
        .def_readonly("issuer_name", &smart::credential_summary::issuer_name, "The issuer's name.")
        .def_readonly("issuer_id", &smart::credential_summary::issuer_id, "The issuer's id.")
        .def_readonly("issued_on", &smart::credential_summary::issued_on, "YYYY-MM-DD.")
        .def_readonly("goals", &smart::credential_summary::goals, "(code, text) of each competence goal.")
        .def_readonly("requirements", &smart::credential_summary::requirements, "The criteria narrative.");
    s.def("summarize_credential", &smart::summarize_credential, py::arg("credential_json"),
          "What a credential (JSON text) certifies.");
    s.def("verification_code", &smart::verification_code, py::arg("credential_jws"),
          "The short code derived from a JWS signature: XXXX-XXXX.");
    s.def(
        "sign_certificate",
        [](const smart::certificate_data& d, const smart::issuer_profile& issuer, const smart::signing_key& key,
           smart::date issued_on, smart::lang language, std::uint32_t issue_number) {
            py::gil_scoped_release nogil;
            return smart::sign_certificate(d, issuer, key, issued_on, language, issue_number);
        },
        py::arg("data"), py::arg("issuer"), py::arg("key"), py::arg("issued_on"), py::arg("lang"),
        py::arg("issue_number") = 1, "A signed record for `data`, not registered anywhere.");

    // --- verification -----------------------------------------------------------------
    py::class_<smart::verification_result>(s, "VerificationResult", "What verify_credential found.")
        .def_property_readonly(
            "status",
            [](const smart::verification_result& v) {
                return issuing_enum("VerificationStatus", smart::to_string(v.status));
            },
            "valid, revoked, replaced, tampered or unknown_key.")
        .def_readonly("key_id", &smart::verification_result::key_id, "The key id the credential names.")
        .def_readonly("serial", &smart::verification_result::serial, "The serial, when it could be read.")
        .def_readonly("credential_json", &smart::verification_result::credential_json,
                      "What was certified: the signed payload as signed ('' unless the signature verified).")
        .def_readonly("detail", &smart::verification_result::detail, "Why, in English.")
        .def_readonly("replaced_by", &smart::verification_result::replaced_by,
                      "The serial of the replacement when the register says it was corrected, else ''.")
        .def_readonly("revoked_reason", &smart::verification_result::revoked_reason,
                      "Why it was revoked (with a register), else ''.")
        .def_property_readonly(
            "revoked_on",
            [](const smart::verification_result& v) -> std::optional<smart::date> {
                if (v.revoked_on.is_special()) return std::nullopt;
                return v.revoked_on;
            },
            "When it was revoked (with a register), or None.");
    s.def(
        "verification_text",
        [](const text& status, smart::lang l, std::optional<smart::date> revoked_on, const text& revoked_reason,
           const text& replaced_by) {
            smart::verification_result v;
            const std::string_view name = status;
            bool known = false;
            for (auto st : {smart::verification_status::valid, smart::verification_status::revoked,
                            smart::verification_status::replaced, smart::verification_status::tampered,
                            smart::verification_status::unknown_key, smart::verification_status::unsigned_document})
                if (name == smart::to_string(st)) {
                    v.status = st;
                    known = true;
                }
            if (!known)
                throw smart::error(smart::errc::invalid_argument,
                                   "unknown verification status \"" + std::string(name) + "\"");
            if (revoked_on) v.revoked_on = *revoked_on;
            v.revoked_reason = std::string_view(revoked_reason);
            v.replaced_by = std::string_view(replaced_by);
            return smart::verification_text(v, l);
        },
        py::arg("status"), py::arg("lang"), py::kw_only(), py::arg("revoked_on") = py::none(),
        py::arg("revoked_reason") = "", py::arg("replaced_by") = "",
        "The verdict for people in nb, nn or en, in the core's words (a corrected certificate names its "
        "replacement).");

    py::class_<py_register, std::shared_ptr<py_register>>(
        s, "Register",
        "The append-only register file (JSON Lines). Every change locks the file (flock), reads what others "
        "appended, appends one line and fsyncs.")
        .def(py::init([](const std::filesystem::path& p, unsigned mode) {
                 py::gil_scoped_release nogil;
                 return std::make_shared<py_register>(p, mode);
             }),
             py::arg("path"), py::kw_only(), py::arg("mode") = 0600)
        .def_property_readonly(
            "path", [](py_register& r) { return r.reg.path(); }, "The register file.")
        .def("records",
             [](py_register& r) {
                 std::lock_guard<std::mutex> lock(r.mu);
                 return r.reg.records();
             },
             "Every record, in issue order, with its status (copies: read again after a change).")
        .def(
            "find",
            [](py_register& r, const text& serial) -> std::optional<smart::certificate_record> {
                std::lock_guard<std::mutex> lock(r.mu);
                const auto* x = r.reg.find(serial);
                if (!x) return std::nullopt;
                return *x;
            },
            py::arg("serial"), "The record with this serial, or None.")
        .def(
            "find_valid",
            [](py_register& r, const text& programme_id, const text& cohort_id,
               const text& participant_id) -> std::optional<smart::certificate_record> {
                std::lock_guard<std::mutex> lock(r.mu);
                const auto* x = r.reg.find_valid(programme_id, cohort_id, participant_id);
                if (!x) return std::nullopt;
                return *x;
            },
            py::arg("programme_id"), py::arg("cohort_id"), py::arg("participant_id"),
            "The valid record of a participant of a cohort, or None.")
        .def(
            "find_latest",
            [](py_register& r, const text& programme_id, const text& cohort_id,
               const text& participant_id) -> std::optional<smart::certificate_record> {
                std::lock_guard<std::mutex> lock(r.mu);
                const auto* x = r.reg.find_latest(programme_id, cohort_id, participant_id);
                if (!x) return std::nullopt;
                return *x;
            },
            py::arg("programme_id"), py::arg("cohort_id"), py::arg("participant_id"),
            "The participant's newest record whatever its status (valid or revoked), or None.")
        .def("reload",
             [](py_register& r) {
                 py::gil_scoped_release nogil;
                 std::lock_guard<std::mutex> lock(r.mu);
                 r.reg.reload();
             },
             "Reads the file again (another process may have appended).")
        .def(
            "issue",
            [](py_register& r, const smart::certificate_data& d, const smart::issuer_profile& issuer,
               const smart::signing_key& key, smart::date issued_on, smart::lang language) {
                py::gil_scoped_release nogil;
                std::lock_guard<std::mutex> lock(r.mu);
                return r.reg.issue(d, issuer, key, issued_on, language);
            },
            py::arg("data"), py::arg("issuer"), py::arg("key"), py::arg("issued_on"), py::arg("lang"),
            "Issues a certificate unless a valid record for the same programme, cohort and participant exists "
            "(then returns it unchanged), under the file's lock. Returns (record, is_new). Raises NotAllowedError "
            "when the participant's newest certificate was revoked: a new one only through reissue().")
        .def(
            "revoke",
            [](py_register& r, const text& serial, const text& reason, smart::date on, bool correction) {
                py::gil_scoped_release nogil;
                std::lock_guard<std::mutex> lock(r.mu);
                return r.reg.revoke(serial, reason, on, correction);
            },
            py::arg("serial"), py::arg("reason"), py::arg("on"), py::kw_only(), py::arg("correction") = false,
            "Marks a record revoked; correction=True when it is revoked to be corrected (a bulk run then issues "
            "the replacement). Raises NotFoundError (unknown serial), NotAllowedError (not valid), "
            "InvalidArgumentError (empty reason).")
        .def(
            "reissue",
            [](py_register& r, const text& serial, const smart::certificate_data& d,
               const smart::issuer_profile& issuer, const smart::signing_key& key, smart::date issued_on,
               smart::lang language, const std::optional<text>& reason) {
                py::gil_scoped_release nogil;
                std::lock_guard<std::mutex> lock(r.mu);
                if (reason) return r.reg.reissue(serial, *reason, d, issuer, key, issued_on, language);
                return r.reg.reissue(serial, d, issuer, key, issued_on, language);
            },
            py::arg("serial"), py::arg("data"), py::arg("issuer"), py::arg("key"), py::arg("issued_on"),
            py::arg("lang"), py::kw_only(), py::arg("reason") = py::none(),
            "Re-issues (a correction, also of a revoked record): returns the new record (next issue number, new "
            "serial); the old one points to it (replaced_by). With a reason, the one-step correction: the old "
            "one is revoked for correction (kept as it was when revoked already) and the new one issued in one "
            "appended line. Without, the old one becomes replaced, or stays revoked. Raises NotFoundError "
            "(unknown serial), NotAllowedError (re-issued already, naming the successor), InvalidArgumentError "
            "(another participant's data, an empty reason).");
    s.def(
        "verify_serial_code",
        [](py_register& reg, const text& serial, const text& code, const std::vector<smart::public_key>& trusted) {
            py::gil_scoped_release nogil;
            std::lock_guard<std::mutex> lock(reg.mu);
            return smart::verify_serial_code(reg.reg, serial, code, trusted);
        },
        py::arg("register"), py::arg("serial"), py::arg("code"), py::arg("trusted_keys"),
        "The check with the serial and verification code printed on a certificate (letter case aside). Raises "
        "NotFoundError (unknown serial) and NotAllowedError (a wrong code), naming neither holder nor content.");

    s.def(
        "verify_credential_document",
        [](std::string_view json_text, const std::vector<smart::public_key>& trusted, py_register& reg) {
            py::gil_scoped_release nogil;
            std::lock_guard<std::mutex> lock(reg.mu);
            return smart::verify_credential_document(json_text, trusted, reg.reg);
        },
        py::arg("credential_json"), py::arg("trusted_keys"), py::arg("register"),
        "Checks a credential document against what its register record signed. Raises NotFoundError when the "
        "register has no record with its id.");

    // --- bulk issuing -------------------------------------------------------------------
    py::class_<smart::issue_entry>(s, "IssueEntry", "What a bulk run did for one participant.")
        .def_readonly("participant", &smart::issue_entry::participant, "Position in the cohort.")
        .def_readonly("participant_id", &smart::issue_entry::participant_id, "The participant's id.")
        .def_readonly("name", &smart::issue_entry::name, "The participant's name.")
        .def_property_readonly(
            "outcome",
            [](const smart::issue_entry& x) { return issuing_enum("IssueOutcome", smart::to_string(x.outcome)); },
            "issued, already_issued, not_eligible, in_progress, no_certificate, revoked, too_early, withdrawn or "
            "reissued or not_printable.")
        .def_readonly("record", &smart::issue_entry::record, "The record (issued, stored or revoked), or None.")
        .def_readonly("reason", &smart::issue_entry::reason, "Why nothing was issued ('' when something was).")
        .def("__repr__", [](const smart::issue_entry& x) {
            return "IssueEntry(" + short_repr(x.participant_id) + ", " + smart::to_string(x.outcome) + ")";
        });
    py::class_<smart::issue_report>(s, "CoreIssueReport", "What the core's issue_cohort decided, per participant.")
        .def_readonly("entries", &smart::issue_report::entries, "One entry per participant, in the cohort's order.")
        .def_readonly("issued", &smart::issue_report::issued, "How many were issued in this run.")
        .def_readonly("already_issued", &smart::issue_report::already_issued, "How many were in the register.")
        .def_readonly("reissued", &smart::issue_report::reissued,
                      "How many replacements of certificates revoked for correction were made.")
        .def_readonly("not_issued", &smart::issue_report::not_issued, "How many got none.");
    s.def(
        "issue_cohort",
        [](py_register& r, const std::shared_ptr<py_evaluation>& x, const smart::issuer_profile& issuer,
           const smart::signing_key& key, smart::date issued_on, smart::lang language,
           const std::map<std::string, std::pair<std::string, std::string>>& unprintable) {
            // The names the PDF layout cannot print, found by Python before the run: the
            // core's check looks them up without the GIL.
            std::map<std::string, smart::print_problem, std::less<>> problems;
            for (const auto& [name, why] : unprintable) {
                smart::print_problem p;
                if (why.first == "too_long") p.what = smart::print_problem::kind::too_long;
                else if (why.first == "missing_glyph") p.what = smart::print_problem::kind::missing_glyph;
                else throw smart::error(smart::errc::invalid_argument, "unknown print problem " + short_repr(why.first));
                p.characters = why.second;
                problems.emplace(name, std::move(p));
            }
            smart::name_check check;
            if (!problems.empty())
                check = [&problems](std::string_view name) -> std::optional<smart::print_problem> {
                    const auto it = problems.find(name);
                    if (it == problems.end()) return std::nullopt;
                    return it->second;
                };
            py::gil_scoped_release nogil;
            std::lock_guard<std::mutex> lock(r.mu);
            return smart::issue_cohort(r.reg, x->cohort(), x->e, issuer, key, issued_on, language, check);
        },
        py::arg("register"), py::arg("evaluation"), py::arg("issuer"), py::arg("key"), py::arg("issued_on"),
        py::arg("lang"), py::arg("unprintable") = std::map<std::string, std::pair<std::string, std::string>>{},
        "The bulk-issuing policy of the core: who gets a certificate, who has one, who not and why. "
        "unprintable maps a name the document cannot print to (\"missing_glyph\" or \"too_long\", the characters): "
        "such a participant is not_printable and nothing is registered for them.");

    s.def(
        "verify_credential",
        [](std::string_view jws, const std::vector<smart::public_key>& trusted, py_register* reg,
           std::string_view status_list) {
            py::gil_scoped_release nogil;
            if (!reg) return smart::verify_credential(jws, trusted, nullptr, status_list);
            std::lock_guard<std::mutex> lock(reg->mu);
            return smart::verify_credential(jws, trusted, &reg->reg, status_list);
        },
        py::arg("credential_jws"), py::arg("trusted_keys"), py::arg("register") = nullptr,
        py::arg("status_list") = std::string_view(),
        "Checks a compact JWS against the trusted keys (and the register's status, when given; and the "
        "issuer's status list credential, when given).");
    py::class_<smart::site_status>(s, "SiteStatus",
                                   "A certificate's status as a published site states it (c/<token>/status.json): "
                                   "the issuer's register when the site was published, not a live answer.")
        .def_property_readonly(
            "status", [](const smart::site_status& x) { return issuing_enum("RecordStatus", smart::to_string(x.status)); },
            "valid, revoked or replaced.")
        .def_property_readonly(
            "revoked_on",
            [](const smart::site_status& x) -> std::optional<smart::date> {
                if (x.revoked_on.is_special()) return std::nullopt;
                return x.revoked_on;
            },
            "When it was revoked, or None.")
        .def_readonly("revoked_reason", &smart::site_status::revoked_reason, "Why it was revoked, else ''.")
        .def_readonly("replaced_by", &smart::site_status::replaced_by, "The replacement's serial, else ''.")
        .def_readonly("published_on", &smart::site_status::published_on, "The day the site stated it.")
        .def("__eq__", [](const smart::site_status& a, const smart::site_status& b) { return a == b; });
    s.def("read_site_status", &smart::read_site_status, py::arg("json_text"),
          "Reads a site's status.json (ValidationError at the member's JSON Pointer).");
    s.def(
        "site_status_json",
        [](const smart::certificate_record& r, smart::date published_on) { return smart::site_status_json(r, published_on); },
        py::arg("record"), py::arg("published_on"), "The record's status.json as a site publishes it.");
    s.def(
        "verify_site_certificate",
        [](std::string_view jws, const text& serial, const text& code, const std::vector<smart::public_key>& trusted,
           std::string_view status_list, const smart::site_status* stated) {
            py::gil_scoped_release nogil;
            return smart::verify_site_certificate(jws, serial, code, trusted, status_list, stated);
        },
        py::arg("credential_jws"), py::arg("serial"), py::arg("code"), py::arg("trusted_keys"),
        py::arg("status_list") = std::string_view(), py::arg("stated") = nullptr,
        "The check against a published site: the token verified (with the site's status list), that certificate's "
        "(else NotAllowedError), and the stated status when revoked or replaced.");
    s.def(
        "site_status_source",
        [](bool status_list, const smart::site_status* stated, smart::lang l) {
            return smart::site_status_source(status_list, stated, l);
        },
        py::arg("status_list"), py::arg("stated"), py::arg("lang"),
        "Where the status of verify_site_certificate came from, one line per source.");
    s.def(
        "status_list_credential",
        [](py_register& reg, const smart::issuer_profile& issuer, const smart::signing_key& key,
           std::string_view list_url, smart::date valid_from) {
            py::gil_scoped_release nogil;
            std::lock_guard<std::mutex> lock(reg.mu);
            return smart::status_list_credential(reg.reg, issuer, key, list_url, valid_from);
        },
        py::arg("register"), py::arg("issuer"), py::arg("key"), py::arg("list_url"), py::arg("valid_from"),
        "The signed W3C Bitstring Status List credential (VC-JWT) of the register's certificates on list_url.");
    s.def(
        "status_list_issuer",
        [](py_register& reg, std::string_view issuer_url, std::string_view list_url, std::string_view issuer_id) {
            std::lock_guard<std::mutex> lock(reg.mu);
            return smart::status_list_issuer(reg.reg, issuer_url, list_url, issuer_id);
        },
        py::arg("register"), py::arg("issuer_url"), py::arg("list_url"), py::arg("issuer_id") = "",
        "Who signs the status list at list_url: the issuer of the register's newest record on it (issuer_id "
        "instead of its id when given); with none, issuer_id or the did:web of issuer_url, named '-'.");
    s.def(
        "count_status_list",
        [](py_register& reg, std::string_view list_url) {
            std::lock_guard<std::mutex> lock(reg.mu);
            const auto n = smart::count_status_list(reg.reg, list_url);
            return std::make_tuple(n.entries, n.no_longer_valid);
        },
        py::arg("register"), py::arg("list_url"),
        "(entries, no longer valid) of the register's records on list_url.");
    s.def("status_list_url", &smart::status_list_url, py::arg("issuer_url"), py::arg("n") = 0,
          "The URL of the issuer's revocation list number n: <issuer url>/status/revocation.jwt for n = 0.");
    s.attr("STATUS_LIST_SIZE") = smart::status_list_size;
}

}  // namespace smart_py
