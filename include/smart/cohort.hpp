// Cohorts and the records kept about their participants: attendance per day,
// submissions and exemptions. Everything is validated when it enters, so the rule
// engine can trust what it reads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smart/detail/box.hpp"
#include "smart/programme.hpp"
#include "smart/schedule.hpp"

namespace smart {

/// What was recorded for one participant on one session day. `unrecorded` is the absence
/// of a record: on a past counted day it counts as absent and raises a warning.
enum class attendance_status : std::uint8_t { unrecorded = 0, present, late, excused, absent };
const char* to_string(attendance_status s) noexcept;
attendance_status parse_attendance_status(std::string_view s);  ///< throws invalid_argument

enum class sector : std::uint8_t { public_sector, private_sector, voluntary };
const char* to_string(sector s) noexcept;  ///< "public", "private", "voluntary"
sector parse_sector(std::string_view s);   ///< throws invalid_argument
/// A sector as a person reads it: "offentlig" / "offentleg" / "public", "privat" /
/// "privat" / "private", "frivillig" / "frivillig" / "voluntary" (src/rule_wording.cpp).
const char* label(sector s, lang l) noexcept;

enum class submission_status : std::uint8_t { submitted, approved, rejected };
const char* to_string(submission_status s) noexcept;
submission_status parse_submission_status(std::string_view s);  ///< throws invalid_argument

/// Who approved or rejected a submission, and when (docs/format.md, "decided_by").
struct submission_decision {
    std::string by;  ///< one line, non-empty
    date on;         ///< on or after the document's date
    friend bool operator==(const submission_decision&, const submission_decision&) = default;
};

/// What most submissions lack, kept together on the heap so that a submission without
/// them stays small (24 bytes): its title, the decision on it and the session it belongs to.
struct submission_extra {
    std::string title;
    std::optional<submission_decision> decision;
    std::string session;  ///< between-session work: the id of its session
    friend bool operator==(const submission_extra&, const submission_extra&) = default;
};

/// A submitted document (reflection note, practice blog, final text, portfolio, ...).
struct submission {
    submission_kind kind = submission_kind::reflection;
    submission_status status = submission_status::submitted;
    date on;                               ///< the date the document is dated
    std::optional<std::uint16_t> pages;    ///< page count, when recorded
    final_category category = final_category::none;
    /// The title and the decision, when either is recorded (absent otherwise: the setters
    /// keep it so, which equality relies on). Read and set them through the functions below.
    detail::optional_box<submission_extra> extra = {};

    /// The document's title, "" when none.
    const std::string& title() const noexcept;
    void set_title(std::string title);
    /// Approved or rejected: who decided and when, when recorded (documents from before
    /// issue 11 may be approved without it); nullptr when none. A submitted one has none.
    const submission_decision* decision() const noexcept;
    void set_decision(std::optional<submission_decision> decision);
    /// Between-session work: the id of the session (gathering) it belongs to; "" for other
    /// kinds. The cohort checks that the session exists and has between-session work.
    const std::string& session() const noexcept;
    void set_session(std::string session_id);

