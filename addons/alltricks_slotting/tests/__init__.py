from . import test_layout_generator
from . import test_putaway_receipt
from . import test_putaway_rules
from . import test_putaway_follow_up
from . import test_lookalike_security
