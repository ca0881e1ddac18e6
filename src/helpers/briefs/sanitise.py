"""The allow-list a brief's HTML body passes through (nh3): which tags, attributes, URLs and
CSS properties a published brief may carry. Every constant of the allow-list is here."""

from __future__ import annotations

import re

import nh3

from helpers import mathml

_BODY_TAGS = set(nh3.ALLOWED_TAGS) | {"main", "section", "tfoot", "picture", "source"} | mathml.TAGS
_BODY_ATTRIBUTES = {"*": {"class", "id", "title", "lang", "dir", "tabindex", "data-mime-type",
                          "style", "align"},
                    "a": {"href", "download"}, "img": {"src", "alt", "width", "height"},
                    "picture": {"data-text-px"}, "source": {"media", "srcset", "type"},
                    "li": {"value"},
                    "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope"},
                    "table": {"border"}, "ol": {"start"},
                    **{tag: mathml.ATTRIBUTES for tag in mathml.TAGS}}
_STYLE_PROPERTIES = {"text-align", "vertical-align", "color", "background-color", "font-weight",
                     "font-style", "font-size", "white-space", "width", "height", "padding",
                     "margin", "border", "border-bottom", "border-collapse"}

_ONE_DATA_IMAGE = re.compile(r"data:image/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+")


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Images only from ``data:image/`` (a ``srcset`` holds exactly one such image, no other
    candidate); links in-page, relative, a chart's embedded CSV (``data:text/csv``) or a
    cited source over ``https://`` (an anchor loads nothing until a reader follows it; plain
    ``http://`` is dropped); no CSS ``url()``."""
    if attribute == "src":
        return value if value.startswith("data:image/") else None
    if attribute == "srcset":
        return value if _ONE_DATA_IMAGE.fullmatch(value.strip()) else None
    if attribute == "href":
        lowered = value.lower()
        if lowered.startswith("data:"):
            return value if lowered.startswith("data:text/csv") else None
        return value if tag == "a" or not lowered.startswith("https:") else None
    if attribute == "style" and "url(" in value.lower():
        return None
    return value


def _relative_only(url: str) -> str | None:
    """Relative URLs stay unless they name another host (``//host/...``)."""
    return None if re.match(r"\s*[/\\]{2}", url) else url


def sanitise_body(body: str) -> str:
    """A brief's body through an allow-list (nh3): no script or style element, no event
    handler, no external URL in ``src``; images only as ``data:`` URIs; the only external
    ``href`` kept is an ``https://`` link to a cited source."""
    return nh3.clean(body, tags=_BODY_TAGS, clean_content_tags={"script", "style"},
                     attributes=_BODY_ATTRIBUTES, attribute_filter=_keep_attribute,
                     url_schemes={"data", "https"}, url_relative=_relative_only,
                     filter_style_properties=_STYLE_PROPERTIES, link_rel=None)
