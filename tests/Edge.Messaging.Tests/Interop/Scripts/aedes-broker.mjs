// A second MQTT broker we did not write (aedes, MQTT 3.1.1 only) on a free loopback port.
// Prints "listening <port>" once it accepts connections, and exits when stdin closes (the test ended).
// Usage: node aedes-broker.mjs <node_modules dir>
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const [modules] = process.argv.slice(2)
const require = createRequire(join(modules, 'broker.js'))
const { Aedes } = await import(pathToFileURL(require.resolve('aedes')).href)

const aedes = await Aedes.createBroker()
aedes.on('clientError', (client, err) => process.stderr.write(`client error ${client?.id}: ${err.message}\n`))
aedes.on('connectionError', (client, err) => process.stderr.write(`connection error ${client?.id}: ${err.message}\n`))

const server = createServer(aedes.handle)
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`))

function stop () {
  server.close()
  aedes.close(() => process.exit(0))
}

process.stdin.resume()
process.stdin.on('end', stop)
process.on('SIGTERM', stop)
