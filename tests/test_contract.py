"""Contract tests: schemathesis drives the app in-process from the COMMITTED openapi/openapi.json.

All phases run (examples, coverage, fuzzing with positive and negative data, stateful through the
document's links); every check must pass. Generation is deterministic and small enough to keep the
suite quick on two cores.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import tomllib
from pathlib import Path

import hypothesis
import schemathesis

from service.config import Settings
from service.main import create_app
from service.seeds import load_seed_story
from service.store import Store

ROOT = Path(__file__).resolve().parent.parent
OPENAPI = ROOT / "openapi" / "openapi.json"
# The expected statuses live in schemathesis.toml, shared with `st run` from the repository root.
SHARED_CHECKS = tomllib.loads((ROOT / "schemathesis.toml").read_text("utf-8"))["checks"]
CONFIG = schemathesis.Config.from_dict(
    {
        "generation": {"mode": "all", "max-examples": 30, "deterministic": True, "database": "none"},
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": True},
            "fuzzing": {"enabled": True},
            "stateful": {"enabled": True, "max-steps": 12},
        },
        "checks": {"enabled": True, **SHARED_CHECKS},
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
