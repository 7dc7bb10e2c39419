"""Which files of the content folder may be published as they are.

MkDocs copies every file of the docs folder that is not a page verbatim into
the site. Anything a browser opens as an *active document* (HTML, XHTML, SVG,
any XML, which can pull in the XHTML or SVG namespace or an XSLT stylesheet,
Flash, scripts) would then run on the site's own origin, where the comment
basket keeps readers' names and contacts in localStorage, and where the
pages' Content-Security-Policy (a <meta> in our HTML pages only) does not
reach: a file opened directly carries no policy at all.

The policy, applied in one place (`static_file_problem`) to what is served:

- **An allowlist of inert types, by the name's last suffix** (case ignored):
  raster images, PDF, fonts, audio and video, plain text, CSV/TSV/JSON/YAML,
  office documents, archives and CSS. Servers choose the Content-Type by that
  suffix, and browsers do not turn these types into documents that script can
  run in (PDF viewers run a PDF's own script in a sandbox, not on the site's
  origin; CSS runs no script in any current browser). Everything else is
  refused, including names without a suffix (a server may send them with no
  Content-Type and let the browser sniff HTML), dotfiles such as .htaccess,
  and unknown suffixes — listing what is safe is shorter and stays right when
  browsers learn new formats.
- **No active suffix anywhere in the name** (`x.html.en`, `x.svg.png`):
  Apache's mod_mime reads every suffix, so `x.html.en` is served as HTML.
- **SVG only when every element and attribute is on a strict allowlist**,
  checked on the tree that the XML parser (defusedxml, no DTD, no entities)
  gives with entities and character references already decoded, so
  `&#106;avascript:` is seen as `javascript:`. Element names are checked with
  their namespace, so a prefixed `<x:script xmlns:x="…xhtml">` is an XHTML
  script, not an unknown SVG element. Links (href, xlink:href, url(…)) may
  only point inside the image (`#id`), embedded images only be raster
  `data:image/…;base64`; animation elements (which can rewrite href),
  <foreignObject>, <a>, processing instructions (xml-stylesheet runs XSLT) and
  unknown attributes are refused. Refusing instead of sanitising keeps the
  published file byte for byte what the editor committed, and an image that
  needs more than drawing can be exported again or as PNG.
- `.svgz` is refused (compressed: unbounded to check; `.svg` says the same),
  and a top-level `CNAME` (GitHub Pages' custom domain) is kept when it holds
  only a host name.

The same function serves `lawsite check` (a walk of the content folder as
MkDocs reads it) and the build (the MkDocs adapter hands it exactly the files
MkDocs is about to copy, under `lawsite serve` too).
"""

from __future__ import annotations

import io
import re
import xml.sax
import xml.sax.handler
from pathlib import Path
from typing import Iterable

from defusedxml import DefusedXmlException
from defusedxml.expatreader import create_parser

from ..messages import Text, msg
from ..model import Problem

