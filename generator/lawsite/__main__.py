"""`python -m lawsite`: the same command line as `lawsite`, for environments
where the script is not on PATH (a fresh checkout, the benchmarks)."""

from .cli import main

if __name__ == "__main__":  # not when a spawned build process imports it
    raise SystemExit(main())
