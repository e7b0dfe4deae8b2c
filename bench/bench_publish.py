"""The size and writing time of a published verification site (smart publish) for 1,000
certificates: the demo cohort's eligible participants copied with new ids, issued into a
register without documents (did:web issuer), 10 of them revoked, then
smart.publish.publish_site with a stand-in status list.

    .venv/bin/python bench/bench_publish.py [--participants 1000] [--dir DIR]

Prints the number of files, the bytes of content (what a web server stores, without the
file system's block rounding), the size `du` reports, and the time to write the site.
"""

from __future__ import annotations

import argparse
import datetime
import pathlib
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from bench_issue import AS_OF, cohort  # noqa: E402

from smart import issuing  # noqa: E402
from smart.publish import publish_site  # noqa: E402

URL = "https://bevis.eksempel-kommune.no"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--participants", type=int, default=1000)
    ap.add_argument("--dir", default=None, help="folder for the output (default: a temporary folder)")
    args = ap.parse_args()
    ev = cohort(args.participants).evaluate(AS_OF)
    key = issuing.generate_signing_key()
    issuer = issuing.Issuer(id=issuing.did_web(URL), name="Eksempel kommune", url=URL)
    base = pathlib.Path(args.dir or tempfile.mkdtemp(prefix="smart-bench-publish-"))
    (base / "bevis").mkdir(parents=True, exist_ok=True)
    reg = issuing.Register(base / "bevis" / "register.jsonl")
    for i in range(len(ev)):
        if ev[i].status == "eligible":
            reg.issue(issuing.certificate_data(ev, i), issuer, key, AS_OF, "nb")
    for r in reg.records()[:10]:
        reg.revoke(r.serial, "Utstedt ved en feil", AS_OF + datetime.timedelta(days=3))
    t0 = time.perf_counter()
    report = publish_site(issuing.Register(reg.path), key, URL, base / "site", status_list="x" * 200, published_on=AS_OF)
    took = time.perf_counter() - t0
    du = subprocess.run(["du", "-sk", str(report.site)], capture_output=True, text=True).stdout.split()[0]
    print(f"{report.certificates} certificates: {report.files} files, {report.bytes / 1e6:.2f} MB of content "
          f"({report.bytes / report.certificates / 1e3:.1f} kB per certificate), du {int(du) / 1024:.1f} MiB, "
          f"written in {took:.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
