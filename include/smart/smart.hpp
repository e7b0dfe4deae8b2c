// Umbrella header: the whole public C++ API of the smart library.
#pragma once

#include "smart/catalogue.hpp"
#include "smart/certificate.hpp"
#include "smart/cohort.hpp"
#include "smart/error.hpp"
#include "smart/evaluation.hpp"
#include "smart/file.hpp"
#include "smart/issuing.hpp"
#include "smart/json.hpp"
#include "smart/programme.hpp"
#include "smart/ratio.hpp"
#include "smart/schedule.hpp"
#include "smart/statistics.hpp"
#include "smart/synthetic.hpp"
#include "smart/text.hpp"
#include "smart/version.hpp"
