"""Decoding text files whose encoding nobody states: UTF-8, GBK/GB18030, UTF-16.

Order of evidence: a byte-order mark; strict UTF-8 (what nearly every modern file is); UTF-16
without a BOM (recognised by its NUL bytes); then GB18030, which is what Chinese Windows software
writes when it says "ANSI" or "GBK" (GB18030 is a superset of GBK and GB2312, so decoding as
GB18030 never loses a character that GBK has). Only when none of these gives text that reads
like a report (GB18030 decodes nearly any bytes, so Big5 turns into nonsense rather than an
error) is charset-normalizer asked for its guess: it is the well-kept library for the open case,
but on short Chinese texts it sometimes prefers Big5 or Shift-JIS, which is why the common
encodings are tried first.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from gongkai.errors import ReportFormatError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Names charset-normalizer gives for the GB family; all decoded as their superset GB18030.
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "cp936", "hz"})
#: Share of NUL bytes at odd (LE) or even (BE) offsets that marks BOM-less UTF-16 text. GBK and
#: UTF-8 text never contain NUL; in UTF-16 every ASCII character (digits, line breaks, spaces --
#: plentiful in a report's tables) has one. The other offsets have almost none.
_UTF16_NUL_SHARE = 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    pairs = len(sample) // 2
    even_nuls = sample[0::2].count(0) / pairs
    odd_nuls = sample[1::2].count(0) / pairs
    if odd_nuls >= _UTF16_NUL_SHARE and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls >= _UTF16_NUL_SHARE and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf8_cut_short(data: bytes) -> str | None:
    """UTF-8 text cut off inside its last character (a page limit, a download cut at a byte
    count): the text before the partial character. Anything else invalid is not UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return _decode(data[: exc.start], "utf-8")
    return None


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the name of the encoding it was decoded with.

    Raises ``ReportFormatError`` for bytes that are not text in any of these encodings.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _decode(data[len(bom) :], encoding)
            if text is None:
                raise ReportFormatError(
                    f"文件以 {encoding.upper()} 标记开头，但内容不是有效的 {encoding.upper()} 文本"
                )
            return _checked(text), encoding
    text = _decode(data, "utf-8")
    if text is None:
        text = _utf8_cut_short(data)
    if text is not None:
        return _checked(text), "utf-8"
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        text = _decode(data, utf16)
        if text is not None:
            return _checked(text), utf16
    gb_text = _decode(data, "gb18030")
    if gb_text is not None and "\x00" not in gb_text and _looks_like_a_report(gb_text):
        return gb_text, "gb18030"
    # GB18030 maps almost any byte pair to some character, so bytes in another encoding (Big5
    # from a traditional-character mirror site) "decode" into nonsense: ask charset-normalizer.
    guess = from_bytes(data[:65536]).best()
    if guess is not None:
        encoding = "gb18030" if guess.encoding.lower() in _GB_FAMILY else guess.encoding
        text = _decode(data, encoding)
        if text is not None and (gb_text is None or _looks_like_a_report(text)):
            return _checked(text), encoding
    if gb_text is not None and "\x00" not in gb_text:
        return gb_text, "gb18030"
    raise ReportFormatError("无法识别文件的文字编码（支持 UTF-8、GBK/GB18030、UTF-16），可能不是文本文件")


#: Words every annual report prints, in simplified and traditional characters.
_REPORT_WORDS = ("政府", "公开", "公開", "信息", "資訊")


def _looks_like_a_report(text: str) -> bool:
    return any(word in text for word in _REPORT_WORDS)


def _checked(text: str) -> str:
    # NUL characters never occur in text a person wrote: the bytes were binary (an image, a
    # damaged file) that happened to decode.
    if "\x00" in text:
        raise ReportFormatError("文件含有二进制内容，不是文本文件")
    return text
