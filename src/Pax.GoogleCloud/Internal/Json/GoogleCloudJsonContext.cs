using System.Text.Json.Serialization;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.Storage;
using Pax.GoogleCloud.Storage.Internal;

namespace Pax.GoogleCloud.Internal.Json;

/// <summary>The package's source-generated JSON metadata: Google's REST resources use camelCase names.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GoogleErrorEnvelope))]
[JsonSerializable(typeof(StorageObject))]
[JsonSerializable(typeof(StorageObjectList))]
[JsonSerializable(typeof(StorageObjectInsertMetadata))]
internal sealed partial class GoogleCloudJsonContext : JsonSerializerContext
{
}