    friend bool operator==(const submission&, const submission&) = default;
};

/// A participant's withdrawal (domain.md, "Withdrawal"): as of `on` or later the overall
/// status is `withdrawn`. The record stays.
struct withdrawal {
    date on;             ///< on or before the cohort's last day
    std::string reason;  ///< free text, non-empty
    friend bool operator==(const withdrawal&, const withdrawal&) = default;
};

/// A waived requirement, with the reason and who granted it. Part of the record.
struct exemption {
    std::string requirement;  ///< a requirement id of the programme
    std::string reason;
    std::string granted_by;
    std::optional<date> granted_on;
    friend bool operator==(const exemption&, const exemption&) = default;
};

/// A municipality by Statistics Norway's 4-digit number, as it was when the participant
/// took part.
struct municipality {
    std::string number;  ///< exactly four digits, e.g. "3905"
    std::string name;
    friend bool operator==(const municipality&, const municipality&) = default;
};

/// Optional contact data. Never appears in certificates or statistics.
struct contact_info {
    std::string email;
    std::string phone;
    friend bool operator==(const contact_info&, const contact_info&) = default;
};

/// The details of a participant that cohort::correct_participant corrects (the id stays).
struct participant_details {
    std::string name;
    smart::municipality municipality;
    std::string role;
    smart::sector sector = smart::sector::public_sector;
};

struct participant {
    std::string id;
    std::string name;
    smart::municipality municipality;
    std::string role;  ///< profession, free text ("lærer", "rektor", ...)
    smart::sector sector = smart::sector::public_sector;
    /// Role at the festival, when the participant had one.
    smart::festival_role festival_role = smart::festival_role::none;
    /// Kept on the heap: most records have none, and records should stay small.
    detail::optional_box<contact_info> contact;
    /// Set when the participant dropped out (on the heap, like contact).
    detail::optional_box<smart::withdrawal> withdrawal;
    /// One status per cohort day (index = position in cohort::days()). Empty means
    /// nothing recorded yet; otherwise exactly cohort::days().size() entries.
    std::vector<attendance_status> attendance;
    std::vector<submission> submissions;
    std::vector<exemption> exemptions;

    friend bool operator==(const participant&, const participant&) = default;
};

namespace detail {
/// The participants of a cohort and their positions sorted by id. Shared, copy-on-write,
/// between a cohort, its copies and the evaluations made from it: a change to a cohort
/// whose roster is shared first copies it (once), so what an evaluation holds never changes.
struct roster {
    std::vector<participant> list;
    std::vector<std::uint32_t> by_id;  ///< positions in `list`, sorted by id
};
}  // namespace detail

/// One run of a programme: its schedule, seats and participants.
///
/// Copying a cohort is cheap: the copy shares the participants' records until one of the
/// two changes (copy-on-write; the first change after a copy or an evaluation copies the
/// records once, O(participants)).
///
/// Thread safety: const member functions may be called concurrently; mutation needs
/// exclusive access to this object (not to its copies, nor to evaluations made from it).
class cohort {
public:
    /// A cohort of `prog`. `sessions` empty means the programme's default schedule.
    /// `programme_ref` non-empty records that the programme came from the catalogue by
    /// that id (saving writes the reference instead of the whole programme).
    /// Throws smart::error(validation_error) for a bad schedule, a schedule on which a rule
    /// would be vacuous or cannot be met (no counted day for attendance, fewer than 2 or more
    /// than limits::gatherings_with_notes gatherings for notes, no festival for the festival
    /// rule; pointer "/sessions"), or a bad id.
    cohort(std::shared_ptr<const smart::programme> prog, std::string id, std::string label,
           std::optional<int> capacity = std::nullopt, std::vector<session> sessions = {},
           std::string programme_ref = {});

    const std::string& id() const noexcept { return id_; }
    const std::string& label() const noexcept { return label_; }
    std::optional<int> capacity() const noexcept { return capacity_; }
    const smart::programme& programme() const noexcept { return *programme_; }
    const std::shared_ptr<const smart::programme>& programme_ptr() const noexcept { return programme_; }
    /// The catalogue id the programme was referenced by, or "" when embedded.
    const std::string& programme_ref() const noexcept { return programme_ref_; }
    /// True when the cohort supplies its own schedule rather than the programme's.
    bool has_own_sessions() const noexcept { return own_sessions_; }

    const std::vector<session>& sessions() const noexcept { return sessions_; }
    /// Every session day, in increasing order.
    const std::vector<date>& days() const noexcept { return days_; }
    /// Position of `d` in days(), or nullopt when no session is held that day.
    std::optional<std::size_t> day_index(date d) const noexcept;
    /// Index into sessions() of the session holding days()[day].
    std::size_t session_of_day(std::size_t day) const noexcept { return day_session_[day]; }
    /// First and last session day (the programme's period). Throws not_allowed when the
    /// schedule is empty.
    date first_day() const;
    date last_day() const;

    const std::vector<participant>& participants() const noexcept { return roster_->list; }
    std::size_t size() const noexcept { return roster_->list.size(); }
    /// The participant with this id, or nullptr.
    const participant* find(std::string_view participant_id) const noexcept;
    /// Position of the participant in participants(); throws not_found.
    std::size_t index_of(std::string_view participant_id) const;

