// The official register of Norwegian municipalities valid from 2024-01-01 (357
// municipalities: Statistics Norway's numbers, Kartverket's official names with the
// parallel Sami and Kven names), generated into src/municipalities_data.cpp by
// scripts/make_municipalities.py. docs/format.md, "Municipalities", names the source.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "smart/schedule.hpp"

namespace smart {

/// A municipality of the register. Views of static storage: valid for the whole program.
struct registered_municipality {
    std::string_view number;  ///< "3905"
    /// The official name as the register writes it, parallel names joined with " - ":
    /// "Tønsberg", "Nordreisa - Ráisa - Raisi".
    std::string_view name;
    /// Each parallel name on its own, in the register's order (one to three).
    std::span<const std::string_view> names;
};

/// The first day the register is valid: 2024-01-01 (the county split of 2024 renumbered
/// the municipalities of seven new counties, and Haram left Ålesund).
date municipality_register_valid_from();

/// All municipalities of the register, by number.
std::span<const registered_municipality> municipality_register();

/// The municipality with this number in the register, or nullopt (an older number, a typo).
std::optional<registered_municipality> find_municipality(std::string_view number);

/// True when `name` is one of the municipality's official names or the whole official
/// name: compared after trimming spaces, ignoring letter case (Norwegian and Sami letters
/// included: "TØNSBERG", "tromsø", "gáivuotna").
bool is_official_name(const registered_municipality& m, std::string_view name);

/// The municipalities whose official name (or one of its parallel names) is `name`, as
/// is_official_name compares: none, one, or several ("Våler", "Herøy").
std::vector<registered_municipality> find_municipalities_named(std::string_view name);

namespace detail {
/// One generated row (src/municipalities_data.cpp).
struct municipality_row {
    std::string_view number;
    std::string_view name;
    std::array<std::string_view, 3> names;
    std::size_t name_count;
};
extern const municipality_row municipality_rows[];
extern const std::size_t municipality_row_count;
}  // namespace detail

}  // namespace smart
