"""The label's QR code laid on a per-version template (issue 19: the reprint) is segno's symbol, module for module.

`qr_matrix` takes segno's codewords and lays them on the symbol of their version, error level and mask made once,
instead of building and masking the whole matrix per label. It must give what `segno.make_qr` gives for every
text a label may carry: every mode (numeric, alphanumeric, bytes, UTF-8), every version a label reaches and the
boosted error levels. A segno update that changes its internals fails here before a label changes.
"""

from __future__ import annotations

import random

import pytest
import segno

from tokodesk.documents import codes


def _texts() -> list[str]:
    rng = random.Random(19)
    alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
    texts = [f"INV/20261204/MPL/{35541401 + i}" for i in range(40)]
    texts += [str(rng.randrange(10**17, 10**18)) for _ in range(40)]  # Tokopedia & Shop's 18-digit order ids
    texts += ["".join(rng.choice(alnum) for _ in range(rng.randrange(1, 300))) for _ in range(40)]
    texts += ["".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 500))) for _ in range(30)]
    texts += ["".join(chr(rng.randrange(32, 0x3000)) for _ in range(rng.randrange(1, 100))) for _ in range(40)]
    texts += ["https://seller.tokopedia.com/order/" + "x" * n for n in range(0, 250, 25)]
    return texts


@pytest.mark.parametrize("error", ["l", "m", "q", "h"])
def test_the_template_qr_is_segnos_symbol(error):
    versions = set()
    for text in _texts():
        ours = codes.qr_matrix(text, error=error)
        made = segno.make_qr(text, error=error, mask=codes.QR_FIXED_MASK)
        versions.add(made.version)
        assert [bytes(row) for row in ours] == [bytes(row) for row in made.matrix], (text, made.designator)
    assert len(versions) > 10  # from the smallest symbols to ones with version information (7 and up)
    assert max(versions) >= 7


def test_asking_for_the_evaluated_mask_still_asks_segno():
    text = "INV/20261204/MPL/35541401"
    assert [bytes(r) for r in codes.qr_matrix(text, evaluate_mask=True)] == \
        [bytes(r) for r in segno.make_qr(text, error="m").matrix]
