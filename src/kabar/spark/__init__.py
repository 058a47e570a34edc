"""kabar on Apache Spark (``pip install 'kabar[spark]'``): archives in, the same stories out.

``run_job(spark, paths, out_dir=None, db_url=None, fmt=None, partitions=None)`` is the job;
``python -m kabar.spark.job`` / ``spark-submit`` run it from the command line. See job.py.
"""

from .job import JobReport, run_job, spark_session, write_parquet

__all__ = ["JobReport", "run_job", "spark_session", "write_parquet"]
