"""Which article a comment concerns: a proposal with a confidence and a reason.

Evidence, strongest first: text quoted from an article (matched fuzzily with
rapidfuzz, so a quote with a typo or a word left out still counts); an
explicit mention (`mentions.py`) or the article the channel's form recorded;
otherwise the similarity of the comment to each article's text. Similarity is
TF-IDF over character unigrams and bigrams (scikit-learn), not jieba words:
comments are short and full of typos and colloquial forms (押金退不回来 vs
押金退还), which break a word segmenter's words but keep most bigrams, and it
needs no dictionary load. On the labelled sets (tests/sort/labelled), similarity
alone puts 98.1 % of the comments about an article on it with characters and
95.5 % with jieba words, at a tenth of the time.
A mention that the content contradicts is kept as a flag for the editor.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from sklearn.feature_extraction.text import TfidfVectorizer

from ..model import GENERAL, Document
from ..parse.notice import resolve_article
from ..worksheet_layout import GENERAL_LABEL, NONE_LABEL
from .mentions import Mention, mentions

#: The worksheet's names for the two proposals that are not articles.
NONE = "none"  # the key of off-topic comments (GENERAL is the draft as a whole)

# Below this confidence a proposal is counted as left to the editor.
LOW_CONFIDENCE = 0.6
_QUOTE = re.compile(r"[“\"「『‘']([^”\"」』’']{6,400})[”\"」』’']")
_QUOTE_SCORE = 80  # rapidfuzz partial_ratio, 0–100
_SIMILAR = 0.15  # cosine similarity from which a comment is taken to be about an article
_CONTRADICTED = 0.08  # a named article this much less similar than the best is contradicted
# Words of a comment on the draft as a whole (总体) rather than on one article; they
# are left out before the comment is compared with articles (法律 and 意见 are in many).
_GENERAL_WORDS = re.compile(
    r"草案|本法|该法|这部法律?|这个法律?|此法|法律|条例|整部|整体|总体|总的来说|立法|出台|审议|通过|实施|施行|细则|条文|"
    r"支持|赞成|同意|反对|拥护|希望|建议|尽快|早日|坚决|完全|非常|及时|意见|觉得|认为|谢谢|可操作性|结构"
)
# An advertisement: a sales phrase and a way to call.
_ADVERT = re.compile(r"(专业|包您|优惠|低价|代办|上门|免费咨询).*(电话|微信|[Vv]信|QQ|\d{7,})")
_NOT_HAN = re.compile(r"[^\u3400-\u9fff]+")
# 第十二条, 十二条, 第二款: a mention says which article, not what it is about.
_NUMBERED = re.compile(r"第?[零〇一二两三四五六七八九十百千]+[条條款项]")
_MIN_CONTENT = 4  # Chinese characters a comment needs to be compared at all (测试, 好 are not)


@dataclass(frozen=True)
class Proposal:
    article: str  # an article id, GENERAL or NONE
    confidence: float  # 0–1
    reason: str  # in Chinese, for the editor
    flagged: bool = False  # names one article but is about another

    @property
    def low(self) -> bool:
        return self.confidence < LOW_CONFIDENCE


def fold(text: str) -> str:
    """The form quotes are compared in: full-width folded, lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def content(text: str) -> str:
    """The form compared for similarity: Chinese characters only (digits and
    dates say nothing of the topic), without the words of general comments."""
    return _NOT_HAN.sub(" ", _GENERAL_WORDS.sub(" ", _NUMBERED.sub(" ", text)))


class ArticleIndex:
    """A draft's articles, ready to be compared with comments."""

    def __init__(self, draft: Document) -> None:
        articles = draft.legal.articles if draft.legal else []
        self.draft = draft
        self.ids = [a.id for a in articles]
        self.position = {a: i for i, a in enumerate(self.ids)}
        self._resolved: dict[str, str | None] = {}
        self.labels = {a.id: a.label for a in articles}
        self.by_key = {(a.number, a.sub): a.id for a in articles}
        self.texts = [fold((a.caption or "") + a.plain_text()) for a in articles]
        self.vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True, dtype=np.float32)
        self.matrix = self.vectorizer.fit_transform([_NOT_HAN.sub(" ", t) for t in self.texts])

    def label(self, article: str) -> str:
        if article == GENERAL:
            return GENERAL_LABEL
        return self.labels.get(article, NONE_LABEL)

    def similarities(self, texts: list[str]) -> np.ndarray:
        """Cosine similarity of each text with each article (rows: texts); zero
        for a text with too little content to say anything."""
        contents = [content(t) for t in texts]
        sims = (self.vectorizer.transform(contents) @ self.matrix.T).toarray()
        sims[[len(c.replace(" ", "")) < _MIN_CONTENT for c in contents]] = 0
        return sims

    def resolve(self, given: str) -> str | None:
        """The article (or GENERAL) a row's `article` cell names; rows repeat them."""
        if given not in self._resolved:
            self._resolved[given] = resolve_article(given, self.draft)
        return self._resolved[given]

    def named(self, mention: Mention) -> str | None:
        return self.by_key.get((mention.number, mention.sub))


