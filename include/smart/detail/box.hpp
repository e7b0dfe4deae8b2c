// Internal: an optional value kept on the heap, with value semantics (deep copy, value
// equality). Used for rarely present members so the common record stays small.
#pragma once

#include <memory>
#include <optional>
#include <utility>

namespace smart::detail {

template <class T>
class optional_box {
public:
    optional_box() noexcept = default;
    optional_box(std::nullopt_t) noexcept {}
    optional_box(T value) : p_(std::make_unique<T>(std::move(value))) {}
    optional_box(const optional_box& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
    optional_box(optional_box&&) noexcept = default;
    optional_box& operator=(const optional_box& o) {
        if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
        return *this;
    }
    optional_box& operator=(optional_box&&) noexcept = default;
    optional_box& operator=(T value) {
        p_ = std::make_unique<T>(std::move(value));
        return *this;
    }
    optional_box& operator=(std::nullopt_t) noexcept {
        p_.reset();
        return *this;
    }

    bool has_value() const noexcept { return p_ != nullptr; }
    explicit operator bool() const noexcept { return has_value(); }
    T& operator*() noexcept { return *p_; }
    const T& operator*() const noexcept { return *p_; }
    T* operator->() noexcept { return p_.get(); }
    const T* operator->() const noexcept { return p_.get(); }
    void reset() noexcept { p_.reset(); }

    friend bool operator==(const optional_box& a, const optional_box& b) {
        return a.p_ && b.p_ ? *a.p_ == *b.p_ : a.p_ == b.p_;
    }

private:
    std::unique_ptr<T> p_;
};

}  // namespace smart::detail
