// Decodes Sparkplug B payloads with Eclipse Tahu's sparkplug-payload (an implementation independent of ours).
// stdin: JSON array of {topic, base64}; stdout: JSON array of {topic, payload} (64-bit values as strings).
const sparkplug = require("sparkplug-payload").get("spBv1.0");
let input = "";
process.stdin.on("data", (d) => (input += d));
process.stdin.on("end", () => {
  const out = JSON.parse(input).map((m) => ({
    topic: m.topic,
    payload: sparkplug.decodePayload(Buffer.from(m.base64, "base64")),
  }));
  process.stdout.write(JSON.stringify(out, (k, v) => (v && typeof v === "object" && v.low !== undefined && v.high !== undefined && v.unsigned !== undefined ? require("long").fromValue(v).toString() : v)));
});
