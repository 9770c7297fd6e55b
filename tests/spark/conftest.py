"""A local Spark for the spark tests: skipped, saying why, without PySpark or Java."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from frontlines.errors import ConfigError


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from frontlines.spark.session import require_spark

    try:
        require_spark()
    except ConfigError as exc:
        pytest.skip(str(exc))
    from frontlines.spark import spark_session

    session = spark_session("local[2]", app_name="frontlines-tests", shuffle_partitions=4)
    yield session
    session.stop()
