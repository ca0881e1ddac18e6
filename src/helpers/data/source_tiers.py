"""How far the kit trusts a citation, by the host of its URL: the declared tiers.

A citation in the event table is ``Outlet (date): https://...`` (date ``YYYY-MM-DD``,
``YYYY-MM`` or ``date not shown``); citations are joined by `` ; ``, and an element starting
``note:`` or ``soybean`` is a remark, not a citation. A host is trusted only if it is
declared below (a subdomain inherits its parent's tier). ``primary`` is the issuing body
or a court; ``wire`` a wire service or Chinese state media; an outlet naming a wire service
("Reuters via CNA") on a trusted host counts as that wire. Test, demo and development
hosts, social posts, forums, aggregators and repository paths are ``UNTRUSTED``: the kit
never cites them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

PRIMARY, WIRE, NEWS, TRADE_PRESS, LEGAL, RESEARCH = (
    "primary", "wire", "news", "trade press", "legal and customs analysis", "research")

TIERS: dict[str, str] = {
    # issuing bodies and courts (and the USDA's own reports of Chinese measures)
    "federalregister.gov": PRIMARY, "cbp.gov": PRIMARY, "ustr.gov": PRIMARY,
    "whitehouse.gov": PRIMARY, "mofcom.gov.cn": PRIMARY, "gov.cn": PRIMARY,
    "supremecourt.gov": PRIMARY, "uscourts.gov": PRIMARY, "courtlistener.com": PRIMARY,
    "fas.usda.gov": PRIMARY,
    # wire services and Chinese state media
    "reuters.com": WIRE, "apnews.com": WIRE, "bloomberg.com": WIRE, "xinhuanet.com": WIRE,
    "bloombergtax.com": WIRE,  # Bloomberg Industry Group's news service (Bloomberg Tax)
    "news.cn": WIRE, "en.people.cn": WIRE,
    # news outlets (some republish wire copy, which then counts as the wire)
    "scmp.com": NEWS, "fortune.com": NEWS, "cbsnews.com": NEWS, "foxbusiness.com": NEWS,
    "news.am": NEWS, "dw.com": NEWS, "shine.cn": NEWS, "en.vestikavkaza.ru": NEWS,
    "channelnewsasia.com": NEWS, "timeslive.co.za": NEWS, "bdnews24.com": NEWS,
    "newsmax.com": NEWS, "livemint.com": NEWS, "commondreams.org": NEWS,
    "newsghana.com.gh": NEWS, "nationalheraldindia.com": NEWS, "ktvn.com": NEWS,
    "econotimes.com": NEWS, "asiatimes.com": NEWS, "mb.com.ph": NEWS, "cnbc.com": NEWS,
    "business-standard.com": NEWS, "gcaptain.com": NEWS, "opportimes.com": NEWS,
    "rinnovabili.net": NEWS, "thefederalnewswire.com": NEWS, "steelorbis.com": NEWS,
    "en.portnews.ru": NEWS, "indiaverve.com": NEWS, "focustaiwan.tw": NEWS,
    # farm and trade press
    "agri-pulse.com": TRADE_PRESS, "world-grain.com": TRADE_PRESS, "hpj.com": TRADE_PRESS,
    "brownfieldagnews.com": TRADE_PRESS, "farms.com": TRADE_PRESS, "efeedlink.com": TRADE_PRESS,
    "freshplaza.com": TRADE_PRESS, "freshfruitportal.com": TRADE_PRESS,
    "aquafeed.com": TRADE_PRESS, "food.chemlinked.com": TRADE_PRESS, "1010wcsi.com": TRADE_PRESS,
    "rfdtv.com": TRADE_PRESS, "tscra.org": TRADE_PRESS, "agbull.com": TRADE_PRESS,
    "nccwashingtonreport.com": TRADE_PRESS, "taxpayer.net": TRADE_PRESS, "naega.org": TRADE_PRESS,
    "vbw.com": TRADE_PRESS, "hardwareledger.com": TRADE_PRESS,
    "source.benchmarkminerals.com": TRADE_PRESS, "azzet.com": TRADE_PRESS,
    "kalkine.com": TRADE_PRESS, "soygrowers.com": TRADE_PRESS,
    # law firms, accountants, customs brokers and trade-compliance services
    "mondaq.com": LEGAL, "joneswalker.com": LEGAL, "hklaw.com": LEGAL, "fredlaw.com": LEGAL,
    "taxnews.ey.com": LEGAL, "strtrade.com": LEGAL, "thompsonhinesmartrade.com": LEGAL,
    "internationaltradeinsights.com": LEGAL, "natlawreview.com": LEGAL, "patentlyo.com": LEGAL,
    "globalimportblog.bakermckenzie.com": LEGAL, "kelleydrye.com": LEGAL,
    "squirepattonboggs.com": LEGAL, "lexology.com": LEGAL, "bankingjournal.aba.com": LEGAL,
    "taxprofblog.aals.org": LEGAL, "ghy.com": LEGAL, "uhy-us.com": LEGAL, "cargos.com": LEGAL,
    "ilogixchb.com": LEGAL, "scarbroughglobal.com": LEGAL, "southeastworldwide.com": LEGAL,
    "easyclearusa.com": LEGAL, "gohnm.com": LEGAL, "logisticsplus.com": LEGAL,
    "worldwidelogisticsltd.com": LEGAL, "aprio.com": LEGAL, "dutyclaims.com": LEGAL,
    "junologistics.com": LEGAL, "brilliantglobe.com": LEGAL, "tariffmanagement.com": LEGAL,
    "customsintel.com": LEGAL, "gava.com": LEGAL, "en.jiaxinkg.com": LEGAL,
    "hengyin.tech": LEGAL, "en.ckhq.net": LEGAL, "internationaltradecomplianceupdate.com": LEGAL,
    "greenwich-mercantile.com": LEGAL, "huangsourcing.com": LEGAL, "honigman.com": LEGAL,
    "morganlewis.com": LEGAL, "vatcheck.io": LEGAL, "tariffglossary.com": LEGAL,
    # research institutes
    "piie.com": RESEARCH, "wita.org": RESEARCH, "everycrsreport.com": RESEARCH,
}

UNTRUSTED: dict[str, str] = {
    "wpinitiate.com": "test/demo host (echo-test)", "monexusmedia.uk": "test host",
    "newtest.myrepublica.com": "test host", "dev-v4.freemalaysiatoday.com": "development host",
    "azurewebsites.net": "development app host", "itbehere.com": "automated repost host",
    "linkedin.com": "social media post", "defence.pk": "forum thread",
    "rbtfl.xyz": "aggregated summary", "allnewschannels.com": "aggregator",
    "thedailyscout.com": "aggregator", "financetom.com": "aggregator",
    "autobeatdaily.com": "aggregator", "usatides24.com": "aggregator",
    "americanfocus.online": "aggregator", "blogspot.com": "blog repost",
    "mil-osi.com": "machine-translation aggregator", "ainvest.com": "automated news",
    "clashreport.com": "aggregator", "omny.fm": "podcast transcript endpoint",
    "chinadailybrief.com": "aggregator", "traverseintel.com": "aggregated summary",
    "lianhezuozhan.com": "document-download site", "theduran.com": "opinion video site",
    "tradersagency.com": "aggregator", "ankpost.com": "aggregator", "github.com": "repository",
}

WIRE_NAMES = ("Reuters", "AP", "Associated Press", "Bloomberg", "Xinhua")
CITATION = re.compile(r"^(?P<outlet>.+?) \((?P<date>\d{4}-\d{2}(?:-\d{2})?|date not shown)\): "
                      r"(?P<url>https://\S+)$")


@dataclass(frozen=True)
class Citation:
    outlet: str
    date: str
    url: str

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def tier(self) -> str | None:
        """The declared tier of the host (or of a parent domain); None if undeclared."""
        return _lookup(self.host, TIERS)

    @property
    def untrusted(self) -> str | None:
        """Why the host is not citable, or None."""
        return _lookup(self.host, UNTRUSTED)

    @property
    def primary_or_wire(self) -> bool:
        """Issued by the acting body or a court, or a wire service's copy on a trusted host."""
        if self.tier in (PRIMARY, WIRE):
            return True
        names_wire = any(re.match(rf"{name}\b", self.outlet) for name in WIRE_NAMES)
        return names_wire and self.tier is not None


