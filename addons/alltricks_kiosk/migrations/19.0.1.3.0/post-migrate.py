from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """The showroom kiosk created by earlier versions kept pos_self_order's
    restaurant pictures: give it the bike shop's splash and background, each
    only where it still shows pos_self_order's pictures."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    config = env.ref("alltricks_kiosk.pos_config_showroom", raise_if_not_found=False)
    if not config:
        return
    vals = {
        fname: commands
        for fname, commands in config._prepare_alltricks_showroom_images().items()
        if all(
            (image.url or "").startswith("/pos_self_order/") for image in config[fname]
        )
    }
    if vals:
        config.write(vals)
