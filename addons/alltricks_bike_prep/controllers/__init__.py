from . import website_sale
