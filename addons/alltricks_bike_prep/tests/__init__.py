from . import test_roles
from . import test_bike_prep_order
