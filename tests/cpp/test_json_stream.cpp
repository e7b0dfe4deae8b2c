// The streaming document writer (save_cohort, save_programme, save_participant) writes
// byte for byte what the nlohmann tree of src/json_write.cpp gives with dump(2), the way
// the documents were written before issue 15: the tree stays as the oracle here.
#include "helpers.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "../../src/json_write.hpp"  // the tree writers, only as the oracle
#include "smart/synthetic.hpp"

using namespace smart;
using th::d;
using A = attendance_status;

namespace {

std::string tree_cohort(const cohort& c) { return json_write::write_cohort(c).dump(2) + "\n"; }
std::string tree_programme(const programme& p) { return json_write::write_programme(p, true).dump(2) + "\n"; }
std::string tree_participant(const participant& p, const cohort& c) {
    return json_write::write_participant(p, c).dump(2) + "\n";
}

/// The first line where two texts differ, for a readable failure.
std::string first_difference(const std::string& a, const std::string& b) {
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    if (i == a.size() && i == b.size()) return "(equal)";
    const std::size_t line = static_cast<std::size_t>(std::count(a.begin(), a.begin() + static_cast<long>(i), '\n')) + 1;
    const auto around = [&](const std::string& s) { return s.substr(i > 40 ? i - 40 : 0, 80); };
    return "byte " + std::to_string(i) + ", line " + std::to_string(line) + ": streamed [" + around(a) + "] tree [" +
           around(b) + "]";
}

void check_same_cohort(const cohort& c) {
    const std::string streamed = save_cohort(c);
    const std::string tree = tree_cohort(c);
    INFO("cohort " << c.id() << ": " << first_difference(streamed, tree));
    CHECK(streamed == tree);
}

void check_same_programme(const programme& p) {
    const std::string streamed = save_programme(p);
    const std::string tree = tree_programme(p);
    INFO("programme " << p.id << ": " << first_difference(streamed, tree));
    CHECK(streamed == tree);
}

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Pieces of text nlohmann escapes, passes through or refuses: quotes, backslash, every
/// kind of control character (NUL included), DEL, non-ASCII letters, a 4-byte emoji, the
/// line separator, a slash (not escaped).
const std::vector<std::string> tricky = {
    "\"", "\\", "\b", "\f", "\n", "\r", "\t", std::string(1, '\0'), "\x01", "\x1b", "\x1f", "\x7f", "ø", "Å",
    "€", "😀", "\u2028", "/", "</script>", "a", " ", "Tønsberg", "\\u0041", "\xc2\x80",
};

std::string tricky_text(std::mt19937& rng, std::size_t max_pieces = 6) {
    std::uniform_int_distribution<std::size_t> pieces(0, max_pieces);
    std::uniform_int_distribution<std::size_t> pick(0, tricky.size() - 1);
    std::string s;
    for (std::size_t n = pieces(rng); n > 0; --n) s += tricky[pick(rng)];
    return s;
}

localized_text tricky_localized(std::mt19937& rng) {
    localized_text t{tricky_text(rng), "", ""};
    if (rng() % 2) t.nn = tricky_text(rng);
    if (rng() % 2) t.en = tricky_text(rng);
    return t;
}

/// A programme with every optional member, its texts drawn from `tricky` (not validated:
/// save_programme writes any programme).
programme tricky_programme(std::mt19937& rng) {
    programme p;
    p.id = "alt-" + tricky_text(rng);
    p.name = tricky_localized(rng);
    p.provider = tricky_localized(rng);
    p.audience = tricky_localized(rng);
    p.description = tricky_localized(rng);
    p.focus_question = tricky_localized(rng);
    p.aims = {tricky_localized(rng), tricky_localized(rng)};
    p.goals = {{"k1" + tricky_text(rng), tricky_localized(rng)}, {"k2", tricky_localized(rng)}};
    p.knowledge_base = {tricky_localized(rng)};
    p.seats = static_cast<int>(rng() % 1000);
    session g1 = th::gathering("g1" + tricky_text(rng), {d("2024-09-18"), d("2024-09-19")});
    g1.start = time_of_day{9, 0};
    g1.end = time_of_day{15, 30};
    g1.theme = tricky_localized(rng);
    g1.description = tricky_localized(rng);
    g1.focus_areas = {tricky_text(rng), tricky_text(rng)};
    g1.resources = {{tricky_text(rng), tricky_text(rng), tricky_text(rng)}, {"Film", "film", ""}, {"Modell", "", ""}};
    g1.work = between_session_work{tricky_localized(rng), d("2024-10-15")};
    session g2 = th::gathering("g2", {d("2024-11-13")});
    g2.work = between_session_work{{"Uten frist", "", ""}, std::nullopt};
    p.sessions = {th::make_session("kick", session_kind::kick_off, {d("2024-08-30")}), g1, g2,
                  th::make_session("other", session_kind::other, {d("2025-01-10")}),
                  th::festival("festival", d("2025-04-09"))};
    attendance_rule a;
    a.min_ratio = ratio(3, 4);
    a.weight_late = ratio(1, 2);
    a.weight_excused = ratio(1, 3);
    a.counted_kinds = {session_kind::gathering, session_kind::kick_off};
    interval_notes_rule n;
    n.per_interval = 2;
    n.accepted_kinds = {submission_kind::practice_document, submission_kind::reflection};
    n.require_approval = rng() % 2 == 0;
    n.require_portfolio_approval = true;
    n.portfolio_deadline = d("2025-03-30");
    final_text_rule f;
    if (rng() % 2) f.min_pages = 2;
    f.max_pages = 3;
    f.categories = {final_category::method, final_category::insight};
    f.require_approval = true;
    f.deadline = d("2025-04-01");
    final_text_rule bare;  // no pages, no categories: "categories": []
    festival_rule fe;
    fe.roles = {festival_role::exhibition, festival_role::process_leader};
    p.requirements = {requirement{"oppmote", tricky_localized(rng), a}, requirement{"notater", {}, n},
                      requirement{"tekst", {}, f}, requirement{"tekst2", {}, bare},
                      requirement{"festival", {}, fe}, requirement{"festival2", {}, festival_rule{}}};
    return p;
}

/// A participant with random optional members and tricky texts (not validated:
/// save_participant writes any participant), attendance on the days of `c`.
participant tricky_participant(std::mt19937& rng, const cohort& c) {
    participant p;
    p.id = "p" + tricky_text(rng);
    p.name = tricky_text(rng);
    p.municipality = {tricky_text(rng, 2), tricky_text(rng)};
    p.role = tricky_text(rng);
    p.sector = static_cast<sector>(rng() % 3);
    if (rng() % 3 == 0) p.contact = contact_info{rng() % 2 ? tricky_text(rng) : "", rng() % 2 ? tricky_text(rng) : ""};
    if (rng() % 4 == 0) p.festival_role = static_cast<festival_role>(rng() % 4);
    if (rng() % 4 == 0) p.withdrawal = withdrawal{d("2024-12-01"), tricky_text(rng)};
    if (rng() % 5 != 0) {
        p.attendance.resize(c.days().size());
        for (auto& s : p.attendance) s = static_cast<A>(rng() % 5);  // unrecorded too, and all unrecorded: {}
    }
    for (std::size_t n = rng() % 4; n > 0; --n) {
        submission s = th::doc(static_cast<submission_kind>(rng() % 3), d("2024-10-01"),
                               static_cast<submission_status>(rng() % 3));
        if (rng() % 2) s.pages = static_cast<std::uint16_t>(rng() % 70000);
        s.category = static_cast<final_category>(rng() % 6);
        if (rng() % 2) s.set_title(tricky_text(rng));
        if (rng() % 3 == 0) s.set_session(tricky_text(rng));
        if (rng() % 2) s.set_decision(submission_decision{tricky_text(rng), d("2024-10-05")});
        p.submissions.push_back(std::move(s));
    }
    for (std::size_t n = rng() % 3; n > 0; --n)
        p.exemptions.push_back({tricky_text(rng), tricky_text(rng), tricky_text(rng),
                                rng() % 2 ? std::optional<date>{d("2025-01-01")} : std::nullopt});
    return p;
}

}  // namespace