# Files MkDocs renders as pages (mkdocs.utils.markdown_extensions), not copies.
PAGE_SUFFIXES = frozenset(".md .markdown .mdown .mkdn .mkd".split())
INERT_SUFFIXES = frozenset(
    ".png .jpg .jpeg .gif .webp .avif .bmp .ico .tif .tiff"  # raster images
    " .pdf .txt .csv .tsv .json"  # documents and data (not YAML: no registered type, a server may leave it to sniffing)
    " .doc .docx .xls .xlsx .ppt .pptx .odt .ods .odp .rtf .zip"  # office documents, archives
    " .woff .woff2 .ttf .otf"  # fonts
    " .mp3 .m4a .wav .ogg .oga .mp4 .m4v .webm .ogv"  # audio and video
    " .css".split()
)
# Suffixes a browser or a common server turns into something that runs.
ACTIVE_SUFFIXES = frozenset(
    ".html .htm .xhtml .xht .shtml .shtm .svg .svgz .xml .xsl .xslt .rss .atom .mml"
    " .js .mjs .cjs .wasm .swf .php .phtml .jsp .asp .aspx .cgi".split()
)
# Larger than drawings need; checking one takes under a second at this size.
MAX_SVG_BYTES = 2 * 1024 * 1024

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# Editors' bookkeeping (Inkscape, Creative Commons metadata): browsers give
# elements of these namespaces no behaviour at all.
METADATA_NS = frozenset({
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://creativecommons.org/ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://ns.adobe.com/AdobeIllustrator/10.0/",
})
SVG_ELEMENTS = frozenset(
    "svg g defs symbol use title desc metadata switch path rect circle ellipse line polyline polygon"
    " text tspan textPath linearGradient radialGradient stop pattern clipPath mask marker image style"
    " filter feGaussianBlur feOffset feBlend feColorMatrix feComposite feFlood feMerge feMergeNode"
    " feMorphology feDropShadow feTurbulence feDisplacementMap feComponentTransfer feFuncR feFuncG feFuncB feFuncA"
    " feSpecularLighting feDiffuseLighting feDistantLight fePointLight feSpotLight feTile feConvolveMatrix".split()
)
SVG_ATTRIBUTES = frozenset(
    "id class style transform d x y x1 y1 x2 y2 cx cy r rx ry fx fy fr width height viewBox preserveAspectRatio"
    " points pathLength version baseProfile lang role tabindex focusable"
    " fill fill-opacity fill-rule stroke stroke-width stroke-linecap stroke-linejoin stroke-miterlimit"
    " stroke-dasharray stroke-dashoffset stroke-opacity opacity color display visibility overflow"
    " clip-path clip-rule clipPathUnits mask maskUnits maskContentUnits filter filterUnits primitiveUnits"
    " font-family font-size font-style font-weight font-variant font-stretch text-anchor dominant-baseline"
    " alignment-baseline baseline-shift letter-spacing word-spacing text-decoration writing-mode"
    " textLength lengthAdjust rotate startOffset dx dy method spacing side"
    " offset stop-color stop-opacity gradientUnits gradientTransform spreadMethod"
    " patternUnits patternContentUnits patternTransform"
    " marker-start marker-mid marker-end markerWidth markerHeight markerUnits refX refY orient"
    " in in2 result stdDeviation mode operator k1 k2 k3 k4 values type tableValues slope intercept amplitude"
    " exponent flood-color flood-opacity lighting-color radius scale xChannelSelector yChannelSelector"
    " baseFrequency numOctaves seed stitchTiles surfaceScale specularConstant specularExponent diffuseConstant"
    " azimuth elevation z pointsAtX pointsAtY pointsAtZ limitingConeAngle order kernelMatrix divisor bias"
    " targetX targetY edgeMode preserveAlpha color-interpolation color-interpolation-filters"
    " shape-rendering text-rendering image-rendering vector-effect paint-order mix-blend-mode isolation"
    " enable-background requiredExtensions systemLanguage media".split()
)
_FREE_ATTRIBUTE = re.compile(r"(?:data|aria)-[\w.-]+\Z")
_INTERNAL_HREF = re.compile(r"\s*#[^\s]*\s*\Z")
_RASTER_DATA = re.compile(r"\s*data:image/(?:png|jpe?g|gif|webp|avif);base64,[A-Za-z0-9+/=\s]*\Z", re.IGNORECASE)
# In CSS (style attribute, <style>, presentation attributes): what could load
# something from elsewhere or hide a word from this check.
_CSS_URL = re.compile(r"url\s*\(\s*(?!['\"]?#)|@import|expression\s*\(|behavior\s*:|-moz-binding|\\|<", re.IGNORECASE)
_HOST_NAME = re.compile(r"\s*[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,63}\s*\Z")


def served_files(folder: Path, paths: Iterable[Path]) -> list[tuple[str, Path]]:
    """Of `paths` under `folder` (site.py's walk, which enters no linked folder
    and no hidden one), the files MkDocs copies verbatim with its default
    `exclude_docs` (/templates/ left out), by content-relative path. The build
    checks the list MkDocs itself hands the plugin instead, which also holds
    what a site's own exclude_docs lets in."""
    files = []
    for path in paths:
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and not is_page(rel) and rel.split("/")[:-1][:1] != ["templates"]:
            files.append((rel, path))
    return files


def is_page(rel: str) -> bool:
    """Whether MkDocs renders `rel` as a page: its suffix test is case-sensitive
    (x.MD is copied as it is, so the static policy must see it)."""
    return rel.endswith(tuple(PAGE_SUFFIXES))


def static_file_problems(files: Iterable[tuple[str, Path]]) -> list[Problem]:
    """A problem for every file that may not be published as it is."""
    return [problem for rel, path in files if (problem := static_file_problem(rel, path)) is not None]


def static_file_problem(rel: str, path: Path) -> Problem | None:
    """Why the file at `path`, published as `rel`, could run in a browser, or None."""
    name = rel.rsplit("/", 1)[-1]
    suffixes = [s.lower() for s in Path(name).suffixes]
    suffix = suffixes[-1] if suffixes else ""
    if rel == "CNAME":
        return _cname_problem(rel, path)
    if suffix == ".svg" and not set(suffixes[:-1]) & ACTIVE_SUFFIXES:
        return svg_problem(rel, path)
    hidden = [s for s in suffixes[:-1] if s in ACTIVE_SUFFIXES]
    if hidden:
        return Problem(
            rel, None, None,
            msg("code-file.double-suffix", hidden=hidden[0]),
            msg("code-file.double-suffix.hint"),
            code="code-file",
        )
    if suffix in INERT_SUFFIXES:
        return None
    if suffix in ACTIVE_SUFFIXES:
        return Problem(
            rel, None, None,
            msg("code-file.active", suffix=suffix),
            msg("code-file.active.hint"),
            code="code-file",
        )
    shown = msg("code-file.the-suffix", suffix=suffix) if suffix else msg("code-file.no-suffix")
    return Problem(
        rel, None, None,
        msg("code-file", shown=shown),
        msg("code-file.hint", INERT_SUFFIXES=' '.join(sorted(INERT_SUFFIXES | {'.svg'}))),
        code="code-file",
    )


