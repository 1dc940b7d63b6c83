using Pax.GoogleCloud.Iam;
using Pax.GoogleCloud.Run;

namespace Pax.Tool.Doctor.Inventory;

/// <summary>A Cloud Run service and its IAM bindings (<see langword="null"/> when its policy could not be read).</summary>
internal sealed record ServiceState(CloudRunService Service, IReadOnlyList<IamRoleBinding>? Bindings);
