from . import test_layout_generator
