"""Text that a line never breaks: dates and periods in a table cell ('2025-09-18', '2018-2019',
'Jan-Nov', 'Sep 2025', '25 Jul 2019') wrapped in ``<span class="tw-nobr">``, which the brief's
stylesheet keeps on one line, so a printed or narrow table never shows '2025- / 09'."""

from __future__ import annotations

import re

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
WHOLE = re.compile(
    rf"(?<![\w-])(?:\d{{4}}-\d{{2}}(?:-\d{{2}})?(?:\.\.\d{{4}}-\d{{2}}(?:-\d{{2}})?)?"  # ISO date or range
    rf"|\d{{4}}[-–/+]\d{{2,4}}"  # 2018-2019, 2024/25, 2018+2019
    rf"|(?:\d{{1,2}} )?{MONTH}(?:[-–]{MONTH})? \d{{4}}"  # 25 Jul 2019, Sep 2025, Jan-Nov 2025
    rf"|{MONTH}[-–]{MONTH}"  # Jan-Nov
    rf")(?![\w-])")


def keep_whole(text: str) -> str:
    """``text`` (already escaped HTML, no tags) with every date or period in a no-break span."""
    return WHOLE.sub(lambda m: f'<span class="tw-nobr">{m.group(0)}</span>', text)
