from . import alltricks_helpdesk_phone_call
