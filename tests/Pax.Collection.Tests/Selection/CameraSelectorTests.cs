using Microsoft.Extensions.Time.Testing;
using Pax.Collection.Cameras;
using Pax.Collection.Selection;

namespace Pax.Collection.Tests.Selection;

public sealed class CameraSelectorTests
{
    private static readonly Camera Inside = new("b-inside", "5 Ave @ 42 St", 40.7532, -73.9809, "Manhattan", true);
    private static readonly Camera InsideOffline = new("a-inside-offline", "Park Ave @ 57 St", 40.7625, -73.9710, "Manhattan", false);
    private static readonly Camera Outside = new("c-outside", "Atlantic Ave @ Flatbush Ave", 40.6840, -73.9770, "Brooklyn", true);

    [Fact]
    public void An_area_selection_keeps_the_cameras_inside_sorted_by_id_offline_ones_included()
    {
        var result = CameraSelector.Select([Outside, Inside, InsideOffline], CameraSelection.ForArea("purple-corridor"));

        Assert.Equal([InsideOffline, Inside], result.Selected);
        Assert.False(result.Selected[0].IsOnline);
        Assert.Empty(result.MissingFromApi);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void The_all_online_selection_keeps_every_camera_and_leaves_offline_ones_for_the_report()
    {
        var result = CameraSelector.Select([Outside, Inside, InsideOffline], CameraSelection.AllOnline);

        Assert.Equal([InsideOffline, Inside, Outside], result.Selected);
    }

    [Fact]
    public void Ids_that_could_escape_a_path_are_rejected_with_the_reason()
    {
        Camera[] api =
        [
            Inside,
            Inside with { Id = "../x" },
            Inside with { Id = "a/b" },
            Inside with { Id = "a\u0001b" },
            Outside with { Id = "../outside" },
        ];

        var result = CameraSelector.Select(api, CameraSelection.ForArea(CameraAreas.PurpleCorridor));

        Assert.Equal([Inside], result.Selected);
        // Sorted by ordinal id: U+0001 sorts before '/'.
        Assert.Equal(["../x", "a\u0001b", "a/b"], result.Rejected.Select(r => r.Camera.Id));
        Assert.Contains("'.'", result.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("control character U+0001", result.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Contains("'/'", result.Rejected[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_id_is_rejected_and_the_first_entry_used()
    {
        var result = CameraSelector.Select([Inside, Inside with { Name = "again" }], CameraSelection.AllOnline);

        Assert.Equal([Inside], result.Selected);
        Assert.Contains("listed more than once", Assert.Single(result.Rejected).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_selection_takes_the_API_data_keeps_the_manifest_number_and_reports_missing_and_rejected_ids()
    {
        var manifest = new CameraManifest(
        [
            Inside with { Name = "old name", Latitude = 1, Longitude = 2, Number = 7 },
            new Camera("gone", "Removed camera", 40.75, -73.99, "Manhattan", true) { Number = 8 },
            new Camera("../etc", "Bad id", 40.75, -73.99, "Manhattan", true) { Number = 9 },
            InsideOffline with { Number = 10 },
        ]);

        var result = CameraSelector.Select([Outside, InsideOffline, Inside], CameraSelection.ForManifest(manifest));

        Assert.Equal([InsideOffline with { Number = 10 }, Inside with { Number = 7 }], result.Selected);
        Assert.Equal("gone", Assert.Single(result.MissingFromApi).Id);
        Assert.Equal("../etc", Assert.Single(result.Rejected).Camera.Id);
    }

    [Fact]
    public void Ids_differing_only_in_case_are_two_cameras_in_the_API_list()
    {
        // NYCTMC ids are case-sensitive strings (FACTS.md §1: lower-case GUIDs as given); Pax compares them ordinally.
        var upper = Inside with { Id = "B-INSIDE", Name = "another camera" };

        var result = CameraSelector.Select([Inside, upper], CameraSelection.AllOnline);

        Assert.Equal([upper, Inside], result.Selected);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void A_manifest_matches_API_ids_exactly_and_keeps_ids_differing_only_in_case_apart()
    {
        var upper = Inside with { Id = "B-INSIDE", Name = "another camera" };
        var manifest = new CameraManifest([Inside with { Number = 1 }, upper with { Number = 2 }, InsideOffline with { Id = "A-INSIDE-OFFLINE", Number = 3 }]);

        var result = CameraSelector.Select([Inside, upper, InsideOffline], CameraSelection.ForManifest(manifest));

        Assert.Equal([upper with { Number = 2 }, Inside with { Number = 1 }], result.Selected);
        Assert.Equal("A-INSIDE-OFFLINE", Assert.Single(result.MissingFromApi).Id);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void Selection_does_not_depend_on_the_order_of_the_API_list()
    {
        var first = CameraSelector.Select([Outside, Inside, InsideOffline], CameraSelection.AllOnline);
        var second = CameraSelector.Select([InsideOffline, Outside, Inside], CameraSelection.AllOnline);

        Assert.Equal(first.Selected, second.Selected);
    }

    [Fact]
    public void CreateManifest_numbers_the_online_cameras_of_an_area_in_id_order()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));
        var second = Inside with { Id = "a-second", ImageUrl = new Uri("https://webcams.nyctmc.org/api/cameras/a-second/image") };

        var manifest = CameraSelector.CreateManifest([Inside, Outside, InsideOffline, second], CameraAreas.PurpleCorridor, time, source: "https://webcams.nyctmc.org/api/cameras");

        Assert.Equal(["a-second", "b-inside"], manifest.Cameras.Select(c => c.Id));
        Assert.Equal([1, 2], manifest.Cameras.Select(c => c.Number));
        Assert.All(manifest.Cameras, c => Assert.Null(c.ImageUrl));
        Assert.Equal("purple-corridor", manifest.AreaName);
        Assert.Equal(time.GetUtcNow(), manifest.GeneratedAt);
        Assert.Equal("https://webcams.nyctmc.org/api/cameras", manifest.Source);

        var withOffline = CameraSelector.CreateManifest([Inside, InsideOffline], CameraAreas.PurpleCorridor, time, includeOffline: true);
        Assert.Equal(2, withOffline.Cameras.Count);
    }

    [Fact]
    public void An_unknown_area_name_fails_when_the_selection_is_made()
    {
        Assert.Throws<ArgumentException>(() => CameraSelection.ForArea("nowhere"));
    }
}
