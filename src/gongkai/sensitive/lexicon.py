"""Word lists the recognisers use: region codes, surnames, given-name characters, cue words.

Data, not code: each list says where it comes from. Kept compact so the whole detector loads in
milliseconds and can be read in review.
"""

from __future__ import annotations

from gongkai.sensitive.surnames import RARE_COMPOUND, RARE_SINGLE

# GB/T 2260 province-level codes (the first two digits of an identity card number), plus 71/81/82
# (台湾、香港、澳门) and 83 (港澳台居民居住证, 国务院办公厅 2018 年《港澳台居民居住证申领发放办法》).
# Only provinces are checked: numbers issued before a prefecture was renamed keep the old code for
# life (e.g. 342622 of the former 巢湖地区), so a prefecture table would reject real numbers.
PROVINCE_CODES: frozenset[str] = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
        "83",
    ]
)

# Province abbreviations used on number plates (GA 36-2018 机动车号牌).
PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"

# Mainland area codes (长途区号): 010 and 02x are three digits; the rest are 03xx-09xx (YD/T 2010).
# Checked by the landline regular expression rather than listed one by one.

# Common surnames: the most frequent single-character surnames (公安部户政管理研究中心《2020 年全国
# 姓名报告》 and the traditional 百家姓), and the two-character surnames still in use.
SINGLE_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
    "覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚"
    "符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆"
    "农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋"
    "商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟"
    "冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来"
    "扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾"
    "茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
    # Rarer surnames of the 百家姓 whose characters are not common words.
    "郦笪逄眭禚訾郗缑邴糜隗宓蓟郏璩钭厍乜蒯竺庾暨夔殳仉荀钮贲濮酆羿汲"
    # Common surnames of the 2020 report's first 120 that were missing (萧 and 阎 are the old
    # forms of 肖 and 闫, still registered).
    "傅洪萧阎赖"
    # Rare surnames whose characters are not words either (琚, 禤 in Guangdong and Guangxi, 佴).
    "琚禤佴"
    # Surnames of the Hui of the northwest (妥, 拜, 纳) and of Yanbian's Koreans (玄): words only with
    # a second character that is rarely a given name's (妥善, 拜访, 纳税, 玄机).
    "妥拜纳玄"
)
# The rest of the 百家姓 whose characters are not words (see ``surnames``).
SINGLE_SURNAMES += RARE_SINGLE
COMPOUND_SURNAMES = [
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "夏侯",
    "长孙",
    "宇文",
    "司徒",
    "申屠",
    "端木",
    "轩辕",
    "独孤",
    "南宫",
    "西门",
    "百里",
    "呼延",
    "赫连",
    "澹台",
    "太史",
    "闻人",
    "钟离",
    "万俟",
    "鲜于",
    "宗政",
    "濮阳",
    "淳于",
    "单于",
    "仲孙",
    "东郭",
    "拓跋",
]
COMPOUND_SURNAMES += RARE_COMPOUND
# Clan names (家支) of the Yi, written before the given name as a two-character surname (吉克阿依,
# 曲比阿果): the common clans of Liangshan and Chuxiong.
COMPOUND_SURNAMES += (  # noqa: SIM905
    "阿苏 阿尔 阿约 阿木 阿牛 阿说 阿西 阿苦 阿的 吉克 吉伍 吉木 吉尔 沙马 马海 曲比 曲木 勒格 海来 俄木 "
    "俄底 瓦扎 木乃 日火 加拉 金古 巴莫 罗洪 倮伍 果基 洛古 杰觉 阿育 比曲 阿合 吉史 俄其"
).split()

