"""Contract tests: schemathesis drives the app in-process from the COMMITTED openapi/openapi.json.

All phases run (examples, coverage, fuzzing with positive and negative data, stateful through the
document's links); every check must pass. Generation is deterministic and small enough to keep the
suite quick on two cores.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import hypothesis
import schemathesis

from service.config import Settings
from service.main import create_app
from service.seeds import load_seed_story
from service.store import Store

NEGATIVE_EXPECTED = ["400", "401", "403", "404", "405", "406", "409", "415", "422", "428", "429", "5xx"]
POSITIVE_EXPECTED = ["2xx", "3xx", "401", "403", "404", "409", "429", "5xx"]
OPENAPI = Path(__file__).resolve().parent.parent / "openapi" / "openapi.json"
CONFIG = schemathesis.Config.from_dict(
    {
        "generation": {"mode": "all", "max-examples": 30, "deterministic": True, "database": "none"},
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": True},
            "fuzzing": {"enabled": True},
            "stateful": {"enabled": True, "max-steps": 12},
        },
        "checks": {
            "enabled": True,
            # The schema cannot state the 1 MiB body limit: 200,000 characters sent as JSON escapes
            # ("\\u00e9", 6 bytes each) exceed it, so 413 is a correct answer to valid and invalid data alike.
            "negative_data_rejection": {"expected-statuses": [*NEGATIVE_EXPECTED, "413"]},
            "positive_data_acceptance": {"expected-statuses": [*POSITIVE_EXPECTED, "413"]},
        },
    }
)
STATEFUL = hypothesis.settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)


def _schema() -> schemathesis.BaseSchema:
    """The committed document, driving an app on a fresh temporary database holding the seed story."""
    directory = Path(tempfile.mkdtemp(prefix="timeline-contract-"))
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    url = f"sqlite:///{directory / 'timeline.db'}"
    store = Store(url)
    load_seed_story(store)
    loaded = schemathesis.openapi.from_path(OPENAPI, config=CONFIG)
    loaded.app = create_app(Settings(database_url=url), store)
    return loaded


schema = _schema()


@schema.parametrize()
@hypothesis.settings(deadline=None, suppress_health_check=list(hypothesis.HealthCheck))
def test_operation(case: schemathesis.Case) -> None:
    case.call_and_validate()


class FreshWorkflow(schema.as_state_machine()):  # type: ignore[misc]
    """Each scenario starts from an empty database, so replaying a scenario replays its responses."""

    def setup(self) -> None:
        directory = Path(tempfile.mkdtemp(prefix="timeline-stateful-"))
        atexit.register(shutil.rmtree, directory, ignore_errors=True)
        schema.app.state.store = Store(f"sqlite:///{directory / 'timeline.db'}")


def test_stateful() -> None:
    FreshWorkflow.run(settings=STATEFUL)
