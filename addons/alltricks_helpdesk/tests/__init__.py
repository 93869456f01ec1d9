from . import test_roles
from . import test_assignment
from . import test_response
from . import test_portal_isolation
from . import test_portal_http
from . import test_after_sales
from . import test_channels
from . import test_portal_tour
