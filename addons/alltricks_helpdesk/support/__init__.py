"""Support rules with no Odoo import: expert choice and answer deadlines."""