# Characters common in given names (the 2020 name report's top given-name characters and the
# frequent characters of 《通用规范汉字表》 used in names). A bare 2-4 character token in a table
# or list is taken for a name only if its given-name part comes from this set, which keeps words
# such as 金额、合计、关于 out.
GIVEN_NAME_CHARS = frozenset(
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁"
    "龙林欢阳建国志新亮飞波峰海成荣东文晨琳瑶雪梅晶倩婷颖慧莉嘉欣怡琪涵轩睿宸梓子铭博思雨泽宏毅诚"
    "佳悦鑫昊然航晗熙瑞祥福德庆生春秋冬云风光丹凤兵宝贵清正永安坤元金银铁石山水河江湖波洁贞淑惠巧"
    "美娇兴发富顺利长远忠义仁礼智信孝勤俭德耀辉煌炜烨炳晓昕昭晖晟景智敬文武彦彤彩影朋友良善虹霖露"
    "霏雯霓霄翔羽翠翼莹萱蓉蕾薇芸芝芷苗若茜荷莲菲萌蔓婉婕媛娴姗姝妍妮娅婧嫣岚峥嵘崇巍岩松柏杨桐楠"
    "槐梓栋梁材彬森栩桦樱柳楷椿冰凌冉净泓沛泉洪浩润涌淼渊源溪滢潇澜瀚灵炎焕煜熠燊琦琛瑜瑾璇璐瑛珊"
    "珍珠琼瑶玮珏珂琨琰瑞璋环宏宾宣容宜家宽寒寅尧展川州巧希帆常平年广庆康廷建彪影征律徽心忆志忠怀"
    "思恒恩悦惠慈慕懿成扬承振捷敏斌新方旺昆昌明星春昱时晋晴智曦曼朗望朝木本杉杭松林枫柯栋树根桂梦"
    "欣歌正武毓民永江汉沁沐河治泰洁洋津洲流济浚涵淳清渝湘溢滨潮澄瀛灿炫炯烁焱然照熙燕爱爽牧特玥琬"
    "瑗璟璞生甜田男画畅白百皓盈益盛真睿知石砚磊祖祥祺禄禧福秀秉科秋程稳立竹笑笛筠简米素紫红纯绍继"
    "维绮绵缘美群翰耀聪育胜能自致舒航艺芙芬芳花苏茂茵荣莎莺菁萍蓓蔚蕊薪虎蛟蝶融衡裕西言诗语诚豪贤"
    "赞超越跃路轩辉达迪逸道遥邦郁金鑫铭锋锐锦镇长闻阁阳雄雅雁雷震霆静韦韬韵顺颂领频飒飘馨驰骏鸣鸿"
    "鹏鹤黎鼎齐一二三四五六七八九十丙丁乙甲之乐书云亭仪会伦佩俊修倩儒元光克全兰其军冠凡凯则力加勇"
    "华卫卿厚双吉君启和品善嘉国坚均城培基堂增士壮声复大天奇奎好如妙姣婷子孟学宁守安定宛实宝宸寿尚"
    "小少岳峰崇巧巨帅师平并庚康庭建开强彦征德心忠思怡恺悠情惜惟慧懋成才扬承抒拓振敏文斐斌旭昂昊昕"
    "易星春昭晓晨曙月朋杰东松极标根梁森植楚槿欢歆殿毅汀汐沙沛泊波泽浦海涛淑深添清湛溶滔滋漫潼澈澍"
    "灏烽琳琴瑄瑟璧瓒甫申畴皎盼相省眉督瞻矗祎禾秦稷穆空章端笙箐篷纪纶纹经绪续绘缨罡翊翠耕聿胤艳芃"
    "芮苑茗荃莘菡萧蓝蔼藤蘅虔蛰蜀裳觅誉谦豫贝贺赋赢赫起轶辰迅进远迎逢遇邵郡钊钧钰铎银锟锡镜闯阑陶"
    "隽雍霁青靖韶颀颐飚香馥骐鲲鸾鹰麟黛玄珺琇琪璨宥岑芊菀菊兰梅竹"
    # Frequent in names given since 2010 (一诺, 宗翰, 哲).
    "诺宗哲"
    # Further given-name characters of 《通用规范汉字表》 common in names of every generation
    # (令, 升, 骁, 昶, 晏 ...), without function words (同、向、先、任、意): a name whose given
    # name is rarer is found by its place in the document, not by its characters.
    "升令骁伯仲叔季仕伊伶俐允兆冀创初剑劲勋卓吟咏喆圣垚堃奕姿娉婵嫦孜宪寰尊岐峻崧帜弘忻恬悟愉"
    "扶拯攀敦斯昀昶晏普暄曜柔栗棠榕樵汝沅泳洛涓淇淮湄溥漪炬烈爵犇珑甄睦瞳硕磐祯禹穗穹笃箫缙羲翀"
    "耘聆臻舜芦芯苇苓茹荔萃蕴谊谨贻赐轲逍逵醇钢锴闵阔隆靓骅骞骥鹃麒鼐龄"
    "娣佑墨魁亚世占腊"  # 招娣, 天佑, 子墨, 亚军, 世杰, 占元, 腊梅: names of every volume lacked them
)

