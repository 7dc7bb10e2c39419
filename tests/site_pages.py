"""A gathered site's pages rendered without MkDocs, as the adapter renders
them: the plan, the render table and the article notes, with page URLs given
by the test (document id or generated page key → site-relative URL) or, by
default, as MkDocs makes them with directory URLs."""

from __future__ import annotations

from lawsite.plan import PageKind, plan_pages
from lawsite.render.notes import Annotator, ArticlePage
from lawsite.render.notes.parts import PagePart
from lawsite.render.pages import Build, PageInput, render_page
from lawsite.render.templates import render
from lawsite.settings import Settings
from lawsite.gather.site import Site
from lawsite.urls import SiteUrls, page_url


class SitePages:
    def __init__(self, site: Site, settings: Settings, urls: dict[str, str] | None = None):
        self.site, self.settings = site, settings
        self.plan = plan_pages(site, settings, lambda src: src in site.by_path)
        if urls is None:
            urls = {spec.key: page_url(spec.src) if spec.src.endswith(".md") else spec.src for spec in self.plan.pages}
        self.urls = SiteUrls(urls, settings.site_url)
        self.build = Build(site, settings, self.urls)

    def generated(self, kind: PageKind) -> list[str]:
        """The content-relative paths of the generated pages of one kind."""
        return [spec.src for spec in self.plan.generated if spec.kind is kind]

    def markdown(self, src: str, here: str, markdown: str = "") -> str:
        """The body the adapter hands MkDocs for the page made from `src`, at URL `here`."""
        spec = self.plan.page(src)
        assert spec is not None, src
        rendered = render_page(spec, PageInput(self.build, here, markdown))
        return rendered.markdown + rendered.stashed

    def notes_html(self, annotator: Annotator, doc_id: str, here: str) -> dict[str, str]:
        """Article id → the HTML of one annotator's note on the page of `doc_id`."""
        page = ArticlePage(self.site, self.settings, self.site.documents[doc_id], self.urls.at(here))
        return {article_id: render(self.settings.language, note.template, note=note.data) for article_id, note in annotator(page).items()}

    def part_html(self, part: PagePart, doc_id: str, here: str) -> str | None:
        """The HTML of one page part on the page of `doc_id`, None when it has none there."""
        page = ArticlePage(self.site, self.settings, self.site.documents[doc_id], self.urls.at(here))
        placed = part(page)
        return render(self.settings.language, placed.template, part=placed.data) if placed else None
