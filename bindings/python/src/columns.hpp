// Whole columns for pandas and Arrow (see bindings.hpp): NumPy arrays allocated while
// holding the GIL, filled without it, strings dictionary-encoded (int32 codes + categories).
#pragma once

#include <pybind11/numpy.h>

#include <bit>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bindings.hpp"

namespace smart_py {

/// Dictionary encoding of strings, in order of first appearance. The views must outlive
/// the encoder (they point into the cohort being read).
class dict_encoder {
public:
    std::int32_t operator()(std::string_view s) {
        auto [it, inserted] = index_.try_emplace(s, static_cast<std::int32_t>(categories_.size()));
        if (inserted) categories_.push_back(s);
        return it->second;
    }
    const std::vector<std::string_view>& categories() const noexcept { return categories_; }

private:
    std::unordered_map<std::string_view, std::int32_t> index_;
    std::vector<std::string_view> categories_;
};

/// A table under construction: columns in order, each a NumPy array plus, for categorical
/// columns, their categories (filled in once the codes are known).
class column_table {
public:
    /// `arrow_dates`: hand dates over as Arrow lays out date32 (int32 days, in the same
    /// memory, and a validity bitmap) rather than as datetime64[s] for pandas.
    explicit column_table(bool arrow_dates = false) : arrow_dates_(arrow_dates) {}

    template <class T>
    T* array(const std::string& name, std::size_t n) {
        py::array_t<T> a(static_cast<py::ssize_t>(n));
        T* p = a.mutable_data();
        add(name, kind::array, std::move(a));
        return p;
    }
    /// Dates: fill in days since 1970-01-01 (epoch_days), NaT for none. Handed over as
    /// datetime64[s] (result() turns the days into seconds), the resolution pandas keeps,
    /// so a DataFrame takes the column without converting it.
    std::int64_t* dates(const std::string& name, std::size_t n) {
        py::array a(py::dtype("datetime64[s]"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(n)});
        auto* p = static_cast<std::int64_t*>(a.mutable_data());
        add(name, kind::dates, std::move(a));
        return p;
    }
    /// Values plus a mask (true = missing).
    template <class T>
    std::pair<T*, bool*> masked(const std::string& name, std::size_t n) {
        py::array_t<T> a(static_cast<py::ssize_t>(n));
        py::array_t<bool> mask(static_cast<py::ssize_t>(n));
        auto out = std::make_pair(a.mutable_data(), mask.mutable_data());
        add(name, kind::masked, std::move(a), std::move(mask));
        return out;
    }
    /// Sets of intervals between gatherings (bit i = interval i), one per row, plus a mask
    /// (true = missing). Handed over as Arrow lays out a list column: 1-based interval
    /// numbers in `values`, row i's in values[offsets[i]:offsets[i + 1]].
    std::pair<std::uint64_t*, bool*> interval_sets(const std::string& name, std::size_t n) {
        column c;
        c.name = name;
        c.k = kind::intervals;
        c.bits.resize(n);
        c.mask = py::array_t<bool>(static_cast<py::ssize_t>(n));
        auto out = std::make_pair(c.bits.data(), static_cast<bool*>(c.mask.mutable_data()));
        cols_.push_back(std::move(c));
        return out;
    }
    /// Codes of a categorical column; categories are given later by `set_categories` (or
    /// right away for an enum).
    std::int32_t* codes(const std::string& name, std::size_t n) {
        py::array_t<std::int32_t> a(static_cast<py::ssize_t>(n));
        std::int32_t* p = a.mutable_data();
        add(name, kind::categorical, std::move(a));
        return p;
    }
    /// An enum column: codes are the enum's value (value - 1 for a nullable enum, whose
    /// value 0 "none" becomes -1, missing); categories its names from the core.
    template <class E>
    std::int32_t* enum_codes(const std::string& name, std::size_t n) {
        std::int32_t* p = codes(name, n);
        py::list cats;
        for (const char* c : enum_value_names<E>())
            if (*c) cats.append(c);
        cols_.back().categories = std::move(cats);
        return p;
    }
    template <class E>
    static std::int32_t enum_code(E v) noexcept {
        return static_cast<std::int32_t>(v) - (enum_traits<E>::nullable ? 1 : 0);
    }
    /// Categories of the most recent column named `name` (call with the GIL held).
    void set_categories(const std::string& name, const std::vector<std::string_view>& cats) {
        // an object array (not a list): pandas makes its Index of it without copying
        py::array l(py::dtype("O"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(cats.size())});
        auto** cells = static_cast<PyObject**>(l.mutable_data());
        for (std::size_t i = 0; i < cats.size(); ++i) {
            Py_XDECREF(cells[i]);
            cells[i] = py::str(cats[i].data(), cats[i].size()).release().ptr();
        }
        for (auto it = cols_.rbegin(); it != cols_.rend(); ++it)
            if (it->name == name) {
                it->categories = std::move(l);
                return;
            }
    }
    /// [(name, column), ...] with column ("array", a) | ("date", seconds) |
    /// ("cat", codes, categories) | ("masked", values, mask) | ("intervals", offsets,
    /// values, mask).
    py::list result() const {
        py::list out;
        for (const auto& c : cols_) {
            py::tuple col;
            if (c.k == kind::dates)
                col = date_column(c);
            else if (c.k == kind::array)
                col = py::make_tuple("array", c.a);
            else if (c.k == kind::categorical)
                col = py::make_tuple("cat", c.a, c.categories);
            else if (c.k == kind::masked)
                col = py::make_tuple("masked", c.a, c.mask);
            else
                col = interval_lists(c);
            out.append(py::make_tuple(c.name, col));
        }
        return out;
    }

private:
    enum class kind { array, dates, categorical, masked, intervals };
    struct column {
        std::string name;
        kind k;
        py::array a;
        py::array mask;
        py::object categories;  ///< a list or an object array of str
        std::vector<std::uint64_t> bits;
        mutable bool in_seconds = false;  ///< dates: turned from days into seconds  ///< intervals: the sets, until result() lays them out
    };

