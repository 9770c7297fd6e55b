"""Starting Spark: a one-line error, never a traceback, when PySpark or Java is missing."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from typing import TYPE_CHECKING

from frontlines.errors import ConfigError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

# Shuffle partitions for the merge and control group-bys. Spark's default (200)
# is made for big clusters; on a laptop each empty partition still costs a task.
DEFAULT_SHUFFLE_PARTITIONS = 8


def require_spark() -> None:
    """Raise ConfigError unless PySpark can be imported and a Java runtime found."""
    if importlib.util.find_spec("pyspark") is None:
        raise ConfigError(
            "PySpark is not installed: pip install 'frontlines[spark]' (it also needs Java 17+)"
        )
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and os.path.exists(java_home)):
        raise ConfigError(
            "no Java runtime found (PySpark needs Java 17+): install one, e.g. Debian's "
            "default-jre-headless (scripts/ci/java.sh), or set JAVA_HOME"
        )


def spark_session(
    master: str | None = None,
    *,
    app_name: str = "frontlines",
    shuffle_partitions: int = DEFAULT_SHUFFLE_PARTITIONS,
) -> SparkSession:
    """A SparkSession for ``master`` (None: spark-submit's, else PySpark's ``local[*]``)."""
    require_spark()
    from pyspark.sql import SparkSession

    # Under spark-submit the JVM is already up (PYSPARK_GATEWAY_PORT) and the master
    # is spark-submit's; from plain Python, PySpark's own default is local[*].
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ
    if (master or "").startswith("local") or (master is None and not submitted):
        # Local executors must run this interpreter (its packages), not the first
        # python3 on PATH; on a cluster PYSPARK_PYTHON is the deployment's choice.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    builder = (
        builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        # One executor Python process codes many tasks: the model and gazetteer it
        # loaded stay loaded (Pipeline is cached per process).
        .config("spark.python.worker.reuse", "true")
    )
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # Java gateway failures arrive as bare Exceptions
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ConfigError(f"cannot start Spark: {first}") from exc
    session.sparkContext.setLogLevel("ERROR")
    return session
