"""Make the plain-Python packages inside our addons importable by pytest.

Each addon keeps its algorithms (routing, batching, putaway) in sub-packages with
no Odoo import. Importing ``alltricks_picking.routing`` the normal way would run
the addon's ``__init__.py``, which imports Odoo models. ``bench_common`` (shared
with the benchmarks, which some tests load) registers each addon folder as an
empty package instead, so only the pure sub-packages are executed.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))

import bench_common  # noqa: F401
