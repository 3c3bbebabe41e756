"""Sphinx extension: keep every page free of references to code on other hosts.

Jupyter Book 1 always loads sphinx-thebe, which puts a CDN address for thebe
(and a Binder configuration) into every page even with launch buttons off. The
book has no live kernels, so its scripts, styles and configuration are removed
from each page before it is written.
"""

from __future__ import annotations

from typing import Any

THEBE_MARKERS = ("sphinx-thebe", "THEBE_JS_URL", "thebe@")


def _is_thebe(asset: Any) -> bool:
    text = " ".join(str(part) for part in (asset, getattr(asset, "filename", ""), getattr(asset, "attributes", {})))
    return any(marker in text for marker in THEBE_MARKERS)


def _strip_thebe(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not _is_thebe(asset)]
    if "body" in context and "text/x-thebe-config" in context["body"]:
        body = context["body"]
        start = body.index('<script type="text/x-thebe-config">')
        end = body.index("</script>", start) + len("</script>")
        context["body"] = body[:start] + body[end:]


def setup(app: Any) -> dict[str, Any]:
    app.connect("html-page-context", _strip_thebe, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
