// Times one of BSI csaf-validator-lib 2.0.10's test sets on the same
// replicated corpus as Lotse's schema_bench, after the module has loaded, on
// one core (run under taskset):
//   basic    = strict schema + mandatory tests (its basic.js)
//   extended = basic + optional tests (extended.js)
//   full     = extended + informative tests (full.js) without 6.3.6 and
//              6.3.7, which fetch every URL of the document over the
//              internet (Lotse skips them unless --online, so both sides run
//              the same set); 6.3.8 runs the `hunspell` program per text.
//
// Usage: node preset_bench.mjs [--skip=6.3.8,...] PRESET CORPUS_DIR COUNT [LARGE_FILE...]
// Prints one JSON object per measurement. 6.3.8 needs `hunspell` on PATH
// and a dictionary for each document language in DICPATH (run.sh links
// en -> en_US and de -> de_DE, as Lotse maps them).
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

const args = process.argv.slice(2)
const skipArg = args[0]?.startsWith('--skip=') ? args.shift().slice('--skip='.length) : ''
const skipped = skipArg ? skipArg.split(',') : []
const [preset, corpusDir, countText, ...large] = args
const kNetworkTests = ['informativeTest_6_3_6', 'informativeTest_6_3_7']
const excluded = (name) =>
  kNetworkTests.includes(name) || skipped.some((id) => name.endsWith('Test_' + id.replaceAll('.', '_')))

const loadStart = performance.now()
const { default: validate } = await import('@secvisogram/csaf-validator-lib/validate.js')
if (!['basic', 'extended', 'full'].includes(preset)) throw new Error(`unknown preset ${preset}`)
const set = await import(`@secvisogram/csaf-validator-lib/${preset}.js`)
const tests = Object.entries(set)
  .filter(([name, test]) => typeof test === 'function' && /Test_6_|^csaf_2_0/.test(name) && !excluded(name))
  .map(([, test]) => test)
const loadMs = performance.now() - loadStart

function jsonFiles(dir) {
  const out = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...jsonFiles(path))
    else if (name.endsWith('.json')) out.push(path)
  }
  return out
}

const count = Number(countText || 1000)
const distinct = jsonFiles(corpusDir).map((p) => readFileSync(p, 'utf8'))
const texts = Array.from({ length: count }, (_, i) => distinct[i % distinct.length])
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0)

// One warm-up pass (JIT), then the timed pass; JSON.parse is included, as
// Lotse's figure includes parsing.
for (const t of texts.slice(0, distinct.length)) await validate(tests, JSON.parse(t))
const start = performance.now()
let invalid = 0
for (const t of texts) {
  const result = await validate(tests, JSON.parse(t))
  if (!result.isValid) invalid++
}
const ms = performance.now() - start
console.log(JSON.stringify({ peer: 'csaf-validator-lib 2.0.10', preset, skipped, tests: tests.length, module_load_ms: loadMs,
  docs: count, bytes, ms, docs_per_s: (count * 1000) / ms, invalid }))

for (const file of large) {
  const text = readFileSync(file, 'utf8')
  const t0 = performance.now()
  const result = await validate(tests, JSON.parse(text))
  const t1 = performance.now()
  console.log(JSON.stringify({ peer: 'csaf-validator-lib 2.0.10', preset, file,
    bytes: Buffer.byteLength(text), ms: t1 - t0, valid: result.isValid }))
}
