namespace Pax.Analyzers.Tests.Support;

/// <summary>
/// Runs a reader on a thread whose stack is smaller than the compiler's (1 MiB; the thread pool's threads that run
/// analyzers get 1.5 MiB on Linux): a reader that recursed once per level of its input would overflow it — which ends
/// the process, as it would end the compiler ("Stack overflow."), so no catch can turn it into a report.
/// </summary>
internal static class SmallStack
{
    public const int Size = 1024 * 1024;

    public static T Run<T>(Func<T> read)
    {
        var result = default(T);
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = read();
                }
#pragma warning disable CA1031 // rethrown on the test's thread
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    failure = exception;
                }
            },
            Size);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(60)), "the reader did not finish within 60 s");
        if (failure is not null)
        {
            throw new InvalidOperationException("the reader threw", failure);
        }

        return result!;
    }
}
