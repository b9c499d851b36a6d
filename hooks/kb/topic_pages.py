"""Pages by topic and by time, and the glossary page. Data is prepared once per build; Markdown
is in the templates (chu-de*.md.j2, dong-thoi-gian.md.j2, thuat-ngu.md.j2)."""

from __future__ import annotations

from collections import defaultdict

from .citation_pages import Target
from .glossary import TERM_KINDS, term_pattern
from .model import Corpus, DateRange, PartialDate
from .topics import spelling_index, topics_of
from .vocab import UNKNOWN

TOPICS_URL = "chu-de"
TIMELINE_PATH = "dong-thoi-gian.md"
GLOSSARY_PATH = "thuat-ngu.md"
LOCAL_LEVELS = ("tinh", "huyen", "xa")


def topic_path(topic_id: str) -> str:
    return f"{TOPICS_URL}/{topic_id}.md"


class TopicPages:
    def __init__(self, corpus: Corpus, rows: list[dict], targets: dict[str, Target], render):
        self.corpus = corpus
        self.rows = rows  # PageGenerator rows, in date order
        self.targets = targets
        self.render = render
        self.by_topic: dict[str, list[dict]] = defaultdict(list)
        self.doc_topics: dict[str, list] = {}
        index = spelling_index(corpus.topics)  # built once: every document's topics resolve against it
        for row in rows:
            topics = topics_of(row["doc"], corpus.topics, index)
            self.doc_topics[row["doc"].id] = topics
            for topic in topics:
                self.by_topic[topic.id].append(row)

    def pages(self):
        topics = sorted(self.corpus.topics.values(), key=lambda t: t.name.casefold())
        listed = [(t, len(self.by_topic.get(t.id, ()))) for t in topics]
        yield self.render("chu-de-index.html.j2", f"{TOPICS_URL}/index.md", topics=listed, topic_path=topic_path)
        for topic in topics:
            yield self.render("chu-de.html.j2", topic_path(topic.id), topic=topic, rows=self.by_topic.get(topic.id, []))
        yield self.render("dong-thoi-gian.html.j2", TIMELINE_PATH, years=self._years())
        yield self.render("thuat-ngu.html.j2", GLOSSARY_PATH, kinds=self._glossary())

    def document_topics(self, doc_id: str) -> list[tuple[str, str]]:
        """(page, name) of each topic of a document, for its metadata table."""
        return [(topic_path(t.id), t.name) for t in self.doc_topics.get(doc_id, ())]

    def _years(self) -> list[dict]:
        """Per year: KB documents of the central level, of local levels, of unknown level, and cited
        documents (not in the collection, level not recorded) — never placed in a column by guess."""
        years: dict[object, dict[str, list]] = defaultdict(lambda: {"central": [], "local": [], "unknown": [], "cited": []})
        for row in self.rows:
            doc = row["doc"]
            year, inferred = _year(doc.issued.value)
            column = "central" if doc.level.value == "trung-uong" else "local" if doc.level.value in LOCAL_LEVELS else "unknown"
            years[year][column].append({"target": self.targets[doc.id], "inferred": inferred or doc.level.inferred, "place": doc.place.display() if doc.place.known else ""})
        for entry in self.corpus.cited.values():
            if entry.document or not isinstance(entry.issued.value, PartialDate):
                continue
            years[entry.issued.value.year]["cited"].append({"target": self.targets[entry.id], "inferred": False, "place": ""})
        ordered = sorted((y for y in years if y is not None), key=int) + ([None] if None in years else [])
        result = []
        for year in ordered:
            columns = years[year]
            for items in columns.values():
                items.sort(key=lambda item: (item["target"].sort_date, item["target"].name))
            result.append({"year": year if year is not None else f"{UNKNOWN} năm", "anchor": f"nam-{year}" if year is not None else "nam-chua-ro", **columns})
        return result

    def _glossary(self) -> list[tuple[str, list[dict]]]:
        """Terms by kind, each with the documents whose text uses it (one scan of the corpus)."""
        pattern = term_pattern(self.corpus.glossary)
        used: dict[str, set[str]] = defaultdict(set)
        if pattern is not None:
            for doc in self.corpus.documents.values():
                text = " ".join([doc.title, *(block.text for block in doc.blocks())])
                for match in set(pattern.findall(text)):
                    used[match].add(doc.id)
        kinds = []
        for kind, label in TERM_KINDS.items():
            terms = [t for t in self.corpus.glossary if t.kind == kind]
            if terms:
                kinds.append((label, [{"term": t, "documents": len(used.get(t.term, ()))} for t in sorted(terms, key=lambda t: t.term.casefold())]))
        return kinds


def _year(value) -> tuple[int | None, bool]:
    if isinstance(value, PartialDate):
        return value.year, False
    if isinstance(value, DateRange) and value.year:
        return value.year, True
    return None, False
