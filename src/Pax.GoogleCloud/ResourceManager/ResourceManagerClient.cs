using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Iam;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.ResourceManager.Internal;

namespace Pax.GoogleCloud.ResourceManager;

/// <summary>
/// Reads a project's IAM policy through Cloud Resource Manager v3 (<c>POST v3/projects/P:getIamPolicy</c> with
/// <c>{"options":{"requestedPolicyVersion":3}}</c>; cloud.google.com/resource-manager/reference/rest/v3/projects/getIamPolicy).
/// A typed client: resolve it from DI after <c>services.AddPaxGoogleCloud()</c>. The caller needs
/// <c>resourcemanager.projects.getIamPolicy</c> (<c>roles/iam.securityReviewer</c>, or <c>roles/viewer</c>).
/// Google answers 403 <c>PERMISSION_DENIED</c> both when that is missing and when the project does not exist.
/// </summary>
internal sealed class ResourceManagerClient
{
    private readonly GoogleRestTransport _transport;

    /// <summary>Initializes a client. Use the instance DI gives: a plain <see cref="HttpClient"/> has no credentials and no retries.</summary>
    /// <param name="httpClient">The HTTP client configured by <c>AddPaxGoogleCloud</c>.</param>
    /// <param name="options">The endpoint and retry options.</param>
    public ResourceManagerClient(HttpClient httpClient, IOptions<GoogleCloudOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _transport = new GoogleRestTransport(httpClient, GoogleServiceEndpoint.ForCloudResourceManager(options.Value));
    }

    /// <summary>Gets the endpoint requests go to, such as <c>https://cloudresourcemanager.googleapis.com/</c>.</summary>
    public Uri Endpoint => _transport.Endpoint.BaseAddress;

    /// <summary>Reads the project's IAM policy (version 3, so conditional bindings come back intact) as its bindings.</summary>
    /// <param name="project">The project id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bindings.</returns>
    /// <exception cref="ArgumentException">The project is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Resource Manager refused the call (403: grant <c>roles/iam.securityReviewer</c>, or the project does not exist).</exception>
    public async Task<IReadOnlyList<IamRoleBinding>> GetProjectBindingsAsync(string project, CancellationToken cancellationToken = default)
    {
        if (!GoogleResourceNames.IsProject(project))
        {
            throw new ArgumentException($"'{project}' is not a project id.", nameof(project));
        }

        var operation = new GoogleOperation("cloudresourcemanager", "resourcemanager.projects.getIamPolicy", $"project '{project}'", "roles/iam.securityReviewer");
        return await ResourceManagerPolicies.ReadAsync(_transport, $"projects/{project}", operation, cancellationToken).ConfigureAwait(false);
    }
}
