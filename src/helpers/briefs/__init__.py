"""Render notebooks into self-contained HTML briefs under ``reports/``.

One kernel per core executes the notebooks (papermill, so parameters follow its
``parameters`` cell convention); nbconvert renders them with code hidden and no script or
remote asset. A notebook whose inputs (its text, parameters, the helpers' source, the data
files) are unchanged since its last good build is skipped; one whose prose or edition alone
changed is rendered again from a stored executed notebook. A notebook that fails keeps its
previous brief, marked stale in the index, and the build exits non-zero naming the cell.
Builds hold a lock on ``reports/.lock`` and publish files by atomic rename.

The rooms, in the order a build goes through them:

- ``params``: which notebooks, which edition and folder, parameters typed, variant names;
- ``cache``: the digests that say a brief is current, stored executed notebooks, states;
- ``lock`` and ``signals``: one build per folder, clean stops, ``clean``;
- ``pool`` and ``execute``: the worker processes and one notebook's run;
- ``render`` and ``sanitise``: the page (nbconvert) and its HTML allow-list (nh3);
- ``publish``: the one publishing sequence, all files or none; PDFs;
- ``index``: ``reports/index.html``;
- ``run``: ``build`` and the command line's ``main``.
"""

from helpers.briefs.cache import code_digest, inputs_digest, shared_digest, with_new_prose
from helpers.briefs.execute import CELL_TIMEOUT
from helpers.briefs.index import index_entry, write_index
from helpers.briefs.lock import LOCK_TIMEOUT, BuildBusy, build_lock, clean
from helpers.briefs.params import (
    EDITIONS,
    MAX_NAME,
    PAPERS,
    check_params,
    notebook_paths,
    output_name,
    reports_folder,
    typed_value,
)
from helpers.briefs.publish import kit_files, print_pdfs
from helpers.briefs.render import false_claims, render_html, stamp
from helpers.briefs.run import Outcome, build, main
from helpers.briefs.sanitise import sanitise_body
from helpers.briefs.signals import BuildInterrupted

__all__ = ["CELL_TIMEOUT", "EDITIONS", "LOCK_TIMEOUT", "MAX_NAME", "PAPERS", "BuildBusy", "BuildInterrupted",
           "Outcome", "build", "build_lock", "check_params", "clean", "code_digest",
           "false_claims", "index_entry", "inputs_digest", "kit_files", "main",
           "notebook_paths", "output_name", "print_pdfs", "render_html", "reports_folder",
           "sanitise_body", "shared_digest", "stamp", "typed_value", "with_new_prose",
           "write_index"]
