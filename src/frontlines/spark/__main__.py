"""``python -m frontlines.spark INPUT... OUTPUT``: spark-ingest.

spark-submit takes a file, not a module: ``python -m frontlines.spark --path``
prints this file's path for it.
"""

import sys
from pathlib import Path

from frontlines.cli.spark import spark_command

if __name__ == "__main__":
    if sys.argv[1:] == ["--path"]:
        print(Path(__file__).resolve())
    else:
        spark_command(prog_name="frontlines.spark")
