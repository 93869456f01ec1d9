"""Make the plain-Python packages inside our addons importable by pytest.

Each addon keeps its algorithms (routing, batching, putaway) in sub-packages with
no Odoo import. Importing ``alltricks_picking.routing`` the normal way would run
the addon's ``__init__.py``, which imports Odoo models. Instead we register each
addon folder as an empty package, so only the pure sub-packages are executed.
"""

import sys
import types
from pathlib import Path

ADDONS = Path(__file__).resolve().parent.parent / "addons"

for addon_dir in sorted(ADDONS.glob("alltricks_*")):
    if addon_dir.name not in sys.modules:
        package = types.ModuleType(addon_dir.name)
        package.__path__ = [str(addon_dir)]
        sys.modules[addon_dir.name] = package
