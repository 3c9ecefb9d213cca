"""Who applied: the applicant types, each the 表三 column it is counted in."""

from __future__ import annotations

from enum import StrEnum

from gongkai.report.model import TABLE3_COLUMNS


class ApplicantType(StrEnum):
    """Who applied; the value is the table-3 column key it is counted in."""

    NATURAL = "natural"  # 自然人
    COMMERCIAL = "commercial"  # 法人或其他组织：商业企业
    RESEARCH = "research"  # 法人或其他组织：科研机构
    PUBLIC_INTEREST = "public_interest"  # 法人或其他组织：社会公益组织
    LEGAL_SERVICE = "legal_service"  # 法人或其他组织：法律服务机构
    OTHER = "other"  # 法人或其他组织：其他

    @property
    def table3_column(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        """The Chinese name, with its group for organisations (法人或其他组织：商业企业)."""
        spec = _COLUMN_BY_KEY[self.value]
        return spec.label if spec.group is None else f"{spec.group}：{spec.label}"

    @property
    def is_organisation(self) -> bool:
        return _COLUMN_BY_KEY[self.value].group is not None


_COLUMN_BY_KEY = {c.key: c for c in TABLE3_COLUMNS}
