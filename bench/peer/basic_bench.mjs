// Times BSI csaf-validator-lib 2.0.10's `basic` tests (strict schema +
// mandatory tests) on the same replicated corpus as Lotse's schema_bench,
// after the module has loaded, on one core (run under taskset).
//
// Usage: node basic_bench.mjs CORPUS_DIR COUNT [LARGE_FILE...]
// Prints one JSON object per measurement.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

const loadStart = performance.now()
const { default: validate } = await import('@secvisogram/csaf-validator-lib/validate.js')
const basic = await import('@secvisogram/csaf-validator-lib/basic.js')
const tests = Object.values(basic)
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

const [corpusDir, countText, ...large] = process.argv.slice(2)
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
console.log(JSON.stringify({ peer: 'csaf-validator-lib 2.0.10', preset: 'basic', module_load_ms: loadMs,
  docs: count, bytes, ms, docs_per_s: (count * 1000) / ms, invalid }))

for (const file of large) {
  const text = readFileSync(file, 'utf8')
  const t0 = performance.now()
  const result = await validate(tests, JSON.parse(text))
  const t1 = performance.now()
  console.log(JSON.stringify({ peer: 'csaf-validator-lib 2.0.10', preset: 'basic', file,
    bytes: Buffer.byteLength(text), ms: t1 - t0, valid: result.isValid }))
}