    /// Adds a participant after validating it (id unique and non-empty, name present,
    /// municipality number four digits, attendance empty or one per day, submissions and
    /// exemptions valid). Throws validation_error naming /participants/<n>/..., or
    /// not_allowed when the cohort is full.
    void add_participant(participant p);
    /// Adds many participants at once, all or nothing: the first invalid one (or a
    /// duplicate id, or one beyond capacity) throws validation_error naming
    /// /participants/<position in the cohort>/... and nothing is added. Used by the loader.
    void add_participants(std::vector<participant> ps);
    /// Checks a participant as add_participants checks each one at position `index`
    /// (everything but duplicates and capacity) without adding it; throws validation_error
    /// naming /participants/<index>/... Used by the spreadsheet import to check each
    /// participant and report every bad one (include/smart/sheet_import.hpp).
    void check_participant(const participant& p, std::size_t index) const { validate_participant(p, index); }
    /// Records the status for one session day. Throws not_found for an unknown
    /// participant, validation_error when `day` is not a session day.
    void set_attendance(std::string_view participant_id, date day, attendance_status status);
    /// The recorded status for a day (unrecorded when none). Throws like set_attendance.
    attendance_status attendance(std::string_view participant_id, date day) const;
    void set_festival_role(std::string_view participant_id, smart::festival_role role);
    /// Appends a submission; throws validation_error for a bad one (pages 0, ...).
    void add_submission(std::string_view participant_id, submission s);
    /// Records an exemption; throws validation_error when the requirement id is unknown
    /// or already exempted, or the reason is empty.
    void add_exemption(std::string_view participant_id, exemption e);
    /// Withdraws the exemption for `requirement_id`; throws not_found when there is none.
    void remove_exemption(std::string_view participant_id, std::string_view requirement_id);

    // Corrections (issue 11). A submission is addressed by its participant's id and its
    // position in that participant's submissions (0 = the first recorded). Each throws
    // not_found for an unknown participant or position (pointer
    // /participants/<n>/submissions/<i>), validation_error naming the field, and changes
    // nothing when it throws.

    /// Sets a submission's status. approved and rejected need who decided (one line,
    /// non-empty; pointer .../decided_by) and when (on or after the document's date;
    /// .../decided_on); submitted takes neither and clears the decision.
    void set_submission_status(std::string_view participant_id, std::size_t index, submission_status status,
                               std::string decided_by = {}, std::optional<date> decided_on = std::nullopt);
    /// Replaces a submission (date, pages, category, title, kind, status and decision) by
    /// `s`, validated as add_submission validates a new one.
    void correct_submission(std::string_view participant_id, std::size_t index, submission s);
    /// Removes a mistaken submission; the later ones move up one position.
    void remove_submission(std::string_view participant_id, std::size_t index);
    /// Corrects name, municipality, role and sector, validated as add_participant does.
    void correct_participant(std::string_view participant_id, participant_details details);
    /// Withdraws a participant on `on` (on or before last_day(); pointer
    /// .../withdrawal/date) with a reason (free text, non-empty; .../withdrawal/reason).
    /// Throws not_allowed when already withdrawn (cancel that withdrawal first). The
    /// participant keeps their seat and records.
    void withdraw(std::string_view participant_id, date on, std::string reason);
    /// Undoes a withdrawal recorded by mistake: the participant is evaluated as usual
    /// again. Throws not_found when the participant is not withdrawn.
    void cancel_withdrawal(std::string_view participant_id);

    /// Equal programme, id, label, capacity, schedule and participants.
    friend bool operator==(const cohort& a, const cohort& b);

