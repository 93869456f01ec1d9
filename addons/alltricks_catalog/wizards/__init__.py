from . import alltricks_variant_grid_wizard
