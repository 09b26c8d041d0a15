print("benchmarks: not yet assembled")