    /// A stamp of the cohort's content: a fresh, process-wide unique value is taken at
    /// construction and at every change; a copy keeps its original's stamp (same
    /// content). An evaluation remembers it, so an evaluation is never paired with
    /// another cohort, nor with this one after it changed.
    std::uint64_t stamp() const noexcept { return stamp_; }

private:
    participant& mutable_participant(std::string_view participant_id);
    /// The roster to change: a copy of its own first when it is shared.
    detail::roster& own_roster();
    void touch() noexcept;
    void validate_participant(const participant& p, std::size_t index) const;
    void check_withdrawal(const withdrawal& w, const std::string& at) const;
    std::string submission_pointer(std::size_t participant_index, std::size_t index) const;
    /// `index` when the participant at `participant_index` has that submission; else not_found.
    std::size_t checked_submission(std::size_t participant_index, std::size_t index) const;

    std::shared_ptr<const smart::programme> programme_;
    std::string programme_ref_;
    std::string id_;
    std::string label_;
    std::optional<int> capacity_;
    bool own_sessions_ = false;
    std::vector<session> sessions_;  ///< own schedule, or a copy of the programme's
    std::vector<date> days_;
    std::vector<std::uint32_t> day_session_;
    std::shared_ptr<detail::roster> roster_ = std::make_shared<detail::roster>();
    std::uint64_t stamp_ = 0;
};

namespace detail {
/// The texts a cohort is made with are one line of UTF-8 each (docs/format.md, "Text"), at
/// most limits::name_chars characters: the id and the label. Throws validation_error at
/// "/id" or "/label". For the constructor; until it calls this, the C ABI and the Python
/// bindings call it before constructing (issue 10).
void check_cohort_texts(std::string_view id, std::string_view label);
}  // namespace detail

/// What a municipality warning is about (docs/format.md, "Municipalities").
enum class municipality_warning_kind : std::uint8_t {
    two_names,          ///< one number recorded with different names in the cohort
    not_register_name,  ///< a number of the register recorded only with names that are not its
    not_in_register,    ///< a number not in the register of 2024, in a cohort from 2024-01-01 on
};
const char* to_string(municipality_warning_kind k) noexcept;  ///< "two_names", ...

/// A municipality recorded in a way that is probably wrong: a warning, not an error, since
/// records may be older than the register and names are spelled in several ways
/// (docs/format.md, "Municipalities").
struct municipality_warning {
    std::string number;               ///< the number
    /// two_names: its names, in the order first recorded; not_register_name: its recorded
    /// names, none of them the register's; not_in_register: its recorded names.
    std::vector<std::string> names;
    /// two_names: the first participant whose name differs; otherwise the first participant
    /// recorded with the number.
    std::size_t participant = 0;
    /// That participant's ".../municipality/name" (two_names, not_register_name) or
    /// ".../municipality/number" (not_in_register), as a JSON Pointer.
    std::string path;
    municipality_warning_kind kind = municipality_warning_kind::two_names;
    /// The register's official name for the number ("Tønsberg"); "" when not in it.
    std::string register_name;
    /// not_in_register and not_register_name: the number the register gives the recorded
    /// name, when exactly one municipality has it ("3301" for Drammen); "" otherwise.
    std::string register_number;
    friend bool operator==(const municipality_warning&, const municipality_warning&) = default;
};

/// The cohort's municipality warnings, by number (at most one of each kind per number):
/// - two_names: a number recorded with different names (compared as typed);
/// - not_register_name: a number of the register none of whose recorded names is one of
///   its official names (compared ignoring case and surrounding spaces, any parallel name
///   accepted). A number with two names of which one is the register's gets the two_names
///   warning only;
/// - not_in_register: a number not in the register, when the cohort's first day is on or
///   after municipality_register_valid_from() (older cohorts may carry older numbers).
/// Thread safety: reads the cohort only.
std::vector<municipality_warning> check_municipality_names(const cohort& c);
/// The warning as a sentence in `l`: "Kommunenummer 3905 er registrert med ulike navn:
/// «Tønsberg», «Bergen»"; "3905 er Tønsberg i kommuneregisteret, ikke «Bergen» (Bergen er
/// 4601)"; "Kommunenummer 3005 («Drammen») finnes ikke i kommuneregisteret fra 1. januar
/// 2024: et nummer fra før 2024? (Drammen er 3301)".
std::string describe(const municipality_warning& w, lang l);

}  // namespace smart