# Words that look like a surname + given name but are labels, roles or common words.
NOT_NAMES: frozenset[str] = frozenset(
    [
        "申请人",
        "当事人",
        "法定代表人",
        "联系人",
        "负责人",
        "经办人",
        "代理人",
        "被申请人",
        "申请书",
        "申请表",
        "申请日",
        "姓名",
        "性别",
        "民族",
        "金额",
        "合计",
        "总计",
        "备注",
        "序号",
        "地址",
        "住址",
        "电话",
        "手机",
        "邮箱",
        "邮编",
        "关于",
        "万元",
        "元整",
        "安全",
        "文明",
        "和平",
        "高新",
        "平安",
        "明确",
        "明显",
        "成立",
        "成果",
        "和谐",
        "华东",
        "华南",
        "江南",
        "江北",
        "湖南",
        "湖北",
        "河南",
        "河北",
        "山东",
        "山西",
        "广东",
        "广西",
        "海南",
        "云南",
        "贵州",
        "宁夏",
        "青海",
        "方式",
        "方面",
        "方案",
        "程序",
        "程度",
        "高度",
        "周年",
        "周期",
        "周一",
        "周二",
        "周三",
        "周四",
        "周五",
        "周六",
        "周日",
        "石油",
        "钢铁",
        "文化",
        "艺术",
        "黄金",
        "白银",
        "万一",
        "于是",
        "向东",
        "应当",
        "应急",
        "时间",
        "时限",
        "日期",
        "常务",
        "常委",
        "常年",
        "宣传",
        "管理",
        "管辖",
        "严格",
        "严重",
        "龙头",
        "杨树",
        "林业",
        "章程",
        "平台",
        "左右",
        "上下",
        "国家",
        "国务院",
        "国有",
        "全国",
        "全部",
        "全面",
        "司法",
        "公安",
        "公开",
        "公示",
        "公告",
        "公司",
        "公民",
        "公正",
        "齐全",
        "党委",
        "党组",
        "政府",
        "信息",
        "单位",
        "原告",
        "原因",
        "原则",
        "原件",
        "车辆",
        "车牌",
        "项目",
        "计划",
        "任务",
        "成员",
        "来源",
    ]
)

# Words from the tables of annual reports, and cities and provinces that stand alone in table
# cells, that would otherwise read as surname + given name.
# (A word list reads and edits best as one string, hence the noqa.)
NOT_NAMES |= frozenset(
    "公益 公平 公共 公众 公务 高效 华夏 方正 常规 包括 卫生 卫健 全年 全市 全省 全区 全县 "  # noqa: SIM905
    "宁波 温州 金华 丽水 台州 江苏 浙江 福建 广州 深圳 南京 武汉 成都 西安 重庆 苏州 杭州 "
    "嘉兴 湖州 绍兴 衢州 舟山 淮安 扬州 常州 徐州 盐城 宿迁 泰州 镇江 无锡 南通 平湖 海宁 桐乡 "
    # Provinces not listed above, and words that follow a role in running text ("申请人查阅、抄录").
    "北京 天津 上海 辽宁 吉林 安徽 江西 四川 西藏 陕西 甘肃 新疆 台湾 香港 澳门 查阅 全文 复制 抄录".split()
)
# Countries whose Chinese short names read as surname + given name (a nationality column: "韩国").
NOT_NAMES |= frozenset("韩国 美国 英国 法国 德国 泰国 俄国 印度 安国 老挝 马来 文莱 葡国".split())  # noqa: SIM905

# Characters that end organisation and place names: a candidate ending in one of these is not a
# person ("平湖市科学技术局", "张家港市", "王店镇").
ORG_PLACE_SUFFIXES = "省市区县镇乡村路街巷局委厅办部处科室所院校厂司店站馆队组会社团园场州盟旗"

