"""Length-preserving text normalisation, so that offsets found in the normalised text are offsets
into the original.

Chinese documents mix full-width digits and letters (１３８、ＡＢＣ) with ASCII. NFKC would fold
them too, but it also changes lengths (㈠ -> (一), ¼ -> 1⁄4), which would break the offsets, so
only the one-to-one full-width block is folded here, with one ``str.translate`` pass.
"""

from __future__ import annotations

import re

# U+FF01..U+FF5E are the full-width forms of U+0021..U+007E; U+3000 is the ideographic space.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH[0x3000] = 0x20
# The full-width forms of "：，（）" are kept: they are ordinary Chinese punctuation and the
# recognisers match them as such; folding them would gain nothing.
for _kept in "：，（）；":
    _FULL_WIDTH.pop(ord(_kept))
_TABLE = str.maketrans(_FULL_WIDTH)
# str.translate looks every character up in a dict; most texts have few or no full-width forms,
# so only their runs are translated.
_CLASS = "[" + "".join(map(chr, sorted(_FULL_WIDTH))) + "]"  # no ASCII: nothing to escape
# Written "[...][...]*" rather than "[...]+": ``re`` skips ahead in C to a character of a leading
# class, but only when the pattern begins with the class itself; a leading repeat makes it try a
# full match at every position (twice the time over a text without full-width forms).
_RUNS = re.compile(f"{_CLASS}{_CLASS}*")


def normalize(text: str) -> str:
    """Fold full-width ASCII to half-width; ``len(normalize(t)) == len(t)`` always."""
    return _RUNS.sub(lambda run: run.group().translate(_TABLE), text)
