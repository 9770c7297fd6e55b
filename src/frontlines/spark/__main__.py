"""``python -m frontlines.spark`` / ``spark-submit -m frontlines.spark``: spark-ingest."""

from frontlines.cli.spark import spark_command

if __name__ == "__main__":
    spark_command(prog_name="frontlines.spark")