def propose_all(index: ArticleIndex, texts: list[str], given: list[str]) -> list[Proposal]:
    """A proposal for each comment; `given` is the article its row names ('' for none)."""
    sims = index.similarities(texts) if index.ids else np.zeros((len(texts), 0), dtype=np.float32)
    return [propose(index, text, given_one, row) for text, given_one, row in zip(texts, given, sims)]


def propose(index: ArticleIndex, text: str, given: str, sims: np.ndarray) -> Proposal:
    folded = fold(text)
    quoted = _quoted(index, folded)
    named = _named(index, folded, given)
    best = int(np.argmax(sims)) if len(sims) else -1
    if quoted is not None:
        article, score = quoted
        reason = f"引用{index.label(article)}原文"
        others = [n for n, _ in named if n not in (article, GENERAL)]
        if others:
            return Proposal(article, 0.55, f"提到{index.label(others[0])}，但{reason}，请核对", flagged=True)
        return Proposal(article, min(0.99, 0.7 + score / 400), reason)
    articles = [(n, how) for n, how in named if n != GENERAL]
    if articles:
        return _check_named(index, articles, sims, best)
    if named:  # the row says 总体
        return Proposal(GENERAL, 0.8, "意见表注明总体")
    if _ADVERT.search(text):
        return Proposal(NONE, 0.8, "像是广告")
    if best >= 0 and sims[best] >= _SIMILAR:
        article = index.ids[best]
        return Proposal(article, _similarity_confidence(sims), f"与{index.label(article)}内容相近")
    if _GENERAL_WORDS.search(text):
        return Proposal(GENERAL, 0.7 if best < 0 or sims[best] < _SIMILAR / 2 else 0.5, "未提具体条文，谈草案整体")
    return Proposal(NONE, 0.7 if best < 0 or sims[best] < _SIMILAR / 2 else 0.5, "与草案内容无关")


def _named(index: ArticleIndex, folded: str, given: str) -> list[tuple[str, str]]:
    """(article, how it is named) for the row's article and each mention in the (folded) text."""
    found: list[tuple[str, str]] = []
    if given.strip():
        article = index.resolve(given)
        if article is not None:
            found.append((article, f"意见表注明{index.label(article)}"))
    if "条" not in folded and "條" not in folded:
        return found
    for mention in mentions(folded, index.draft.title):
        article = index.named(mention)
        if article is not None and all(article != a for a, _ in found):
            found.append((article, f"提到{index.label(article)}"))
    return found


def _check_named(index: ArticleIndex, named: list[tuple[str, str]], sims: np.ndarray, best: int) -> Proposal:
    """The named article, unless the content is plainly about another one."""
    position = index.position
    article, how = max(named, key=lambda n: (sims[position[n[0]]], -named.index(n)))
    own = float(sims[position[article]])
    top = float(sims[best])
    if index.ids[best] != article and top >= _SIMILAR and top - own >= _CONTRADICTED and top >= 2 * own:
        other = index.ids[best]
        return Proposal(other, 0.45, f"{how}，但内容与{index.label(other)}相近，请核对", flagged=True)
    # Named and borne out by the content; named once, content silent; one of several named.
    confidence = 0.95 if own >= _SIMILAR / 2 else 0.85 if len(named) == 1 else 0.75
    return Proposal(article, confidence, how)


def _quoted(index: ArticleIndex, folded: str) -> tuple[str, float] | None:
    """The article a quotation in the (folded) text is taken from, and the match score."""
    best: tuple[str, float] | None = None
    for quote in _QUOTE.findall(folded):
        for i, article_text in enumerate(index.texts):
            score = fuzz.partial_ratio(quote, article_text, score_cutoff=_QUOTE_SCORE)
            if score and (best is None or score > best[1]):
                best = (index.ids[i], score)
    return best


def _similarity_confidence(sims: np.ndarray) -> float:
    """High when the best article is clearly ahead of the second."""
    first, second = np.sort(sims)[-2:][::-1] if len(sims) > 1 else (sims[0], 0.0)
    return float(min(0.9, 0.35 + first + 2 * (first - second)))
