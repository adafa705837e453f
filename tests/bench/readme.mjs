// Writes the benchmark's report into README.md, between `<!-- bench:start -->` and
// `<!-- bench:end -->`, headed by the build it describes: the commit, and whether the working
// tree had changes on top of it. Nobody types these figures.
import { readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** The commit the build came from, as the README should name it. */
export function describeBuild() {
  const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  try {
    const commit = git('rev-parse', '--short', 'HEAD');
    // What the bench itself writes (these figures, the native figures lesson 16 shows) does
    // not change the build it measured.
    const dirty = git('status', '--porcelain', '--untracked-files=no')
      .split('\n')
      .filter((l) => l && !l.endsWith('README.md') && !l.endsWith('www/native-figures.txt'));
    return dirty.length ? `commit ${commit} with uncommitted changes (${dirty.length} files)` : `commit ${commit}`;
  } catch {
    return 'a build outside git';
  }
}

export async function writeReadme(report, md, path = 'README.md') {
  const readme = await readFile(path, 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) {
    console.error(`readme.mjs: ${path} has no ${START} … ${END} section; not written`);
    return false;
  }
  const head = [
    `From \`./scripts/bench.sh\` on ${report.date.slice(0, 10)}, on the build of ${describeBuild()}`,
    `(written into this file by the script: medians of alternating runs in one page; figures, not tests).`,
  ].join('\n');
  const body = `${START}\n${head}\n\n${md.trim()}\n${END}`;
  await writeFile(path, readme.slice(0, from) + body + readme.slice(to + END.length));
  console.log(`(written into ${path})`);
  return true;
}
