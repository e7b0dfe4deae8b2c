"""smart publish: the static verification site (layout, tokens, pages with escaping and
status, atomic replacement, refusals), smart verify --site against it (folder and http),
the QR code pointing to the page, and a real browser (headless Chromium) reading a page."""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import pathlib
import shutil
import stat
import subprocess

import pytest

import smart
from smart import issuing
from smart.publish import certificate_page_url, fetch_site_certificate, publish_site, verification_token
from conftest import DEMO, smart_cli, web_issuer

AS_OF = datetime.date(2025, 4, 30)
URL = "https://bevis.eksempel.no"
HOSTILE = 'Ada <script>alert("x")</script> & O\'Hara \u05e9\u05dc\u05d5\u05dd'


@pytest.fixture
def issued(tmp_path: pathlib.Path, key: issuing.SigningKey) -> issuing.Register:
    """A register with three certificates: p01 (a hostile name), p02 revoked, p03 valid."""
    doc = json.loads(DEMO.read_text(encoding="utf-8"))
    doc["participants"][0]["name"] = HOSTILE
    cohort_file = tmp_path / "cohort.json"
    cohort_file.write_text(json.dumps(doc), encoding="utf-8")
    ev = smart.load_cohort(cohort_file).evaluate(AS_OF)
    eligible = [r.id for r in ev if r.status == "eligible"][:3]
    assert eligible[0] == "p01", "p01 carries the hostile name"
    (tmp_path / "issued").mkdir()
    issuer = web_issuer(URL)
    reg = issuing.Register(tmp_path / "issued" / "register.jsonl")
    for pid in eligible:
        reg.issue(issuing.certificate_data(ev, pid), issuer, key, AS_OF, "nb")
    reg.revoke(reg.records()[1].serial, "Utstedt ved en feil", datetime.date(2025, 5, 2))
    return issuing.Register(reg.path)


def _token_reference(serial: str, code: str) -> str:
    digest = hashlib.sha256(f"smart-verify:{serial.upper()}:{code.upper().replace('-', '')}".encode()).digest()
    return base64.b32encode(digest).decode().lower()[:26]


def test_token_is_base32_of_sha256_of_serial_and_code_and_ignores_case_and_dash() -> None:
    serial, code = "SMART-ABCD-0123-4567-89AB", "WXYZ-2345"
    token = verification_token(serial, code)
    assert token == _token_reference(serial, code)
    assert len(token) == 26 and token.islower()
    assert verification_token(serial.lower(), "wxyz2345") == token
    assert verification_token(serial, "WXYZ-2346") != token
    with pytest.raises(smart.SmartError, match="not a serial"):
        verification_token("nonsense", code)
    with pytest.raises(smart.SmartError, match="empty"):
        verification_token(serial, " - ")
    assert certificate_page_url(URL + "/", serial, code) == f"{URL}/c/{token}/"


def test_site_layout_modes_and_no_personal_data_outside_the_pages(
    issued: issuing.Register, key: issuing.SigningKey, tmp_path: pathlib.Path
) -> None:
    site = tmp_path / "site"
    report = publish_site(issued, key, URL, site, status_list="eyJ.status.list", published_on=AS_OF)
    records = issued.records()
    assert report.certificates == len(records) == 3
    did = json.loads((site / ".well-known/did.json").read_text())
    assert did["id"] == issuing.did_web(URL)
    jwks = json.loads((site / "jwks.json").read_text())
    assert [k["x"] for k in jwks["keys"]] == [json.loads(key.public_key.to_json())["x"]]
    assert (site / "status/revocation.jwt").read_text().strip() == "eyJ.status.list"
    index = (site / "index.html").read_text()
    for lang in ("nb", "nn", "en"):
        assert f'<section lang="{lang}">' in index
    for r in records:
        assert r.data.holder not in index and r.serial not in index
        folder = site / "c" / verification_token(r.serial, r.verification_code)
        assert {p.name for p in folder.iterdir()} == {
            "index.html", "index.nn.html", "index.en.html", "credential.jwt", "status.json"
        }
        assert (folder / "credential.jwt").read_text().strip() == r.credential_jws
    assert len(list((site / "c").iterdir())) == 3
    for p in site.rglob("*"):
        assert stat.S_IMODE(p.stat().st_mode) == (0o755 if p.is_dir() else 0o644), p
        if p.suffix == ".html":
            text = p.read_text()
            assert "<script" not in text and "http://" not in text and "https://" not in text, p
    assert not list(tmp_path.glob(".site.*")), "no temporary folder left behind"


