// One Hardhat chain and one in-process node shared by the chain tests; on a 2-core machine they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
