"""The name the fulfilment service imports for the marketplace HTML label (see marketplace_label.py)."""

from tokodesk.documents.marketplace_label import extract_html_label, render_html_label, render_html_labels

__all__ = ["extract_html_label", "render_html_label", "render_html_labels"]
