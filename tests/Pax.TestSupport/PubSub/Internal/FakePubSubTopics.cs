using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.PubSub.Internal;

/// <summary>The state and request handling behind <see cref="FakePubSubServer"/>.</summary>
internal sealed class FakePubSubTopics
{
    private readonly ConcurrentDictionary<string, bool> _topics = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(int Code, string Status, string Message)> _failures = new();
    private readonly Lock _gate = new();
    private readonly List<FakePubSubMessage> _published = [];
    private long _nextId = 1000;

    public IReadOnlyList<FakePubSubMessage> Published
    {
        get
        {
            lock (_gate)
            {
                return [.. _published];
            }
        }
    }

    public void Add(string topic) => _topics[topic] = true;

    public void FailNext(int times, int code, string status, string message)
    {
        for (var i = 0; i < times; i++)
        {
            _failures.Enqueue((code, status, message));
        }
    }

    public RestResponse Handle(RecordedRestRequest request)
    {
        var path = request.Path;
        if (request.Method != "POST" || !path.StartsWith("/v1/projects/", StringComparison.Ordinal) || !path.EndsWith(":publish", StringComparison.Ordinal))
        {
            return RestResponse.NoSuchRoute(request.Method, path);
        }

        var topic = path["/v1/".Length..^":publish".Length];
        if (!_topics.ContainsKey(topic))
        {
            // projects.topics/publish on an unknown topic: 404 NOT_FOUND "Resource not found (resource=T)."
            return RestResponse.Error(404, "NOT_FOUND", $"Resource not found (resource={topic[(topic.LastIndexOf('/') + 1)..]}).");
        }

        if (_failures.TryDequeue(out var failure))
        {
            return RestResponse.Error(failure.Code, failure.Status, failure.Message);
        }

        var (messages, error) = Parse(request);
        if (error is not null)
        {
            return RestResponse.InvalidArgument(error);
        }

        var ids = new JsonArray();
        lock (_gate)
        {
            foreach (var (data, attributes) in messages)
            {
                var id = (_nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                _published.Add(new FakePubSubMessage(topic, id, data, attributes));
                ids.Add(id);
            }
        }

        return RestResponse.Json(new JsonObject { ["messageIds"] = ids });
    }

    private static (List<(byte[] Data, Dictionary<string, string> Attributes)> Messages, string? Error) Parse(RecordedRestRequest request)
    {
        JsonNode? body;
        try
        {
            body = request.Json();
        }
        catch (JsonException ex)
        {
            return ([], $"Invalid JSON payload received. {ex.Message}");
        }

        if (body is not JsonObject root)
        {
            return ([], "Invalid JSON payload received.");
        }

        if (StrictJson.UnknownField(root, "publish_request", "messages") is { } unknown)
        {
            return ([], unknown);
        }

        if (root["messages"] is not JsonArray array || array.Count is 0 or > 1000)
        {
            // Google: "The value for message_count is too small/large" — a publish holds 1 to 1,000 messages.
            return ([], "The value for message_count is out of range: a publish request holds 1 to 1000 messages.");
        }

        var messages = new List<(byte[], Dictionary<string, string>)>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject message)
            {
                return ([], $"Invalid value at 'messages[{i}]': expected an object.");
            }

            if (StrictJson.UnknownField(message, $"messages[{i}]", "data", "attributes", "orderingKey") is { } unknownField)
            {
                return ([], unknownField);
            }

            var data = message["data"]?.GetValue<string>() is { } base64 ? Convert.FromBase64String(base64) : [];
            var attributes = message["attributes"] is JsonObject a
                ? a.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            if (data.Length == 0 && attributes.Count == 0)
            {
                return ([], "One or more messages in the publish request is empty. Each message must contain either non-empty data, or at least one attribute.");
            }

            messages.Add((data, attributes));
        }

        return (messages, null);
    }
}
