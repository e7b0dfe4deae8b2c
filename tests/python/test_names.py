"""Every name prints or nothing is issued (issue 12): names in Chinese, Arabic, with an
emoji and 80 characters long are printed — found in the page's text by two extractors,
drawn inside the frame, joined and right to left for Arabic — and verify ``valid``; a name
with a character no font has, or too long even on two lines, is refused with the reason
and nothing is registered; control characters are refused by the core; a missing package
or font stops ``smart issue`` before anything is registered."""

from __future__ import annotations

import io
import json
import pathlib
import re
import subprocess
import sys
from typing import Any

import pytest

import smart
from smart import issuing, pdf_names
from smart.cli import run

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples/cohorts/trener-2024-demo.json"
AS_OF = "2025-04-30"

CHINESE = "王小明"
CHINESE_2 = "李美华"  # a second document with the same fonts (copied from the same parsed font)
EMOJI = "Kari 🌟 Nordmann"
ARABIC = "ليلى حداد"
LONG_80 = "Kari-Anne Margrethe Solbakken-Haugland Østensjø Bjørnstad Fjellheim Nordmann Lie"
LONG_37 = "Kari-Anne Margrethe Solbakken-Haugland"
HIEROGLYPH = "Kari \U00013000 Nordmann"  # EGYPTIAN HIEROGLYPH A001: in no font of the chain
TOO_LONG = " ".join(["Solbakken-Haugland"] * 13)  # 246 characters

MM = 72 / 25.4  # points per mm


