from . import stock_location, stock_warehouse