# Characters that commonly follow a name in running text; a given name does not contain them, so
# "张三于2023年" is read as 张三 and "张三向本机关" as 张三.
STOP_AFTER_NAME = "于在向称因的等与及是诉性男女身联电手先系对被将把从自经签即均已曾现住及或为今请所到受提驾"

# Posts and standings written right before a name; alone they are never names (区长, 干部).
TITLES = (  # noqa: SIM905
    "副区长 区长 副县长 县长 副市长 市长 副镇长 镇长 副乡长 乡长 副局长 局长 副主任 主任 副书记 书记 "
    "科长 处长 所长 站长 院长 庭长 审判长 审判员 书记员 队长 执法队员 队员 民警 辅警 村民 居民 "
    "村干部 干部 网格长 原告 被告 上诉人 被上诉人 工作人员 "
    "证人 死者 驾驶员 竞买人 区领导 县领导 市领导 之父 之母 脱贫户 种植大户 养殖大户"
).split()
NOT_NAMES |= frozenset(TITLES)
# Occupations, household roles and verbs of a record that start with a surname (房, 农, 陈, 安).
NOT_NAMES |= frozenset("房东 房客 房主 农民 农户 陈述 陈列 安葬 安置 安排 安装 时候 时许".split())  # noqa: SIM905
# Column headers that read as surname + given name when a header row follows "姓名⇥" ("姓名⇥国籍⇥…").
NOT_NAMES |= frozenset("国籍 籍贯 关系 单价 小计 总计 余额 项目 费用 房号 车牌 门牌 成员 常住".split())  # noqa: SIM905
# School grades read as surname + given name in a table cell (高一 3班); 陆军, 海军 are left out:
# they are also full names of people (surname 陆 or 海).
NOT_NAMES |= frozenset("高一 高二 高三 初一 初二 初三".split())  # noqa: SIM905

