from . import pos_config
from . import pos_order
from . import product_category
from . import product_product
from . import product_template
from . import stock_move
from . import stock_picking
from . import stock_picking_type
