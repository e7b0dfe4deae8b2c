// Hardening of the document readers (issue 10): inputs found to crash, stall or mislead
// the library, each with the error it now gives. No timing is asserted here (the reject
// times are measured by bench/bench_reject); a quadratic reader would still show as a
// test taking minutes.
#include "helpers.hpp"

#include <pthread.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "smart/detail/utf8.hpp"
#include "smart/limits.hpp"

using namespace smart;
using th::thrown_by;
using Catch::Contains;

namespace {

std::string demo_text() { return th::read_text_file(std::string(SMART_SOURCE_DIR) + "/examples/cohorts/trener-2024-demo.json"); }

/// The demo cohort document with `extra` inserted as the first members of the top object.
std::string demo_with(const std::string& extra) {
    std::string t = demo_text();
    const auto brace = t.find('{');
    return t.substr(0, brace + 1) + extra + "," + t.substr(brace + 1);
}

/// `{"a":` + n×`[` + n×`]` + `,"b":1,"c":2,"d":3,"e":4}`: a deep value followed by more
/// members, which made the ordered DOM copy the value recursively until the stack ran out.
std::string deep_document(std::size_t n) {
    return "{\"a\":" + std::string(n, '[') + std::string(n, ']') + ",\"b\":1,\"c\":2,\"d\":3,\"e\":4}";
}

/// Runs `f` on a thread with a small stack (as an embedding application may have).
template <class F>
void on_small_stack(std::size_t bytes, F f) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, bytes);
    pthread_t t;
    auto* fp = new F(std::move(f));
    REQUIRE(pthread_create(
                &t, &attr,
                [](void* arg) -> void* {
                    std::unique_ptr<F> g(static_cast<F*>(arg));
                    (*g)();
                    return nullptr;
                },
                fp) == 0);
    pthread_join(t, nullptr);
    pthread_attr_destroy(&attr);
}

bool message_is_utf8_and_short(const smart::error& e) {
    return detail::is_utf8(e.what()) && std::string(e.what()).size() < 600;
}

}  // namespace

TEST_CASE("a deeply nested value followed by more members is refused at its depth, not a crash", "[limits][json]") {
    const std::string doc = deep_document(150000);
    for (auto load : {+[](std::string_view t) { (void)load_cohort(t); }, +[](std::string_view t) { (void)load_programme(t); }}) {
        const auto e = thrown_by([&] { load(doc); });
        CHECK(e.code() == errc::validation_error);
        CHECK_THAT(e.message(), Contains("nested deeper than 32 levels"));
        std::string expected = "/a";
        for (int i = 0; i < 31; ++i) expected += "/0";
        CHECK(e.pointer() == expected);
    }
}

TEST_CASE("the deep document is refused on a 256 KB thread stack too", "[limits][json]") {
    smart::error e(errc::ok, "");
    on_small_stack(256 * 1024, [&] { e = thrown_by([&] { (void)load_cohort(deep_document(150000)); }); });
    CHECK(e.code() == errc::validation_error);
}

TEST_CASE("nesting up to the limit loads as far as the format allows", "[limits][json]") {
    // 32 levels: the reader accepts the depth; the programme reader then names the member.
    std::string doc = "{\"format\":\"smart.programme/1\",\"x\":" + std::string(31, '[') + std::string(31, ']') + "}";
    const auto e = thrown_by([&] { (void)load_programme(doc); });
    CHECK(e.pointer() == "/x");
    CHECK_THAT(e.message(), Contains("unknown member"));
}

TEST_CASE("a cohort with 100,000 unknown members is refused at the member limit", "[limits][json]") {
    std::string extra;
    for (int i = 0; i < 100000; ++i) extra += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1";
    const auto e = thrown_by([&] { (void)load_cohort(demo_with(extra)); });
    CHECK(e.code() == errc::validation_error);
    CHECK_THAT(e.message(), Contains("more than 65536 members in one object"));
}

