"""The built-in QR encoder, checked by an independent decoder (zbarimg) across versions and levels,
as PNG and as SVG rendered to PNG."""
import os
import shutil
import subprocess
import tempfile

import pytest

from conftest import BINARY

ZBAR = shutil.which("zbarimg")
RSVG = shutil.which("rsvg-convert")
TOKEN = "GH1.k1.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCd.Zz9_-Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8Nn7Mm6Ll5Kk4Jj3Ii2Hh1Gg0Ff9Ee8Dd7Cc6Bb5Aa4"

# Byte-mode capacities from the standard's table (independent of the encoder's own tables).
CAPACITY = {1: (17, 14, 11, 7), 2: (32, 26, 20, 14), 5: (106, 84, 60, 44), 7: (154, 122, 86, 64), 10: (271, 213, 151, 119),
            14: (458, 362, 258, 194), 20: (858, 666, 482, 382), 40: (2953, 2331, 1663, 1273)}
CASES = [(level, version) for level in "LMQH" for version in CAPACITY]


def encode(tmp, text, level, version, fmt, expect_version=None):
    out = os.path.join(tmp, f"code-{level}-{version}.{fmt}")
    result = subprocess.run([BINARY, "qr", "--text", text, "--level", level, "--min-version", str(version), "--format", fmt, "--out", out],
                            check=True, capture_output=True, cwd=tmp)
    if expect_version:
        lines = result.stdout.decode().splitlines()
        assert any(line.startswith(f"version {expect_version},") for line in lines), lines
    return out


def decode(path):
    result = subprocess.run([ZBAR, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", path], capture_output=True)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode("utf-8").rstrip("\n")


@pytest.mark.skipif(ZBAR is None, reason="zbarimg (Debian zbar-tools) is not installed")
@pytest.mark.parametrize("level,version", CASES)
def test_png_decodes_to_exactly_the_text(level, version):
    """The symbol is filled to the byte: one more would need the next version."""
    tmp = tempfile.mkdtemp()
    capacity = CAPACITY[version]["LMQH".index(level)]
    text = ((TOKEN + "|") * (capacity // len(TOKEN) + 1))[:capacity]
    assert decode(encode(tmp, text, level, version, "png", expect_version=version)) == text
    encode(tmp, text + "x", level, version, "png", expect_version=min(version + 1, 40)) if version < 40 else None


@pytest.mark.skipif(ZBAR is None, reason="zbarimg (Debian zbar-tools) is not installed")
@pytest.mark.parametrize("level,version", [(level, version) for level in "LMQH" for version in (17, 27, 33)])
def test_large_symbols_decode(level, version):
    tmp = tempfile.mkdtemp()
    text = ((TOKEN + "|") * 4)[:600]
    assert decode(encode(tmp, text, level, version, "png")) == text


@pytest.mark.skipif(ZBAR is None or RSVG is None, reason="zbarimg or rsvg-convert (librsvg2-bin) is not installed")
@pytest.mark.parametrize("level,version", [("M", 2), ("M", 7), ("L", 12), ("Q", 15), ("H", 24), ("M", 40)])
def test_svg_rendered_to_png_decodes(level, version):
    tmp = tempfile.mkdtemp()
    svg = encode(tmp, TOKEN, level, version, "svg")
    png = os.path.join(tmp, "from-svg.png")
    subprocess.run([RSVG, "-o", png, svg], check=True)
    assert decode(png) == TOKEN


@pytest.mark.skipif(ZBAR is None, reason="zbarimg (Debian zbar-tools) is not installed")
def test_chinese_text_round_trips():
    tmp = tempfile.mkdtemp()
    text = "门岗·幸福小区北门·GH1"
    assert decode(encode(tmp, text, "M", 1, "png")) == text