TEST_CASE("the streamed cohort document equals the tree's for every example and fixture", "[json][stream]") {
    const std::filesystem::path root = SMART_SOURCE_DIR;
    int cohorts = 0;
    int programmes = 0;
    for (const char* dir : {"examples/cohorts", "examples/programmes", "tests/data/errors"}) {
        for (const auto& entry : std::filesystem::directory_iterator(root / dir)) {
            if (entry.path().extension() != ".json") continue;
            const std::string text = read_all(entry.path());
            INFO(entry.path().string());
            if (text.find("\"smart.cohort/1\"") != std::string::npos) {
                try {
                    const cohort c = load_cohort(text);
                    check_same_cohort(c);
                    ++cohorts;
                } catch (const smart::error&) {  // the fixtures of errors mostly do not load
                }
            } else if (text.find("\"smart.programme/1\"") != std::string::npos) {
                try {
                    check_same_programme(load_programme(text));
                    ++programmes;
                } catch (const smart::error&) {
                }
            }
        }
    }
    CHECK(cohorts >= 4);
    CHECK(programmes >= 6);
    for (const auto& id : catalogue::demo_cohort_ids()) check_same_cohort(catalogue::demo_cohort(id));
    for (const auto& id : catalogue::programme_ids()) check_same_programme(*catalogue::get(id));
}

