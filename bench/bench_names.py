"""The cost of a holder's name in another script: render_certificate timed for Latin,
Chinese, Arabic and emoji names (the first document of each loads its fonts), and
smart.pdf_names.name_problem for 10,000 Latin names.

    taskset -c 0 .venv/bin/python bench/bench_names.py
"""

from __future__ import annotations

import dataclasses
import pathlib
import tempfile
import time

import smart
from smart import issuing, pdf_names
from smart.issuing_documents import certificate_text
from smart.pdf import render_certificate


def main() -> None:
    ev = smart.demo_cohort().evaluate("2025-04-30")
    d = pathlib.Path(tempfile.mkdtemp(prefix="smart-bench-names-"))
    reg = issuing.Register(d / "register.jsonl")
    key = issuing.generate_signing_key()
    rec, _ = reg.issue(issuing.certificate_data(ev, "p01"), issuing.Issuer(id="urn:x", name="X"), key, "2025-04-30", "nb")
    base = certificate_text(rec)
    groups = [
        [f"Kari Nordmann {i}" for i in range(6)],
        ["王小明", "李美华", "王大明"],
        ["ليلى حداد", "ليلى حدادي", "ليلى حدادة"],
        ["Kari 🌟 Nordmann", "Per 🌟 Hansen", "Ola 🌟 Olsen"],
    ]
    for group in groups:
        ms = []
        for name in group:
            t = time.perf_counter()
            render_certificate(dataclasses.replace(base, holder=name), d / "x.pdf")
            ms.append((time.perf_counter() - t) * 1e3)
        rest = ", ".join(f"{x:.0f}" for x in ms[1:])
        print(f"{group[0]:<18} first {ms[0]:6.0f} ms, then {rest} ms ({(d / 'x.pdf').stat().st_size} bytes)")
    names = [f"Kari Nordmann Østby {i}" for i in range(10_000)]
    t = time.perf_counter()
    for n in names:
        pdf_names.name_problem(n)
    print(f"name_problem, 10,000 Latin names: {(time.perf_counter() - t) / len(names) * 1e6:.1f} µs each")


if __name__ == "__main__":
    main()
