from . import test_batch_validation
from . import test_plan_actions
from . import test_planning
from . import test_roles
from . import test_security
