"""Email: templates rendered in the request, delivered by a job on the `email` queue."""