TEST_CASE("the streamed document equals the tree's for synthetic cohorts", "[json][stream]") {
    synthetic::options o;
    o.years = 3;
    o.participants = 120;
    o.dropout_percent = 20;
    for (const cohort& c : synthetic::cohort_series(o)) check_same_cohort(c);
}

TEST_CASE("the streamed document equals the tree's with every optional member and tricky text",
          "[json][stream]") {
    std::mt19937 rng(15);
    for (int round = 0; round < 40; ++round) {
        // Tricky programmes are written as they are (not validated) ...
        const programme tp = tricky_programme(rng);
        check_same_programme(tp);
        // ... and a valid one carries a cohort with every member, texts with what the
        // cohort lets in (tab, line feed and carriage return in free text, any letter).
        programme valid = tricky_programme(rng);
        valid.id = "alt-" + std::to_string(round);
        valid.name = {"Alt", "Alt", "Everything \"quoted\" \\ 😀"};
        valid.provider = valid.focus_question = {"SMART «senteret» \\ \"ø\"", "", ""};
        valid.audience = valid.description = {"Ø\tÆ\r\nÅ", "", ""};
        valid.aims = valid.knowledge_base = {{"Mål € 😀", "", "Aim"}};
        valid.goals = {{"k1", {"Kompetanse \\ \"1\"", "", ""}}};
        for (auto& s : valid.sessions) {
            s.id = s.id.substr(0, s.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789"));
            if (!s.theme.empty()) s.theme = {"Tema «1»", "", ""};
            if (!s.description.empty()) s.description = {"Første \"samling\"\n\tlinje 2", "", ""};
            if (s.work) s.work->description = {"Mellomarbeid \\ 😀", "", ""};
            for (auto& f : s.focus_areas) f = "Fokus ø";
            for (auto& r : s.resources) r = {"Tittel \"x\"", r.kind.empty() ? "" : "film", r.url.empty() ? "" : "https://e.org/ø?a=1&b=\"2\""};
        }
        std::erase_if(valid.requirements, [](const requirement& r) { return r.id.ends_with('2'); });  // one of a kind
        for (auto& r : valid.requirements) r.label = {"Krav «" + r.id + "» \\", "", ""};
        validate(valid);
        auto prog = std::make_shared<const programme>(valid);
        cohort c(prog, "kull \"" + std::to_string(round) + "\" \\ 😀", "Kull med alt «ø» \\ \"x\"", 30);
        for (int i = 0; i < 12; ++i) {
            participant p = th::person("p" + std::to_string(i), "Åse \"Ås\" Grønlie\\😀");
            p.municipality = {"0301", "Oslo ø"};
            p.role = "lærer/rektor";
            p.sector = static_cast<sector>(i % 3);
            if (i % 2) p.contact = contact_info{i % 4 == 1 ? "ase@example.org" : "", "000 00 000"};
            if (i % 3 == 0) p.festival_role = festival_role::process_leader;
            submission s1 = th::note(d("2024-10-01"), submission_status::approved);
            s1.set_title("Første \"notat\" \\");
            s1.set_decision(submission_decision{"Koordinator Ø", d("2024-10-02")});
            submission s2 = th::doc(submission_kind::portfolio, d("2025-03-01"), submission_status::rejected);
            submission s3 = th::text(d("2025-03-20"), 3, final_category::insight, submission_status::submitted);
            s3.set_title("Innsikt 😀");
            p.submissions = {s1, s2, s3};
            if (i % 4 == 0)
                p.exemptions = {{"festival", "Sykdom\n\"lang\"\tgrunn", "Koordinator", d("2025-04-01")},
                                {"tekst", "Fritak", "Leder", std::nullopt}};
            c.add_participant(p);
            if (i % 5 == 1) c.withdraw(p.id, d("2024-12-01"), "Flyttet\r\ntil «Bergen» \\");
        }
        for (std::size_t day = 0; day < c.days().size(); ++day)
            for (int i = 0; i < 12; i += 1 + static_cast<int>(day % 3))
                c.set_attendance("p" + std::to_string(i), c.days()[day], static_cast<A>(1 + (i + day) % 4));
        check_same_cohort(c);
        CHECK(load_cohort(save_cohort(c)) == c);
        // Random participants, tricky text included, one by one.
        for (int i = 0; i < 25; ++i) {
            const participant p = tricky_participant(rng, c);
            const std::string streamed = save_participant(p, c);
            const std::string tree = tree_participant(p, c);
            INFO(first_difference(streamed, tree));
            CHECK(streamed == tree);
        }
    }
}

TEST_CASE("a cohort with its own sessions and no participants streams as the tree does", "[json][stream]") {
    auto tmpl_sessions = th::year_long_schedule();
    for (auto& s : tmpl_sessions) s.days.clear();
    const auto tmpl = th::programme_of(tmpl_sessions, {th::attendance(), th::festival_req()}, "arslop-test");
    auto own = th::year_long_schedule();
    own[0].start = time_of_day{8, 30};
    own[0].end = time_of_day{15, 0};
    cohort empty(tmpl, "kull-3", "Kull 3", std::nullopt, own);
    check_same_cohort(empty);  // "participants": []
    CHECK(save_cohort(empty).find("\"participants\": []") != std::string::npos);
    cohort one = empty;
    one.add_participant(th::person("p1"));  // no attendance recorded
    check_same_cohort(one);
    one.set_attendance("p1", one.days()[0], A::present);
    one.set_attendance("p1", one.days()[0], A::unrecorded);  // "attendance": {}
    check_same_cohort(one);
}

TEST_CASE("text that is not UTF-8 is refused by the streaming writer as by the tree", "[json][stream]") {
    const cohort c = th::cohort_with_one(th::programme_of(th::trainer_schedule(), {th::attendance()}));
    for (const std::string bad : {"\xff", "ab\xc3", "\xed\xa0\x80", "\xc0\xaf"}) {
        participant p = th::person("p1", bad);
        CHECK_THROWS_AS(tree_participant(p, c), nlohmann::json::type_error);
        const auto e = th::thrown_by([&] { save_participant(p, c); });
        CHECK(e.code() == errc::internal);
        CHECK_THAT(e.what(), Catch::Contains("not UTF-8"));
    }
}