    /// ("date", seconds): the dates as datetime64[s], the resolution pandas keeps (the days
    /// filled in are turned into seconds in place, once). One array only: a second layout
    /// for Arrow doubled what a table allocates and cost more than it saved.
    py::tuple date_column(const column& c) const {
        auto* p = static_cast<std::int64_t*>(const_cast<void*>(c.a.data()));
        constexpr std::int64_t nat = std::numeric_limits<std::int64_t>::min();
        const py::ssize_t n = c.a.size();
        if (arrow_dates_) return date32_column(c, p, n);
        for (py::ssize_t i = 0; i < n && !c.in_seconds; ++i)
            if (p[i] != nat) p[i] *= 86400;
        c.in_seconds = true;
        return py::make_tuple("date", c.a);
    }

    /// ("date32", days, validity): the days written as int32 over the front of the same
    /// buffer (element i's 4 bytes never overlap an element not read yet), so Arrow takes
    /// them without a copy. Once: the column is not handed over twice.
    static py::tuple date32_column(const column& c, std::int64_t* p, py::ssize_t n) {
        constexpr std::int64_t nat = std::numeric_limits<std::int64_t>::min();
        py::array_t<std::uint8_t> valid((n + 7) / 8);
        std::uint8_t* v = valid.mutable_data();
        std::fill_n(v, valid.size(), std::uint8_t{0});
        auto* d = reinterpret_cast<std::int32_t*>(p);
        for (py::ssize_t i = 0; i < n; ++i) {
            const std::int64_t day = p[i];
            const bool here = day != nat;
            v[i / 8] |= static_cast<std::uint8_t>(static_cast<unsigned>(here) << (i % 8));
            d[i] = here ? static_cast<std::int32_t>(day) : 0;
        }
        py::array_t<std::int32_t> days({n}, {sizeof(std::int32_t)}, d, c.a);  // a view kept alive by c.a
        return py::make_tuple("date32", days, valid);
    }

    static py::tuple interval_lists(const column& c) {
        const auto n = static_cast<py::ssize_t>(c.bits.size());
        const bool* missing = static_cast<const bool*>(c.mask.data());
        py::array_t<std::int32_t> offsets(n + 1);
        std::int32_t* off = offsets.mutable_data();
        std::int32_t total = 0;
        for (py::ssize_t i = 0; i < n; ++i) {
            off[i] = total;
            if (!missing[i]) total += std::popcount(c.bits[static_cast<std::size_t>(i)]);
        }
        off[n] = total;
        py::array_t<std::int32_t> values(total);
        std::int32_t* v = values.mutable_data();
        for (py::ssize_t i = 0; i < n; ++i) {
            if (missing[i]) continue;
            for (std::uint64_t b = c.bits[static_cast<std::size_t>(i)]; b; b &= b - 1) *v++ = std::countr_zero(b) + 1;
        }
        return py::make_tuple("intervals", offsets, values, c.mask);
    }
    std::vector<column> cols_;
    bool arrow_dates_ = false;

