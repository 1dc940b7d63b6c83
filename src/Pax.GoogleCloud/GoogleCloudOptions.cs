using Pax.GoogleCloud.Internal;

namespace Pax.GoogleCloud;

/// <summary>
/// Options of Pax's Google Cloud clients: endpoint overrides and retry timing. Bound from the configuration section
/// given to <c>AddPaxGoogleCloud</c> (conventionally <see cref="SectionName"/>) and validated at startup.
/// </summary>
public sealed class GoogleCloudOptions
{
    /// <summary>The conventional configuration section name: <c>GoogleCloud</c>.</summary>
    public const string SectionName = "GoogleCloud";

    /// <summary>
    /// Gets or sets an explicit Cloud Storage endpoint (such as a regional or Private Service Connect endpoint, or a
    /// test server) for the <c>StorageClient</c> Pax.Collection builds when the application registered none: its
    /// JSON API is <c>{endpoint}/storage/v1/</c>, its uploads <c>{endpoint}/upload/storage/v1/</c>, and requests are
    /// authenticated. When set it wins over <see cref="StorageEmulatorHost"/>.
    /// </summary>
    /// <value>Default <see langword="null"/>: <see cref="StorageEmulatorHost"/> when set, else Google's endpoint. Absolute http or https URI without query.</value>
    public Uri? StorageEndpoint { get; set; }

    /// <summary>
    /// Gets or sets the Cloud Storage emulator address, a host as gcloud and Google's Go, Python and Node clients read
    /// it: <c>127.0.0.1:9023</c> or <c>http://127.0.0.1:9023</c>. When set (and <see cref="StorageEndpoint"/> is not),
    /// the <c>StorageClient</c> Pax.Collection builds sends its requests there without credentials (the emulators
    /// accept anonymous requests).
    /// </summary>
    /// <value>Default: the <c>STORAGE_EMULATOR_HOST</c> environment variable when <c>AddPaxGoogleCloud</c> registered the options; <see langword="null"/> otherwise.</value>
    public string? StorageEmulatorHost { get; set; }

    /// <summary>The Firestore endpoint used when nothing overrides it: <c>https://firestore.googleapis.com</c>.</summary>
    public static readonly Uri DefaultFirestoreEndpoint = new("https://firestore.googleapis.com/");

    /// <summary>The Pub/Sub endpoint used when nothing overrides it: <c>https://pubsub.googleapis.com</c>.</summary>
    public static readonly Uri DefaultPubSubEndpoint = new("https://pubsub.googleapis.com/");

    /// <summary>The Cloud Run Admin API endpoint used when nothing overrides it: <c>https://run.googleapis.com</c>.</summary>
    public static readonly Uri DefaultCloudRunEndpoint = new("https://run.googleapis.com/");

    /// <summary>The Cloud Scheduler endpoint used when nothing overrides it: <c>https://cloudscheduler.googleapis.com</c>.</summary>
    public static readonly Uri DefaultCloudSchedulerEndpoint = new("https://cloudscheduler.googleapis.com/");

    /// <summary>Gets or sets an explicit Firestore endpoint (a test server, a private endpoint). Requests to it are authenticated; it wins over <see cref="FirestoreEmulatorHost"/>.</summary>
    /// <value>Default <see langword="null"/>: <see cref="FirestoreEmulatorHost"/> when set, else <see cref="DefaultFirestoreEndpoint"/>.</value>
    public Uri? FirestoreEndpoint { get; set; }

    /// <summary>
    /// Gets or sets the Firestore emulator address (<c>127.0.0.1:8080</c> or <c>http://127.0.0.1:8080</c>). Requests go
    /// there with the emulator's administrator token <c>Authorization: Bearer owner</c> and no access token is fetched.
    /// </summary>
    /// <value>Default: the <c>FIRESTORE_EMULATOR_HOST</c> environment variable when <c>AddPaxGoogleCloud</c> registered the options; <see langword="null"/> otherwise.</value>
    public string? FirestoreEmulatorHost { get; set; }

    /// <summary>Gets or sets an explicit Pub/Sub endpoint. Requests to it are authenticated; it wins over <see cref="PubSubEmulatorHost"/>.</summary>
    /// <value>Default <see langword="null"/>: <see cref="PubSubEmulatorHost"/> when set, else <see cref="DefaultPubSubEndpoint"/>.</value>
    public Uri? PubSubEndpoint { get; set; }

