"""Mails → rows: the site's own mails (one row per article, the article
recovered), every charset and transfer encoding Chinese clients send, RFC
2047 subjects also mislabelled, HTML-only mails, quoted replies and
signatures dropped, attachments named, auto-replies and duplicates skipped
and counted; mbox, Maildir, a folder of .eml. Every mail is written by the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from intake.harness import POINT
from lawsite.model import GENERAL
from lawsite.render.i18n import translator

from .mails import attachment, basket_mail, body_part, encoded_word, mbox, message, multipart, site_mail, word, write

# (what the bytes are, what the mail declares): clients that say GB2312 write GBK (the template's —— is not in GB2312)
CHARSETS = [("utf-8", "utf-8"), ("gbk", "gb2312"), ("gbk", "gbk"), ("gb18030", "gb18030")]
ENCODINGS = ["base64", "quoted-printable", "8bit"]


@pytest.mark.parametrize("charset,declared", CHARSETS)
@pytest.mark.parametrize("cte", ENCODINGS)
def test_the_site_s_article_mail_gives_its_article_in_every_charset(draft, collected, tmp_path: Path, charset: str, declared: str, cte: str) -> None:
    subject, body = site_mail(draft, "art_2", "第二条的适用范围应当写清楚，建议增加“本市行政区域内”。")
    path = write(tmp_path, "one.eml", message(word(subject, charset), body_part(body, charset, cte, declared=declared)))
    result = collected(path)
    (row,) = result.rows
    assert row.article == "art_2" and row.channel == "mail"
    assert row.text == "第二条的适用范围应当写清楚，建议增加“本市行政区域内”。"
    assert row.subject == subject and "第二条" in subject
    assert row.received == "2026-11-05T09:30:00+08:00"
    assert row.source == f"{path} <m1@mail.example.cn>" and row.id.startswith("mail-")
    assert not result.problems


def test_a_basket_mail_gives_one_row_per_article_and_no_personal_data(draft, collected, tmp_path: Path) -> None:
    subject, body = basket_mail(draft, {"art_1": "立法依据应写明上位法。", "art_3": "施行日期宜推迟三个月。\n理由：需要准备。", "art_2": ""},
                                name="王五", contact="13900000000")
    path = write(tmp_path, "basket.eml", message(word(subject, "gbk"), body_part(body, "gbk", declared="gb2312")))
    result = collected(path)
    assert [(r.article, r.text) for r in result.rows] == [("art_1", "立法依据应写明上位法。"), ("art_3", "施行日期宜推迟三个月。\n理由：需要准备。")]
    assert [r.id[-2:] for r in result.rows] == ["-1", "-2"] and len({r.id for r in result.rows}) == 2
    assert result.skipped == {"collect-empty": 1}  # the article chosen with nothing written under it: counted, not lost silently
    cells = "".join("".join(r.cells(draft.id)) for r in result.rows)
    assert "王五" not in cells and "13900000000" not in cells


@pytest.mark.parametrize("language", ["zh-Hant", "en"])
def test_the_basket_is_read_in_every_language_of_the_site(draft, collected, tmp_path: Path, language: str) -> None:
    subject, body = basket_mail(draft, {"art_2": "同意。", "art_1": "建议修改。"}, language=language)
    result = collected(write(tmp_path, "basket.eml", message(word(subject, "utf-8"), body_part(body))))
    assert [(r.article, r.text) for r in result.rows] == [("art_2", "同意。"), ("art_1", "建议修改。")]


def test_text_typed_above_the_template_is_kept(draft, collected, tmp_path: Path) -> None:
    subject, body = site_mail(draft, "art_1", "")
    (row,) = collected(write(tmp_path, "m.eml", message(word(subject, "utf-8"), body_part("光标在最上面，就写在这里。\r\n\r\n" + body)))).rows
    assert (row.article, row.text) == ("art_1", "光标在最上面，就写在这里。")
    subject, body = basket_mail(draft, {"art_2": "对第二条。"})
    rows = collected(write(tmp_path, "b.eml", message(word(subject, "utf-8"), body_part("总的看法写在前面。\r\n" + body), "<b@x>"))).rows
    assert [(r.article, r.text, r.flag("en")) for r in rows] == [("", "总的看法写在前面。", ""), ("art_2", "对第二条。", "")]


def test_an_empty_plain_part_beside_the_html_gives_the_html(collected, tmp_path: Path) -> None:
    parts = [body_part(" \r\n"), body_part("<p>只在网页格式里写了意见。</p>", subtype="html")]
    (row,) = collected(write(tmp_path, "m.eml", message(word("意见", "utf-8"), multipart(parts, "alternative")))).rows
    assert row.text == "只在网页格式里写了意见。"


def test_an_article_is_recovered_from_its_label_when_the_link_is_gone(draft, collected, tmp_path: Path) -> None:
    subject, body = site_mail(draft, "art_3", "应当自公布之日起三十日后施行。")
    body = "\r\n".join(line for line in body.split("\r\n") if "条文链接" not in line)
    (row,) = collected(write(tmp_path, "m.eml", message(word(subject, "utf-8"), body_part(body)))).rows
    assert row.article == "art_3"


def test_a_mail_on_another_draft_is_skipped_with_its_title(draft, collected, tmp_path: Path) -> None:
    body = "关于《测试市另一条例（草案）》第一条的意见：\r\n\r\n不同意。\r\n——\r\n条文链接：https://site.example.org/x/#art_1\r\n"
    result = collected(write(tmp_path, "m.eml", message("=?utf-8?B?5oSP6KeB?=", body_part(body))))
    assert not result.rows and result.skipped == {"collect-other-draft": 1}
    assert "测试市另一条例" in result.problems[0].message.render("en") and result.problems[0].path.endswith("m.eml")


MISLABELLED_SUBJECTS = [
    # declared GB2312, holding GBK-only characters (镕, 珺): read as GB18030
    (encoded_word("关于朱镕基路和珺园的意见".encode("gbk"), "gb2312"), "关于朱镕基路和珺园的意见"),
    # declared ISO-8859-1, holding UTF-8
    (encoded_word("征求意见：第一条".encode("utf-8"), "iso-8859-1", "Q"), "征求意见：第一条"),
    # a charset nobody knows, holding GB18030
    (encoded_word("意见建议".encode("gb18030"), "x-unknown"), "意见建议"),
    # split over two words and two charsets, folded
    (word("征求意见：", "gbk") + "\r\n " + word("第三条", "utf-8", "Q"), "征求意见：第三条"),
    # raw 8-bit GBK in the header, no encoded word at all
    ("征求意见第二条".encode("gbk").decode("latin-1"), "征求意见第二条"),
]


@pytest.mark.parametrize("header,expected", MISLABELLED_SUBJECTS)
def test_subjects_are_read_also_when_mislabelled(collected, tmp_path: Path, header: str, expected: str) -> None:
    data = message("SUBJECT", body_part("意见正文。", "gbk", declared="gb2312")).replace(b"SUBJECT", header.encode("latin-1"))
    (row,) = collected(write(tmp_path, "m.eml", data)).rows
    assert row.subject == expected and row.text == "意见正文。"


@pytest.mark.parametrize("cte", ENCODINGS)
def test_a_strict_gb2312_mail(collected, tmp_path: Path, cte: str) -> None:
    data = message(word("对草案的意见", "gb2312", "Q"), body_part("建议第一条增加“为了”二字。", "gb2312", cte))
    (row,) = collected(write(tmp_path, "m.eml", data)).rows
    assert (row.subject, row.text) == ("对草案的意见", "建议第一条增加“为了”二字。")


def test_a_body_labelled_gb2312_that_is_utf8_is_read_as_utf8(collected, tmp_path: Path) -> None:
    data = message("=?utf-8?B?5oSP6KeB?=", body_part("建议增加听证程序。".encode("utf-8"), declared="gb2312"))
    (row,) = collected(write(tmp_path, "m.eml", data)).rows
    assert row.text == "建议增加听证程序。"


def test_an_html_only_mail_is_reduced_to_text(collected, tmp_path: Path) -> None:
    html = ("<html><head><style>p{color:red}</style><title>标题</title></head><body><p>第一段意见：</p><div>建议&nbsp;删去第三条&amp;附则。<br>第二行</div>"
            "<script>alert('x')</script><blockquote>引用的原邮件，不要</blockquote></body></html>")
    (row,) = collected(write(tmp_path, "m.eml", message("=?gb2312?B?0uK8+w==?=", body_part(html, "gb18030", "quoted-printable", "html", "gb2312")))).rows
    assert row.text == "第一段意见：\n\n建议\u00a0删去第三条&附则。\n第二行"
    assert "alert" not in row.text and "color" not in row.text and "引用" not in row.text


QUOTED = [
    ("qq", "我的意见：同意第一条。\r\n\r\n------------------ 原始邮件 ------------------\r\n发件人: \"某办\"<test@example.org>;\r\n发送时间: 2026年11月1日\r\n主题: 征求意见\r\n\r\n请提意见。"),
    ("outlook", "我的意见：同意第一条。\r\n\r\n-----Original Message-----\r\nFrom: office\r\nSent: Monday\r\n请提意见。"),
    ("outlook-zh", "我的意见：同意第一条。\r\n\r\n发件人: 法制办 <test@example.org>\r\n发送时间: 2026年11月1日 10:00\r\n收件人: 我\r\n主题: 征求意见\r\n\r\n请提意见。"),
    ("outlook-zh-2", "我的意见：同意第一条。\r\n-----邮件原件-----\r\n请提意见。"),
    ("gmail", "我的意见：同意第一条。\r\n\r\n在 2026年11月1日周日 10:00，法制办 <test@example.org> 写道：\r\n> 请提意见。\r\n"),
    ("quote-lines", "> 请提意见。\r\n>> 更早的引用\r\n我的意见：同意第一条。"),
    ("signature", "我的意见：同意第一条。\r\n-- \r\n张三\r\n电话 13800000000"),
]


@pytest.mark.parametrize("shape,body", QUOTED, ids=[q[0] for q in QUOTED])
def test_quoted_replies_and_signatures_are_dropped(collected, tmp_path: Path, shape: str, body: str) -> None:
    (row,) = collected(write(tmp_path, "m.eml", message(word("回复：征求意见", "gbk"), body_part(body, "gbk", "quoted-printable")))).rows
    assert row.text == "我的意见：同意第一条。", shape
    assert row.article == ""  # not from the site's templates: for 整理


@pytest.mark.parametrize("delsp,flowed,expected", [
    ("yes", "建议第二条增加 \r\n“本市行政区域内” \r\n六个字。\r\n第二段。\r\n-- \r\n签名", "建议第二条增加“本市行政区域内”六个字。\n第二段。"),
    ("no", "I suggest adding \r\nsix words.\r\n From the draft", "I suggest adding six words.\nFrom the draft"),  # space-stuffed
])
def test_format_flowed_lines_are_joined(collected, tmp_path: Path, delsp: str, flowed: str, expected: str) -> None:
    part = body_part(flowed, cte="8bit").replace(b'charset="utf-8"', f'charset="utf-8"; format=flowed; delsp={delsp}'.encode())
    (row,) = collected(write(tmp_path, "m.eml", message(word("意见", "utf-8"), part))).rows
    assert row.text == expected


def test_attachments_are_named_not_read(collected, tmp_path: Path) -> None:
    parts = [body_part("意见见附件，另补充一句。", "gb18030"),
             attachment("filename*=UTF-8''%E6%84%8F%E8%A7%81%E4%B9%A6.pdf"),
             attachment(f'filename="{word("扫描件.jpg", "gb2312")}"')]
    (row,) = collected(write(tmp_path, "m.eml", message("=?utf-8?B?5oSP6KeB?=", multipart(parts)))).rows
    assert row.attachments == ("意见书.pdf", "扫描件.jpg") and row.text == "意见见附件，另补充一句。"
    assert row.cells("x")[9] == "意见书.pdf; 扫描件.jpg"


def test_a_mail_that_is_only_an_attachment_is_kept_and_flagged(collected, tmp_path: Path) -> None:
    (row,) = collected(write(tmp_path, "m.eml", message("=?utf-8?B?5oSP6KeB?=", multipart([attachment('filename="letter.pdf"')])))).rows
    assert row.text == "" and row.attachments == ("letter.pdf",) and "attachment" in row.flag("en")


def test_a_plain_mail_is_a_row_without_an_article_but_a_site_subject_names_it(draft, collected, tmp_path: Path) -> None:
    free = write(tmp_path, "a.eml", message(word("一点建议", "gbk"), body_part("整体不错。", "gbk"), "<a@x>"))
    named = write(tmp_path, "b.eml", message(word(f"征求意见：{draft.title}第三条", "gbk"), body_part("自己写的正文。", "gbk"), "<b@x>"))
    rows = collected(free, named).rows
    assert [(r.article, r.text) for r in rows] == [("", "整体不错。"), ("art_3", "自己写的正文。")]


AUTO = [
    ("Auto-Submitted: auto-replied\r\n", "意见"),
    ("X-Autoreply: yes\r\n", "意见"),
    ("", "自动回复：我正在休假"),
    ("", "Automatic reply: out of office"),
]


@pytest.mark.parametrize("header,subject", AUTO)
def test_auto_replies_are_skipped_and_counted(collected, tmp_path: Path, header: str, subject: str) -> None:
    result = collected(write(tmp_path, "m.eml", message(word(subject, "utf-8"), body_part("我不在办公室。"), extra=header)))
    assert not result.rows and result.skipped == {"collect-auto-reply": 1}


def test_mbox_maildir_and_folder_with_a_duplicate_message_id(draft, collected, tmp_path: Path) -> None:
    subject, body = site_mail(draft, "art_1", "From here on 这一行以 From 开头。")
    first = message(word(subject, "gbk"), body_part(body, "gbk", "8bit"), "<one@x>")
    second = message(word("意见", "utf-8"), body_part("第二封。"), "<two@x>")
    auto = message(word("自动回复", "utf-8"), body_part("不在"), "<auto@x>")
    box = write(tmp_path, "office.mbox", mbox([first, second, auto]))
    maildir = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    write(maildir / "new", "1700000000.M1.host", second)  # the same mail as in the mbox
    write(maildir / "cur", "1700000001.M2.host:2,S", message(word("第三封", "utf-8"), body_part("第三封的意见。"), "<three@x>"))
    write(maildir / "tmp", "1700000002.M3.host", message("x", body_part("still arriving"), "<tmp@x>"))
    folder = tmp_path / "exported"
    write(folder, "a.eml", message(word("第四封", "utf-8"), body_part("第四封的意见。"), "<four@x>"))
    write(folder, "notes.txt", b"not a mail")

    result = collected(box, maildir, folder)
    assert [r.text for r in result.rows] == ["From here on 这一行以 From 开头。", "第二封。", "第三封的意见。", "第四封的意见。"]
    assert result.rows[0].article == "art_1"
    assert result.rows[0].source.startswith(f"{box}:1 ") and result.rows[1].source.startswith(f"{box}:")
    assert result.skipped == {"collect-auto-reply": 1, "collect-mail-duplicate": 1}
    assert result.by_source == {str(box): 2, str(maildir): 1, str(folder): 1}
    assert any(p.code == "collect-not-a-mail" and "notes.txt" in p.message.render("en") for p in result.problems)  # not read, and said so
    duplicate = next(p for p in result.problems if p.code == "collect-mail-duplicate")
    assert "<two@x>" in duplicate.message.render("en") and "Maildir/new" in duplicate.path


def test_ids_are_stable_and_a_mail_without_message_id_still_gets_one(collected, tmp_path: Path) -> None:
    data = message(word("意见", "utf-8"), body_part("没有 Message-ID 的邮件。"), None)
    path = write(tmp_path, "m.eml", data)
    first, again = collected(path).rows[0], collected(path).rows[0]
    assert first.id == again.id and first.id.startswith("mail-")


def test_a_general_comment_in_the_basket(draft, collected, tmp_path: Path) -> None:
    body = f"关于《{draft.title}》的意见\r\n\r\n【总体】\r\n整体赞成。\r\n"
    (row,) = collected(write(tmp_path, "m.eml", message(word("意见", "utf-8"), body_part(body)))).rows
    assert row.article == GENERAL and row.cells(draft.id)[3] == "总体"


def _point_line(point: str, language: str = "zh") -> str:
    t = translator(language)
    return t("basket_body_field", name=t("basket_body_point"), value=point)


def test_a_mail_from_a_points_page_is_credited_to_the_point(draft, collected, tmp_path: Path) -> None:
    """The mail link of a contact point's page (render/point_comments.py,
    for phones without script): the basket's first line, blank lines to
    write in, and 联系点：<id>. What is written there is one row without an
    article, for 整理, credited to the point."""
    t = translator("zh")
    body = "\r\n".join((t("basket_body_intro", title=draft.title), "", "小区电动车充电难，希望条例写上。", "", _point_line(POINT)))
    (row,) = collected(write(tmp_path, "p.eml", message(word(f"征求意见：{draft.title}", "utf-8"), body_part(body)))).rows
    assert (row.article, row.text, row.point, row.flag("en")) == ("", "小区电动车充电难，希望条例写上。", POINT, "")


def test_the_point_line_of_an_article_mail_and_a_basket_is_read_and_never_part_of_the_text(draft, collected, tmp_path: Path) -> None:
    subject, body = site_mail(draft, "art_1", "建议写明上位法。")
    (row,) = collected(write(tmp_path, "a.eml", message(word(subject, "utf-8"), body_part(body + "\r\n" + _point_line(POINT))))).rows
    assert (row.article, row.text, row.point) == ("art_1", "建议写明上位法。", POINT)
    subject, body = site_mail(draft, "art_2", "")  # written below the link, where the point line is too
    (row,) = collected(write(tmp_path, "b.eml", message(word(subject, "utf-8"), body_part(body + "\r\n" + _point_line(POINT) + "\r\n写在下面。"), "<b@x>"))).rows
    assert (row.article, row.text, row.point) == ("art_2", "写在下面。", POINT)
    subject, body = basket_mail(draft, {"art_3": "同意。"}, name="王五", language="en")
    rows = collected(write(tmp_path, "c.eml", message(word(subject, "utf-8"), body_part(body + _point_line(POINT, "en") + "\r\n"), "<c@x>"))).rows
    assert [(r.article, r.text, r.point) for r in rows] == [("art_3", "同意。", POINT)]


def test_a_point_the_site_does_not_have_is_kept_and_flagged(draft, collected, tmp_path: Path) -> None:
    subject, body = site_mail(draft, "art_1", "意见。")
    result = collected(write(tmp_path, "a.eml", message(word(subject, "utf-8"), body_part(body + "\r\n" + _point_line("no-such-point")))))
    (row,) = result.rows
    assert (row.point, "no-such-point" in row.flag("en")) == ("no-such-point", True)
    assert result.flagged == {"collect-unknown-point": 1}
