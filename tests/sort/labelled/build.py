"""Write the labelled comment sets (consumer.csv, noise.csv) from the sentences below.

Run ``python tests/sort/labelled/build.py`` after editing; the CSVs are committed.
Every sentence is written about one article of the law named in sets.json (a
path in the corpus: the law's text is never copied here beyond a short quote a
commenter would make). Each comment is written in one style; its label is the
article a careful reader assigns it (for a comment that names the wrong
article: the one it is about), or 总体 / none, and its duplicate group (empty:
alone). Campaigns are one template with small edits, as organised comments are.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

HERE = Path(__file__).parent
CHANNELS = ("网站", "网站", "网站", "邮件", "信函", "联系点", "联系点", "小程序")
POINTS = ("", "", "hongqiao", "gubei", "xinhua", "minhang-jiedao")

# article number → sentences about it, as people write them (no article number in them).
CONSUMER = {
    7: ["买的电暖器用了一周就冒烟，商家必须保证商品安全，不能拿消费者的人身安全开玩笑。",
        "消费者使用商品时人身财产安全不受损害的权利，应该写得更有力度一点"],
    8: ["网店卖东西连产地、生产者、生产日期都不写，消费者有权知道商品的真实情况",
        "建议明确消费者有权要求经营者提供商品的主要成份和检验合格证明，现在问了也不说"],
    9: ["景区导游强制游客进指定购物店，侵犯了我们自主选择商品和经营者的权利",
        "买不买是消费者自己决定的，商家不能死缠烂打，自主选择权要保护好"],
    10: ["菜市场缺斤短两太普遍了，计量不正确就是不公平交易，建议加强检查",
         "商家拒绝让顾客挑选、强制交易的行为要明确禁止，要保证价格合理、质量有保障的公平交易条件"],
    14: ["少数民族消费者的民族风俗习惯应当得到尊重，清真食品的标识要规范",
         "顾客的人格尊严要尊重，店员不能对顾客冷嘲热讽、区别对待"],
    18: ["商场、宾馆、车站这些经营场所一定要尽到安全保障义务，上次商场扶梯夹伤小孩谁负责",
         "高压锅、电动车电池这种可能危及人身安全的商品，必须有明确的警示和正确使用方法说明"],
    20: ["直播带货虚假宣传太多，主播说得天花乱坠，到手完全不是一回事，要管管这种引人误解的宣传",
         "商品的质量、性能、有效期限这些信息必须真实全面，对消费者的询问要如实答复"],
    22: ["好多小饭馆不给开发票，说开发票要加税点，应该明确消费者索要发票的经营者必须出具",
         "购物凭证和服务单据应该主动给，现在很多商家不给小票"],
    24: ["买的冰箱坏了，商家只肯修理不给换也不给退，质量不合格的应该可以直接退货",
         "修理了两次还是不能正常使用的，应当允许消费者要求更换或者退货"],
    25: ["网购七天无理由退货很好，但很多商家说拆了包装就不能退，建议明确拆封检查不影响退货",
         "七日无理由退货的运费现在是消费者自己出，建议改成商家承担",
         "不适用无理由退货的商品范围太宽，商家动不动就说不宜退货，要限制"],
    26: ["店堂告示上写本店拥有最终解释权，这种格式条款应当一律无效",
         "餐馆禁止自带酒水、收开瓶费，属于用格式条款排除消费者权利，应当明确禁止",
         "合同里的重要内容字体小得看不清，经营者要以显著方式提请消费者注意"],
    29: ["经营者收集的消费者个人信息被拿去卖，我天天接到推销电话，要严惩泄露信息的商家",
         "APP不同意收集个人信息就不让用，合法正当必要的原则形同虚设，未经同意不得发送商业短信"],
    39: ["和商家协商不成，找消协调解也拖着，希望争议解决的途径里增加网上调解和小额仲裁",
         "消费者权益争议的解决途径太麻烦，打官司成本太高"],
    44: ["在电商平台买到假货，平台说自己只是提供场地不管，网络交易平台应当先行赔付",
         "网络交易平台提供者不能提供卖家的真实名称和联系方式的，平台必须赔偿"],
    45: ["明星代言保健品虚假广告，造成消费者损害的，代言人也应当承担连带责任",
         "虚假广告的广告经营者、发布者也要赔偿，不能只罚商家"],
    46: ["向有关部门投诉以后七个工作日内处理，时间太长了，而且很多投诉根本没回音",
         "投诉之后部门处理的结果要告知消费者，不能石沉大海"],
    53: ["健身房、美容院办了预付卡就跑路，预收款要有资金监管，退卡还要退利息",
         "理发店充值了三千块，店关门了找不到老板，经营者以预收款方式提供服务的必须按约定提供"],
    55: ["欺诈行为赔偿三倍太少了，对无良商家没有威慑力，建议提高惩罚性赔偿的倍数",
         "增加赔偿的金额不足五百元的按五百元，这个最低标准应该提高到一千元"],
    56: ["对以次充好、掺杂掺假的商家，罚款五十万元以下太轻了，对大企业不痛不痒",
         "伪造产地、篡改生产日期的应当直接吊销营业执照"],
    62: ["农民买到假种子假化肥，一年的收成都没了，参照本法执行不够，建议专门规定农资消费的保护"],
}
NOISE = {
    14: ["划定声环境质量标准适用区域的时候，应当征求周边居民意见，不能把住宅区划成工业区"],
    24: ["新建可能产生噪声污染的建设项目，环境影响评价要把噪声单独评估并公示"],
    26: ["新房子隔音太差了，楼上走路都听得见，噪声敏感建筑物不符合隔声设计标准的不能交付使用",
         "交通干线两侧建住宅，应当采取减少交通噪声影响的隔声措施"],
    31: ["打12345举报噪声污染没人管，建议规定接到举报后几天内必须处理并反馈",
         "举报噪声扰民的人的信息要保密，不然被邻居报复"],
    33: ["中考高考期间工地还在施工，考试期间应当一律限制产生噪声的活动"],
    43: ["凌晨两点还在打桩，夜间施工太扰民，所谓特殊需要连续施工的例外被滥用了",
         "夜间施工的证明应当在施工现场公示，并提前告知附近居民"],
    47: ["晚上总有改装摩托车、跑车炸街轰鸣，严重影响休息，希望加大查处力度",
         "拆除消声器、加装排气管的改装车，应该直接扣车"],
    49: ["学校和医院周边应当划定禁止鸣喇叭的路段和时间，并且设置明显的标志"],
    54: ["住在机场附近，飞机起降太吵，机场应当控制夜间起降架次，采用低噪声飞行程序"],
    55: ["小区紧挨已经建成多年的城市高架，交通噪声严重超标，区政府应当组织调查评估，制定综合治理方案",
         "城市道路和轨道交通噪声造成严重污染的，政府要负责治理，不能让居民一直忍着"],
    61: ["楼下的KTV和酒吧营业到后半夜，音响震天响，文化娱乐场所的经营者必须采取隔音措施",
         "餐饮店后厨的排风扇对着居民楼，餐饮场所也要防止噪声污染"],
    62: ["商场楼顶的冷却塔和风机整夜运转，嗡嗡声吵得人睡不着，这些设备设施的经营管理者要采取降噪措施"],
    63: ["商店门口用大喇叭循环播放清仓甩卖，吵死了，商业经营活动中使用高音广播喇叭的要严格禁止"],
    64: ["广场舞音响太大，早上六点就开始跳，公共场所的活动要规定音量和时段",
         "公园里唱歌的大音箱应该管一管，公共场所管理者要合理规定活动区域"],
    65: ["邻居家的狗整晚叫，饲养宠物产生的噪声也要管起来",
         "楼上的小孩天天跑跳，家庭成员也应当养成减少噪声的好习惯，互谅互让"],
    66: ["装修噪声太烦了，周末一大早就开电钻，室内装修应当统一限定作业时间",
         "中午休息时间也在砸墙，建议规定午休时段禁止装修作业"],
    67: ["买房时开发商根本没说旁边要修高架，售楼处应当公示住房可能受到噪声影响的情况并写进买卖合同"],
    68: ["小区的水泵房和电梯机房紧挨着卧室，低频嗡嗡声让人失眠，共用设施设备要采取减少振动降低噪声的措施"],
    70: ["物业对噪声扰民不管不问，说不归他们管，应当明确物业服务人要及时劝阻、调解"],
    82: ["对在公共场所违规使用音响器材的个人罚款二百元到一千元，太低了，起不到作用"],
    87: ["社会生活噪声经劝阻调解还不停止的，应当由公安机关依照治安管理处罚法处罚"],
    88: ["夜间从晚上十点开始太晚了，建议夜间的起止时间改为晚上九点到早上七点"],
}

# Short quotes as commenters make them: a phrase of the article, with a slip or a word left out.
CONSUMER_QUOTES = {
    25: "“消费者有权自收到商品之日起七日内退货，且无须说明理由”这一规定很好，但要防止商家设置门槛",
    26: "草案中“格式条款、通知、声明、店堂告示等含有前款所列内容的，其内容无效”，建议增加对经营者的处罚",
    53: "关于“未按照约定提供的，应当按照消费者的要求履行约定或者退还预付款”，建议加上退款的期限",
    55: "“增加赔偿的金额为消费者购买商品的价款或者接受服务费用的三倍”，建议改为五倍",
    29: "“经营者收集、使用消费者个人信息，应当遵循合法、正当、必要的原则”，要加上最小够用",
    12: "“消费者享有依法成立维护自身合法权益的社会组织的权利”，这个怎么落实？",
}
NOISE_QUOTES = {
    43: "“在噪声敏感建筑物集中区域，禁止夜间进行产生噪声的建筑施工作业”，希望真正执行",
    88: "“夜间，是指晚上十点至次日早晨六点之间的期间”，建议提前到晚上九点",
    64: "“不得违反规定使用音响器材产生过大音量”太笼统，建议写明分贝数",
    65: "关于“饲养宠物和其他日常活动尽量避免产生噪声对周围人员造成干扰”，“尽量”两个字太软了",
    32: "“国家鼓励开展宁静小区、静音车厢等宁静区域创建活动”，建议高铁都设静音车厢",
}

# Comments that name the wrong article: (named number, the article they are about, text after the mention).
CONSUMER_WRONG = [
    (12, 25, "规定的七日无理由退货，商家总说拆封了就不能退，要写清楚"),
    (35, 53, "健身房预付卡跑路的问题，预收款一定要监管起来"),
    (5, 55, "欺诈行为的三倍赔偿太少，应当提高到五倍"),
    (40, 29, "说的个人信息保护，商家泄露顾客手机号要重罚"),
]
NOISE_WRONG = [
    (12, 66, "规定的装修作业时间，周末和节假日应当全天禁止装修"),
    (30, 64, "广场舞音响音量太大的问题，应当限定晚上八点半以后停止"),
    (8, 47, "改装车炸街轰鸣的问题，希望公安多查处"),
]

GENERAL = [
    "这部法律出台非常及时，希望尽快审议通过",
    "总体上赞成草案，建议加强执法检查，不要让法律成为一纸空文",
    "条文太原则了，可操作性不强，建议配套出台实施细则",
    "建议立法过程中多听取基层群众的意见，多到社区调研",
    "草案整体结构清晰，我没有意见",
    "希望法律通过后加强宣传，让老百姓都知道自己的权利",
]
OFF_TOPIC = [
    "我家小区门口的路灯坏了好几天了，请问找谁修",
    "请问社保卡丢了在哪里补办？",
    "某某公司拖欠我三个月工资，请帮忙讨薪",
    "你们网站打开太慢了，手机上看字也太小",
    "测试",
    "孩子上学的学区划分什么时候公布？",
]

# Campaigns: (article, template, edits: list of (old, new) applied one combination per member).
CONSUMER_CAMPAIGNS = [
    (53, "我们是阳光健身房的会员，健身房突然关门，几百名会员的预付款无法退还。强烈建议第五十三条增加预付款资金存管制度，保障消费者的血汗钱！",
     [("阳光", "金牌"), ("几百名", "三百多名"), ("强烈建议", "建议"), ("！", "，恳请采纳。"), ("血汗钱", "血汉钱"), ("突然", "一夜之间")]),
    (55, "建议将欺诈行为的惩罚性赔偿由三倍提高到十倍，让失信商家付出沉重代价，守护消费者的钱袋子！",
     [("建议", "强烈建议"), ("沉重", ""), ("守护", "保护"), ("！", "。"), ("失信商家", "无良商家")]),
    (None, "坚决支持这部法律，希望早日通过实施！",
     [("坚决", "完全"), ("！", "。"), ("早日", "尽快"), ("这部法律", "这个法")]),
]
NOISE_CAMPAIGNS = [
    (64, "我是幸福里小区的居民，每天晚上广场舞音响噪声严重扰民，建议第六十四条明确公共场所娱乐活动的音量标准和时段，违者依法处罚。",
     [("幸福里", "翠苑"), ("每天晚上", "天天晚上"), ("严重扰民", "严重影响休息"), ("违者依法处罚", "违者处罚"), ("我是", "本人是"), ("。", "！")]),
    (47, "强烈要求严查改装车炸街，拆除消声器的一律扣车罚款！",
     [("强烈要求", "要求"), ("！", "。"), ("一律", ""), ("炸街", "深夜炸街")]),
    (66, "建议规定周末和法定节假日全天禁止室内装修施工，让上班族能休息好。",
     [("建议", "强烈建议"), ("法定节假日", "节假日"), ("上班族", "打工人"), ("休息好", "好好休息")]),
    ("none", "专业隔音窗安装，上门测量，包您满意，电话13900001111",
     [("专业", "专业级"), ("包您满意", "满意为止"), ("13900001111", "13900002222")]),
]
MENTION_FORMS = ("第{zh}条", "第{n}条", "{zh}条", "草案第{zh}条第{p}款", "{n}条", "第{zh}条规定的", "第 {n} 条", "关于第{zh}条，")
ZH = "零一二三四五六七八九"


def zh(n: int) -> str:
    tens, ones = divmod(n, 10)
    if n < 10:
        return ZH[n]
    return ("" if tens == 1 else ZH[tens]) + "十" + (ZH[ones] if ones else "")


def label(n: int | str | None) -> str:
    if n is None:
        return "总体"
    if n == "none":
        return "none"
    return f"第{zh(int(n))}条"


def with_mention(n: int, text: str, form: str, rng: random.Random) -> str:
    mention = form.format(zh=zh(n), n=n, p=rng.choice(("一", "二")))
    if form.endswith("规定的"):
        return mention + text
    return rng.choice((f"{mention}{text}", f"{mention}：{text}", f"{text}（见{mention.rstrip('，')}）"))


def slip(text: str, rng: random.Random) -> str:
    """A colloquial variant: a typo, a dropped 的, an added 哈 or 吧, spaces."""
    swaps = [("的", "地"), ("应当", "应该"), ("消费者", "消费着"), ("建议", "建意"), ("噪声", "噪音"), ("必须", "一定要")]
    old, new = rng.choice([s for s in swaps if s[0] in text] or [("", "")])
    text = text.replace(old, new, 1) if old else text
    return rng.choice((text, text + "！", text + "，谢谢", "我觉得" + text, text.replace("，", " ", 1)))


def campaign(template: str, edits: list[tuple[str, str]], members: int, rng: random.Random) -> list[str]:
    texts = []
    for m in range(members):
        text = template
        for old, new in rng.sample(edits, k=min(len(edits), m % 3 + (1 if m else 0))):
            text = text.replace(old, new, 1)
        texts.append(text)
    return texts


def build(name: str, sentences, quotes, wrong, campaigns, seed: int) -> list[dict[str, str]]:
    rng = random.Random(seed)
    rows: list[tuple[str, str, str, str]] = []  # text, expected article, expected group, article column
    for number, texts in sentences.items():
        for k, text in enumerate(texts):
            # One sentence, sent by several people or twice: with a slip, with the article
            # named in one of the forms people use, picked on the site's form. One group.
            group = f"{name}-{number}-{k + 1}"
            form = MENTION_FORMS[(number + k) % len(MENTION_FORMS)]
            rows.append((text, label(number), group, ""))
            rows.append((with_mention(number, text, form, rng), label(number), group, ""))
            rows.append((slip(text, rng), label(number), group, ""))
            if (number + k) % 3 == 0:
                rows.append((slip(text, rng), label(number), group, label(number)))
            if (number + k) % 4 == 1:
                rows.append((text + "。", label(number), group, ""))
    for number, text in quotes.items():
        rows.append((text, label(number), "", ""))
    for named, about, text in wrong:
        rows.append((f"第{zh(named)}条{text}", label(about), "", ""))
    for k, text in enumerate(GENERAL):
        rows.append((text if k % 2 else slip(text, rng), "总体", "", ""))  # each in its own words
    rows.append(("支持", "总体", f"{name}-support", ""))
    rows.append(("支持！", "总体", f"{name}-support", ""))
    rows.append(("支持。", "总体", f"{name}-support", ""))
    for text in OFF_TOPIC:
        rows.append((text, "none", "", ""))
    for c, (number, template, edits) in enumerate(campaigns):
        for text in campaign(template, edits, 6 + 3 * (c % 3), rng):
            rows.append((text, label(number), f"{name}-campaign-{c + 1}", ""))
    order = list(range(len(rows)))
    rng.shuffle(order)  # comments arrive mixed
    table = []
    for serial, i in enumerate(order, start=1):
        text, article, group, given = rows[i]
        table.append({
            "id": f"{name[:1].upper()}{serial:04d}",
            "channel": CHANNELS[serial % len(CHANNELS)],
            "point": POINTS[serial % len(POINTS)],
            "article": given,
            "text": text,
            "received": f"2024-06-{1 + serial % 28:02d}",
            "expected_article": article,
            "expected_group": group,
        })  # fmt: skip
    return table


def main() -> None:
    for name, args, seed in (("consumer", (CONSUMER, CONSUMER_QUOTES, CONSUMER_WRONG, CONSUMER_CAMPAIGNS), 11), ("noise", (NOISE, NOISE_QUOTES, NOISE_WRONG, NOISE_CAMPAIGNS), 12)):
        table = build(name, *args, seed=seed)
        with (HERE / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(table[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(table)
        print(f"{name}.csv: {len(table)} comments")


if __name__ == "__main__":
    main()