def smart_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def keyfile(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    path = tmp_path_factory.mktemp("keys") / "issuer.key.json"
    status, _, err = smart_cli("keygen", str(path))
    assert status == 0, err
    return path


def eligible_ids() -> list[str]:
    ev = smart.load_cohort(DEMO).evaluate(AS_OF)
    return [r.id for r in ev if str(r.status) == "eligible"]


def cohort_with_names(path: pathlib.Path, names: dict[str, str]) -> pathlib.Path:
    """The demo cohort with these eligible participants renamed (id -> name)."""
    doc = json.loads(DEMO.read_text(encoding="utf-8"))
    for p in doc["participants"]:
        if p["id"] in names:
            p["name"] = names[p["id"]]
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def issue(cohort: pathlib.Path, out: pathlib.Path, key: pathlib.Path) -> tuple[int, str, str]:
    return smart_cli("issue", str(cohort), "--out", str(out), "--key", str(key), "--as-of", AS_OF, "--no-progress")


def squeezed(text: str) -> str:
    return "".join(text.split())


def pdftotext(pdf: pathlib.Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def render(pdf: pathlib.Path, dpi: int = 100) -> Any:
    """The page as a grey-level image (pdftoppm, poppler's renderer)."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", str(pdf), str(pdf.with_suffix(""))],
                   check=True)  # fmt: skip
    return Image.open(pdf.with_suffix(".png")).convert("L")


def dark_columns(img: Any, top_mm: float, bottom_mm: float, dpi: int = 100) -> list[int]:
    """The pixel columns with ink (grey < 160) between these heights of the page."""
    px = dpi / 25.4
    w = img.width
    data = img.load()
    rows = range(int(top_mm * px), int(bottom_mm * px))
    return [x for x in range(w) if any(data[x, y] < 160 for y in rows)]


# --- the layout answers without a PDF ---------------------------------------------------


def test_long_names_shrink_then_wrap_and_stay_inside_the_text_width() -> None:
    short = pdf_names.name_layout("Kari Nordmann")
    assert short.lines == ("Kari Nordmann",) and short.size == pdf_names.LARGEST and short.fonts == ()
    l37 = pdf_names.name_layout(LONG_37)  # ran across the frame at 22 pt
    assert l37.lines == (LONG_37,) and pdf_names.SMALLEST_ONE_LINE <= l37.size < pdf_names.LARGEST
    l80 = pdf_names.name_layout(LONG_80)  # was cut at both page edges
    assert len(l80.lines) == 2 and LONG_80 in (" ".join(l80.lines), "".join(l80.lines))
    assert pdf_names.SMALLEST_TWO_LINES <= l80.size <= pdf_names.SMALLEST_ONE_LINE
    for layout in (short, l37, l80):
        for line in layout.lines:
            assert pdf_names._width_per_pt(line, layout.fonts) * layout.size <= pdf_names.NAME_WIDTH
    # one word of 50 characters: split after a hyphen, which stays on the first line
    hyphenated = "Solbakken-Haugland-Østensjø-Bjørnstad-Fjellheimsen"
    lh = pdf_names.name_layout(hyphenated)
    assert len(lh.lines) == 2 and lh.lines[0].endswith("-") and "".join(lh.lines) == hyphenated
    with pytest.raises(pdf_names.NameNotPrintable, match="does not fit"):
        pdf_names.name_layout("x" * 60)  # no place to break
    with pytest.raises(pdf_names.NameNotPrintable, match="does not fit"):
        pdf_names.name_layout(TOO_LONG)
    assert pdf_names.name_problem(TOO_LONG) == ("too_long", "")
    assert pdf_names.name_problem(HIEROGLYPH) == ("missing_glyph", "U+13000")
    assert pdf_names.name_problem(LONG_80) is None


def test_other_scripts_are_drawn_with_the_fonts_that_have_them() -> None:
    files = {name: [p.name for p in pdf_names.name_layout(name).fonts] for name in (CHINESE, EMOJI, ARABIC)}
    assert files[CHINESE] == ["NotoSansCJK-Bold.ttc"]
    assert files[ARABIC][0] == "NotoSansArabic-Bold.ttf"
    assert files[EMOJI] == ["NotoSans-Bold.ttf", "Symbola_hint.ttf"]


def test_arabic_shaping_joins_the_letters() -> None:
    """HarfBuzz, with the font the name is drawn with, gives the joined (initial, medial,
    final) forms: glyphs that differ from each letter shaped alone (its isolated form)."""
    import uharfbuzz as hb

    font_file = pdf_names.name_layout(ARABIC).fonts[0]
    font = hb.Font(hb.Face(hb.Blob.from_file_path(str(font_file))))

    def glyphs(text: str) -> list[int]:
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        hb.shape(font, buf)
        return [g.codepoint for g in buf.glyph_infos]

    word = "ليلى"  # lam yeh lam alef-maksura: each letter joins its neighbours (lam-yeh as a ligature)
    joined = glyphs(word)
    isolated = [glyphs(c)[0] for c in word]
    assert len(set(isolated)) == 3  # lam twice
    # no letter of the word is drawn in its isolated form, and the two lams differ
    assert 2 <= len(joined) <= 4 and set(joined).isdisjoint(isolated), (joined, isolated)


# --- issued, printed, verified ----------------------------------------------------------


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, keyfile: pathlib.Path) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("names")
    ids = eligible_ids()
    names = dict(zip(ids, (CHINESE, EMOJI, ARABIC, LONG_80, LONG_37, HIEROGLYPH, TOO_LONG, CHINESE_2)))
    cohort = cohort_with_names(tmp / "cohort.json", names)
    out = tmp / "out"
    status, stdout, err = issue(cohort, out, keyfile)
    return {"status": status, "stdout": stdout, "err": err, "out": out, "names": names}


def record_of(printed: dict[str, Any], name: str) -> Any:
    reg = issuing.Register(printed["out"] / "register.jsonl")
    found = [r for r in reg.records() if r.data.holder == name]
    return found[0] if found else None


@pytest.mark.parametrize("name", [CHINESE, EMOJI, ARABIC, LONG_80, LONG_37, CHINESE_2])
def test_the_name_is_on_the_page_inside_the_frame_and_the_pdf_verifies(printed: dict[str, Any], keyfile: pathlib.Path, name: str) -> None:
    assert printed["status"] == 0, printed["err"]
    assert printed["err"] == ""  # no "missing glyph" warning
    record = record_of(printed, name)
    assert record is not None
    pdf = printed["out"] / f"{record.serial}.pdf"
    # the text of the page, by two extractors: the name's characters are drawn (fpdf2 drops
    # a glyph it has no font for, and its character with it)
    from pypdf import PdfReader

    by_pypdf = PdfReader(pdf).pages[0].extract_text()
    assert squeezed(name) in issuing_verify_squeeze(by_pypdf)
    # pdftotext reverses a right-to-left run character by character, which puts the two
    # letters of an Arabic ligature (lam with alef maksura) the other way round: it must
    # find the same letters in the name's line
    lines = [issuing_verify_squeeze(x) for x in pdftotext(pdf).splitlines() if x.strip()]
    found = "".join(lines[1 : 1 + pdf_names_lines(name)])
    assert sorted(found) == sorted(squeezed(name)), found
    # every font embedded (PDF/A)
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:]), fonts
    # drawn: ink in the name's band, and none between the page's edge and the text width
    # (the frame's two lines at 12 and 15 mm are the only ink left and right of it)
    img = render(pdf)
    px = 100 / 25.4
    cols = dark_columns(img, 60, 74.5)
    assert len(cols) > 20
    frame = [c for c in cols if c < 24.5 * px or c > (210 - 24.5) * px]
    allowed = [(11.2, 12.8), (14.6, 15.4), (210 - 15.4, 210 - 14.6), (210 - 12.8, 210 - 11.2)]
    assert all(any(a * px - 1 <= c <= b * px + 1 for a, b in allowed) for c in frame), frame
    # the project's verify says valid
    status, out, err = smart_cli("verify", str(pdf), "--key", str(keyfile), "--register", str(printed["out"] / "register.jsonl"))
    assert status == 0 and "status: valid" in out, out + err


def pdf_names_lines(name: str) -> int:
    return len(pdf_names.name_layout(name).lines)


def issuing_verify_squeeze(text: str) -> str:
    from smart.issuing_verify import _squeeze

    return _squeeze(text)


def test_arabic_is_drawn_joined_and_right_to_left(printed: dict[str, Any]) -> None:
    pdf = printed["out"] / f"{record_of(printed, ARABIC).serial}.pdf"
    # right to left: the first word of the name lies to the right of the second
    bbox = pdftotext(pdf, "-bbox")
    # (pdftotext gives each word's letters in visual order: compared as sets of letters)
    words = {"".join(sorted(m.group(2))): float(m.group(1))
             for m in re.finditer(r'<word xMin="([\d.]+)"[^>]*>([^<]+)</word>', bbox)}  # fmt: skip
    first, second = ("".join(sorted(w)) for w in ARABIC.split(" "))
    assert words[first] > words[second]
    # joined: dal, drawn final in the second word (after hah) and isolated at its end (after
    # alef), is two glyphs mapped back to the same letter in the PDF's ToUnicode map, and
    # the first word ends in the lam-alef-maksura ligature, one glyph for two letters;
    # unjoined, each letter would be one glyph of its own
    from pypdf import PdfReader

    page = PdfReader(pdf).pages[0]
    fonts = page["/Resources"]["/Font"]
    arabic = [f.get_object() for f in fonts.values() if "Arabic" in str(f.get_object()["/BaseFont"])]
    assert len(arabic) == 1
    cmap = arabic[0]["/ToUnicode"].get_object().get_data().decode("latin-1")
    targets = re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", cmap)
    codes_for: dict[str, set[str]] = {}
    for code, uni in targets:
        codes_for.setdefault(bytes.fromhex(uni).decode("utf-16-be"), set()).add(code)
    assert len(codes_for["د"]) == 2 and "لى" in codes_for, codes_for


def test_a_name_that_cannot_be_printed_gets_nothing_and_the_report_says_why(printed: dict[str, Any]) -> None:
    assert printed["status"] == 0
    assert printed["stdout"].startswith("22 issued, 0 already in the register, 14 without a certificate")
    assert record_of(printed, HIEROGLYPH) is None and record_of(printed, TOO_LONG) is None
    import csv

    rows = list(csv.DictReader(io.StringIO((printed["out"] / "not-issued.csv").read_text(encoding="utf-8"))))
    by_name = {r["name"]: r for r in rows}
    assert by_name[HIEROGLYPH]["status"] == "not_printable"
    assert by_name[HIEROGLYPH]["reason"] == "navnet kan ikke skrives ut på beviset: ingen skrift har tegnet U+13000"
    assert by_name[TOO_LONG]["status"] == "not_printable"
    assert by_name[TOO_LONG]["reason"] == "navnet får ikke plass på beviset, heller ikke på to linjer med minste skriftstørrelse"
    # no document either
    serials = {p.stem for p in printed["out"].glob("*.pdf")}
    assert len(serials) == 22


def test_the_report_entry_says_not_printable_in_the_run_language(tmp_path: pathlib.Path) -> None:
    c = smart.load_cohort(DEMO)
    pid = eligible_ids()[0]
    p = c[pid]
    c.correct_participant(pid, name=HIEROGLYPH, municipality=p.municipality, role=p.role, sector=p.sector)
    report = issuing.issue_cohort(c.evaluate(AS_OF), tmp_path, issuing.generate_signing_key(), issuing.Issuer(id="urn:x", name="X"),
                                  issued_on=AS_OF, lang="en")  # fmt: skip
    entry = next(x for x in report.entries if x.participant_id == pid)
    assert entry.outcome is issuing.IssueOutcome.not_printable and entry.record is None
    assert entry.reason == "the name cannot be printed on the certificate: no font has the character U+13000"
    assert all(r.data.participant_id != pid for r in issuing.Register(tmp_path / "register.jsonl").records())


# --- refused by the core -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "what"),
    [("Kari\nNordmann", "control character"), ("Kari\tNordmann", "control character"),
     ("Kari\x85Nordmann", "control character"), ("Kari\u2028Nordmann", "line or paragraph separator"),
     ("\u202eKari Nordmann", "bidirectional formatting character"), ("Kari \u2067Nordmann", "bidirectional")],
)  # fmt: skip
def test_a_name_with_a_control_character_is_a_validation_error_and_nothing_is_issued(
    tmp_path: pathlib.Path, keyfile: pathlib.Path, name: str, what: str
) -> None:
    pid = eligible_ids()[0]
    index = [p["id"] for p in json.loads(DEMO.read_text(encoding="utf-8"))["participants"]].index(pid)
    cohort = cohort_with_names(tmp_path / "cohort.json", {pid: name})
    with pytest.raises(smart.ValidationError) as exc:
        smart.load_cohort(cohort)
    assert exc.value.path == f"/participants/{index}/name" and what in exc.value.message
    status, out, err = issue(cohort, tmp_path / "out", keyfile)
    assert status == 1 and err.count("\n") == 1 and what in err and f"/participants/{index}/name" in err
    assert not (tmp_path / "out").exists()


# --- install and run order ---------------------------------------------------------------


def test_pip_install_without_extras_brings_what_smart_issue_imports() -> None:
    import tomllib

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {re.split(r"[<>=\[ ]", d)[0].lower() for d in deps}
    assert {"fpdf2", "pypdf", "uharfbuzz", "fonttools", "cryptography"} <= names


@pytest.mark.parametrize("missing", ["fpdf", "uharfbuzz", "font"])
def test_a_missing_package_or_font_is_one_line_before_anything_is_registered(
    tmp_path: pathlib.Path, keyfile: pathlib.Path, monkeypatch: pytest.MonkeyPatch, missing: str
) -> None:
    if missing == "font":
        real = pdf_names._find
        monkeypatch.setattr(pdf_names, "_find", lambda f, pkg: None if pkg == "fonts-noto-cjk" else real(f, pkg))
        expected = "fonts-noto-cjk"
    else:
        monkeypatch.setitem(sys.modules, missing, None)  # import raises ImportError
        expected = {"fpdf": "fpdf2"}.get(missing, missing)
    out = tmp_path / "out"
    status, stdout, err = issue(DEMO, out, keyfile)
    assert status == 1 and stdout == ""
    assert err.count("\n") == 1 and "Traceback" not in err and expected in err, err
    assert not out.exists()  # no register, no JSON, no JWT
