// npm test runs on the project's Node 24 (the node devDependency, whose install script fetches the binary).

/** The one line that says why this Node cannot run the tests, or null when it can. */
export function problem(version) {
  const major = Number(version.split('.')[0]);
  if (major >= 24) return null;
  return `npm test needs Node 24, and this is Node ${version}: the node devDependency provides it, but its install script did not run (npm ci --ignore-scripts?). Run: npm rebuild node`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const why = problem(process.versions.node);
  if (why) {
    console.error(why);
    process.exit(1);
  }
}
