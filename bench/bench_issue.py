"""Certificates issued per second: a 1,000-participant cohort (the demo cohort's eligible
participants, copied with new ids), issued in one process on one core — the register
record (lock, append, fsync), the signed credential, the OB 3.0 JSON, the .jwt and the
PDF/A signed with PAdES B-B (the issuer's ES256 key under its self-signed certificate),
for an issuer with a web address (each credential gets its status list entry) — with
smart.issuing.issue_cohort, as `smart issue --key K --issuer-url URL` does.

    taskset -c 0 .venv/bin/python bench/bench_issue.py [--participants 1000] [--dir DIR]

Also times the parts alone: issuing into the register without documents, rendering the
PDFs of the issued records unsigned, and signing them. Target: at least 100 certificates per second on one core
(taskset -c 0 pins the process to one). On a machine shared with other work the wall
time counts their share of the core too: the whole run's CPU time is printed beside it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import pathlib
import tempfile
import time

import smart
from smart import issuing
from smart.pdf import certificate_pdf, render_certificate
from smart.pdf_sign import issuer_key_signer

ROOT = pathlib.Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples/cohorts/trener-2024-demo.json"
AS_OF = datetime.date(2025, 4, 30)


def cohort(n: int) -> smart.Cohort:
    doc = json.loads(DEMO.read_text(encoding="utf-8"))
    ev = smart.load_cohort(DEMO).evaluate(AS_OF)
    eligible = [p for p in doc["participants"] if ev[p["id"]].status == "eligible"]
    people = []
    for i in range(n):
        p = json.loads(json.dumps(eligible[i % len(eligible)]))
        p["id"], p["name"] = f"x{i:05d}", f"{p['name']} {i}"
        people.append(p)
    doc["participants"], doc["capacity"] = people, n
    return smart.loads_cohort(json.dumps(doc, ensure_ascii=False))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--participants", type=int, default=1000)
    ap.add_argument("--dir", default=None, help="folder for the output (default: a temporary folder)")
    ap.add_argument("--unsigned", action="store_true", help="the whole run without PDF signatures (to compare)")
    args = ap.parse_args()
    ev = cohort(args.participants).evaluate(AS_OF)
    key = issuing.generate_signing_key()
    # as smart issue does: an issuer with a web address (every credential gets its status list
    # entry) and the issuer's own ES256 key signing the PDFs under its self-signed certificate
    url = "https://kommune.example"
    issuer = issuing.Issuer(id=issuing.did_web(url), name="Eksempel kommune", url=url)
    base = pathlib.Path(args.dir or tempfile.mkdtemp(prefix="smart-bench-issue-"))
    signer = issuer_key_signer(key, base / "issuer.key.json", issuer.name, url)
    render_certificate(issuing.certificate_text(issuing.Register(base / "warm.jsonl").issue(
        issuing.certificate_data(ev, 0), issuer, key, AS_OF, "nb")[0]), base / "warm.pdf")  # fmt: skip

    t0, c0 = time.perf_counter(), time.process_time()
    report = issuing.issue_cohort(ev, base / "full", key, issuer, issued_on=AS_OF, pdf_signer=None if args.unsigned else signer)
    full, full_cpu = time.perf_counter() - t0, time.process_time() - c0
    n = len(report.issued)

    reg = issuing.Register(base / "register-only.jsonl")
    t0 = time.perf_counter()
    records = [reg.issue(issuing.certificate_data(ev, i), issuer, key, AS_OF, "nb")[0] for i in range(len(ev))]
    register_only = time.perf_counter() - t0

    t0 = time.perf_counter()
    for r in records:
        render_certificate(issuing.certificate_text(r), base / "pdf-only" / f"{r.serial}.pdf")
    pdf_only = time.perf_counter() - t0

    unsigned = [certificate_pdf(issuing.certificate_text(r)) for r in records]
    t0 = time.perf_counter()
    for data in unsigned:
        signer.sign(data)
    sign_only = time.perf_counter() - t0

    print(f"output: {base}")
    print(f"certificates issued: {n} (register + signature + JSON + JWT + {'unsigned' if args.unsigned else 'signed'} PDF)")
    print(f"  whole run:        {full:7.2f} s  {n / full:7.1f} certificates/s  {1000 * full / n:6.2f} ms each")
    print(f"  whole run, CPU:   {full_cpu:7.2f} s  {n / full_cpu:7.1f} certificates/s  (the process's CPU time: "
          "on a loaded machine, the part that is this process's own)")
    print(f"  register + sign:  {register_only:7.2f} s  {n / register_only:7.1f} /s  {1000 * register_only / n:6.2f} ms each")
    print(f"  PDF only:         {pdf_only:7.2f} s  {n / pdf_only:7.1f} /s  {1000 * pdf_only / n:6.2f} ms each")
    print(f"  PDF signing only: {sign_only:7.2f} s  {n / sign_only:7.1f} /s  {1000 * sign_only / n:6.2f} ms each")


if __name__ == "__main__":
    main()
