namespace Pax.GoogleCloud.Internal.Errors;

/// <summary>What Pax keeps of an error answer.</summary>
/// <param name="Message">Google's message, or the body's text when it was not Google's JSON, or <see langword="null"/> when empty.</param>
/// <param name="Status">The google.rpc status name (such as <c>PERMISSION_DENIED</c>), or <see langword="null"/>.</param>
/// <param name="Reason">The first reason (such as <c>conditionNotMet</c> or <c>IAM_PERMISSION_DENIED</c>), or <see langword="null"/>.</param>
internal sealed record GoogleError(string? Message, string? Status, string? Reason);
