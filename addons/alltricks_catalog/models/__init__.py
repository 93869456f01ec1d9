from . import product_category
from . import res_company
