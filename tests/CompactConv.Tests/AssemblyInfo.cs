// libtorch's random generator and thread count are process-wide, and the CLI tests capture the
// console: tests must not run in parallel for seeded results to be exact.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
