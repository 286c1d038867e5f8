// The peer's verdicts for the differential check: runs each test of BSI
// csaf-validator-lib 2.0.10 (mandatory 6.1.x including 6.1.8, optional
// 6.2.x, informative 6.3.x) on each file, one test at a time, and prints
// whether it failed. A test fails when it returns isValid === false or any
// error, warning or info (mandatory tests report errors, optional ones
// warnings, informative ones infos).
//
// Usage: node peer_verdicts.mjs PEER_DIR FILE_LIST [--skip ID=REASON ...]
//        node peer_verdicts.mjs PEER_DIR --list
// PEER_DIR holds node_modules/@secvisogram/csaf-validator-lib (bench/peer);
// FILE_LIST has one absolute path per line. --skip leaves a test out and
// says why (the online tests 6.3.6/6.3.7, for instance).
// Output, JSON Lines: {"test","file","fails","messages"} per pair,
// {"test","file","error"} when the test threw, {"test","not_run"} per
// skipped test, {"file","parse_error"} for a file that is not JSON.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

// 6.3.8 pipes each text into `hunspell -d DICTIONARY`. For a dictionary that
// is not installed hunspell exits before reading, and the peer's unguarded
// write to its stdin raises EPIPE as an uncaught error that would end this
// process. The test itself still rejects (execFile reports the exit
// status), which is recorded below as "peer threw".
process.on('uncaughtException', (e) => {
  if (e?.code === 'EPIPE' && e?.syscall === 'write') return
  console.error(e)
  process.exit(1)
})

const [peerDir, fileList, ...rest] = process.argv.slice(2)
if (!peerDir || !fileList) {
  console.error('usage: node peer_verdicts.mjs PEER_DIR FILE_LIST [--skip ID=REASON ...] | --list')
  process.exit(2)
}
const lib = join(peerDir, 'node_modules', '@secvisogram', 'csaf-validator-lib', 'lib')
const load = async (name) => import(pathToFileURL(join(lib, name)).href)

// "mandatoryTest_6_1_27_1" -> "6.1.27.1", in specification order.
const tests = []
for (const module of ['mandatoryTests.js', 'optionalTests.js', 'informativeTests.js']) {
  for (const [name, run] of Object.entries(await load(module))) {
    const match = /^(?:mandatory|optional|informative)Test_(\d+(?:_\d+)+)$/.exec(name)
    if (match && typeof run === 'function') tests.push({ id: match[1].replaceAll('_', '.'), run })
  }
}
const order = (id) => id.split('.').map(Number)
tests.sort((a, b) => {
  const x = order(a.id), y = order(b.id)
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1)
  }
  return 0
})

if (fileList === '--list') {
  for (const t of tests) console.log(t.id)
  process.exit(0)
}

const skip = new Map()
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === '--skip' && rest[i + 1]) {
    const [id, ...reason] = rest[++i].split('=')
    skip.set(id, reason.join('=') || 'skipped')
  }
}

const out = (object) => process.stdout.write(JSON.stringify(object) + '\n')
for (const [id, reason] of skip) out({ test: id, not_run: reason })

const files = readFileSync(fileList, 'utf8').split('\n').filter(Boolean)
for (const file of files) {
  let doc
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    out({ file, parse_error: String(e.message ?? e) })
    continue
  }
  for (const test of tests) {
    if (skip.has(test.id)) continue
    try {
      const result = (await test.run(doc)) ?? {}
      const messages = [...(result.errors ?? []), ...(result.warnings ?? []), ...(result.infos ?? [])]
      out({
        test: test.id,
        file,
        fails: result.isValid === false || messages.length > 0,
        messages: messages.slice(0, 3).map((m) => `${m.instancePath}: ${m.message}`),
      })
    } catch (e) {
      out({ test: test.id, file, error: String(e.message ?? e).split('\n')[0] })
    }
  }
}
