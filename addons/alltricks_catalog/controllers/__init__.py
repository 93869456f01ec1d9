from . import main
from . import cart
