using System.Text.Json.Serialization;
using Pax.GoogleCloud.Eventarc.Internal;
using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Functions.Internal;
using Pax.GoogleCloud.Firestore.Internal;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.Monitoring.Internal;
using Pax.GoogleCloud.PubSub.Internal;
using Pax.GoogleCloud.ResourceManager.Internal;
using Pax.GoogleCloud.Run;
using Pax.GoogleCloud.Run.Internal;
using Pax.GoogleCloud.Scheduler.Internal;

namespace Pax.GoogleCloud.Internal.Json;

/// <summary>The package's source-generated JSON metadata: Google's REST resources use camelCase names.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GoogleErrorEnvelope))]
[JsonSerializable(typeof(List<GoogleErrorEnvelope>))]
[JsonSerializable(typeof(FirestoreDocument))]
[JsonSerializable(typeof(FirestoreCommitRequest))]
[JsonSerializable(typeof(FirestoreCommitResult))]
[JsonSerializable(typeof(FirestoreBatchGetRequest))]
[JsonSerializable(typeof(List<FirestoreBatchGetElement>))]
[JsonSerializable(typeof(FirestoreBeginTransactionRequest))]
[JsonSerializable(typeof(FirestoreBeginTransactionResponse))]
[JsonSerializable(typeof(FirestoreRollbackRequest))]
[JsonSerializable(typeof(FirestoreEmptyResponse))]
[JsonSerializable(typeof(FirestoreRunQueryRequest))]
[JsonSerializable(typeof(List<FirestoreRunQueryElement>))]
[JsonSerializable(typeof(FirestoreRunAggregationQueryRequest))]
[JsonSerializable(typeof(List<FirestoreRunAggregationQueryElement>))]
[JsonSerializable(typeof(PubSubPublishRequest))]
[JsonSerializable(typeof(PubSubPublishResponse))]
[JsonSerializable(typeof(CloudRunRunJobRequest))]
[JsonSerializable(typeof(CloudRunOperation))]
[JsonSerializable(typeof(CloudRunExecutionList))]
[JsonSerializable(typeof(IamPolicy))]
[JsonSerializable(typeof(SetIamPolicyRequest))]
[JsonSerializable(typeof(SchedulerJobResource))]
[JsonSerializable(typeof(SchedulerJobList))]
[JsonSerializable(typeof(CloudRunServiceList))]
[JsonSerializable(typeof(CloudRunJobList))]
[JsonSerializable(typeof(PubSubSubscriptionList))]
[JsonSerializable(typeof(GetIamPolicyRequest))]
[JsonSerializable(typeof(EventarcTriggerList))]
[JsonSerializable(typeof(CloudFunctionList))]
[JsonSerializable(typeof(ResourceManagerProjectResource))]
[JsonSerializable(typeof(ResourceManagerFolderResource))]
[JsonSerializable(typeof(MonitoringTimeSeriesList))]
internal sealed partial class GoogleCloudJsonContext : JsonSerializerContext
{
}
