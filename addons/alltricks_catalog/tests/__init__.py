from . import test_roles
from . import test_demo_loader
