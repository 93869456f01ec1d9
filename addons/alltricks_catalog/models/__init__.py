from . import product_category
from . import res_company
from . import alltricks_demo_loader
from . import alltricks_demo_loader_products
from . import alltricks_demo_loader_orders
