from . import test_roles
from . import test_bike_prep_order
from . import test_bike_prep_delivery_gate
from . import test_bike_prep_checklist
from . import test_bike_prep_suspension
from . import test_bike_prep_qc
from . import test_bike_prep_security
from . import test_bike_prep_reports
