from . import alltricks_bike_prep_qc_wizard
