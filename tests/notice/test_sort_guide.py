"""The guide's chapter on 整理 (content/guide/10-sort.md) shows what the
commands really print: its `$ lawsite …` blocks are run here, in order, on a
copy of the sample site, with the worksheet edited as the chapter says, and
each block must match the output (`pytest --update` rewrites them). Its
pictures, content/guide/10-sort-worksheet*.png, are this worksheet once reviewed
(`python tests/notice/test_sort_guide.py DIR` leaves it in DIR and renders them
with LibreOffice headless and pdftoppm).
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from conftest import REPO
from lawsite.cli import main

GUIDE = REPO / "content" / "guide" / "10-sort.md"
DRAFT_ID = "qingchuan-civilized-behavior-2026"
COMMENTS = """id,channel,point,article,text,received
7KQ2-M9XD-4TNB,web,,,第十二条应当写明志愿服务组织要为志愿者购买意外伤害保险,2026-11-12
8HF3-K2PQ-7WMA,web,,,建议志愿服务组织为志愿者购买保险，第十二条可以写明,2026-11-12
mail-3f9a2c81,mail,xinghai-road,,强烈建议在医院、图书馆和公共交通工具上禁止外放声音，大声喧哗的要劝离！,2026-11-13
mail-5b0e77d2,mail,xinghai-road,,强烈建议在医院、图书馆和公共交通工具上禁止外放声音，大声喧哗的要劝离。,2026-11-13
意见表.xlsx:3,paper,nanmen-community,,本人强烈建议在医院、图书馆和公共交通工具上禁止外放声音，大声喧哗的要劝离！谢谢,2026-11-14
9TC4-R7NB-2XQE,web,,,建议在医院、图书馆和公共交通工具上禁止外放声音，大声喧哗的要劝离！,2026-11-14
意见表.xlsx:4,paper,nanmen-community,第十六条,对不文明行为的劝阻应当有规范，建议明确劝阻人不承担责任,2026-11-14
3MW8-J5VD-6KPR,web,,,“机动车驾驶人应当礼让行人”，建议增加电动自行车也要礼让行人,2026-11-15
4QZ1-N8HT-5CGY,web,,总体,总体上支持这部条例，希望尽快通过,2026-11-15
6PL9-D3XS-8RFU,web,,,建议鼓励无偿献血，献血者本人用血应当有优待,2026-11-16
2VB7-G4MK-1EJW,web,,,请问社保卡丢了去哪里补办,2026-11-16
"""
SHEET = "意见整理.xlsx"
BAD_SHEET = "意见整理（有错）.xlsx"
_BLOCK = re.compile(r"```text\n(\$ lawsite [^\n]*)\n(.*?)```", re.S)


def _rows(book: openpyxl.Workbook) -> dict[str, int]:
    """The group rows by the first id of their 意见编号."""
    return {row[7].value.split()[0]: row[0].row for row in book["意见分组"].iter_rows(min_row=2)}


def review(folder: Path, step: str) -> None:
    """The worksheet as the chapter's editor leaves it after `step`."""
    book = openpyxl.load_workbook(folder / SHEET)
    groups, rows = book["意见分组"], _rows(book)

    def decide(first_id: str, outcome: str, reason: str | None = None) -> None:
        groups[f"K{rows[first_id]}"], groups[f"L{rows[first_id]}"] = outcome, reason

    if step == "first":
        decide("4QZ1-N8HT-5CGY", "采纳")
        decide("mail-3f9a2c81", "部分采纳", "公共交通工具上禁止外放声音已写入第六条，医院、图书馆的秩序由其管理规定调整。")
        groups[f"B{rows['mail-3f9a2c81']}"] = "第六条"  # proposed: 第五条
        decide("7KQ2-M9XD-4TNB", "采纳", "已在第十二条第二款增加“为志愿者购买相应的人身意外伤害保险”。")
        decide("6PL9-D3XS-8RFU", "未采纳", "献血者本人用血的优待已由《中华人民共和国献血法》规定，本条例不再重复。")
        decide("意见表.xlsx:4", "留作研究", "劝阻人的民事责任涉及上位法，在审议中进一步研究。")
        comments = book["全部意见"]
        group = [c.value for c in comments[1]].index("group")
        for row in comments.iter_rows(min_row=2):  # G0005 is the same suggestion as G0004: merged
            if row[0].value == "8HF3-K2PQ-7WMA":
                row[group].value = groups[f"A{rows['7KQ2-M9XD-4TNB']}"].value
        book.save(folder / SHEET)
    elif step == "bad":
        groups[f"K{rows['3MW8-J5VD-6KPR']}"] = "同意"
        groups[f"L{rows['6PL9-D3XS-8RFU']}"] = None
        book.save(folder / BAD_SHEET)
    else:
        decide("3MW8-J5VD-6KPR", "采纳", "已在第六条第二款增加电动自行车驾驶人礼让行人的规定。")
        book.save(folder / SHEET)


