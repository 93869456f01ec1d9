from . import test_layout_generator
from . import test_putaway_receipt
