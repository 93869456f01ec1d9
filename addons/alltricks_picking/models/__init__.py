from . import alltricks_cart_type
from . import stock_move_line
from . import stock_picking
from . import stock_picking_batch
from . import stock_warehouse
