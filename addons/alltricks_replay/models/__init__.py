from . import alltricks_replay
from . import alltricks_replay_stock
from . import alltricks_replay_pick
from . import alltricks_replay_service
