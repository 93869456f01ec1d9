from . import test_kiosk_catalog
from . import test_kiosk_orders
from . import test_roles
