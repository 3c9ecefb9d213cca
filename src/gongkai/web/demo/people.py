"""The demo city 示例市: its agencies, the people of every role, and generated applicants.

Everything here is invented (演示数据): names are drawn from common surnames, identity numbers are
generated with valid check characters so that the intake accepts them.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from gongkai.web.accounts.models import Agency, Role, User
from gongkai.workflow.applicants import ApplicantType

PASSWORD = "gongkai-demo"

#: (name, short name for numbers, parent name or None)
AGENCIES = [
    ("示例市人民政府办公室", "示政办", None),
    ("平湖市科学技术局", "平科", "示例市人民政府办公室"),
    ("示例市财政局", "示财", "示例市人民政府办公室"),
    ("示例市自然资源和规划局", "示自规", "示例市人民政府办公室"),
    ("示例市生态环境局", "示环", "示例市人民政府办公室"),
    ("示例市东湖镇人民政府", "东湖镇", "示例市人民政府办公室"),
    ("示例市西塘街道办事处", "西塘街道", "示例市人民政府办公室"),
]

#: 示例市人民政府 (issue 16): a 县级以上地方人民政府, whose annual report its 主管部门 publishes by
#: 31 March (条例 第四十九条第二款). Kept out of AGENCIES: its phone is fixed rather than drawn from the
#: seeded random stream, so the rest of the city stays as it was; it has no applications of its own.
GOVERNMENT = ("示例市人民政府", "示政府", "示例市人民政府办公室", "0573-85100000")

#: (username, full name, role, agency)
PEOPLE = [
    ("admin", "系统管理员", Role.ADMIN, "示例市人民政府办公室"),
    ("gongkaiban", "王公开", Role.SUPERVISOR, "示例市人民政府办公室"),
    ("zf_clerk", "赵敏", Role.CLERK, "示例市人民政府办公室"),
    ("zf_reviewer", "钟审", Role.REVIEWER, "示例市人民政府办公室"),
    ("zf_head", "韩主任", Role.HEAD, "示例市人民政府办公室"),
    ("kj_clerk", "李明", Role.CLERK, "平湖市科学技术局"),
    ("kj_clerk2", "孙丽", Role.CLERK, "平湖市科学技术局"),
    ("kj_reviewer", "周审", Role.REVIEWER, "平湖市科学技术局"),
    ("kj_head", "吴局长", Role.HEAD, "平湖市科学技术局"),
    ("cz_clerk", "钱进", Role.CLERK, "示例市财政局"),
    ("cz_reviewer", "郑核", Role.REVIEWER, "示例市财政局"),
    ("cz_head", "冯主任", Role.HEAD, "示例市财政局"),
    ("zg_clerk", "陈土", Role.CLERK, "示例市自然资源和规划局"),
    ("zg_reviewer", "楚审", Role.REVIEWER, "示例市自然资源和规划局"),
    ("zg_head", "褚处长", Role.HEAD, "示例市自然资源和规划局"),
    ("hb_clerk", "卫清", Role.CLERK, "示例市生态环境局"),
    ("hb_reviewer", "魏核", Role.REVIEWER, "示例市生态环境局"),
    ("hb_head", "蒋局长", Role.HEAD, "示例市生态环境局"),
    ("dh_clerk", "蒋镇", Role.CLERK, "示例市东湖镇人民政府"),
    ("dh_reviewer", "杨审", Role.REVIEWER, "示例市东湖镇人民政府"),
    ("dh_head", "朱镇长", Role.HEAD, "示例市东湖镇人民政府"),
    ("xt_clerk", "沈街", Role.CLERK, "示例市西塘街道办事处"),
    ("xt_reviewer", "秦审", Role.REVIEWER, "示例市西塘街道办事处"),
    ("xt_head", "尤主任", Role.HEAD, "示例市西塘街道办事处"),
    ("szf_clerk", "许政", Role.CLERK, "示例市人民政府"),
    ("szf_head", "何秘书长", Role.HEAD, "示例市人民政府"),
]

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
    "秀英",
    "华",
    "建国",
    "海燕",
]
ORGS = {
    ApplicantType.COMMERCIAL: ["示例市恒达建设有限公司", "平湖光电科技股份有限公司", "东湖农业发展有限公司"],
    ApplicantType.RESEARCH: ["示例市农业科学研究院", "平湖新材料研究所"],
    ApplicantType.PUBLIC_INTEREST: ["示例市绿色环保志愿者协会", "示例市助残公益服务中心"],
    ApplicantType.LEGAL_SERVICE: ["浙江示例律师事务所", "示例市法律援助中心"],
    ApplicantType.OTHER: ["东湖镇青山村村民委员会", "示例市个体劳动者协会"],
}
TOPICS = [
    "{y}年度科技型中小企业研发费用补助资金分配明细",
    "{y}年本单位政府采购项目的中标公告及合同",
    "示例市东湖片区控制性详细规划调整的批复文件",
    "{y}年度财政预算执行情况及部门决算说明",
    "本村土地征收补偿安置方案及补偿款发放名单",
    "示例市高新区污水处理厂环境影响评价报告书",
    "{y}年度重点研发计划项目立项清单",
    "某路段道路拓宽工程的立项批复及资金来源",
    "本单位{y}年“三公”经费支出情况",
    "示例市企业技术中心认定名单及评审标准",
]


def id_number(rng: random.Random) -> str:
    from gongkai.sensitive.checksums import id_card_check_char

    born = date(rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28))
    first17 = f"330482{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return first17 + id_card_check_char(first17)


def uscc(rng: random.Random) -> str:
    from gongkai.sensitive.checksums import USCC_ALPHABET, uscc_check_char

    first17 = "91330482" + "".join(rng.choice(USCC_ALPHABET) for _ in range(9))
    return first17 + uscc_check_char(first17)


def applicant(rng: random.Random, year: int) -> dict[str, Any]:
    kind = rng.choices(list(ApplicantType), weights=[70, 12, 4, 4, 6, 4])[0]
    person = rng.choice(SURNAMES) + rng.choice(GIVEN)
    data: dict[str, Any] = {
        "applicant_type": kind.value,
        "phone": f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
        "email": f"user{rng.randint(100, 999)}@example.cn",
        "address": f"示例市{rng.choice(['人民路', '解放路', '东湖大道', '新华街'])}{rng.randint(1, 300)}号",
        "postcode": "314200",
        "description": rng.choice(TOPICS).format(y=year - 1),
        "delivery_form": rng.choice(["electronic", "paper"]),
        "delivery_method": rng.choice(["email", "post", "pickup"]),
    }
    if kind is ApplicantType.NATURAL:
        data.update(name=person, id_type="resident_id", id_number=id_number(rng), legal_representative="")
    else:
        data.update(
            name=rng.choice(ORGS[kind]), id_type="uscc", id_number=uscc(rng), legal_representative=person
        )
    return data


def people() -> dict[str, User]:
    """The demo users by username."""
    return {u.username: u for u in User.objects.all()}


def reconsideration_body(agency: Agency) -> str:
    """The body that hears reconsideration of the agency's acts (行政复议法 第二十四条): the
    government at its level -- 平湖市人民政府 for 平湖市's own bureau, 示例市人民政府 for the rest."""
    return "平湖市人民政府" if agency.name.startswith("平湖市") else "示例市人民政府"
