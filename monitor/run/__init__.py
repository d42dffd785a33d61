"""Running the pipeline: one check, the schedule, the service, status, and the reading processes."""