def test_issuer_url_with_a_path_puts_did_json_where_did_web_looks(
    issued: issuing.Register, key: issuing.SigningKey, tmp_path: pathlib.Path
) -> None:
    site = tmp_path / "site"
    publish_site(issued, key, URL + "/kurs", site, published_on=AS_OF)
    assert issuing.did_web_document_url(issuing.did_web(URL + "/kurs")) == URL + "/kurs/did.json"
    assert json.loads((site / "did.json").read_text())["id"] == issuing.did_web(URL + "/kurs")
    assert not (site / ".well-known").exists() and not (site / "status").exists()


def test_pages_escape_the_name_show_the_content_and_the_status(
    issued: issuing.Register, key: issuing.SigningKey, tmp_path: pathlib.Path
) -> None:
    site = tmp_path / "site"
    publish_site(issued, key, URL, site, published_on=AS_OF)
    first, revoked, valid = issued.records()

    def page(r: issuing.CertificateRecord, name: str = "index.html") -> str:
        return (site / "c" / verification_token(r.serial, r.verification_code) / name).read_text()

    hostile = page(first)
    assert "<script>" not in hostile
    assert "Ada &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#x27;Hara \u05e9\u05dc\u05d5\u05dd" in hostile
    assert '<bdi>' in hostile and '<html lang="nb">' in hostile
    w = issuing.wording(first)
    for line in [*w.goals, w.serial_line]:
        assert line.replace("'", "&#x27;").replace('"', "&quot;") in hostile or line in hostile
    assert 'data-status="valid"' in hostile and "Gyldig" in hostile
    assert first.verification_code not in hostile, "the page does not print the code"
    r = page(revoked)
    assert 'data-status="revoked"' in r and "Trukket tilbake 2.5.2025: Utstedt ved en feil." in r
    en = page(revoked, "index.en.html")
    assert '<html lang="en">' in en and "Revoked on 2 May 2025: Utstedt ved en feil." in en
    assert "Gyldig" in page(valid) and "Gyldig" in page(valid, "index.nn.html")


def test_replaced_certificate_names_its_successor_without_a_link(
    issued: issuing.Register, key: issuing.SigningKey, tmp_path: pathlib.Path
) -> None:
    ev = smart.load_cohort(DEMO).evaluate(AS_OF)
    old = issued.records()[2]
    issued.reissue(old.serial, issuing.certificate_data(ev, old.data.participant_id), old.issuer, key, AS_OF, "nb",
                   reason="Feil navn")  # fmt: skip
    reg = issuing.Register(issued.path)
    new = reg.find(reg.find(old.serial).replaced_by)  # type: ignore[union-attr]
    assert new is not None
    site = tmp_path / "site"
    publish_site(reg, key, URL, site, published_on=AS_OF)
    text = (site / "c" / verification_token(old.serial, old.verification_code) / "index.html").read_text()
    assert f"Erstattet av {new.serial}" in text
    assert verification_token(new.serial, new.verification_code) not in text


def test_republish_after_revocation_updates_the_page_and_refusals(
    issued: issuing.Register, key: issuing.SigningKey, tmp_path: pathlib.Path
) -> None:
    site = tmp_path / "site"
    publish_site(issued, key, URL, site, published_on=AS_OF)
    target = issued.records()[2]
    page = site / "c" / verification_token(target.serial, target.verification_code) / "index.html"
    assert 'data-status="valid"' in page.read_text()
    issued.revoke(target.serial, "Trukket av kurset", datetime.date(2025, 6, 1))
    publish_site(issuing.Register(issued.path), key, URL, site, published_on=AS_OF)
    assert 'data-status="revoked"' in page.read_text() and "Trukket av kurset" in page.read_text()
    # never into a folder of other files, the register's folder, or around the key
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    with pytest.raises(ValueError, match="not empty"):
        publish_site(issued, key, URL, other)
    assert (other / "keep.txt").read_text() == "mine"
    with pytest.raises(ValueError, match="register"):
        publish_site(issued, key, URL, issued.path.parent)
    (site / "issuer.key.json").write_text("{}")
    with pytest.raises(smart.SmartError):
        publish_site(issued, key, URL, site, key_files=[site / "issuer.key.json"])