def _lookup(host: str, table: dict[str, str]) -> str | None:
    parts = host.removeprefix("www.").split(".")
    for i in range(len(parts) - 1):
        found = table.get(".".join(parts[i:]))
        if found:
            return found
    return None


def parse(sources: str) -> tuple[list[Citation], list[str]]:
    """(citations, remarks) of a sources cell; ValueError names an element that is neither."""
    citations, remarks = [], []
    for element in (e.strip() for e in sources.split(" ; ")):
        if element.startswith(("note:", "soybean")):
            remarks.append(element)
            continue
        found = CITATION.match(element)
        if not found:
            raise ValueError(f"not 'Outlet (date): https://...' nor a note: {element!r}")
        citations.append(Citation(**found.groupdict()))
    return citations, remarks


def problems(events) -> list[str]:
    """What the event table's citations break, one line per problem (empty: none): an
    element that is not a citation or note, an untrusted or undeclared host, a row without
    a primary or wire citation not marked 'partly', a row citing nothing without a note."""
    found = []
    for row in events.itertuples(index=False):
        label = f"{row.event_id} ({row.date:%Y-%m-%d})"
        try:
            citations, remarks = parse(row.sources)
        except ValueError as exc:
            found.append(f"{label}: {exc}")
            continue
        for c in citations:
            if c.untrusted:
                found.append(f"{label}: untrusted host {c.host} ({c.untrusted})")
            elif c.tier is None:
                found.append(f"{label}: host {c.host} has no declared tier")
        if not any(c.primary_or_wire for c in citations) and row.confirmed != "partly":
            found.append(f"{label}: no primary or wire citation, yet confirmed {row.confirmed!r}")
        if not citations and not any(r.startswith("note:") for r in remarks):
            found.append(f"{label}: cites nothing and says not why")
    return found
