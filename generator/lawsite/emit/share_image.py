"""A share image per draft (`og:image`): a 1200×630 PNG drawn at build time
with Pillow and an installed CJK font, showing the draft's title (wrapped,
at most three lines, an ellipsis beyond), its consultation status and
deadline as its page's banner states them, and the site's name.

The font: fontconfig's best sans-serif for Chinese (`fc-match`), taken
only when it really covers Chinese, else the known Debian paths
(fonts-noto-cjk, fonts-wqy-*). Without one there is no image and one
warning, never boxes of tofu; a title with a character the font lacks gets
no image either.

Each image is kept in `.cache/lawsite/share/` beside mkdocs.yml (as the QR
codes are, emit/qr.py), named by a digest of everything it is drawn from —
the texts, the font files, Pillow's version and this drawing's — so a kept
image is the one drawing it again would give. Drawn in a palette of few
colours: about 20–30 KB each.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont

from ..consultation import Consultation, State
from ..messages import msg
from ..model import Document, Problem, Severity
from ..parse.schema import file_name_of
from ..render.legal import banner_context
from ..settings import Settings

SHARE_DIR = "share"  # in the built site
CACHE_SUBDIR = "share"  # under .cache/lawsite/
WIDTH, HEIGHT = 1200, 630
DRAWING = f"Pillow {PIL.__version__}; {WIDTH}x{HEIGHT}; 1"
MARGIN = 80
TITLE_SIZES, TITLE_LINES, TITLE_LEADING = (68, 62, 56), 3, 1.3
TEXT_SIZE, SITE_SIZE = 40, 34
COLOURS = 48  # palette size: anti-aliased text on flat colours needs few
INK, MUTED, PAPER, BAND = (33, 33, 33), (90, 90, 90), (255, 255, 255), (183, 28, 28)
STATE_COLOURS = {State.OPEN: (46, 125, 50), State.UPCOMING: (21, 101, 192), State.CLOSED: (97, 97, 97)}
# Closing marks never start a line, opening marks never end one (避头尾).
NO_LINE_START = set("，。、；：！？）》」』】〕…,.;:!?)]")
NO_LINE_END = set("（《「『【〔([")
# fonts-noto-cjk (its SC face is number 2 of each collection), then WenQuanYi.
KNOWN_FONTS = (
    (("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2), ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2)),
    (("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0), ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0)),
    (("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0), ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0)),
)
PROBE = "中文征求意见条例"  # what a font must draw for it to count as Chinese
MISSING = "\U0010fffd"  # a private-use point no font draws: its glyph is the "missing" box

PNG_START, PNG_END = b"\x89PNG\r\n\x1a\n", b"IEND\xaeB`\x82"
FontFile = tuple[str, int]  # (path, face index in a collection)


@dataclass(frozen=True)
class CardText:
    """What one image shows, as the reader reads it."""

    title: str
    status: str | None  # 正在征求意见 …, None for a draft without comment terms
    state: State | None
    when: str | None  # 截止日期：2028年6月30日 …
    site_name: str


@dataclass(frozen=True)
class CjkFonts:
    regular: FontFile
    bold: FontFile

    @property
    def identity(self) -> str:
        """The font files as they are now (a new package version: a new digest)."""
        parts = []
        for path, index in (self.regular, self.bold):
            stat = Path(path).stat()
            parts.append(f"{path}#{index}:{stat.st_size}:{stat.st_mtime_ns}")
        return "|".join(parts)


def share_image_uri(document: Document) -> str:
    """Where the share image of `document` is written, relative to the site root."""
    return f"{SHARE_DIR}/{file_name_of(document.id)}.png"


def card_text(document: Document, status: Consultation | None, settings: Settings, site_name: str) -> CardText:
    """The image's texts: the status and date the page's banner states (render/legal.py)."""
    if status is None or document.comments is None:
        return CardText(document.title, None, None, None, site_name)
    banner = banner_context(status, document, settings)
    return CardText(document.title, banner["headline"], status.state, banner["when"], site_name)


# --- the font ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def find_cjk_fonts() -> CjkFonts | None:
    """An installed sans-serif that draws Chinese, regular and bold; None when there is none."""
    matched = _fontconfig_match("sans-serif:lang=zh-cn"), _fontconfig_match("sans-serif:lang=zh-cn:weight=bold")
    candidates = [matched] if matched[0] else []
    candidates += [pair for pair in KNOWN_FONTS if Path(pair[0][0]).is_file() and Path(pair[1][0]).is_file()]
    for regular, bold in candidates:
        bold = bold or regular
        if all(_draws(font, PROBE) for font in (regular, bold)):
            return CjkFonts(regular, bold)
    return None


def _fontconfig_match(pattern: str) -> FontFile | None:
    """fontconfig's best file for `pattern`, only when it covers Simplified Chinese."""
    if shutil.which("fc-match") is None:
        return None
    try:
        done = subprocess.run(["fc-match", "-f", "%{file}\t%{index}\t%{lang}", pattern], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    path, _, rest = done.stdout.partition("\t")
    index, _, langs = rest.partition("\t")
    if done.returncode != 0 or "zh-cn" not in langs.split("|") or not index.isdigit() or not Path(path).is_file():
        return None
    return path, int(index)


@lru_cache(maxsize=16)
def _font(file: FontFile, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(file[0], size, index=file[1])


def _draws(file: FontFile, text: str) -> bool:
    try:
        return not _missing(file, text)
    except OSError:  # not a font Pillow can read
        return False


def _missing(file: FontFile, text: str) -> str:
    """The characters of `text` the font has no glyph of its own for, in order."""
    font = _font(file, 32)
    box = _glyph(font, MISSING)
    return "".join(dict.fromkeys(ch for ch in text if not ch.isspace() and _glyph(font, ch) == box))


def _glyph(font: ImageFont.FreeTypeFont, ch: str) -> bytes:
    mask = font.getmask(ch)
    return bytes(mask.size) + bytes(mask)


# --- drawing ------------------------------------------------------------------


def wrap(text: str, font: ImageFont.FreeTypeFont, width: float, lines: int) -> list[str]:
    """`text` in at most `lines` lines of `width` pixels, character by
    character (Chinese breaks anywhere), closing marks kept off a line's
    start; an ellipsis ends the last line when the text does not fit."""
    result: list[str] = []
    line = ""
    for ch in text:
        if line and font.getlength(line + ch) > width:
            if len(result) == lines - 1:
                return result + [_with_ellipsis(line, font, width)]
            carried = ""
            # A closing mark takes the character before it down; an opening one goes down.
            while len(line) > 1 and (line[-1] in NO_LINE_END or (ch if not carried else carried[0]) in NO_LINE_START):
                line, carried = line[:-1], line[-1] + carried
            result.append(line)
            line = carried
        line += ch
    return result + [line] if line else result


def fit(text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    """`text` on one line of `width` pixels, cut with an ellipsis when longer."""
    return text if font.getlength(text) <= width else _with_ellipsis(text, font, width)


def _with_ellipsis(line: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    while line and font.getlength(line + "…") > width:
        line = line[:-1]
    return line.rstrip("，、；：,;: ") + "…"


def title_lines(title: str, fonts: CjkFonts) -> tuple[int, list[str]]:
    """The title's size and lines: the largest size at which it fits whole
    without a last line of one or two characters (稿）), else the smallest, cut."""
    width = WIDTH - 2 * MARGIN
    for size in TITLE_SIZES:
        lines = wrap(title, _font(fonts.bold, size), width, TITLE_LINES)
        if "".join(lines) == title and (len(lines) == 1 or len(lines[-1]) >= 3):
            return size, lines
    return TITLE_SIZES[-1], wrap(title, _font(fonts.bold, TITLE_SIZES[-1]), width, TITLE_LINES)


def draw_card(text: CardText, fonts: CjkFonts) -> bytes:
    """The PNG of one share image."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    pen = ImageDraw.Draw(image)
    band = 96
    pen.rectangle((0, 0, WIDTH, band), fill=BAND)
    site = _font(fonts.regular, SITE_SIZE)
    pen.text((MARGIN, band // 2), fit(text.site_name, site, WIDTH - 2 * MARGIN), font=site, fill=PAPER, anchor="lm")
    size, lines = title_lines(text.title, fonts)
    y = band + 70
    for line in lines:
        pen.text((MARGIN, y), line, font=_font(fonts.bold, size), fill=INK, anchor="lt")
        y += round(size * TITLE_LEADING)
    if text.status and text.state is not None:
        _status_line(pen, text, fonts)
    return _png(image)


def _status_line(pen: ImageDraw.ImageDraw, text: CardText, fonts: CjkFonts) -> None:
    """The status in a coloured pill, the date beside it, at the foot of the image."""
    assert text.status is not None and text.state is not None
    bold, regular = _font(fonts.bold, TEXT_SIZE), _font(fonts.regular, TEXT_SIZE)
    pad_x, height = 28, 72
    top = HEIGHT - MARGIN - height
    right = MARGIN + pad_x * 2 + bold.getlength(text.status)
    pen.rounded_rectangle((MARGIN, top, right, top + height), radius=height // 2, fill=STATE_COLOURS[text.state])
    pen.text((MARGIN + pad_x, top + height // 2), text.status, font=bold, fill=PAPER, anchor="lm")
    if text.when:
        pen.text((right + 32, top + height // 2), fit(text.when, regular, WIDTH - MARGIN - right - 32), font=regular, fill=MUTED, anchor="lm")


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(out, "PNG", optimize=True)
    return out.getvalue()


# --- kept between builds -----------------------------------------------------------


class ShareImages:
    """Share images for one build, kept in `cache_dir` (None: drawn every time)."""

    def __init__(self, cache_dir: Path | None, fonts: CjkFonts | None) -> None:
        self.cache_dir = cache_dir
        self.fonts = fonts

    def missing_glyphs(self, text: CardText) -> str:
        """The characters shown that the font has no glyph for ("" when none: it can be drawn)."""
        assert self.fonts is not None
        return _missing(self.fonts.bold, text.title + (text.status or "")) + _missing(self.fonts.regular, text.site_name + (text.when or ""))

    def png(self, text: CardText) -> bytes:
        assert self.fonts is not None, "ask can_draw first"
        key = hashlib.sha256("\x00".join((DRAWING, self.fonts.identity, text.title, text.status or "", text.state.value if text.state else "", text.when or "", text.site_name)).encode("utf-8", "surrogatepass")).hexdigest()
        kept = self.cache_dir / f"{key}.png" if self.cache_dir is not None else None
        if kept is not None:
            try:
                png = kept.read_bytes()
                if png.startswith(PNG_START) and png.endswith(PNG_END):  # not a file cut short
                    return png
            except OSError:
                pass
        png = draw_card(text, self.fonts)
        if kept is not None:
            _keep(kept, png)
        return png


def _keep(target: Path, png: bytes) -> None:
    """Write the cache file whole or not at all (another build may read it meanwhile)."""
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(png)
        partial.replace(target)
    except OSError:  # a read-only folder, a full disk: drawn, only not kept
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass


# --- the images of one site ---------------------------------------------------


def site_share_images(drafts: list[Document], statuses: dict[str, Consultation], settings: Settings, site_name: str, images: ShareImages) -> tuple[dict[str, CardText], list[Problem]]:
    """The image text of each draft that can have one (by id), and the
    problems of those that cannot: one warning when no CJK font is installed,
    one per draft whose title the font cannot draw."""
    if not drafts:
        return {}, []
    if images.fonts is None:
        return {}, [Problem("mkdocs.yml", None, None, msg("share-image-no-font"), msg("share-image-no-font.hint"), Severity.WARNING, code="share-image-no-font")]
    texts, problems = {}, []
    for draft in drafts:
        text = card_text(draft, statuses.get(draft.id), settings, site_name)
        missing = images.missing_glyphs(text)
        if missing:
            font = Path(images.fonts.bold[0]).name
            problems.append(Problem(draft.path, None, "title", msg("share-image-glyph", font=font, chars=missing), msg("share-image-glyph.hint"), Severity.WARNING, code="share-image-glyph"))
        else:
            texts[draft.id] = text
    return texts, problems
