namespace Pax.Tool.Doctor.Checks;

/// <summary>The parts of a REST resource name: <c>projects/P/locations/L/{collection}/ID</c> or <c>projects/P/{collection}/ID</c>.</summary>
/// <param name="Project">The project.</param>
/// <param name="Location">The location, or <c>global</c>.</param>
/// <param name="Collection">The collection, such as <c>jobs</c>, <c>services</c> or <c>subscriptions</c>.</param>
/// <param name="Id">The resource id.</param>
internal sealed record ResourceName(string Project, string Location, string Collection, string Id)
{
    public static ResourceName Parse(string name)
    {
        var parts = name.Split('/');
        return parts switch
        {
            ["projects", var p, "locations", var l, var c, var id] => new ResourceName(p, l, c, id),
            ["projects", var p, var c, var id] => new ResourceName(p, "global", c, id),
            _ => new ResourceName("PROJECT", "LOCATION", "resources", name),
        };
    }
}
