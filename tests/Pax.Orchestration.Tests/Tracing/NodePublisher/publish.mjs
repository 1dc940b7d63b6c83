// Publishes one message with Google's Node Pub/Sub client, OpenTelemetry on, to PUBSUB_EMULATOR_HOST, and prints the
// message id and the context its "create" span wrote (the client injects it as googclient_traceparent).
// Usage: node publish.mjs <project> <topic id> <data> <attributes JSON>
import { PubSub } from '@google-cloud/pubsub';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

const [project, topicId, data, attributes] = process.argv.slice(2);
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();

const pubsub = new PubSub({ projectId: project, enableOpenTelemetryTracing: true });
const messageId = await trace.getTracer('pax-node-publisher').startActiveSpan('node publisher', async span => {
  try {
    return await pubsub.topic(topicId).publishMessage({ data: Buffer.from(data), attributes: JSON.parse(attributes) });
  } finally {
    span.end();
  }
});
await pubsub.close();
await provider.forceFlush();
const create = exporter.getFinishedSpans().find(s => s.name === `${topicId} create`);
if (!create) {
  console.error(`no '${topicId} create' span; spans: ${exporter.getFinishedSpans().map(s => s.name).join(', ')}`);
  process.exit(2);
}
console.log(JSON.stringify({ messageId, traceId: create.spanContext().traceId, spanId: create.spanContext().spanId }));
await provider.shutdown();
