// Times onnxruntime-node's InferenceSession.run on the same model and batch as the .NET benchmarks.
// Usage: node ort-node-bench.js <node_modules> <model.onnx> <rows> <features> <iterations>
// Prints one JSON line: {"meanNs":..,"medianNs":..,"p99Ns":..,"iterations":..,"version":..,"checksum":..}
'use strict';
const path = require('node:path');
const [nodeModules, modelPath, rowsArg, featuresArg, iterationsArg] = process.argv.slice(2);
const ort = require(path.join(nodeModules, 'onnxruntime-node'));

async function main() {
  const rows = Number(rowsArg);
  const features = Number(featuresArg);
  const iterations = Number(iterationsArg);
  // Same settings as the .NET side: one intra-op thread, one inter-op thread, all graph optimisations.
  const session = await ort.InferenceSession.create(modelPath, {
    intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all', executionMode: 'sequential',
  });
  const x = new Float32Array(rows * features);
  for (let i = 0; i < x.length; i++) x[i] = ((i * 37) % 101) / 50 - 1;
  const feeds = { x: new ort.Tensor('float32', x, [rows, features]) };
  for (let i = 0; i < 2000; i++) await session.run(feeds); // warm-up
  const times = new Float64Array(iterations);
  let checksum = 0;
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    const out = await session.run(feeds);
    times[i] = Number(process.hrtime.bigint() - t0);
    checksum = out.y.data[0];
  }
  const sorted = Array.from(times).sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / iterations;
  console.log(JSON.stringify({
    meanNs: mean, medianNs: sorted[Math.floor(iterations / 2)], p99Ns: sorted[Math.floor(iterations * 0.99)],
    iterations, version: ort.env.versions.node, checksum,
  }));
}

main().catch((e) => { console.error(e); process.exit(1); });