def _cname_problem(rel: str, path: Path) -> Problem | None:
    if path.stat().st_size <= 300 and _HOST_NAME.match(path.read_bytes().decode("ascii", "replace")):
        return None
    return Problem(
        rel, None, None,
        msg("code-file.cname"),
        msg("code-file.cname.hint"),
        code="code-file",
    )


# --- SVG --------------------------------------------------------------------------------


class _Refused(Exception):
    """What in an SVG could run script: raised to stop the parse at the first."""

    def __init__(self, field: str, what: Text) -> None:
        super().__init__(what)
        self.field, self.what = field, what


def svg_problem(rel: str, path: Path) -> Problem | None:
    """The first thing in an SVG file that is not plain drawing, or None."""
    if path.stat().st_size > MAX_SVG_BYTES:
        return _svg_refused(rel, None, None, msg("code-file.svg-too-large", MAX_SVG_BYTES=MAX_SVG_BYTES // (1024 * 1024)))
    return svg_data_problem(rel, path.read_bytes())


def svg_data_problem(rel: str, data: bytes) -> Problem | None:
    checker = _SvgChecker()
    parser = create_parser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    parser.setContentHandler(checker)
    try:
        parser.parse(io.BytesIO(data))
    except _Refused as refused:
        return _svg_refused(rel, checker.line(), refused.field, refused.what)
    except DefusedXmlException:
        return _svg_refused(rel, checker.line(), None, msg("code-file.svg-dtd"))
    except xml.sax.SAXParseException as exc:
        return _svg_refused(rel, exc.getLineNumber(), None, msg("code-file.svg-xml", getMessage=exc.getMessage()))
    return None


def _svg_refused(rel: str, line: int | None, field: str | None, what: Text) -> Problem:
    return Problem(
        rel, line, field,
        msg("code-file.svg", what=what),
        msg("code-file.svg.hint"),
        code="code-file",
    )


class _SvgChecker(xml.sax.handler.ContentHandler):
    """Checks each element and attribute as the parser meets them."""

    def __init__(self) -> None:
        super().__init__()
        self._locator: xml.sax.xmlreader.Locator | None = None
        self._depth = 0
        self._style: list[str] | None = None

    def line(self) -> int | None:
        return self._locator.getLineNumber() if self._locator is not None else None

    def setDocumentLocator(self, locator: xml.sax.xmlreader.Locator) -> None:
        self._locator = locator

    def processingInstruction(self, target: str, data: str) -> None:
        raise _Refused(f"<?{target}?>", msg("code-file.svg-processing", target=target))

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: xml.sax.xmlreader.AttributesNSImpl) -> None:
        namespace, local = name
        if self._depth == 0 and name != (SVG_NS, "svg"):
            raise _Refused(local, msg("code-file.svg-root", value=qname or local, value2=namespace or 'none'))
        self._depth += 1
        if namespace in METADATA_NS:
            return
        if namespace != SVG_NS or local not in SVG_ELEMENTS:
            raise _Refused(local, msg("code-file.svg-element", value=qname or local, value2=f' of namespace {namespace}' if namespace != SVG_NS else ''))
        for (attr_ns, attr), value in attrs.items():
            _check_attribute(local, attr_ns, attr, value)
        if local == "style":
            self._style = []

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        self._depth -= 1
        if self._style is not None and name == (SVG_NS, "style"):
            text = "".join(self._style)
            self._style = None
            if _CSS_URL.search(text):
                raise _Refused("style", msg("code-file.svg-style-url", group=_CSS_URL.search(text).group()))  # type: ignore[union-attr]

    def characters(self, content: str) -> None:
        if self._style is not None:
            self._style.append(content)


def _check_attribute(element: str, namespace: str | None, name: str, value: str) -> None:
    field = f"{element}@{name}"
    if name.lower().startswith("on"):
        raise _Refused(field, msg("code-file.svg-event", element=element, name=name))
    if (namespace, name) == (XLINK_NS, "href") or (namespace is None and name == "href"):
        if _INTERNAL_HREF.match(value) or (element == "image" and _RASTER_DATA.match(value)):
            return
        raise _Refused(field, msg("code-file.svg-link", element=element, value=value[:60]))
    if namespace in METADATA_NS or (namespace == XML_NS and name in ("space", "lang")):
        return
    if namespace is not None or not (name in SVG_ATTRIBUTES or _FREE_ATTRIBUTE.match(name)):
        raise _Refused(field, msg("code-file.svg-attribute", element=element, name=name))
    if _CSS_URL.search(value):
        raise _Refused(field, msg("code-file.svg-attribute-url", element=element, name=name, group=_CSS_URL.search(value).group()))  # type: ignore[union-attr]
