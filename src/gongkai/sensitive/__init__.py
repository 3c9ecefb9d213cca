"""Finding and removing personal and sensitive information in Chinese documents.

Legal basis: 条例 第十五条 (third parties' personal privacy is not disclosed) and 第三十七条 (the
part that can be separated is removed and the rest disclosed).

``detect(text)`` returns ``Finding`` values and never edits the text; ``redact_text`` and the
document functions in ``gongkai.sensitive.documents`` take findings and a ``Policy``.
"""

from gongkai.sensitive.model import CHECKED_KINDS, KIND_LABELS, Finding, Kind
from gongkai.sensitive.registry import DEFAULT_REGISTRY, Registry, detect

__all__ = ["CHECKED_KINDS", "DEFAULT_REGISTRY", "KIND_LABELS", "Finding", "Kind", "Registry", "detect"]
