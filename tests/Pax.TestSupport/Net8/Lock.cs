#if !NET9_0_OR_GREATER
namespace System.Threading;

/// <summary>
/// .NET 8 stand-in for .NET 9's <c>System.Threading.Lock</c>, so the test code's <c>lock (_gate)</c> compiles when the
/// library tests run on net8.0 (<c>-p:PaxTestTargetFramework=net8.0</c>): the C# compiler calls
/// <see cref="EnterScope"/> on a type of this name; here it is a Monitor.
/// </summary>
public sealed class Lock
{
    /// <summary>Enters the lock; disposing the scope exits it.</summary>
    public Scope EnterScope()
    {
        Monitor.Enter(_monitor);
        return new Scope(_monitor);
    }

    private readonly object _monitor = new();

    /// <summary>A held lock.</summary>
    public readonly ref struct Scope
    {
        private readonly object _monitor;

        internal Scope(object monitor) => _monitor = monitor;

        /// <summary>Exits the lock.</summary>
        public void Dispose() => Monitor.Exit(_monitor);
    }
}
#endif
