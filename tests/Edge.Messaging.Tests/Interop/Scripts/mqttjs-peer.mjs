// An MQTT.js peer driven by the interop tests: one JSON command per stdin line, one JSON event per stdout line.
// It is a client we did not write, so what it sends and what it decodes checks our client from the outside.
// Usage: node mqttjs-peer.mjs <node_modules dir> <mqtt://host:port> <protocol version 4|5> <client id>
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

const [modules, url, version, clientId] = process.argv.slice(2)
const require = createRequire(join(modules, 'peer.js'))
const mqtt = require('mqtt')
const protocolVersion = Number(version)

function emit (event) {
  process.stdout.write(JSON.stringify(event) + '\n')
}

function hex (buffer) {
  return buffer ? Buffer.from(buffer).toString('hex') : null
}

// MQTT.js gives a single user property as a string and repeated names as an array: flatten to ordered pairs.
function pairs (userProperties) {
  const out = []
  for (const [name, value] of Object.entries(userProperties || {})) {
    for (const v of Array.isArray(value) ? value : [value]) out.push([name, String(v)])
  }
  return out
}

function toUserProperties (list) {
  const out = {}
  for (const [name, value] of list || []) {
    if (name in out) out[name] = [].concat(out[name], value)
    else out[name] = value
  }
  return out
}

function publishProperties (cmd) {
  if (protocolVersion !== 5) return undefined
  const p = {}
  if (cmd.userProperties) p.userProperties = toUserProperties(cmd.userProperties)
  if (cmd.contentType) p.contentType = cmd.contentType
  if (cmd.responseTopic) p.responseTopic = cmd.responseTopic
  if (cmd.correlationData) p.correlationData = Buffer.from(cmd.correlationData, 'hex')
  if (cmd.payloadIsUtf8) p.payloadFormatIndicator = true
  return p
}

const pendingRequests = new Map()
const responders = []

const client = mqtt.connect(url, {
  clientId,
  protocolVersion,
  clean: true,
  reconnectPeriod: 0,
  connectTimeout: 10000
})

client.on('connect', () => emit({ event: 'connected' }))
client.on('error', (e) => emit({ event: 'error', message: e.message }))
client.on('close', () => emit({ event: 'closed' }))

client.on('message', (topic, payload, packet) => {
  const props = packet.properties || {}
  const message = {
    event: 'message',
    topic,
    payload: payload.toString('utf8'),
    payloadHex: payload.toString('hex'),
    qos: packet.qos,
    retain: packet.retain,
    contentType: props.contentType ?? null,
    payloadIsUtf8: props.payloadFormatIndicator ?? null,
    responseTopic: props.responseTopic ?? null,
    correlationData: hex(props.correlationData),
    userProperties: pairs(props.userProperties)
  }

  const key = message.correlationData
  if (key && pendingRequests.get(key) === topic) {
    pendingRequests.delete(key)
    emit({ ...message, event: 'response' })
    return
  }

  emit(message)

  // Responder mode: answer requests on a responder filter ("pong:" + payload, the request's user properties echoed).
  if (message.responseTopic && responders.some((f) => matches(f, topic))) {
    client.publish(message.responseTopic, 'pong:' + message.payload, {
      qos: packet.qos,
      properties: { correlationData: props.correlationData, userProperties: { ...(props.userProperties || {}), responder: 'mqtt.js' } }
    }, (err) => emit(err ? { event: 'error', message: err.message } : { event: 'responded', correlationData: key }))
  }
})

function matches (filter, topic) {
  const f = filter.split('/')
  const t = topic.split('/')
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true
    if (i >= t.length || (f[i] !== '+' && f[i] !== t[i])) return false
  }
  return f.length === t.length
}

function run (cmd) {
  switch (cmd.op) {
    case 'subscribe':
    case 'respond':
      client.subscribe(cmd.topic, { qos: cmd.qos ?? 1 }, (err, granted) => {
        if (err) return emit({ event: 'error', message: err.message })
        if (cmd.op === 'respond') responders.push(cmd.topic)
        emit({ event: 'subscribed', topic: cmd.topic, granted: granted.map((g) => g.qos) })
      })
      break
    case 'publish':
    case 'request': {
      const payload = cmd.payloadHex ? Buffer.from(cmd.payloadHex, 'hex') : cmd.payload ?? ''
      const send = () => client.publish(cmd.topic, payload, { qos: cmd.qos ?? 1, retain: !!cmd.retain, properties: publishProperties(cmd) },
        (err) => emit(err ? { event: 'error', message: err.message } : { event: 'published', topic: cmd.topic }))
      if (cmd.op === 'publish') return send()
      // A request: subscribe to the response topic first, then publish with response topic and correlation data.
      pendingRequests.set(cmd.correlationData, cmd.responseTopic)
      client.subscribe(cmd.responseTopic, { qos: 1 }, (err) => err ? emit({ event: 'error', message: err.message }) : send())
      break
    }
    case 'end':
      client.end(false, () => { emit({ event: 'ended' }); process.exit(0) })
      break
    default:
      emit({ event: 'error', message: 'unknown op ' + cmd.op })
  }
}

createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) return
  try {
    run(JSON.parse(line))
  } catch (e) {
    emit({ event: 'error', message: e.message })
  }
})

// The test closes stdin when it is done with the peer: never outlive it.
process.stdin.on('end', () => client.end(true, () => process.exit(0)))
