from . import alltricks_layout_generator