# Cue words before a person's name (role labels in decisions, applications and replies).
NAME_CUES = [
    *("法定代表人", "委托代理人", "被处罚人", "第三人", "申请人", "当事人", "联系人", "负责人", "经办人"),
    *("代理人", "投诉人", "举报人", "承办人", "签收人", "收件人", "收款人", "领款人", "开户名", "监护人"),
    *("户主", "姓名", "户名", "经营者", "被申请人", "执法人员", "送达人", "签名", "签字", "受送达人"),
    "记录人", "记者", "通讯员",
    # Officers named in running text right after their post ("资助专管员杨某（电话…）").
    *("专管员", "协管员", "网格员", "联络员", "班主任", "联系老师", "指导老师", "带队老师"),
    *("审核人", "核稿人", "拟稿人"),
    # The parties of an agreement, often with their role in brackets: "乙方（被征收人）：".
    *("甲方", "乙方"),
    # Roles of mediation, arbitration, legal aid, payments, housing and traffic records that name
    # their holder right after them ("领取人袁某，", "乘车人韩某受伤", "车主严某 登记住址").
    *("调解员", "仲裁员", "受援人", "患方代表", "患方", "领取人", "代收人", "冒领人", "被征收人"),
    *("乘车人", "驾驶人", "领衔人", "帮扶人", "车主"),
    # Inheritance, a letter's or a message's salutation, a third party of a disclosure request, the
    # households of a relief list ("继承人某某，女", "尊敬的某某，", "第三方某某的", "困难户某某（住…）").
    *("继承人", "配偶", "尊敬的", "第三方", "困难户", "危房户", "低保户", "贫困户", "特困户", "五保户"),
]
# Short cue words that introduce names only with a colon ("主持：王伟", "出席：张军、杨玙"); without
# one they are ordinary words ("主持召开", "记录在案").
NAME_CUES_WITH_COLON = [
    *("主持人", "主持", "出席", "列席", "参加", "参会人员", "记录", "审核", "审批", "信访人", "承诺人"),
    *("申报人", "汇报人", "家庭成员", "陪同人员", "见证人", "评审专家", "专家"),
    # Parties of a judgment or ruling and the signers of a table: "原告：", "被告：", "制表：".
    *("原告", "被告", "制表", "填表", "复核", "名单", "成员"),
    # Any role ending in 人 (被征收人：, 权利人：, 受理人：, 检查人：): the colon makes it a label.
    "人",
    # The same for roles ending in 员 (委员：, 书记员：, 报账员：), elected posts and the officers
    # signing a village notice (主任：, 村会计：, 驻村第一书记：, 接访领导：), representatives.
    *("员", "主任", "书记", "会计", "领导", "代表", "网格长", "近亲属"),
    # ... and for roles ending in 警, 师, 者, 译 (办案民警：, 承办律师：, 患者：, 患方翻译：), and the
    # bare labels of a contact (联系：, 经办：).
    *("警", "警察", "师", "者", "译", "联系", "经办"),
    # ... for posts ending in 长 (组长：, 副组长：, 村长：), a record's 学生： and 医生： (生 alone: 学 stands
    # in every 学校), a relief list's households (第三户：).
    *("长", "生", "户"),
]
# Column headers of rosters and forms under which every cell is a person's name.
NAME_COLUMN_HEADERS = frozenset(
    "姓名 户主 户主姓名 收款人 领款人 申请人 申请人姓名 户名 开户名 持卡人 受益人 联系人 负责人 "  # noqa: SIM905
    "参保人 被保险人 救助对象 保障对象 户主（姓名） 当事人 被处罚人 驾驶人 车主 权利人 被征收人 "
    "见证人 申报人 受理人 经办人 承办人 代理人 委托人 所有人 产权人 业主 专家 评审专家".split()
)
# Words after which a name is likely in running text ("与谭某于2020年", "其胞弟梁某发生",
# "已委托律师廖某代为", "车主为宋某未果"): the name must be made of the
# name lexicon's characters and end at one of RUNNING_TEXT_ENDS. The clause marks "，。；" and a
# line start are such words too ("经查，李某于2019年", "。李某表示").
RUNNING_TEXT_CUES = [
    *("与", "同", "和", "及", "委托", "律师", "邻居", "其子", "其女", "其妻", "其夫", "其父", "其母"),
    *("胞弟", "胞兄", "胞姐", "胞妹", "之子", "之女", "车主", "车主为", "车主系", "车主是"),
    *("专管员", "班主任", "老师", "网格员", "联络员", "协管员", "人"),
    # Prepositions and verbs whose object is often a person ("由仉东升于2021年搭建",
    # "书面告知宓国栋，", "经李明同意").
    *("由", "被", "对", "将", "给", "请", "经", "告知", "通知", "联系", "约谈", "交由"),
]
# What a name in running text is followed by: a verb or preposition it is the subject of.
# 说 and 住 open a predicate of a person only ("，金鑫说：", "。马明住银川市…").
RUNNING_TEXT_ENDS = frozenset("于在因系现称向说住")
RUNNING_TEXT_END_WORDS = frozenset(
    (  # noqa: SIM905
        "表示 发生 代为 未果 声称 认为 提出 反映 签字 签名 承认 陈述 辩称 同意 拒绝 领取 持有 报称 遗失 代表 "
        "立即 随即 承担 通过 根据 负责 多次 先后 再次 驾驶 利用 接受 带领 主动 "
        # What a person does in a narrative ("X打来电话", "X笑着说"), and a form of address or a post
        # written after the name ("的X师傅", "，X主任介绍"); more in ``names._SECOND_FOUND``.
        "打来 出价 笑着 师傅 主任"
    ).split()
)
# Times that read like a given name after "于" ("于凌晨在", "于国庆期间"): 于 is "at" there.
TIME_WORDS = frozenset(
    "凌晨 清晨 早晨 傍晚 国庆 清明 中秋 春节 元旦 明天 今天 当天 晚上 中午 上午 下午".split()  # noqa: SIM905
)
# Verbs whose object, ending a clause, is often a person ("结果报王某。", "书面告知李某，").
OBJECT_VERBS = (
    *("报", "告知", "通知", "转告", "转交", "交给", "送交", "联系", "约谈", "询问", "委托"),
    "叫",  # a name told: "有一个女儿叫吴欣怡，"
    # Honours name their holders the same way ("授予钱红梅（南湖村）、…").
    *("授予", "表彰"),
)
# Characters a given name in running text does not contain: a surname character before them is a
# word ("全年发生", "同期", "时间").
NOT_RUNNING_GIVEN = frozenset("年月日时期间度次部门方面类项条款件")

