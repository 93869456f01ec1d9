from . import controllers
from . import models
from . import wizards


def post_init_hook(env):
    env["product.template"]._alltricks_unpublish_unvalidated()
