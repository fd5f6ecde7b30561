"""Printable documents drawn with reportlab: TokoDesk's own shipping label, the marketplace label, invoice,
manifest, picklist and packing list. Plain data in, PDF bytes out; no Qt, no database."""

from tokodesk.documents.fmt import Translate, identity, rupiah, wib
from tokodesk.documents.labels import SIZES, by_courier, by_deadline, by_sku, render_labels, sort_labels
from tokodesk.documents.marketplace_label import (
    HtmlLabel,
    MarketplaceLabelError,
    extract_html_label,
    is_pdf,
    pdf_label,
    render_html_label,
    render_html_labels,
    render_mixed_labels,
)
from tokodesk.documents.model import (
    InvoiceData,
    LabelData,
    Line,
    ManifestData,
    ManifestRow,
    PackingListData,
    Party,
    PicklistData,
    PicklistOrder,
    PickRow,
)
from tokodesk.documents.sheets import render_invoices, render_manifest, render_packing_lists, render_picklist

__all__ = [
    "HtmlLabel",
    "MarketplaceLabelError",
    "extract_html_label",
    "is_pdf",
    "pdf_label",
    "render_html_label",
    "render_html_labels",
    "render_mixed_labels",
    "render_invoices",
    "render_manifest",
    "render_packing_lists",
    "render_picklist",
    "SIZES",
    "InvoiceData",
    "LabelData",
    "Line",
    "ManifestData",
    "ManifestRow",
    "PackingListData",
    "Party",
    "PickRow",
    "PicklistData",
    "PicklistOrder",
    "Translate",
    "by_courier",
    "by_deadline",
    "by_sku",
    "identity",
    "render_labels",
    "rupiah",
    "sort_labels",
    "wib",
]
