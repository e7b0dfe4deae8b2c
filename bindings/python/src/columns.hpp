// Whole columns for pandas and Arrow (see bindings.hpp): NumPy arrays allocated while
// holding the GIL, filled without it, strings dictionary-encoded (int32 codes + categories).
#pragma once

#include <pybind11/numpy.h>

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
    template <class T>
    T* array(const std::string& name, std::size_t n) {
        py::array_t<T> a(static_cast<py::ssize_t>(n));
        T* p = a.mutable_data();
        add(name, kind::array, std::move(a));
        return p;
    }
    /// datetime64[D]: days since 1970-01-01, NaT for none.
    std::int64_t* dates(const std::string& name, std::size_t n) {
        py::array a(py::dtype("datetime64[D]"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(n)});
        auto* p = static_cast<std::int64_t*>(a.mutable_data());
        add(name, kind::array, std::move(a));
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
        py::list l;
        for (auto s : cats) l.append(py::str(s.data(), s.size()));
        for (auto it = cols_.rbegin(); it != cols_.rend(); ++it)
            if (it->name == name) {
                it->categories = std::move(l);
                return;
            }
    }
    /// [(name, column), ...] with column ("array", a) | ("cat", codes, categories) |
    /// ("masked", values, mask).
    py::list result() const {
        py::list out;
        for (const auto& c : cols_) {
            py::tuple col;
            if (c.k == kind::array)
                col = py::make_tuple("array", c.a);
            else if (c.k == kind::categorical)
                col = py::make_tuple("cat", c.a, c.categories);
            else
                col = py::make_tuple("masked", c.a, c.mask);
            out.append(py::make_tuple(c.name, col));
        }
        return out;
    }

private:
    enum class kind { array, categorical, masked };
    struct column {
        std::string name;
        kind k;
        py::array a;
        py::array mask;
        py::list categories;
    };
    std::vector<column> cols_;

    void add(const std::string& name, kind k, py::array a, py::array mask = py::array()) {
        column c;
        c.name = name;
        c.k = k;
        c.a = std::move(a);
        c.mask = std::move(mask);
        cols_.push_back(std::move(c));
    }
};

/// The columns every per-participant table starts with — participant_id, name,
/// municipality_number, municipality, role, sector — added to a table in that order.
/// fill() runs without the GIL; finish() sets the categories once every row is filled.
class participant_identity_columns {
public:
    participant_identity_columns(column_table& t, std::size_t n)
        : id_(t.codes("participant_id", n)),
          name_(t.codes("name", n)),
          number_(t.codes("municipality_number", n)),
          municipality_(t.codes("municipality", n)),
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
        t.set_categories("municipality", municipalities_.categories());
        t.set_categories("role", roles_.categories());
    }

private:
    std::int32_t *id_, *name_, *number_, *municipality_, *role_, *sector_;
    std::vector<std::string_view> ids_;
    dict_encoder names_, numbers_, municipalities_, roles_;
};

}  // namespace smart_py