TEST_CASE("a cohort with 60,000 unknown members names one of them", "[limits][json]") {
    std::string extra;
    for (int i = 0; i < 60000; ++i) extra += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1";
    const auto e = thrown_by([&] { (void)load_cohort(demo_with(extra)); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/k0");
    CHECK_THAT(e.message(), Contains("unknown member \"k0\""));
}

TEST_CASE("an attendance object with 100,000 keys is refused at the member limit", "[limits][json]") {
    nlohmann::json doc = nlohmann::json::parse(demo_text());
    std::string att = "{";
    for (int i = 0; i < 100000; ++i) att += (i ? ",\"x" : "\"x") + std::to_string(i) + "\":\"present\"";
    att += "}";
    std::string text = doc.dump();
    const std::string marker = "\"attendance\":";
    const auto at = text.find(marker);
    REQUIRE(at != std::string::npos);
    const auto end = text.find('}', at);
    text = text.substr(0, at + marker.size()) + att + text.substr(end + 1);
    const auto e = thrown_by([&] { (void)load_cohort(text); });
    CHECK(e.code() == errc::validation_error);
    CHECK_THAT(e.pointer(), Catch::StartsWith("/participants/0/attendance/"));
    CHECK_THAT(e.message(), Contains("more than 65536 members"));
}

TEST_CASE("duplicate member names are an error naming the second one", "[limits][json]") {
    SECTION("at the top") {
        const auto e = thrown_by([&] { (void)load_cohort(demo_with("\"label\":\"first\"")); });
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == "/label");
        CHECK_THAT(e.message(), Contains("duplicate member \"label\""));
    }
    SECTION("two participants arrays are not joined") {
        const auto e = thrown_by([&] { (void)load_cohort(demo_with("\"participants\":[]")); });
        CHECK(e.pointer() == "/participants");
        CHECK_THAT(e.message(), Contains("duplicate member \"participants\""));
    }
    SECTION("inside a participant") {
        std::string t = demo_text();
        const auto at = t.find("\"name\":");
        REQUIRE(at != std::string::npos);
        t.insert(at, "\"name\": \"Other\", ");
        const auto e = thrown_by([&] { (void)load_cohort(t); });
        CHECK(e.pointer() == "/participants/0/name");
        CHECK_THAT(e.message(), Contains("duplicate member"));
    }
    SECTION("in a programme") {
        const auto e = thrown_by(
            [] { (void)load_programme(R"({"format":"smart.programme/1","id":"a","name":"A","id":"b"})"); });
        CHECK(e.pointer() == "/id");
        CHECK_THAT(e.message(), Contains("duplicate member \"id\""));
    }
}

TEST_CASE("a document that is not UTF-8 is a parse error with the byte offset, never quoting raw bytes", "[limits][json]") {
    std::string t = demo_text();
    const auto at = t.find("Tønsberg");
    REQUIRE(at != std::string::npos);
    t.replace(at, std::string("Tønsberg").size(), "T\xF8nsberg");  // as Windows-1252 saves it
    const auto e = thrown_by([&] { (void)load_cohort(t); });
    CHECK(e.code() == errc::parse_error);
    CHECK_THAT(e.message(), Contains("malformed JSON at byte " + std::to_string(at + 2)));
    CHECK_THAT(e.message(), Contains("UTF-8"));
    CHECK(message_is_utf8_and_short(e));
    const auto p = thrown_by([&] { (void)load_programme("{\"id\":\"\xFF\xFE\"}"); });
    CHECK(p.code() == errc::parse_error);
    CHECK(message_is_utf8_and_short(p));
}

TEST_CASE("bytes that are not UTF-8 outside strings are a parse error too", "[limits][json]") {
    const auto e = thrown_by([] { (void)load_programme("{\xC3\xA6:1}"); });
    CHECK(e.code() == errc::parse_error);
    CHECK(message_is_utf8_and_short(e));
}

TEST_CASE("a number too large to represent is a parse error, not an internal one", "[limits][json]") {
    const auto p = thrown_by([] { (void)load_programme(R"({"format":"smart.programme/1","id":"a","name":"A","seats":1e999})"); });
    CHECK(p.code() == errc::parse_error);
    CHECK_THAT(p.message(), Contains("a number too large to represent"));
    const auto c = thrown_by([] { (void)load_cohort(demo_with("\"capacity\":1e999")); });
    CHECK(c.code() == errc::parse_error);
    CHECK_THAT(c.message(), Contains("a number too large to represent"));
}

TEST_CASE("an integer beyond 64 bits is refused with its range", "[limits][json]") {
    const auto p = thrown_by(
        [] { (void)load_programme(R"({"format":"smart.programme/1","id":"a","name":"A","seats":18446744073709551615})"); });
    CHECK(p.code() == errc::validation_error);
    CHECK(p.pointer() == "/seats");
    CHECK_THAT(p.message(), Contains("expected an integer from 1 to 1000000"));
}

TEST_CASE("a number with no fraction counts as an integer, as in JSON Schema", "[limits][json]") {
    const programme p = load_programme(R"({"format":"smart.programme/1","id":"a","name":"A","seats":30.0})");
    CHECK(p.seats == 30);
    const auto e = thrown_by([] { (void)load_programme(R"({"format":"smart.programme/1","id":"a","name":"A","seats":30.5})"); });
    CHECK(e.pointer() == "/seats");
    CHECK_THAT(e.message(), Contains("expected an integer from 1 to 1000000, got 30.5"));
}

TEST_CASE("a date outside Boost's range says which dates are supported", "[limits][dates]") {
    const auto e = thrown_by([] { (void)parse_date("1399-12-31"); });
    CHECK(e.code() == errc::parse_error);
    CHECK_THAT(e.message(), Contains("outside the supported dates, 1400-01-01 to 9999-12-31"));
    CHECK_THAT(thrown_by([] { (void)parse_date("2025-02-29"); }).message(), Contains("not a calendar date"));
}

TEST_CASE("a 10 MB member name is refused without being repeated in the message", "[limits][json]") {
    const std::string key(10 * 1024 * 1024, 'k');
    const auto e = thrown_by([&] { (void)load_cohort(demo_with("\"" + key + "\":1")); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "");  // the document's top object: the name itself is not repeated
    CHECK_THAT(e.message(), Contains("a string of 10485760 bytes"));
    CHECK(std::string(e.what()).size() < 300);
}

TEST_CASE("a string past the string limit is refused at its place", "[limits][json]") {
    const std::string big(limits::string_bytes + 1, 'x');
    const auto e = thrown_by([&] { (void)load_cohort(demo_with("\"label\":\"" + big + "\"")); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/label");
    CHECK_THAT(e.message(), Contains("a string of 65537 bytes"));
}

TEST_CASE("a document past the size limit is refused before it is parsed", "[limits][json]") {
    const std::string huge(limits::document_bytes + 1, ' ');
    const auto e = thrown_by([&] { (void)load_cohort(huge); });
    CHECK(e.code() == errc::validation_error);
    CHECK_THAT(e.message(), Contains("at most 268435456 bytes"));
}

TEST_CASE("loading a directory or a device says what it is", "[limits][files]") {
    const auto dir = thrown_by([] { (void)load_cohort_file(std::filesystem::temp_directory_path()); });
    CHECK(dir.code() == errc::invalid_argument);
    CHECK_THAT(dir.message(), Contains("is a directory"));
    const auto zero = thrown_by([] { (void)load_cohort_file("/dev/zero"); });
    CHECK(zero.code() == errc::validation_error);
    CHECK_THAT(zero.message(), Contains("at most 268435456 bytes"));
}

TEST_CASE("a participants array past the participant limit is refused at the first one too many", "[limits][json]") {
    // Checked without building a million participants: the array limit of ordinary arrays.
    std::string sessions = "[";
    for (std::size_t i = 0; i <= limits::array_elements; ++i) sessions += (i ? ",1" : "1");
    sessions += "]";
    const auto e = thrown_by([&] { (void)load_cohort(demo_with("\"sessions\":" + sessions)); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/sessions/65536");
    CHECK_THAT(e.message(), Contains("more than 65536 elements in one array"));
}

TEST_CASE("quoted() escapes control characters and bytes that are not UTF-8 and cuts long text", "[limits][text]") {
    CHECK(detail::quoted("a\nb\x01\xFF\"") == "\"a\\nb\\x01\\xFF\\\"\"");
    CHECK(detail::quoted(std::string(100, 'x'), 5) == "\"xxxxx\"… (100 bytes)");
    CHECK(detail::quoted("Tønsberg") == "\"Tønsberg\"");
    CHECK(detail::utf8_error_offset("ok \xED\xA0\x80") == 3);  // a surrogate
    CHECK(detail::utf8_error_offset("\xC0\xAF") == 0);          // overlong
    CHECK(detail::utf8_error_offset("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
    CHECK(detail::is_utf8("æøå 😀 中文"));
}

TEST_CASE("a duplicate id in a full cohort is reported as a duplicate, and one seat is 'seat'", "[limits][cohort]") {
    smart::cohort c(th::programme_of(th::trainer_schedule(), {th::attendance()}), "c1", "Testkull", 1);
    c.add_participant(th::person("p1"));
    const auto dup = thrown_by([&] { c.add_participant(th::person("p1")); });
    CHECK(dup.code() == errc::validation_error);
    CHECK(dup.pointer() == "/participants/1/id");
    CHECK_THAT(dup.message(), Contains("duplicate participant id \"p1\""));
    const auto full = thrown_by([&] { c.add_participant(th::person("p2")); });
    CHECK(full.code() == errc::not_allowed);
    CHECK(full.message() == "the cohort is full (1 seat)");
    CHECK(c.size() == 1);
}

TEST_CASE("recording a submission past the submission limit is refused and changes nothing", "[limits][cohort]") {
    smart::cohort c = th::cohort_with_one(th::programme_of(th::trainer_schedule(), {th::attendance()}));
    for (std::size_t i = 0; i < limits::submissions; ++i)
        c.add_submission("p1", th::doc(submission_kind::reflection, th::d("2024-10-01")));
    const auto e = thrown_by([&] { c.add_submission("p1", th::doc(submission_kind::reflection, th::d("2024-10-01"))); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/0/submissions");
    CHECK(c.find("p1")->submissions.size() == limits::submissions);
}
