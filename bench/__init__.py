"""Search benchmarks (``make bench``); see README.md. Not part of the installed package."""
