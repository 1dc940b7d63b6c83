using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Pax.TestSupport.Emulators;

/// <summary>Topic and subscription administration and pulls against a Pub/Sub emulator over REST (what the product code never needs).</summary>
public sealed class PubSubEmulatorAdmin : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Initializes an admin client for <paramref name="emulator"/> and <paramref name="project"/>.</summary>
    /// <param name="emulator">The emulator.</param>
    /// <param name="project">The project id.</param>
    public PubSubEmulatorAdmin(GcloudEmulator emulator, string project)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = emulator.BaseAddress };
        Project = project;
    }

    /// <summary>Gets the project id.</summary>
    public string Project { get; }

    /// <summary>Creates a topic.</summary>
    /// <param name="topicId">The topic id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The full topic name.</returns>
    public async Task<string> CreateTopicAsync(string topicId, CancellationToken cancellationToken)
    {
        var name = $"projects/{Project}/topics/{topicId}";
        await SendAsync(HttpMethod.Put, $"v1/{name}", new JsonObject(), cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>Creates a pull subscription, or a push subscription when <paramref name="pushEndpoint"/> is given.</summary>
    /// <param name="subscriptionId">The subscription id.</param>
    /// <param name="topic">The full topic name.</param>
    /// <param name="pushEndpoint">The push endpoint, or <see langword="null"/> for pull.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The full subscription name.</returns>
    public async Task<string> CreateSubscriptionAsync(string subscriptionId, string topic, Uri? pushEndpoint, CancellationToken cancellationToken)
    {
        var name = $"projects/{Project}/subscriptions/{subscriptionId}";
        var body = new JsonObject { ["topic"] = topic, ["ackDeadlineSeconds"] = 10 };
        if (pushEndpoint is not null)
        {
            body["pushConfig"] = new JsonObject { ["pushEndpoint"] = pushEndpoint.AbsoluteUri };
        }

        await SendAsync(HttpMethod.Put, $"v1/{name}", body, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>Publishes a message with data and attributes.</summary>
    /// <param name="topic">The full topic name.</param>
    /// <param name="data">The data.</param>
    /// <param name="attributes">The attributes, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the emulator accepted the message.</returns>
    public Task PublishAsync(string topic, string data, IReadOnlyDictionary<string, string>? attributes, CancellationToken cancellationToken)
    {
        var message = new JsonObject { ["data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(data)) };
        if (attributes is not null)
        {
            var map = new JsonObject();
            foreach (var (key, value) in attributes)
            {
                map[key] = value;
            }

            message["attributes"] = map;
        }

        return SendAsync(HttpMethod.Post, $"v1/{topic}:publish", new JsonObject { ["messages"] = new JsonArray(message) }, cancellationToken);
    }

    /// <summary>Pulls (returning immediately) and acknowledges up to <paramref name="max"/> messages.</summary>
    /// <param name="subscription">The full subscription name.</param>
    /// <param name="max">The most messages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The messages' attributes and data.</returns>
    public async Task<IReadOnlyList<PulledMessage>> PullAsync(string subscription, int max, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Post, $"v1/{subscription}:pull", new JsonObject { ["maxMessages"] = max, ["returnImmediately"] = true }, cancellationToken).ConfigureAwait(false);
        var received = answer?["receivedMessages"]?.AsArray() ?? [];
        var messages = new List<PulledMessage>();
        var ackIds = new JsonArray();
        foreach (var item in received)
        {
            var message = item!["message"]!;
            var attributes = message["attributes"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal)
                ?? new Dictionary<string, string>(StringComparer.Ordinal);
            var data = message["data"] is { } encoded ? Encoding.UTF8.GetString(Convert.FromBase64String(encoded.GetValue<string>())) : string.Empty;
            messages.Add(new PulledMessage(message["messageId"]!.GetValue<string>(), data, attributes));
            ackIds.Add(item["ackId"]!.GetValue<string>());
        }

        if (ackIds.Count > 0)
        {
            await SendAsync(HttpMethod.Post, $"v1/{subscription}:acknowledge", new JsonObject { ["ackIds"] = ackIds }, cancellationToken).ConfigureAwait(false);
        }

        return messages;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}