def review_csv(folder: Path) -> None:
    """The one-row-per-comment table as the chapter's last section leaves it:
    the campaign moved to 第六条, 处理结果 and 理由 added on the right. It
    stands for an office that took this way instead of the worksheet, so the
    notice the worksheet made is not there."""
    path = folder / CSV_SHEET
    header, *rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    by_id = {row[0]: dict(zip(header, row)) for row in rows}
    decided = {
        "4QZ1-N8HT-5CGY": ("采纳", ""),
        "7KQ2-M9XD-4TNB": ("采纳", "已在第十二条第二款增加“为志愿者购买相应的人身意外伤害保险”。"),
        "8HF3-K2PQ-7WMA": ("采纳", "已在第十二条第二款增加“为志愿者购买相应的人身意外伤害保险”。"),
    }
    campaign = by_id["mail-3f9a2c81"]["group"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*header, "处理结果", "理由"])
    for row in by_id.values():
        if row["group"] == campaign:
            row["article"] = "第六条"
            decided[row["id"]] = ("部分采纳", "公共交通工具上禁止外放声音已写入第六条，医院、图书馆的秩序由其管理规定调整。")
        writer.writerow([*(row[name] for name in header), *decided.get(row["id"], ("", ""))])
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    notice = folder / "content" / "notices" / f"{DRAFT_ID}-feedback.md"
    notice.replace(folder / WORKSHEET_NOTICE)


# What the editor did before each `$ lawsite …` block of the chapter, in order.
STEPS = (None, "first", "bad", "second", None, None, "csv")
CSV_SHEET = "意见整理.csv"
WORKSHEET_NOTICE = "worksheet-notice.md"  # the notice of the worksheet's way, set aside by review_csv


def site_copy(folder: Path) -> Path:
    for name in ("mkdocs.yml", "content", "theme"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, folder / name)
    (folder / "comments.csv").write_text(COMMENTS, encoding="utf-8")
    return folder


def test_the_chapters_outputs_are_what_the_commands_print(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], update_golden: bool) -> None:
    monkeypatch.delenv("LAWSITE_LANG", raising=False)
    monkeypatch.chdir(site_copy(tmp_path))
    text = GUIDE.read_text(encoding="utf-8")
    blocks = _BLOCK.findall(text)
    assert len(blocks) == len(STEPS)
    printed: list[str] = []
    for (command, _), step in zip(blocks, STEPS):
        if step == "csv":
            review_csv(tmp_path)
        elif step is not None:
            review(tmp_path, step)
        main(command.removeprefix("$ lawsite ").split())
        captured = capsys.readouterr()
        printed.append(captured.out + captured.err)
    if update_golden:
        for (command, shown), output in zip(blocks, printed):
            text = text.replace(f"```text\n{command}\n{shown}```", f"```text\n{command}\n{output}```", 1)
        GUIDE.write_text(text, encoding="utf-8")
    assert [output for _, output in blocks] == printed
    notice = (tmp_path / WORKSHEET_NOTICE).read_text(encoding="utf-8")
    excerpt = re.search(r"```yaml\n(.*?)```", text, re.S)
    assert excerpt is not None and excerpt.group(1) in notice
    from_csv = (tmp_path / "content" / "notices" / f"{DRAFT_ID}-feedback.md").read_text(encoding="utf-8")
    assert "received: 11" in from_csv and "公共交通工具上禁止外放声音已写入第六条" in from_csv
    assert main(["check", "--strict"]) == 0


def render_picture(folder: Path) -> Path:
    """The reviewed worksheet's 意见分组 sheet as the guide's PNG: printed with its
    grid and Excel's row and column headings by LibreOffice, cropped, 64 colours."""
    from PIL import Image, ImageOps

    site_copy(folder)
    subprocess.run([sys.executable, "-m", "lawsite", "sort", "comments.csv", "--concerns", DRAFT_ID, "-o", SHEET], cwd=folder, check=True)
    review(folder, "first")
    review(folder, "second")
    book = openpyxl.load_workbook(folder / SHEET)
    groups = book["意见分组"]
    groups.print_options.gridLines = groups.print_options.headings = True
    groups.print_area = f"A1:L{groups.max_row}"
    for name in book.sheetnames[1:]:
        book[name].sheet_state = "hidden"
    book.save(folder / "shot.xlsx")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/lo", "--convert-to", "pdf", "shot.xlsx"], cwd=folder, check=True, capture_output=True)
    subprocess.run(["pdftoppm", "-png", "-r", "220", "-f", "1", "-l", "1", "shot.pdf", "shot"], cwd=folder, check=True)
    page = Image.open(folder / "shot-1.png").convert("RGB")
    box = ImageOps.invert(page.convert("L")).point(lambda v: 255 if v > 20 else 0).getbbox()
    assert box is not None
    sheet = page.crop((box[0] - 12, box[1] - 12, box[2] + 12, box[3] + 12))
    sheet.quantize(colors=64).save(folder / "10-sort-worksheet.png", optimize=True)
    # Its halves, readable in the page's width: A–G, and H–L, split at the grid line left of H.
    split = _grid_lines(sheet)[8]
    sheet.crop((0, 0, split + 2, sheet.height)).quantize(colors=64).save(folder / "10-sort-worksheet-left.png", optimize=True)
    sheet.crop((split - 1, 0, sheet.width, sheet.height)).quantize(colors=64).save(folder / "10-sort-worksheet-right.png", optimize=True)
    return folder / "10-sort-worksheet.png"


def _grid_lines(image) -> list[int]:
    """The x of each vertical grid line (dark over most of the height): the
    row headings' two edges, then one line right of each column."""
    grey = image.convert("L")
    pixels, (width, height) = grey.load(), grey.size
    dark = [x for x in range(width) if sum(pixels[x, y] < 160 for y in range(height)) > 0.8 * height]
    return [x for n, x in enumerate(dark) if n == 0 or x - dark[n - 1] > 2]


if __name__ == "__main__":
    print(render_picture(Path(sys.argv[1])))