def _keyfile(tmp_path: pathlib.Path, key: issuing.SigningKey) -> pathlib.Path:
    path = tmp_path / "keys" / "issuer.key.json"
    path.parent.mkdir()
    issuing.save_signing_key(key, path)
    return path


def test_cli_publish_and_verify_site_in_a_folder(
    issued: issuing.Register, key: issuing.SigningKey, tmp_path: pathlib.Path
) -> None:
    keyfile = _keyfile(tmp_path, key)
    site = tmp_path / "site"
    status, out, err = smart_cli("publish", str(issued.path), "--key", str(keyfile), "--issuer-url", URL,
                                 "--out", str(site))  # fmt: skip
    assert status == 0, err
    assert "3 certificates" in out
    pub = str(issuing.public_key_path(keyfile))
    valid, revoked = issued.records()[2], issued.records()[1]
    # the public revocation list is published with the site, made from the register now
    listed = site / "status" / "revocation.jwt"
    assert listed.is_file()
    for record, expected in ((valid, "status: valid"), (revoked, "status: revoked")):
        jwt = tmp_path / f"{record.serial}.jwt"
        jwt.write_text(record.credential_jws, encoding="utf-8")
        assert record.status_index is not None  # issued with a URL: an entry in the list
        status, out, err = smart_cli("verify", str(jwt), "--public-key", pub, "--status-list", str(listed))
        assert expected in out, out + err
    status, out, err = smart_cli("verify", valid.serial.lower(), "--code", valid.verification_code, "--site",
                                 str(site), "--public-key", pub)  # fmt: skip
    assert status == 0, err
    assert "status: valid" in out and f"holder: {valid.data.holder}" in out and "Status fra nettstedet" in out
    status, out, err = smart_cli("verify", revoked.serial, "--code", revoked.verification_code, "--site",
                                 str(site), "--public-key", pub, "--lang", "en")  # fmt: skip
    assert status == 1 and "status: revoked" in out and "Utstedt ved en feil" in out
    assert "Status from the site: the issuer's signed revocation list" in out
    # a status.json that is not one is named, not a traceback
    page = site / "c" / issuing.verification_token(valid.serial, valid.verification_code)
    kept = (page / "status.json").read_text(encoding="utf-8")
    (page / "status.json").write_text('{"status": "fine", "published_on": "2025-05-01"}', encoding="utf-8")
    status, out, err = smart_cli("verify", valid.serial, "--code", valid.verification_code, "--site",
                                 str(site), "--public-key", pub)  # fmt: skip
    assert status == 1 and "/status" in err and "Traceback" not in err, err
    (page / "status.json").write_text(kept, encoding="utf-8")
    # a page edited to say valid (a stale or forged status.json) cannot un-revoke it: the
    # signed list decides
    page = site / "c" / issuing.verification_token(revoked.serial, revoked.verification_code)
    stated = json.loads((page / "status.json").read_text(encoding="utf-8"))
    stated.update(status="valid", revoked_on=None, revoked_reason="")
    (page / "status.json").write_text(json.dumps(stated), encoding="utf-8")
    status, out, err = smart_cli("verify", revoked.serial, "--code", revoked.verification_code, "--site",
                                 str(site), "--public-key", pub)  # fmt: skip
    assert status == 1 and "status: revoked" in out, out + err
    status, out, err = smart_cli("verify", valid.serial, "--code", "AAAA-AAAA", "--site", str(site),
                                 "--public-key", pub)  # fmt: skip
    assert status == 1 and "no certificate with this serial and code" in err and valid.data.holder not in err
    other = issuing.generate_signing_key()
    other_pub = tmp_path / "other.pub.json"
    issuing.save_public_key(other, other_pub)
    status, out, err = smart_cli("verify", valid.serial, "--code", valid.verification_code, "--site", str(site),
                                 "--public-key", str(other_pub))  # fmt: skip
    assert status == 1 and "status: unknown_key" in out
    # the key file is never inside the site
    status, out, err = smart_cli("publish", str(issued.path), "--key", str(keyfile), "--issuer-url", URL,
                                 "--out", str(keyfile.parent))  # fmt: skip
    assert status == 1 and "Traceback" not in err


