from . import test_replay_day