    void add(const std::string& name, kind k, py::array a, py::array mask = py::array()) {
        column c;
        c.name = name;
        c.k = k;
        c.a = std::move(a);
        c.mask = std::move(mask);
        cols_.push_back(std::move(c));
    }
};

/// An "intervals" column for pandas as a categorical: (codes, categories), the categories
/// the distinct sets as tuples of 1-based interval numbers (hashable: they group and count),
/// code -1 where missing. No Python object per row.
inline py::tuple interval_categories(const py::array_t<std::int32_t>& offsets, const py::array_t<std::int32_t>& values,
                                     const py::array_t<bool>& mask) {
    const auto n = mask.size();
    if (offsets.size() != n + 1) throw py::value_error("interval_categories: offsets must have one more element than mask");
    const std::int32_t* off = offsets.data();
    const std::int32_t* v = values.data();
    const bool* missing = mask.data();
    py::array_t<std::int32_t> codes(n);
    std::int32_t* code = codes.mutable_data();
    std::unordered_map<std::uint64_t, std::int32_t> index;
    std::vector<std::pair<py::ssize_t, py::ssize_t>> first;  // the rows' values of each category
    std::uint64_t last_bits = 0;
    std::int32_t last = -1;
    for (py::ssize_t i = 0; i < n; ++i) {
        if (missing[i]) {
            code[i] = -1;
            continue;
        }
        if (off[i] < 0 || off[i] > off[i + 1] || off[i + 1] > values.size())
            throw py::value_error("interval_categories: offsets out of order");
        std::uint64_t bits = 0;
        for (auto k = off[i]; k < off[i + 1]; ++k) bits |= std::uint64_t{1} << ((v[k] - 1) & 63);
        if (last < 0 || bits != last_bits) {  // runs of the same set are common: skip the look-up
            auto [it, inserted] = index.try_emplace(bits, static_cast<std::int32_t>(first.size()));
            if (inserted) first.emplace_back(off[i], off[i + 1]);
            last = it->second;
            last_bits = bits;
        }
        code[i] = last;
    }
    py::array categories(py::dtype("O"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(first.size())});
    auto** cells = static_cast<PyObject**>(categories.mutable_data());
    for (std::size_t c = 0; c < first.size(); ++c) {
        py::tuple t(static_cast<std::size_t>(first[c].second - first[c].first));
        for (auto k = first[c].first; k < first[c].second; ++k) t[static_cast<std::size_t>(k - first[c].first)] = py::int_(v[k]);
        Py_XDECREF(cells[c]);  // the new array holds None references (or NULL)
        cells[c] = t.release().ptr();
    }
    return py::make_tuple(codes, categories);
}

/// The columns every per-participant table starts with — participant_id, name,
/// municipality_number, municipality_name, role, sector — added to a table in that order.
/// fill() runs without the GIL; finish() sets the categories once every row is filled.
class participant_identity_columns {
public:
    participant_identity_columns(column_table& t, std::size_t n)
        : id_(t.codes("participant_id", n)),
          name_(t.codes("name", n)),
          number_(t.codes("municipality_number", n)),
          municipality_(t.codes("municipality_name", n)),
          role_(t.codes("role", n)),
          sector_(t.enum_codes<smart::sector>("sector", n)) {
        ids_.reserve(n);
    }

    void fill(std::size_t i, const smart::participant& p) {
        id_[i] = static_cast<std::int32_t>(i);
        ids_.push_back(p.id);
        name_[i] = names_(p.name);
        number_[i] = numbers_(p.municipality.number);
        municipality_[i] = municipalities_(p.municipality.name);
        role_[i] = roles_(p.role);
        sector_[i] = column_table::enum_code(p.sector);
    }

    void finish(column_table& t) const {
        t.set_categories("participant_id", ids_);
        t.set_categories("name", names_.categories());
        t.set_categories("municipality_number", numbers_.categories());
        t.set_categories("municipality_name", municipalities_.categories());
        t.set_categories("role", roles_.categories());
    }

private:
    std::int32_t *id_, *name_, *number_, *municipality_, *role_, *sector_;
    std::vector<std::string_view> ids_;
    dict_encoder names_, numbers_, municipalities_, roles_;
};

}  // namespace smart_py
