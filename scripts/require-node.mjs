// npm test runs on the project's Node 24 (the node devDependency, whose install script fetches the binary).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `npm test needs Node 24, and this is Node ${process.versions.node}: the node devDependency provides it, but its install script did not run (npm ci --ignore-scripts?). Run: npm rebuild node`,
  );
  process.exit(1);
}
