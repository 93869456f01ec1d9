from . import test_roles
from . import test_shelf_publication
from . import test_shelf_concurrency
from . import test_demo_loader
