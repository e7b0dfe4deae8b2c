// A C++ program outside the project that uses the installed static core (smart::smart).
#include <iostream>
#include <smart/smart.hpp>

int main() {
    const smart::cohort c = smart::catalogue::demo_cohort();
    const smart::evaluation e = smart::evaluate(c, smart::date(2025, 4, 30));
    std::cout << "smart " << smart::version() << " (C++): " << e.counts().eligible << " of " << e.size()
              << " eligible\n";
    return e.counts().eligible == 24 ? 0 : 1;
}
