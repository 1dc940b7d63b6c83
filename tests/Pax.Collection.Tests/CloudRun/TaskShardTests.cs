using Pax.Collection.CloudRun;

namespace Pax.Collection.Tests.CloudRun;

public sealed class TaskShardTests
{
    private static readonly string[] Ids = [.. Enumerable.Range(0, 500).Select(i => new Guid(i, 7, 7, [1, 2, 3, 4, 5, 6, 7, 8]).ToString())];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void Every_camera_belongs_to_exactly_one_task(int count)
    {
        var shards = Enumerable.Range(0, count).Select(i => new TaskShard(i, count)).ToList();

        foreach (var id in Ids)
        {
            Assert.Single(shards, s => s.Includes(id));
        }
    }

    [Fact]
    public void Assignment_depends_on_the_id_only_so_list_changes_do_not_move_other_cameras()
    {
        var shard = new TaskShard(1, 4);
        var before = Ids.Where(shard.Includes).ToHashSet();
        var after = Ids.Skip(37).Append("a-new-camera").Where(shard.Includes).ToHashSet();

        Assert.Subset(before, after.Where(id => id != "a-new-camera").ToHashSet());
    }

    [Fact]
    public void Shards_are_roughly_balanced()
    {
        var sizes = Enumerable.Range(0, 4).Select(i => Ids.Count(new TaskShard(i, 4).Includes)).ToList();

        Assert.All(sizes, size => Assert.InRange(size, 90, 160));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 2)]
    [InlineData(-1, 2)]
    public void Invalid_shards_are_rejected(int index, int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TaskShard(index, count));
    }
}
