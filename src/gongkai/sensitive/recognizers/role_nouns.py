"""Role and standing nouns a name follows in prose and notices, by class, for ``apposed_names``:
"申请执行人陈某与…", "听证员何某，记录员宋某", "理事长张某、副理事长李某", "烈士王某，1950年…",
"其兄梁某（手机…）", "目击者陈某（当晚…）".

``apposed_names`` reads a name of the lexicon after its person nouns (kinship, relations, posts),
found by ``name_scan`` at the noun's last character before a surname's first. These are the
classes it lacked, each written as the words a record actually uses:

- parties of a legal or administrative procedure, ending in 人: who acts (出租人, 承租人, 债权人,
  赔偿请求人 through its tail 请求人, 申请执行人 and 被执行人 through 执行人, 实际控制人 through
  控制人 …) — longer words are read through their last two to four characters, as ``name_scan`` reads
  posts of two to four;
- officers of a hearing, a court or a field service, ending in 员 (听证员, 记录员, 护林员, 理赔员 …),
  and the posts of a 社会组织 and a 法院 (理事长, 监事, 秘书长, 法官, 执行助理 …);
- standings: honoured or supervised people (烈士, 退役士兵, 矫正对象), witnesses and bystanders
  (目击者, 家属, 失主, 司机), members (组员, 战友, 专干);
- kinship written after a pronoun or 之 (其兄, 之子, 之女, 胞妹 …), which ``apposed_names`` has only
  in part.

A noun alone says that a person follows; ``apposed_names`` still requires a name of the lexicon
with an edge after it, so "出租人应当…" or "对象是否…" are not read.
"""

from __future__ import annotations

# Parties of a procedure, a contract or a register, ending in 人 (人 already ends words of
# ``apposed_names``: no new character in the names' scan).
_PARTIES = (  # noqa: SIM905
    "执行人 请求人 出租人 承租人 转让人 受让人 出借人 借款人 担保人 保证人 抵押人 债权人 债务人 "
    "继承人 被继承人 收养人 送养人 捐赠人 受赠人 受益人 投保人 参保人 候选人 推荐人 控告人 申诉人 "
    "鉴定人 评估人 清算人 管理人 发起人 出资人 控制人 承包人 发包人 所有人 产权人 权利人 义务人 "
    "起诉人 自诉人 证明人 申报人 主持人 失踪人 行为人 托养人 抚养人 赡养人 扶养人 "
    "持有人 购买人 供货人 经营人 报案人 报警人 求助人 同行人 随行人 "
    "人员 同行人员 带队人员 务工人员 照管人员 办案人员 调查人员"
).split()
# Officers of a hearing, a court, a field service or an insurer, ending in 员 (员 is in the scan).
_OFFICERS = (
    "听证员 记录员 护林员 管护员 保洁员 调查员 审计员 评审员 理赔员 办事员 收费员 保育员 保安员 "
    "监督员 信息员 宣传员 营业员 乘务员 检验员 巡查员 巡逻员 快递员 统计员 执行员 专职护林员 "
    "组员 成员 社员 会员 党员 职员 人民调解员"
)
# Posts of a 社会组织 (association, foundation) and of a court, a clinic or a village group.
_POSTS = (
    "理事长 副理事长 理事 常务理事 监事 监事长 秘书长 副秘书长 会长 副会长 执行会长 社长 "
    "法官 执行法官 法官助理 执行助理 法警 村医 专干 医师 药师 执业药师 "
    "清算组长"
)
# Standings: honoured, supervised, injured or bystanding people, and members of a group.
_STANDINGS = (
    "烈士 退役士兵 退役军人 士兵 军人 战友 矫正对象 失主 家属 亲属 遗属 遗孀 目击者 "
    "购买者 供货者 举报者 消费者 行人 老人 牧民 农户 业户 个体业户 家长 学员家长 村邻 邻居 "
    "申报者 参赛者 获奖者"
)
# Kinship after a pronoun or 之 ("其兄梁某", "张某之子张某某"), and the relatives a register lists.
# Left out for what their last character costs in the names' scan (a look at each occurrence before
# a surname): 之孙/其孙 (孙 is a common surname), 社工 (施工, 员工), 对象 alone (帮扶对象 …).
_KIN = (
    "其兄 其弟 其姐 其妹 其侄 其姑 之子 之女 之妻 之夫 之兄 之弟 之姐 之妹 之姑 之侄 "
    "之遗孀 胞兄 胞弟 胞姐 胞妹 子女 独生子 独生女 配偶 孙女 外孙女 侄女 侄孙女"
)
_WORDS = tuple(
    word for group in (_PARTIES, _OFFICERS.split(), _POSTS.split(), _STANDINGS.split(), _KIN.split())
    for word in group
)
# A copula may stand between noun and name ("实际控制人为徐某", "出租人是李某"), as in
# ``apposed_names``: the noun and its link together are two to four characters.
_LINKED = tuple(word + link for word in _WORDS if len(word) < 4 for link in "为是")
# Read as ``apposed_names.NOUNS`` (two to four characters: longer words are read by their tail).
NOUNS = frozenset(word[-4:] for word in (*_WORDS, *_LINKED))
# What a party "shall" do right after its role ("债权人应自…", "出租人应当…", "管理人应于…"): 应 is
# a surname, and 自 当 予 … are letters of given names, so these are no names after a noun.
MODAL_WORDS = frozenset("应" + word for word in "自当予于在按向将对由及立依该为")
