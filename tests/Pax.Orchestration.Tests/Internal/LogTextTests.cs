using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Pax.Orchestration.Internal;
using Pax.Orchestration.Scheduling.Internal;
using Pax.Orchestration.Completion.Internal;

namespace Pax.Orchestration.Tests.Internal;

/// <summary>Outside text in plain-text logs: control characters cannot start a line or forge an entry.</summary>
public sealed class LogTextTests
{
    [Theory]
    [InlineData("plain processor-1 ünïcödé 🙂", "plain processor-1 ünïcödé 🙂")]
    [InlineData("a\nb", @"a\nb")]
    [InlineData("a\r\nb", @"a\r\nb")]
    [InlineData("a\0b", @"a\0b")]
    [InlineData("a\tb", @"a\tb")]
    [InlineData("a\\nb", @"a\\nb")]
    [InlineData("\u001b[31mred", @"\u001B[31mred")]
    [InlineData("a\u007fb\u0085c\u009fd", @"a\u007Fb\u0085c\u009Fd")]
    [InlineData("a\u2028b\u2029c", @"a\u2028b\u2029c")]
    public void Escape_makes_outside_text_one_visible_line(string value, string expected)
    {
        Assert.Equal(expected, LogText.Escape(value));
    }

    [Fact]
    public void Escape_writes_lone_surrogates_as_code_points_and_keeps_pairs()
    {
        // Not in [InlineData]: attribute strings are stored as UTF-8, which cannot hold a lone surrogate.
        Assert.Equal(@"lone \uD800 high, lone \uDC00 low", LogText.Escape("lone \ud800 high, lone \udc00 low"));
        Assert.Equal(@"end \uD83D", LogText.Escape("end \ud83d"));
        Assert.Equal("pair \ud83d\ude42", LogText.Escape("pair \ud83d\ude42"));
    }

    [Fact]
    public void Escape_returns_clean_text_and_null_as_they_are()
    {
        const string Clean = "processor-1";

        Assert.Same(Clean, LogText.Escape(Clean));
        Assert.Null(LogText.Escape(null));
    }

    [Fact]
    public void A_forged_processor_name_stays_inside_the_rejection_line_with_its_event_name()
    {
        var logger = new FakeLogger();

        OrchestrationLog.Rejected(logger, "m-1\n", "invalid", "processor 'a\n{\"severity\":\"ERROR\"}\0' is not known");

        var record = logger.LatestRecord;
        Assert.Equal("Rejected delivery m-1\\n (invalid): processor 'a\\n{\"severity\":\"ERROR\"}\\0' is not known", record.Message);
        Assert.DoesNotContain('\n', record.Message);
        Assert.DoesNotContain('\0', record.Message);
        Assert.Equal(new EventId(4003, "Rejected"), record.Id);
        Assert.Equal(LogLevel.Warning, record.Level);
    }

    [Fact]
    public void Scheduler_events_with_outside_values_are_escaped_too()
    {
        var logger = new FakeLogger();

        SchedulingLog.Unauthenticated(logger, "/jobs\r\nX", "CloudRunIam", "email 'x\u2028y' not allowed");
        SchedulingLog.DuplicateDelivery(logger, "job\n1");

        Assert.Equal(
            ["Scheduler request to /jobs\\r\\nX not authenticated (CloudRunIam): email 'x\\u2028y' not allowed", "Tick delivery job\\n1 was handled already; nothing runs twice"],
            logger.Collector.GetSnapshot().Select(r => r.Message));
        Assert.Equal(new EventId(4114, "SchedulerUnauthenticated"), logger.Collector.GetSnapshot()[0].Id);
    }
}
