from . import test_replay_day
from . import test_role_product_forms
