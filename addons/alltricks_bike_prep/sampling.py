"""Quality-control sampling of prepared bikes, one mechanic at a time.

Plain Python, no Odoo import: the work-order model feeds it the mechanic's history.

The rule is a two-level acceptance sampling plan (a simplified switching rule in the
spirit of ISO 2859-1 normal/tightened inspection):

* normal inspection: the mechanic's bikes number ``every``, ``2 * every``, ... are
  checked;
* tightened inspection: after a failed check, every bike of the mechanic is checked
  until ``streak`` consecutive checks have passed; then normal inspection resumes.

Checks still awaiting their result count neither as passed nor as failed, so a
mechanic stays under tightened inspection until the results are known. O(len(history)).
"""

PASSED = "passed"
FAILED = "failed"
PENDING = "pending"


def is_tightened(check_results, streak=3):
    """True while the last failed check is followed by fewer than ``streak`` passes.

    ``check_results``: the mechanic's check results in chronological order, each
    ``PASSED``, ``FAILED`` or ``PENDING``.
    """
    passes_since_failure = 0
    for result in reversed(check_results):
        if result == FAILED:
            return passes_since_failure < streak
        if result == PASSED:
            passes_since_failure += 1
    return False


def is_check_due(bike_number, check_results, every=5, streak=3):
    """Whether the mechanic's bike number ``bike_number`` (1-based) must be checked."""
    if bike_number < 1 or every < 1 or streak < 0:
        raise ValueError("bike_number and every must be positive, streak not negative")
    return bike_number % every == 0 or is_tightened(check_results, streak)
