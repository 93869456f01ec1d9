from . import counter
