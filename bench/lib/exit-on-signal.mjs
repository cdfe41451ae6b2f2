// Preloaded (--import) into the on-request site when it is profiled: @astrojs/node's standalone
// server installs no signal handler, so SIGTERM would kill it before `--cpu-prof` writes the
// profile; exiting normally writes it.
process.once('SIGTERM', () => process.exit(0));
process.once('SIGINT', () => process.exit(0));