    /// <summary>Gets or sets the Pub/Sub emulator address (<c>127.0.0.1:8085</c>); requests go there without credentials.</summary>
    /// <value>Default: the <c>PUBSUB_EMULATOR_HOST</c> environment variable when <c>AddPaxGoogleCloud</c> registered the options; <see langword="null"/> otherwise.</value>
    public string? PubSubEmulatorHost { get; set; }

    /// <summary>Gets or sets an explicit Cloud Run Admin API endpoint (a test server). Requests to it are authenticated.</summary>
    /// <value>Default <see langword="null"/>: <see cref="DefaultCloudRunEndpoint"/>.</value>
    public Uri? CloudRunEndpoint { get; set; }

    /// <summary>Gets or sets an explicit Cloud Scheduler endpoint (a test server). Requests to it are authenticated.</summary>
    /// <value>Default <see langword="null"/>: <see cref="DefaultCloudSchedulerEndpoint"/>. Absolute http or https URI without query.</value>
    public Uri? CloudSchedulerEndpoint { get; set; }

    /// <summary>The Cloud Resource Manager endpoint used when nothing overrides it: <c>https://cloudresourcemanager.googleapis.com</c>.</summary>
    public static readonly Uri DefaultCloudResourceManagerEndpoint = new("https://cloudresourcemanager.googleapis.com/");

    /// <summary>Gets or sets an explicit Cloud Resource Manager endpoint (a test server). Requests to it are authenticated.</summary>
    /// <value>Default <see langword="null"/>: <see cref="DefaultCloudResourceManagerEndpoint"/>. Absolute http or https URI without query.</value>
    public Uri? CloudResourceManagerEndpoint { get; set; }

    /// <summary>The Eventarc endpoint used when nothing overrides it: <c>https://eventarc.googleapis.com</c>.</summary>
    public static readonly Uri DefaultEventarcEndpoint = new("https://eventarc.googleapis.com/");

    /// <summary>Gets or sets an explicit Eventarc endpoint (a test server). Requests to it are authenticated.</summary>
    /// <value>Default <see langword="null"/>: <see cref="DefaultEventarcEndpoint"/>. Absolute http or https URI without query.</value>
    public Uri? EventarcEndpoint { get; set; }

    /// <summary>The Cloud Functions endpoint used when nothing overrides it: <c>https://cloudfunctions.googleapis.com</c>.</summary>
    public static readonly Uri DefaultCloudFunctionsEndpoint = new("https://cloudfunctions.googleapis.com/");

    /// <summary>Gets or sets an explicit Cloud Functions endpoint (a test server). Requests to it are authenticated.</summary>
    /// <value>Default <see langword="null"/>: <see cref="DefaultCloudFunctionsEndpoint"/>. Absolute http or https URI without query.</value>
    public Uri? CloudFunctionsEndpoint { get; set; }

    /// <summary>Gets or sets the retry timing shared by all Google calls.</summary>
    /// <value>Default: see <see cref="GoogleRetryOptions"/>.</value>
    public GoogleRetryOptions Retry { get; set; } = new();

    /// <summary>The Cloud Monitoring endpoint used when nothing overrides it: <c>https://monitoring.googleapis.com</c>.</summary>
    internal static readonly Uri DefaultMonitoringEndpoint = new("https://monitoring.googleapis.com/");

    /// <summary>
    /// Gets or sets the Cloud Monitoring endpoint (only <c>pax doctor</c> reads Monitoring, through an internal client):
    /// set from <c>CLOUDSDK_API_ENDPOINT_OVERRIDES_MONITORING</c>, else <see cref="DefaultMonitoringEndpoint"/>.
    /// </summary>
    internal Uri? MonitoringEndpoint { get; set; }

    /// <summary>Gets or sets how much of one list the clients read before they stop (<see cref="GoogleListLimits.Default"/>; <c>pax doctor</c> sets its own).</summary>
    internal GoogleListLimits ListLimits { get; set; } = GoogleListLimits.Default;

    /// <summary>
    /// The endpoints <see cref="GoogleApiEndpointOverrides"/> took from a loopback <c>http://</c> override variable:
    /// requests to exactly these go without an access token, as with the emulator variables.
    /// </summary>
    internal HashSet<Uri> AnonymousEndpoints { get; } = [];
}
