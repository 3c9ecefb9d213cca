"""The full inventory of Chinese surnames, from public sources rather than from examples.

- 《百家姓》 (the traditional list, about 440 single and 60 compound surnames; editions differ
  slightly), in its usual order;
- the surnames of ``lexicon`` (公安部户政管理研究中心《2020 年全国姓名报告》's frequent ones),
  which adds the modern simplified and split forms that the old list lacks (闫, 付, 肖 …).

Many single surnames of the 百家姓 are also common words (水、花、家、山、经、能、通 …). The
inventory is therefore used where the form already says "a name is here" (letter-spaced names in
a table, a name right after a role cue), while ``lexicon.SINGLE_SURNAMES`` (frequent surnames and
rare ones that are not words) stays the list for names found in running text and bare cells.
"""

from __future__ import annotations

# 《百家姓》, four surnames a phrase; the compound surnames start at 万俟.
BAIJIAXING = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛"
    "奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康"
    "伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵"
    "席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗"
    "丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫"
    "乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄"
    "印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴鬱胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂"
    "濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘"
    "匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相"
    "查后荆红游竺权逯盖益桓公"
    "万俟司马上官欧阳夏侯诸葛闻人东方赫连皇甫尉迟公羊澹台公冶宗政濮阳淳于单于太叔申屠公孙仲孙"
    "轩辕令狐钟离宇文长孙慕容鲜于闾丘司徒司空亓官司寇仉督子车颛孙端木巫马公西漆雕乐正壤驷公良"
    "拓跋夹谷宰父谷梁"
    "晋楚闫法汝鄢涂钦"
    "段干百里东郭南门呼延"
    "归海"
    "羊舌微生"
    "岳帅缑亢况郈有琴"
    "梁丘左丘东门西门"
    "商牟佘佴伯赏南宫"
    "墨哈谯笪年爱阳佟"
    "第五言福"
)
_COMPOUND_START = BAIJIAXING.index("万俟")
# The single and compound tails of the list after the compound block: which pairs are compound.
_COMPOUND_TAILS = (
    "段干",
    "百里",
    "东郭",
    "南门",
    "呼延",
    "归海",
    "羊舌",
    "微生",
    "梁丘",
    "左丘",
    "东门",
    "西门",
    "商牟",
    "伯赏",
    "南宫",
    "第五",
)
_SINGLE_TAILS = "晋楚闫法汝鄢涂钦岳帅缑亢况郈有琴佘佴墨哈谯笪年爱阳佟言福"


def _compounds_of_block(block: str) -> list[str]:
    return [block[i : i + 2] for i in range(0, len(block), 2)]


_BLOCK_END = BAIJIAXING.index("晋楚")
BAIJIAXING_COMPOUND: tuple[str, ...] = (
    *_compounds_of_block(BAIJIAXING[_COMPOUND_START:_BLOCK_END]),
    *_COMPOUND_TAILS,
)
BAIJIAXING_SINGLE: str = BAIJIAXING[:_COMPOUND_START] + _SINGLE_TAILS

# Compound surnames outside the 百家姓 still registered today (the 2020 report's and
# ethnic-minority ones in Chinese form).
OTHER_COMPOUNDS = ("独孤", "太史", "钟吾", "毋丘", "南郭", "北宫")

# Rare surnames of the 百家姓 whose characters are seldom words on their own (寿、习、贡 …) and
# compound ones that are no words either: ``lexicon`` adds them to the surnames used everywhere.
RARE_SINGLE = "寿习凤贝弓牧蓬仰韶鄂咸籍莘贡扶堵宰郤宦慎弘禄沃蔚融毋巢桓汝钦郈琴墨谯滑鬱"
RARE_COMPOUND = (
    "公羊",
    "公冶",
    "太叔",
    "闾丘",
    "司空",
    "亓官",
    "司寇",
    "子车",
    "颛孙",
    "巫马",
    "公西",
    "漆雕",
    "壤驷",
    "公良",
    "夹谷",
    "宰父",
    "谷梁",
    "段干",
    "归海",
    "羊舌",
    "微生",
    "梁丘",
    "左丘",
    "商牟",
    "伯赏",
)
