from . import test_counter
from . import test_counter_screen
from . import test_kiosk_catalog
from . import test_kiosk_orders
from . import test_kiosk_tour
from . import test_roles
from . import test_security
from . import test_showroom_data
