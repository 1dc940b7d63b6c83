namespace Pax.GoogleCloud.Internal;

/// <summary>Registered once by <c>AddPaxGoogleCloud</c>, so a second call adds no second set of handlers.</summary>
internal sealed class GoogleCloudServicesMarker
{
}