def test_verify_site_over_http(
    issued: issuing.Register, key: issuing.SigningKey, served: tuple[pathlib.Path, str]
) -> None:
    site, base = served
    publish_site(issued, key, URL, site, published_on=AS_OF)
    r = issued.records()[1]
    jwt, status = fetch_site_certificate(base, r.serial, r.verification_code, timeout=5)
    assert jwt == r.credential_jws
    assert status is not None and status.status == issuing.RecordStatus.revoked
    assert status.revoked_reason == "Utstedt ved en feil" and status.published_on == AS_OF
    with pytest.raises(LookupError):
        fetch_site_certificate(base, r.serial, "AAAA-AAAA", timeout=5)
    pub = site.parent / "issuer.pub.json"
    issuing.save_public_key(key, pub)
    status, out, err = smart_cli("verify", r.serial, "--code", r.verification_code, "--site", base + "/",
                                 "--public-key", str(pub))  # fmt: skip
    assert status == 1 and "status: revoked" in out and "2025-04-30" in out, err


def test_a_run_that_fails_half_way_leaves_the_old_site_whole(
    issued: issuing.Register, key: issuing.SigningKey, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import smart.publish

    site = tmp_path / "site"
    publish_site(issued, key, URL, site, published_on=AS_OF)
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    calls = 0

    def failing(*args: object, **kw: object) -> str:
        nonlocal calls
        calls += 1
        if calls == 4:
            raise OSError(28, "No space left on device")
        return "<p>new</p>"

    monkeypatch.setattr(smart.publish, "certificate_page", failing)
    issued.revoke(issued.records()[0].serial, "Feil", AS_OF)
    with pytest.raises(OSError):
        publish_site(issuing.Register(issued.path), key, URL, site, published_on=AS_OF)
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _png_is_not_blank(png: pathlib.Path) -> bool:
    from PIL import Image

    with Image.open(png) as im:
        colours = im.convert("RGB").getcolors(maxcolors=1 << 16)
    return colours is None or len(colours) > 10  # None: more colours than that


@pytest.mark.skipif(_chromium() is None, reason="chromium is not installed (apt-get install chromium)")
def test_a_real_browser_shows_the_holder_and_the_status(
    issued: issuing.Register, key: issuing.SigningKey, served: tuple[pathlib.Path, str], tmp_path: pathlib.Path
) -> None:
    site, base = served
    publish_site(issued, key, URL, site, published_on=AS_OF)
    browser = _chromium()
    assert browser is not None
    valid, revoked = issued.records()[2], issued.records()[1]
    flags = [browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-dev-shm-usage",
             f"--user-data-dir={tmp_path / 'chromium'}"]  # fmt: skip

    def dom(r: issuing.CertificateRecord) -> str:
        url = certificate_page_url(base, r.serial, r.verification_code)
        done = subprocess.run([*flags, "--dump-dom", url], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    text = dom(valid)
    assert valid.data.holder in text and "Gyldig" in text and 'data-status="valid"' in text
    assert 'data-status="revoked"' in dom(revoked) and "Trukket tilbake" in dom(revoked)
    shot = tmp_path / "page.png"
    url = certificate_page_url(base, valid.serial, valid.verification_code)
    done = subprocess.run([*flags, f"--screenshot={shot}", "--window-size=390,844", url],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0 and shot.is_file(), done.stderr[-2000:]
    assert _png_is_not_blank(shot)


def test_issued_pdf_footer_and_qr_point_to_the_page_and_the_pdf_still_verifies(tmp_path: pathlib.Path) -> None:
    keys = tmp_path / "keys"
    status, _, err = smart_cli("keygen", str(keys / "issuer.key.json"), "--issuer-url", URL)
    assert status == 0, err
    out = tmp_path / "bevis"
    status, _, err = smart_cli("issue", str(DEMO), "--out", str(out), "--key", str(keys / "issuer.key.json"),
                               "--as-of", AS_OF.isoformat(), "--issuer-url", URL, "--no-progress")  # fmt: skip
    assert status == 0, err
    record = issuing.Register(out / "register.jsonl").records()[0]
    page = certificate_page_url(URL, record.serial, record.verification_code)
    assert issuing.certificate_text(record).qr_text == page
    assert issuing.wording(record).verify_hint.endswith("kan kontrolleres på " + page)
    pdf = out / f"{record.serial}.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert page in text.replace("\n", " ").replace(" ", "") or page in text
    status, stdout, err = smart_cli("verify", str(pdf), "--public-key", str(keys / "issuer.pub.json"),
                                    "--register", str(out / "register.jsonl"))  # fmt: skip
    assert status == 0 and "status: valid" in stdout, err + stdout
