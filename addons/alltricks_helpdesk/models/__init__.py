from . import alltricks_discipline
from . import alltricks_helpdesk_expert
from . import product_category
from . import helpdesk_ticket_team
from . import helpdesk_ticket
from . import helpdesk_ticket_response
from . import helpdesk_ticket_after_sales
from . import discuss_channel
