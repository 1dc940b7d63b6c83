using Pax.GoogleCloud.Iam;

namespace Pax.Tool.Doctor.Inventory;

/// <summary>A Cloud Run job and its IAM bindings (<see langword="null"/> when its policy could not be read).</summary>
internal sealed record JobState(string Name, IReadOnlyList<IamRoleBinding>? Bindings);