# Verbs that follow a role word at once in an award or decision ("裁决被申请人支付申请人…",
# "被告赔偿原告…"): the characters after the role are then no name, though 支/付/赔 … may be surnames.
VERBS_AFTER_ROLE = frozenset(
    "支付 给付 赔偿 补偿 返还 退还 承担 缴纳 履行 提供 补发 补缴 偿还 负担 恢复 撤回 撤销 停止".split()  # noqa: SIM905
)

# A surname and a form of address is how a person is named without their name ("柯警官", "王师傅");
# the two characters after the surname are then no given name. Bank branches after a place
# ("桐乡支行") are no names either.
ADDRESS_FORMS = frozenset("警官 师傅 老师 经理 医生 大夫 阿姨 大爷 大妈 老板 同学".split())  # noqa: SIM905
NOT_NAMES |= frozenset("支行 分行 总行".split())  # noqa: SIM905

# Cue words after a name.
NAME_AFTER_CUES = ("同志", "先生", "女士", "律师", "老师", "老人")
# Words before 老人 that are not names ("高龄老人", "孤寡老人").
NOT_NAMES |= frozenset("高龄 孤寡 空巢 留守 困难 失能 独居 失独 百岁 长寿 农村 城市 社区".split())  # noqa: SIM905
# Words written right after a person noun (消费者, 债权人, 子女, 家属 …) that read as a surname and a
# given name: what the person has or feels ("维护消费者权益", "损害债权人利益", "维护军人荣誉",
# "让老人安心", "提升群众满意度"), an adverb or a state of the subject ("家属相继到场",
# "目击者常常", "村邻和睦", "子女平均分担"), a verb before 老人 ("关心老人生活"), a kinship word
# ("老人孙子代为申请"). None is a gold name of volumes A-F or of the generated corpus (checked when
# they were added: issue 14, review6 and the lead's probe of policy phrases).
NOT_NAMES |= frozenset(
    "权益 利益 权利 权力 常常 时常 平时 曾经 相继 陆续 连续 尤其 居然 公然 全然 方才 "  # noqa: SIM905
    "和睦 平均 丰富 容易 强烈 严峻 妥善 全家 全民 成长 安心 幸福 荣誉 信心 关心 孙子 关爱 "
    "满意度 幸福感 获得感 安全感".split()
)

# Cue words before an address; stripped from the start of an address match.
ADDRESS_CUES = [
    "住所地",
    "户籍地",
    "经营场所",
    "经营地址",
    "通讯地址",
    "联系地址",
    "家庭住址",
    "住址",
    "地址",
    "住所",
    "现住",
    "家住",
    "居住于",
    "居住在",
    "居住",
    "位于",
    "坐落于",
    "坐落",
    "户籍",
    "住",
]

# Countries whose citizens' names stand in Chinese documents in Latin or Cyrillic letters (a
# nationality cell or bracket after a name: "TRAN VAN MINH⇥越南", "PETROV IVAN（俄罗斯）").
COUNTRIES = (
    *("越南", "老挝", "缅甸", "泰国", "柬埔寨", "朝鲜", "韩国", "日本", "蒙古", "俄罗斯", "印度"),
    *("哈萨克斯坦", "乌兹别克斯坦", "吉尔吉斯斯坦", "塔吉克斯坦", "土库曼斯坦", "巴基斯坦", "阿富汗"),
    *("尼泊尔", "孟加拉国", "斯里兰卡", "菲律宾", "印度尼西亚", "马来西亚", "新加坡", "文莱"),
    *("美国", "英国", "法国", "德国", "意大利", "西班牙", "葡萄牙", "荷兰", "比利时", "瑞士", "瑞典"),
    *("挪威", "丹麦", "芬兰", "波兰", "乌克兰", "白俄罗斯", "加拿大", "墨西哥", "巴西", "阿根廷"),
    *("澳大利亚", "新西兰", "南非", "埃及", "尼日利亚", "肯尼亚", "埃塞俄比亚", "土耳其", "伊朗"),
)
